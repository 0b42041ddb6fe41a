import type { BankOdds, OddsRecord } from "@trellis/domain";
import { Bar, BarChart, CartesianGrid, ErrorBar, XAxis, YAxis } from "recharts";
import { axisStyle } from "../../components/chart-style.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { embryoName, frequency } from "./words.ts";

const ROW_PX = 40;

/**
 * Each embryo's chance per transfer as a bar of 100 transfers, with its 80%
 * range as a whisker. One colour for every embryo: a chance is not good or
 * bad news, and the number is written on the bar. Screen readers get a
 * summary and a table of the same numbers, with each embryo described.
 */
export function EmbryoChart({ record, odds }: { record: OddsRecord; odds: BankOdds }) {
  const { t } = useI18n();
  const rows = record.bank.map((e, i) => ({ embryo: e, odds: odds.embryos[i]! }));
  const shown = rows.filter((r) => r.odds.transferable);
  const hidden = rows.length - shown.length;
  const data = shown.map((r) => {
    const f = frequency(r.odds.perTransfer);
    return {
      key: r.embryo.embryoId,
      name: embryoName(t, r.embryo),
      central: f.n,
      range: [f.n - f.low, f.high - f.n],
    };
  });
  const names = new Map(data.map((d) => [d.key, d.name]));
  const centrals = new Map(data.map((d) => [d.key, d.central]));
  const values = data.map((d) => d.central);
  const from = Math.min(...values);
  const to = Math.max(...values);
  const summary =
    shown.length === 0
      ? t("odds.embryos.summaryNone")
      : t("odds.embryos.summary", { count: from === to ? 1 : shown.length, from, to });

  return (
    <figure className="chart odds-embryo-chart">
      <figcaption>
        <span className="chart-title">{t("odds.embryos.chartTitle")}</span>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      {shown.length > 0 && (
        <div className="chart-frame" aria-hidden="true">
          <BarChart
            responsive
            layout="vertical"
            data={data}
            style={{ width: "100%", height: data.length * ROW_PX + 36 }}
            margin={{ top: 4, right: 4, bottom: 4, left: 0 }}
            accessibilityLayer={false}
          >
            <CartesianGrid
              yAxisId="name"
              stroke="var(--border)"
              strokeDasharray="3 4"
              horizontal={false}
            />
            <XAxis
              {...axisStyle}
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              height={28}
            />
            <YAxis
              yAxisId="name"
              type="category"
              dataKey="key"
              tickFormatter={(key: string) => names.get(key) ?? ""}
              stroke="var(--border)"
              tick={{ fill: "var(--text)", fontSize: 13 }}
              tickLine={false}
              width={84}
            />
            {/* The number for each embryo sits at the right, clear of its bar and whisker. */}
            <YAxis
              yAxisId="value"
              orientation="right"
              type="category"
              dataKey="key"
              tickFormatter={(key: string) => String(centrals.get(key) ?? "")}
              axisLine={false}
              tick={{ fill: "var(--text)", fontSize: 13, fontWeight: 600 }}
              tickLine={false}
              width={30}
            />
            <Bar
              yAxisId="name"
              dataKey="central"
              fill="var(--odds-bar)"
              radius={[0, 4, 4, 0]}
              barSize={22}
              isAnimationActive={false}
            >
              <ErrorBar
                dataKey="range"
                direction="x"
                width={8}
                stroke="var(--text)"
                strokeWidth={1.5}
                isAnimationActive={false}
              />
            </Bar>
          </BarChart>
        </div>
      )}
      {shown.length > 0 && (
        <ul className="odds-embryo-keys small" aria-hidden="true">
          {shown.map((r) => (
            <li key={r.embryo.embryoId}>
              <span className="odds-embryo-key">{embryoName(t, r.embryo)}</span>{" "}
              {t("odds.embryos.about", {
                pgt: r.embryo.input.pgt,
                day: r.embryo.input.day,
                grade: r.embryo.input.grade ?? "none",
                age: r.embryo.input.ageAtRetrieval,
              })}
            </li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <p className="muted small chart-axes" aria-hidden="true">
          {t("odds.embryos.axes")}
        </p>
      )}
      {hidden > 0 && (
        <p className="small muted">{t("odds.embryos.notTransferred", { count: hidden })}</p>
      )}
      <div className="visually-hidden">
        <table>
          <caption>{t("odds.embryos.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("odds.embryos.col.embryo")}</th>
              <th scope="col">{t("odds.embryos.col.about")}</th>
              <th scope="col">{t("odds.embryos.col.chance")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const f = frequency(r.odds.perTransfer);
              return (
                <tr key={r.embryo.embryoId}>
                  <th scope="row">{embryoName(t, r.embryo)}</th>
                  <td>
                    {t("odds.embryos.about", {
                      pgt: r.embryo.input.pgt,
                      day: r.embryo.input.day,
                      grade: r.embryo.input.grade ?? "none",
                      age: r.embryo.input.ageAtRetrieval,
                    })}
                  </td>
                  <td>
                    {r.odds.transferable
                      ? t("odds.embryos.chance", { n: f.n, low: f.low, high: f.high })
                      : t("odds.embryos.chanceNone")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
