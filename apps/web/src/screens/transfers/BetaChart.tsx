import { type Beta, type BetaTrend, daysBetween } from "@trellis/domain";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { axisStyle, gridStyle } from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * Beta hCG by days after the transfer, each value beside the slowest rise
 * usually seen from the value before it (hollow marks). Screen readers get a
 * summary and a table with the same numbers.
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
  const data = betas.map((b, i) => {
    const interval = i > 0 ? trend.intervals[i - 1] : undefined;
    const minimal = interval
      ? betas[i - 1]!.value * (1 + interval.minimalRise48hPercent / 100) ** (interval.hours / 48)
      : null;
    return { day: daysBetween(transferDate, b.drawnOn), value: b.value, minimal, id: b.id };
  });
  const from = Math.min(...data.map((d) => d.day)) - 1;
  const to = Math.max(...data.map((d) => d.day)) + 1;
  const whole = (n: number) => number(n, { maximumFractionDigits: n < 10 ? 1 : 0 });
  const summary =
    betas.length === 1
      ? t("beta.chart.summaryOne", { value: whole(first.value), days: data[0]!.day })
      : t("beta.chart.summary", {
          first: whole(first.value),
          last: whole(last.value),
          days: data.at(-1)!.day - data[0]!.day,
          count: betas.length,
        });

  return (
    <figure className="chart">
      <figcaption>
        <span className="chart-title">{t("beta.chart.title")}</span>
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
            allowDecimals={false}
            height={28}
          />
          <YAxis
            {...axisStyle}
            type="number"
            domain={[0, "auto"]}
            tickFormatter={(n: number) => number(n, { notation: "compact" })}
            width={44}
          />
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
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="legend-mark legend-left" />
          {t("beta.chart.value")}
        </li>
        {betas.length > 1 && (
          <li>
            <span className="legend-mark legend-minimal" />
            {t("beta.chart.minimal")}
          </li>
        )}
      </ul>
      <p className="muted small chart-axes" aria-hidden="true">
        {t("beta.chart.axes")}
      </p>
      <div className="visually-hidden">
        <table>
          <caption>{t("beta.chart.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("beta.chart.dayColumn")}</th>
              <th scope="col">{t("beta.chart.valueColumn")}</th>
              <th scope="col">{t("beta.chart.minimalColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.day}</th>
                <td>{whole(d.value)}</td>
                <td>{d.minimal === null ? "" : whole(d.minimal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
