import type { Estimate } from "@trellis/domain";
import { Area, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import { ChartFigure } from "../../components/ChartFigure.tsx";
import {
  axisStyle,
  drawingArea,
  gridStyle,
  of100Axis,
  valueDot,
} from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import type { PlanPoint } from "./PlanSection.tsx";
import { frequency } from "./words.ts";

const per100 = (e: Estimate) => e.central * 100;
const band = (e: Estimate): [number, number] => [e.low * 100, e.high * 100];

/** A square dot for the person's own curve: a shape as well as a colour sets it apart. */
function SquareDot(props: { cx?: number; cy?: number; index?: number }) {
  const { cx, cy, index } = props;
  if (cx === undefined || cy === undefined) return <g key={index} />;
  return (
    <rect
      key={index}
      x={cx - 4.5}
      y={cy - 4.5}
      width={9}
      height={9}
      fill="var(--odds-own)"
      stroke="var(--surface)"
      strokeWidth={1.5}
    />
  );
}

interface Series {
  readonly n: number;
  readonly central: number;
  readonly band: [number, number];
}

/** One panel: a curve with its 80% band, on the same axes as the panel beside it. */
function Panel({
  title,
  series,
  own,
  from,
  to,
}: {
  title: string;
  series: readonly Series[];
  own: boolean;
  from: number;
  to: number;
}) {
  const colour = own ? "var(--odds-own)" : "var(--odds-typical)";
  return (
    <div className="odds-panel">
      <p className="odds-panel-title">
        <span className={`odds-line-mark${own ? " odds-line-own" : ""}`} />
        {title}
      </p>
      <ComposedChart
        data={series as Series[]}
        {...drawingArea(190, { top: 10, right: 14, bottom: 4, left: 0 })}
      >
        <CartesianGrid {...gridStyle} />
        <XAxis
          {...axisStyle}
          type="number"
          dataKey="n"
          domain={[from, to]}
          ticks={Array.from({ length: to - from + 1 }, (_, i) => from + i)}
          allowDecimals={false}
          height={26}
          padding={{ left: 10, right: 10 }}
        />
        <YAxis {...of100Axis} width={36} />
        <Area
          dataKey="band"
          stroke="none"
          fill={own ? "var(--odds-own-band)" : "var(--odds-typical-band)"}
          fillOpacity={1}
          isAnimationActive={false}
          activeDot={false}
        />
        <Line
          dataKey="central"
          stroke={colour}
          strokeWidth={2.5}
          {...(!own && { strokeDasharray: "7 4" })}
          dot={own ? SquareDot : valueDot(colour)}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}

/**
 * The chance of reaching the goal by the number of retrievals, of 100 people:
 * the typical curve (dashed, circles) with its 80% band and, after a first
 * retrieval, beside it on the same axes, the curve that learns from the
 * person's own results (solid, squares). Side by side on a wide screen, one
 * above the other on a phone. Screen readers get a summary and a table with
 * one row per number of retrievals.
 */
export function PlanChart({
  points,
  goal,
  tested,
  withBank,
}: {
  points: readonly PlanPoint[];
  goal: "one" | "two";
  tested: boolean;
  withBank: boolean;
}) {
  const { t, number } = useI18n();
  const hasOwn = points.some((p) => p.own !== null);
  const first = points[0]!;
  const last = points.at(-1)!;
  const end = frequency(last.typical);
  const cell = (e: Estimate) => {
    const f = frequency(e);
    return f.fewer
      ? t("odds.plan.cellFewer", { low: f.low, high: f.high })
      : t("odds.plan.cell", { n: f.n, low: f.low, high: f.high });
  };
  const own = last.own ? frequency(last.own) : null;
  const summary =
    t("odds.plan.summary", {
      bank: withBank ? "yes" : "no",
      start: frequency(first.typical).n,
      count: last.n,
      end: end.n,
      low: end.low,
      high: end.high,
    }) + (own ? t("odds.plan.summaryOwn", { end: own.n, low: own.low, high: own.high }) : "");
  const from = first.n;
  const to = last.n;

  return (
    <ChartFigure
      className="odds-plan-chart"
      title={t("odds.plan.chartTitle", { goal })}
      summary={summary}
      drawingClassName="odds-panels"
      drawing={
        <>
          <Panel
            title={t("odds.plan.legend.typical")}
            series={points.map((p) => ({
              n: p.n,
              central: per100(p.typical),
              band: band(p.typical),
            }))}
            own={false}
            from={from}
            to={to}
          />
          {hasOwn && (
            <Panel
              title={t("odds.plan.legend.own")}
              series={points
                .filter((p) => p.own !== null)
                .map((p) => ({ n: p.n, central: per100(p.own!), band: band(p.own!) }))}
              own
              from={from}
              to={to}
            />
          )}
        </>
      }
      axes={withBank ? t("odds.plan.axes") : t("odds.plan.axesNoBank")}
      table={{
        caption: t("odds.plan.tableCaption", { goal }),
        columns: [
          t("odds.plan.col.retrievals"),
          t("odds.plan.col.typical"),
          hasOwn && t("odds.plan.col.own"),
          t("odds.plan.col.embryos", { tested: tested ? "yes" : "no" }),
        ],
        rows: points.map((p) => ({
          key: p.n,
          head: p.n === 0 ? t("odds.plan.row.bank") : p.n,
          cells: [
            cell(p.typical),
            hasOwn && (p.own ? cell(p.own) : ""),
            number(p.expected, { maximumFractionDigits: 1 }),
          ],
        })),
      }}
    />
  );
}
