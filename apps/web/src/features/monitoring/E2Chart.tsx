import { type Cycle, type LabPoint, type LabUnit, plausibleRange } from "@trellis/domain";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { CYCLE_DAY_BOUNDS, dayWindow, linearAxis } from "../../components/chart-scale.ts";
import { axisStyle, gridStyle } from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { dayKind, dayTicks } from "./days.ts";
import { labDigits } from "./units.ts";

/**
 * Estradiol over the days of the cycle, in the person's unit. Results marked
 * as wrong are not drawn (the caller passes `labSeries` without them). Screen
 * readers get a summary and a table.
 */
export function E2Chart({
  cycle,
  points,
  unit,
}: {
  cycle: Cycle;
  points: readonly LabPoint[];
  unit: LabUnit;
}) {
  const { t, number } = useI18n();
  const kind = dayKind(cycle);
  const shown = points.filter((p) => p.cycleDay !== null);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return null;
  const value = (n: number) => number(n, labDigits(n));
  // Axes bounded by what can be: cycle days near the cycle, values up to what labs report.
  const span = dayWindow(
    shown.map((p) => p.cycleDay!),
    CYCLE_DAY_BOUNDS,
  );
  const data = shown
    .map((p) => ({ day: p.cycleDay!, value: p.value }))
    .filter((d) => span.inside(d.day));
  const { from, to } = span;
  const axis = linearAxis(
    data.map((d) => d.value),
    { cap: plausibleRange("E2", unit)?.max ?? Number.POSITIVE_INFINITY },
  );

  const summary =
    shown.length === 1
      ? t("monitoring.chart.e2.summaryOne", {
          value: value(last.value),
          unit,
          kind,
          day: last.cycleDay!,
        })
      : t("monitoring.chart.e2.summary", {
          from: value(first.value),
          to: value(last.value),
          unit,
          kind,
          fromDay: first.cycleDay!,
          toDay: last.cycleDay!,
          count: shown.length,
        });

  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{t("monitoring.chart.e2.title", { unit, kind })}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div className="chart-frame" aria-hidden="true">
        <LineChart
          responsive
          data={data}
          style={{ width: "100%", height: 220 }}
          margin={{ top: 12, right: 12, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid {...gridStyle} />
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
            domain={[...axis.domain]}
            ticks={[...axis.ticks]}
            allowDataOverflow
            tickFormatter={(n: number) => number(n, { notation: "compact" })}
            width={48}
          />
          <Line
            type="monotone"
            dataKey="value"
            stroke="var(--chart-e2)"
            strokeWidth={2.5}
            dot={{ r: 4.5, fill: "var(--chart-e2)", stroke: "var(--surface)", strokeWidth: 1.5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <p className="muted small chart-axes" aria-hidden="true">
        {t("monitoring.chart.e2.axes", { kind, unit })}
      </p>
      {data.length < shown.length && (
        <p className="small">{t("chart.notDrawn", { count: shown.length - data.length })}</p>
      )}
      <div className="visually-hidden">
        <table>
          <caption>{t("monitoring.chart.e2.tableCaption", { unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("monitoring.chart.dayColumn", { kind })}</th>
              <th scope="col">{t("monitoring.chart.e2.valueColumn", { unit })}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.result.id}>
                <th scope="row">{p.cycleDay}</th>
                <td>{value(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
