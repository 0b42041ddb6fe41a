import { type Cost, costList, cycleList } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { todayIso } from "../../app/time.ts";
import { AddDisclosure } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { CostsNotShared, useCostsKeptFromMe } from "../sharing/index.ts";
import { CostCard } from "./CostCard.tsx";
import { CostForm } from "./CostForm.tsx";
import { CostTotals } from "./CostTotals.tsx";
import { cycleTotals, noCycleTotals, totalsOf } from "./summary-view.ts";
import { money } from "./words.ts";

/**
 * The Costs section: totals first (per currency, never converted), what is
 * due, a form to add a cost, then every cost grouped by cycle (newest cycle
 * first), those tied to no cycle, and the storage fees paid from the embryo
 * bank (counted in the totals, entered there, never twice).
 */
export function Costs() {
  const { t } = useI18n();
  // A viewer the owner has not shared costs with holds none of them; the
  // storage fees the embryo bank shows are not repeated here as totals.
  if (useCostsKeptFromMe()) {
    return (
      <Page title={t("costs.title")}>
        <CostsNotShared />
      </Page>
    );
  }
  return <CostsShown />;
}

function CostsShown() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const canRecord = useCanRecord();
  const today = todayIso(state.journey!.homeZone);
  const costs = costList(state);
  const totals = totalsOf(state, today);
  const due = totals
    .flatMap((c) => c.dueList)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const cycles = cycleList(state);
  const byCycle = new Map<string | null, Cost[]>();
  for (const c of costs) {
    const key = c.cycleId !== null && state.cycles.has(c.cycleId) ? c.cycleId : null;
    byCycle.set(key, [...(byCycle.get(key) ?? []), c]);
  }
  const feesPaid = totals
    .flatMap((c) => c.storageFees.payments.map((p) => ({ ...p, currency: c.currency })))
    .sort((a, b) => (a.paidOn < b.paidOn ? 1 : a.paidOn > b.paidOn ? -1 : 0));

  const groupTotal = (cycleId: string | null) =>
    totals
      .flatMap((c) => {
        const s = cycleId === null ? noCycleTotals(c) : cycleTotals(c, cycleId);
        return s
          ? [
              t("costs.cycleTotal", {
                total: money(i18n, s.total, c.currency),
                outOfPocket: money(i18n, s.outOfPocket, c.currency),
              }),
            ]
          : [];
      })
      .join(" · ");

  const group = (key: string | null, title: string, sub: string | null) => {
    const list = byCycle.get(key);
    if (!list) return null;
    return (
      <section
        key={key ?? "none"}
        className="stack-tight"
        aria-labelledby={`${id}-${key ?? "none"}`}
      >
        <h3 id={`${id}-${key ?? "none"}`}>{title}</h3>
        {sub && <p className="muted small">{sub}</p>}
        <p className="small">{groupTotal(key)}</p>
        <ul className="plain-list stack-tight">
          {list.map((c) => (
            <CostCard key={c.id} cost={c} today={today} />
          ))}
        </ul>
      </section>
    );
  };

  return (
    <Page title={t("costs.title")} intro={t("costs.intro")}>
      <ReadOnlyNote />
      {costs.length === 0 && (
        <p className="card empty">{t(canRecord ? "costs.empty" : "costs.empty.readOnly")}</p>
      )}
      {totals.length > 0 && <CostTotals totals={totals} year={Number(today.slice(0, 4))} />}

      {due.length > 0 && (
        <section className="card stack-tight cost-due" aria-labelledby={`${id}-due`}>
          <h2 id={`${id}-due`}>{t("costs.due.title")}</h2>
          <ul className="plain-list stack-tight">
            {due.map(({ cost: c, dueOn, overdue }) => (
              <li key={c.id} className={overdue ? "cost-due-line" : undefined}>
                {t(overdue ? "costs.due.lineOverdue" : "costs.due.line", {
                  description: c.description,
                  amount: money(i18n, c.amount.value, c.amount.currency),
                  date: i18n.day(dueOn, true),
                })}
                {c.remindDaysBefore !== null && (
                  <span className="muted small">
                    {" · "}
                    {t("costs.due.reminder", { days: c.remindDaysBefore })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <WhenCanRecord>
        <section className="card stack">
          <AddDisclosure label={t("costs.add")}>
            {(close) => <CostForm today={today} onDone={close} />}
          </AddDisclosure>
        </section>
      </WhenCanRecord>

      {(costs.length > 0 || feesPaid.length > 0) && (
        <section className="stack" aria-labelledby={`${id}-list`}>
          <h2 id={`${id}-list`}>{t("costs.byCycle.title")}</h2>
          {cycles.map((c) =>
            group(
              c.id,
              c.protocolName,
              [t(`cycle.type.${c.cycleType}`), i18n.day(c.startDate, true)].join(" · "),
            ),
          )}
          {group(null, t("costs.noCycle"), null)}
          {feesPaid.length > 0 && (
            <section className="stack-tight" aria-labelledby={`${id}-fees`}>
              <h3 id={`${id}-fees`}>{t("costs.storageFees")}</h3>
              <p className="muted small">{t("costs.storageFee.hint")}</p>
              <ul className="plain-list stack-tight">
                {feesPaid.map((p) => (
                  <li key={`${p.feeId}-${p.dueOn}`} className="card cost cost-fee">
                    <div className="cost-head">
                      <span>
                        {t("costs.storageFee.line", {
                          clinic: p.clinic,
                          date: i18n.day(p.paidOn, true),
                        })}
                      </span>
                      <span className="cost-amount">{money(i18n, p.amount, p.currency)}</span>
                    </div>
                  </li>
                ))}
              </ul>
              <p>
                <Link href={routes.embryos.fees}>{t("embryos.fees.title")}</Link>
              </p>
            </section>
          )}
        </section>
      )}
    </Page>
  );
}
