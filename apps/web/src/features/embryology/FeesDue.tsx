import { type FeeView, storageFeeList, storageFeesDue } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";

export function money(i18n: I18n, amount: { value: number; currency: string }): string {
  return i18n.number(amount.value, { style: "currency", currency: amount.currency });
}

/** "Embryos at Hudson Fertility: $800.00, due Fri 15 Jan 2016" */
export function feeDueLine(i18n: I18n, f: FeeView): string {
  return i18n.t(f.state === "overdue" ? "embryos.fees.due.overdue" : "embryos.fees.due.soon", {
    covers: i18n.t(`embryos.fees.covers.${f.fee.covers}`),
    clinic: f.fee.clinic,
    amount: money(i18n, f.fee.amount),
    date: i18n.day(f.nextDueOn!, true),
  });
}

/** Storage fees overdue or due soon, with a one-tap "Paid" (not for a viewer): shown on Today and in the bank. */
export function FeesDue() {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const today = todayIso(state.journey!.homeZone);
  const due = storageFeesDue(state, { today });
  if (due.length === 0) return null;

  async function paid(f: FeeView) {
    const r = await client.record("StorageFeePaid", {
      feeId: f.fee.id,
      dueOn: f.nextDueOn!,
      paidOn: today,
    });
    if (!r.ok) return;
    const next = storageFeeList(client.state, { today }).find(
      (x) => x.fee.id === f.fee.id,
    )?.nextDueOn;
    toast.show(t("embryos.fees.paid", { next: next ? i18n.day(next, true) : "none" }));
  }

  return (
    <section className="card notice fees-due" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("embryos.fees.due.title")}</h2>
      <ul className="plain-list stack-tight">
        {due.map((f) => (
          <li key={f.fee.id} className="fee-due">
            <span>{feeDueLine(i18n, f)}</span>
            <WhenCanRecord>
              <button
                type="button"
                className="button"
                aria-label={t("embryos.fees.markPaid.label", {
                  clinic: f.fee.clinic,
                  date: i18n.day(f.nextDueOn!, true),
                })}
                onClick={() => void paid(f)}
              >
                {t("embryos.fees.markPaid")}
              </button>
            </WhenCanRecord>
          </li>
        ))}
      </ul>
      <Link href={routes.embryos.fees}>{t("embryos.fees.link")}</Link>
    </section>
  );
}
