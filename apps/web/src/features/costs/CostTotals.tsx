import type { CurrencyCosts, CostTotals as Sums } from "@trellis/domain";
import { useId } from "react";
import { ChartFigure } from "../../components/ChartFigure.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { money } from "./words.ts";

type CurrencyTotals = CurrencyCosts;

/**
 * The totals first, one card per currency (never converted): everything so
 * far and this year, each as out of pocket, covered and still due; per
 * retrieval and per transfer; storage fees from the embryo bank counted in
 * (and said so); what is due next. Then the chart of out of pocket and
 * covered by year.
 */
export function CostTotals({ totals, year }: { totals: readonly CurrencyTotals[]; year: number }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("costs.totals.title")}</h2>
      {totals.map((c) => (
        <CurrencyCard key={c.currency} totals={c} year={year} many={totals.length > 1} />
      ))}
    </section>
  );
}

function SumsTable({ caption, sums, currency }: { caption: string; sums: Sums; currency: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const m = (v: number) => money(i18n, v, currency);
  return (
    <table className="cost-sums">
      <caption className="cost-sums-caption">{caption}</caption>
      <tbody>
        <tr>
          <th scope="row" className="cost-sums-label">
            {t("costs.totals.outOfPocket")}
          </th>
          <td className="cost-sums-value">{m(sums.outOfPocket)}</td>
        </tr>
        <tr>
          <th scope="row" className="cost-sums-label">
            {t("costs.totals.covered")}
          </th>
          <td className="cost-sums-value">{m(sums.covered)}</td>
        </tr>
        {sums.due > 0 && (
          <tr>
            <th scope="row" className="cost-sums-label">
              {t("costs.totals.due")}
            </th>
            <td className="cost-sums-value">{m(sums.due)}</td>
          </tr>
        )}
        <tr>
          <th scope="row" className="cost-sums-label cost-sums-total">
            {t("costs.chart.total")}
          </th>
          <td className="cost-sums-value cost-sums-total">{m(sums.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function CurrencyCard({
  totals,
  year,
  many,
}: {
  totals: CurrencyTotals;
  year: number;
  many: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { currency } = totals;
  const m = (v: number) => money(i18n, v, currency);
  const thisYear = totals.byYear.find((y) => y.year === year);
  const next = totals.dueList[0];
  // A currency none of the retrieval cycles' costs were in has nothing to say per retrieval.
  return (
    <article
      className="card stack-tight cost-totals"
      aria-label={t("costs.totals.in", { currency })}
    >
      {many && <h3>{t("costs.totals.in", { currency })}</h3>}
      <p className="cost-big" aria-hidden="true">
        {m(totals.lifetime.total)}
      </p>
      <div className="cost-sums-pair">
        <SumsTable
          caption={t("costs.totals.lifetime")}
          sums={totals.lifetime}
          currency={currency}
        />
        {thisYear && (
          <SumsTable
            caption={t("costs.totals.thisYear", { year: String(year) })}
            sums={thisYear.totals}
            currency={currency}
          />
        )}
      </div>
      {totals.byYear.length > 0 && <YearChart totals={totals} many={many} />}
      {next && (
        <p className="cost-due-line">
          {t(next.overdue ? "costs.totals.dueNextOverdue" : "costs.totals.dueNext", {
            description: next.cost.description,
            amount: m(next.cost.amount.value),
            date: i18n.day(next.dueOn, true),
          })}
        </p>
      )}
      {totals.perRetrieval.each && totals.perRetrieval.total > 0 && (
        <p>
          {t("costs.totals.perRetrieval", {
            amount: m(totals.perRetrieval.each.total),
            outOfPocket: m(totals.perRetrieval.each.outOfPocket),
            count: totals.perRetrieval.count,
          })}
        </p>
      )}
      {totals.perTransfer.each && totals.perTransfer.total > 0 && (
        <p>
          {t("costs.totals.perTransfer", {
            amount: m(totals.perTransfer.each.total),
            outOfPocket: m(totals.perTransfer.each.outOfPocket),
            count: totals.perTransfer.count,
          })}
        </p>
      )}
      {((totals.perRetrieval.each && totals.perRetrieval.total > 0) ||
        (totals.perTransfer.each && totals.perTransfer.total > 0)) && (
        <p className="muted small">{t("costs.totals.perHint")}</p>
      )}
      {totals.storageFees.totals.entries > 0 && (
        <p className="muted small">
          {t("costs.totals.storage", { amount: m(totals.storageFees.totals.total) })}
        </p>
      )}
      {totals.lifetime.coveredPending > 0 && (
        <p className="muted small">
          {t("costs.totals.expected", { amount: m(totals.lifetime.coveredPending) })}
        </p>
      )}
    </article>
  );
}

/**
 * Out of pocket and covered, one bar per year: lengths against the largest
 * year, the out-of-pocket part solid and the covered part lighter and
 * striped (so the two differ without colour). The figure's table says the
 * same to a screen reader.
 */
function YearChart({ totals, many }: { totals: CurrencyTotals; many: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { currency } = totals;
  const m = (v: number) => money(i18n, v, currency);
  const years = [...totals.byYear].sort((a, b) => a.year - b.year);
  const most = Math.max(...years.map((y) => y.totals.total), 0);
  const top = years.reduce((a, b) => (b.totals.outOfPocket > a.totals.outOfPocket ? b : a));
  const width = (v: number) => (most > 0 ? `${(v / most) * 100}%` : "0%");
  return (
    <ChartFigure
      className="cost-chart"
      title={many ? t("costs.chart.titleIn", { currency }) : t("costs.chart.title")}
      summary={t("costs.chart.summary", {
        years: years.length,
        amount: m(top.totals.outOfPocket),
        year: String(top.year),
      })}
      drawing={
        <div className="cost-bars">
          {years.map((y) => (
            <div key={y.year} className="cost-bar-row">
              <span className="cost-bar-year">{y.year}</span>
              <span className="cost-bar-track">
                <span className="cost-bar-own" style={{ width: width(y.totals.outOfPocket) }} />
                <span className="cost-bar-covered" style={{ width: width(y.totals.covered) }} />
              </span>
              <span className="cost-bar-value">{m(y.totals.total)}</span>
            </div>
          ))}
        </div>
      }
      legend={
        <ul className="chart-legend cost-legend" aria-hidden="true">
          <li>
            <span className="cost-key cost-key-own" /> {t("costs.chart.outOfPocket")}
          </li>
          <li>
            <span className="cost-key cost-key-covered" /> {t("costs.chart.covered")}
          </li>
        </ul>
      }
      table={{
        caption: many ? t("costs.chart.titleIn", { currency }) : t("costs.chart.title"),
        columns: [
          t("costs.chart.year"),
          t("costs.chart.outOfPocket"),
          t("costs.chart.covered"),
          t("costs.chart.total"),
        ],
        rows: years.map((y) => ({
          key: y.year,
          head: String(y.year),
          cells: [m(y.totals.outOfPocket), m(y.totals.covered), m(y.totals.total)],
        })),
      }}
    />
  );
}
