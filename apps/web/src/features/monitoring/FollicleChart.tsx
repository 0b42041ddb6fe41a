import type { Cycle, ScanPoint } from "@trellis/domain";
import { FOLLICLE_MAX_MM, TRIGGER_FOLLICLE_MM } from "@trellis/domain";
import {
  CartesianGrid,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import { CYCLE_DAY_BOUNDS, dayWindow } from "../../components/chart-scale.ts";
import { axisStyle, gridStyle } from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { dayKind, dayTicks } from "./days.ts";

// The band and the axis come from the domain: `TRIGGER_FOLLICLE_MM` (clinical reference §7,
// typical, not a rule for this person: the chart says "often") and `FOLLICLE_MAX_MM`, the
// largest follicle a scan records.

interface Dot {
  readonly day: number;
  readonly mm: number;
}

/** Spreads follicles of one ovary on one day sideways, so equal sizes do not hide each other. */
function dots(points: readonly ScanPoint[], side: "leftMm" | "rightMm", shift: number): Dot[] {
  const out: Dot[] = [];
  for (const p of points) {
    if (p.cycleDay === null) continue;
    const seen = new Map<number, number>();
    for (const mm of p.scan[side]) {
      const k = seen.get(mm) ?? 0;
      seen.set(mm, k + 1);
      out.push({ day: p.cycleDay + shift + Math.sign(shift) * k * 0.09, mm });
    }
  }
  return out;
}

/**
 * Follicle sizes per ovary by cycle day: left as circles, right as triangles
 * (two colours as well, never colour alone), with the band where clinics
 * often trigger. The picture is for the eyes; screen readers get the summary
 * and a table of the same numbers.
 */
export function FollicleChart({ cycle, points }: { cycle: Cycle; points: readonly ScanPoint[] }) {
  const { t, number } = useI18n();
  const kind = dayKind(cycle);
  const dated = points.filter((p) => p.cycleDay !== null);
  // Axes bounded by what can be: cycle days near the cycle, sizes up to 40 mm.
  const span = dayWindow(
    dated.map((p) => p.cycleDay!),
    CYCLE_DAY_BOUNDS,
  );
  const shown = dated.filter((p) => span.inside(p.cycleDay!));
  const latest = shown.at(-1);
  if (!latest || latest.cycleDay === null) return null;
  const { from, to } = span;
  const largest = Math.max(0, ...shown.flatMap((p) => [...p.scan.leftMm, ...p.scan.rightMm]));
  const yMax = Math.min(FOLLICLE_MAX_MM, Math.max(25, Math.ceil((largest + 2) / 5) * 5));
  const mm = (n: number) => number(n, { maximumFractionDigits: 1 });
  const list = (sizes: readonly number[]) =>
    sizes.length ? sizes.map(mm).join(", ") : t("monitoring.scan.noneSeen");

  const summary =
    latest.leadMm === null
      ? t("monitoring.chart.follicles.summaryNoFollicles", { kind, day: latest.cycleDay })
      : t("monitoring.chart.follicles.summary", {
          kind,
          day: latest.cycleDay,
          lead: mm(latest.leadMm),
          count: latest.countAtLeast10,
        });

  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{t("monitoring.chart.follicles.title", { kind })}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-frame" aria-hidden="true">
        <ScatterChart
          responsive
          style={{ width: "100%", height: 260 }}
          margin={{ top: 8, right: 14, bottom: 8, left: -8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...gridStyle} />
          <ReferenceArea
            y1={TRIGGER_FOLLICLE_MM.from}
            y2={TRIGGER_FOLLICLE_MM.to}
            fill="var(--chart-band)"
            fillOpacity={1}
            stroke="var(--chart-band-edge)"
            strokeDasharray="4 3"
            ifOverflow="extendDomain"
          />
          <ReferenceLine
            y={TRIGGER_FOLLICLE_MM.to}
            stroke="none"
            label={{
              value: t("monitoring.chart.triggerBandShort"),
              position: "insideBottomLeft",
              fill: "var(--muted)",
              fontSize: 12,
            }}
          />
          <XAxis
            {...axisStyle}
            type="number"
            dataKey="day"
            domain={[from, to]}
            ticks={dayTicks(from, to)}
            allowDecimals={false}
            height={28}
          />
          <YAxis
            {...axisStyle}
            type="number"
            dataKey="mm"
            domain={[0, yMax]}
            ticks={Array.from({ length: yMax / 5 + 1 }, (_, i) => i * 5)}
            width={40}
          />
          <Scatter
            name={t("monitoring.ovary.left")}
            data={dots(shown, "leftMm", -0.14)}
            shape="circle"
            fill="var(--chart-left)"
            isAnimationActive={false}
          />
          <Scatter
            name={t("monitoring.ovary.right")}
            data={dots(shown, "rightMm", 0.14)}
            shape="triangle"
            fill="var(--chart-right)"
            isAnimationActive={false}
          />
        </ScatterChart>
      </div>
      <ul className="chart-legend">
        <li>
          <span className="legend-mark legend-left" aria-hidden="true" />
          {t("monitoring.ovary.left")}
        </li>
        <li>
          <span className="legend-mark legend-right" aria-hidden="true" />
          {t("monitoring.ovary.right")}
        </li>
        <li>
          <span className="legend-mark legend-band" aria-hidden="true" />
          {t("monitoring.chart.triggerBand", TRIGGER_FOLLICLE_MM)}
        </li>
      </ul>
      <p className="muted small chart-axes" aria-hidden="true">
        {t("monitoring.chart.follicles.axes", { kind })}
      </p>
      {shown.length < dated.length && (
        <p className="small">{t("chart.notDrawn", { count: dated.length - shown.length })}</p>
      )}
      <div className="visually-hidden">
        <table>
          <caption>{t("monitoring.chart.follicles.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("monitoring.chart.dayColumn", { kind })}</th>
              <th scope="col">{t("monitoring.ovary.leftMm")}</th>
              <th scope="col">{t("monitoring.ovary.rightMm")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.scan.id}>
                <th scope="row">{p.cycleDay}</th>
                <td>{list(p.scan.leftMm)}</td>
                <td>{list(p.scan.rightMm)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
