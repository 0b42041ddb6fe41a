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
import { ChartFigure, ChartLegend, NotDrawn } from "../../components/ChartFigure.tsx";
import { axisStyle, drawingArea, gridStyle } from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { cycleDayWindow, dayAxisProps, dayKind } from "./days.ts";

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
  const span = cycleDayWindow(dated.map((p) => p.cycleDay!));
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
    <ChartFigure
      title={t("monitoring.chart.follicles.title", { kind })}
      summary={summary}
      drawing={
        <ScatterChart {...drawingArea(260, { top: 8, right: 14, bottom: 8, left: -8 })}>
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
          <XAxis {...dayAxisProps(from, to)} />
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
      }
      // Readable: the band is not in the table.
      legend={
        <ChartLegend
          readable
          items={[
            { mark: "left", label: t("monitoring.ovary.left") },
            { mark: "right", label: t("monitoring.ovary.right") },
            { mark: "band", label: t("monitoring.chart.triggerBand", TRIGGER_FOLLICLE_MM) },
          ]}
        />
      }
      axes={t("monitoring.chart.follicles.axes", { kind })}
      table={{
        caption: t("monitoring.chart.follicles.tableCaption"),
        columns: [
          t("monitoring.chart.dayColumn", { kind }),
          t("monitoring.ovary.leftMm"),
          t("monitoring.ovary.rightMm"),
        ],
        rows: shown.map((p) => ({
          key: p.scan.id,
          head: p.cycleDay,
          cells: [list(p.scan.leftMm), list(p.scan.rightMm)],
        })),
      }}
    >
      <NotDrawn count={dated.length - shown.length} />
    </ChartFigure>
  );
}
