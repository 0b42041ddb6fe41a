import { type Cycle, type LabPoint, type LabUnit, plausibleRange } from "@trellis/domain";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartFigure, NotDrawn } from "../../components/ChartFigure.tsx";
import { linearAxis } from "../../components/chart-scale.ts";
import {
  drawingArea,
  gridStyle,
  measuredLine,
  valueAxisProps,
} from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { cycleDayWindow, dayAxisProps, dayKind } from "./days.ts";
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
  const span = cycleDayWindow(shown.map((p) => p.cycleDay!));
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
    <ChartFigure
      title={t("monitoring.chart.e2.title", { unit, kind })}
      summary={summary}
      drawing={
        <LineChart data={data} {...drawingArea(220, { top: 12, right: 12, bottom: 8, left: 0 })}>
          <CartesianGrid {...gridStyle} />
          <XAxis {...dayAxisProps(from, to)} />
          <YAxis {...valueAxisProps(axis, (n) => number(n, { notation: "compact" }), 48)} />
          <Line type="monotone" {...measuredLine} />
        </LineChart>
      }
      axes={t("monitoring.chart.e2.axes", { kind, unit })}
      table={{
        caption: t("monitoring.chart.e2.tableCaption", { unit }),
        columns: [
          t("monitoring.chart.dayColumn", { kind }),
          t("monitoring.chart.e2.valueColumn", { unit }),
        ],
        rows: shown.map((p) => ({
          key: p.result.id,
          head: p.cycleDay,
          cells: [value(p.value)],
        })),
      }}
    >
      <NotDrawn count={shown.length - data.length} />
    </ChartFigure>
  );
}
