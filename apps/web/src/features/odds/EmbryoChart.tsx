import type { BankOdds, OddsRecord } from "@trellis/domain";
import { Bar, BarChart, CartesianGrid, ErrorBar, XAxis, YAxis } from "recharts";
import { ChartFigure } from "../../components/ChartFigure.tsx";
import { drawingArea, gridStyle, of100Axis } from "../../components/chart-style.ts";
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
  const about = (e: OddsRecord["bank"][number]) =>
    t("odds.embryos.about", {
      pgt: e.input.pgt,
      day: e.input.day,
      grade: e.input.grade ?? "none",
      age: e.input.ageAtRetrieval,
    });
  const summary =
    shown.length === 0
      ? t("odds.embryos.summaryNone")
      : t("odds.embryos.summary", { count: from === to ? 1 : shown.length, from, to });

  return (
    <ChartFigure
      className="odds-embryo-chart"
      title={t("odds.embryos.chartTitle")}
      summary={summary}
      drawing={
        shown.length > 0 && (
          <BarChart
            layout="vertical"
            data={data}
            {...drawingArea(data.length * ROW_PX + 36, { top: 4, right: 4, bottom: 4, left: 0 })}
          >
            <CartesianGrid yAxisId="name" {...gridStyle} horizontal={false} />
            <XAxis {...of100Axis} height={28} />
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
        )
      }
      legend={
        shown.length > 0 && (
          <ul className="odds-embryo-keys small" aria-hidden="true">
            {shown.map((r) => (
              <li key={r.embryo.embryoId}>
                <span className="odds-embryo-key">{embryoName(t, r.embryo)}</span> {about(r.embryo)}
              </li>
            ))}
          </ul>
        )
      }
      axes={shown.length > 0 && t("odds.embryos.axes")}
      table={{
        caption: t("odds.embryos.tableCaption"),
        columns: [
          t("odds.embryos.col.embryo"),
          t("odds.embryos.col.about"),
          t("odds.embryos.col.chance"),
        ],
        rows: rows.map((r) => {
          const f = frequency(r.odds.perTransfer);
          return {
            key: r.embryo.embryoId,
            head: embryoName(t, r.embryo),
            cells: [
              about(r.embryo),
              r.odds.transferable
                ? t("odds.embryos.chance", { n: f.n, low: f.low, high: f.high })
                : t("odds.embryos.chanceNone"),
            ],
          };
        }),
      }}
    >
      {hidden > 0 && (
        <p className="small muted">{t("odds.embryos.notTransferred", { count: hidden })}</p>
      )}
    </ChartFigure>
  );
}
