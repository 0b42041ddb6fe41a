import { costsDue } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { costName, money } from "./words.ts";

/**
 * On Today: costs overdue, or due within the days before that the person
 * asked to be reminded, each with its amount and date and a one-tap "Paid
 * today" (not for a viewer). Nothing when nothing is due.
 */
export function CostsDue() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const id = useId();
  const today = todayIso(state.journey!.homeZone);
  const due = costsDue(state, { today });
  if (due.length === 0) return null;

  async function paid(costId: string) {
    const r = await action.record("CostPaid", { costId, paidOn: today });
    if (r.ok) toast.show(t("costs.paid"));
  }

  return (
    <section className="card notice costs-due" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("costs.dueToday.title")}</h2>
      <ul className="plain-list stack-tight">
        {due.map(({ cost, dueOn, overdue }) => (
          <li key={cost.id} className="fee-due">
            <span>
              {t(overdue ? "costs.due.lineOverdue" : "costs.due.line", {
                description: cost.description,
                amount: money(i18n, cost.amount.value, cost.amount.currency),
                date: i18n.day(dueOn, true),
              })}
            </span>
            <WhenCanRecord>
              <button
                type="button"
                className="button"
                aria-label={t("costs.markPaid.label", { name: costName(i18n, cost) })}
                onClick={() => void paid(cost.id)}
              >
                {t("costs.markPaid")}
              </button>
            </WhenCanRecord>
          </li>
        ))}
      </ul>
      <Link href={routes.costs}>{t("costs.dueToday.link")}</Link>
    </section>
  );
}
