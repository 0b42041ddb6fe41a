import {
  BETA_MAX_DAYS_AFTER_TRANSFER,
  type Beta,
  type BetaTrend,
  daysBetween,
  LAB_ANALYTES,
} from "@trellis/domain";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { ChartFigure, ChartLegend } from "../../components/ChartFigure.tsx";
import { dayWindow, valueAxis } from "../../components/chart-scale.ts";
import {
  axisStyle,
  drawingArea,
  gridStyle,
  measuredLine,
  valueAxisProps,
} from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** The axis never goes above what a lab reports (the domain's hCG plausibility guard). */
const HCG_CAP = LAB_ANALYTES.hCG.plausibleMax;
/** Nor below 0.1 mIU/mL on a log axis: labs report "under 1" or "under 2" below that. */
const HCG_FLOOR = 0.1;

/**
 * Beta hCG by days after the transfer, each value beside the slowest rise
 * usually seen from the value before it (hollow marks). Screen readers get a
 * summary and a table with the same numbers.
 *
 * The axes are bounded by what can be: days 0 to 20 weeks after the transfer
 * (`BETA_MAX_DAYS_AFTER_TRANSFER`; a beta stored from before that guard is
 * listed in words, not drawn), values up to the hCG plausibility guard, and a
 * slowest-rise mark only where it means something (a day to a week after the
 * value before, and not beyond what labs report). When the values span ten
 * times or more, the axis is logarithmic, so 12 and 12,000 both stay readable.
 */
export function BetaChart({
  transferDate,
  betas,
  trend,
}: {
  transferDate: string;
  betas: readonly Beta[];
  trend: BetaTrend;
}) {
  const { t, number } = useI18n();
  const first = betas[0];
  const last = betas.at(-1);
  if (!first || !last) return null;
  const span = dayWindow(
    betas.map((b) => daysBetween(transferDate, b.drawnOn)),
    { min: 0, max: BETA_MAX_DAYS_AFTER_TRANSFER },
  );
  const all = betas.map((b, i) => {
    const day = daysBetween(transferDate, b.drawnOn);
    const interval = i > 0 ? trend.intervals[i - 1] : undefined;
    const before = i > 0 ? betas[i - 1]! : undefined;
    const judged =
      interval &&
      before &&
      (interval.judgement === "compared" || interval.judgement === "not-rising") &&
      span.inside(daysBetween(transferDate, before.drawnOn));
    const expected = judged
      ? before.value * (1 + interval.minimalRise48hPercent / 100) ** (interval.hours / 48)
      : null;
    const minimal = expected !== null && expected <= HCG_CAP ? expected : null;
    return { day, value: b.value, minimal, id: b.id, drawn: span.inside(day) };
  });
  const data = all.filter((d) => d.drawn);
  const outside = all.length - data.length;
  const axis = valueAxis(
    data.flatMap((d) => (d.minimal === null ? [d.value] : [d.value, d.minimal])),
    { cap: HCG_CAP, floor: HCG_FLOOR },
  );
  const whole = (n: number) => number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
  const summary =
    betas.length === 1
      ? t("beta.chart.summaryOne", { value: whole(first.value), days: all[0]!.day })
      : t("beta.chart.summary", {
          first: whole(first.value),
          last: whole(last.value),
          days: all.at(-1)!.day - all[0]!.day,
          count: betas.length,
        });

  return (
    <ChartFigure
      title={t("beta.chart.title")}
      summary={summary}
      drawing={
        data.length > 0 && (
          <LineChart data={data} {...drawingArea(220, { top: 12, right: 18, bottom: 8, left: 0 })}>
            <CartesianGrid {...gridStyle} />
            <XAxis
              {...axisStyle}
              type="number"
              dataKey="day"
              domain={[span.from, span.to]}
              allowDecimals={false}
              allowDataOverflow
              height={28}
            />
            <YAxis {...valueAxisProps(axis, (n) => number(n, { notation: "compact" }), 44)} />
            <Line
              dataKey="minimal"
              stroke="none"
              dot={{
                r: 5,
                fill: "var(--surface)",
                stroke: "var(--chart-typical-edge)",
                strokeWidth: 2,
              }}
              isAnimationActive={false}
              connectNulls={false}
            />
            {/* Straight between results: a curve would draw values nobody measured,
                and weeks apart it would invent a whole course. */}
            <Line type="linear" {...measuredLine} />
          </LineChart>
        )
      }
      legend={
        <ChartLegend
          items={[
            { mark: "left", label: t("beta.chart.value") },
            data.some((d) => d.minimal !== null) && {
              mark: "minimal",
              label: t("beta.chart.minimal"),
            },
          ]}
        />
      }
      axes={t(axis.scale === "log" ? "beta.chart.axesLog" : "beta.chart.axes")}
      table={{
        caption: t("beta.chart.tableCaption"),
        columns: [
          t("beta.chart.dayColumn"),
          t("beta.chart.valueColumn"),
          t("beta.chart.minimalColumn"),
        ],
        rows: all.map((d) => ({
          key: d.id,
          head: d.day,
          cells: [whole(d.value), d.minimal === null ? "" : whole(d.minimal)],
        })),
      }}
    >
      {outside > 0 && (
        <p className="small">
          {t("beta.chart.outside", {
            count: outside,
            weeks: BETA_MAX_DAYS_AFTER_TRANSFER / 7,
          })}
        </p>
      )}
    </ChartFigure>
  );
}
