import { type FeeView, storageFeeList } from "@trellis/domain";
import { useId } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { CalendarButton } from "../../components/CalendarButton.tsx";
import { AddDisclosure, QuietButton, useForm } from "../../components/forms/index.ts";
import { Page } from "../../components/Page.tsx";
import { ReadOnlyNote, WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { FeeForm } from "./FeeForm.tsx";
import { money } from "./fee-words.ts";
import { MarkPaid } from "./MarkPaid.tsx";

/** Storage fees for frozen embryos and eggs: next due date, one-tap "Paid", reminders on Today and in the calendar. */
export function StorageFees() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const toast = useToast();
  const action = useForm({ formLine: "toast" });
  const id = useId();
  const zone = state.journey!.homeZone;
  const today = todayIso(zone);
  const fees = storageFeeList(state, { today });

  async function end(f: FeeView) {
    const r = await action.record("StorageFeeEnded", { feeId: f.fee.id, endedOn: today });
    if (r.ok) toast.show(t("embryos.fees.ended"));
  }

  const dueText = (f: FeeView) => {
    if (f.state === "ended")
      return t("embryos.fees.endedOn", { date: i18n.day(f.fee.endedOn!, true) });
    if (f.state === "paid") return t("embryos.fees.paidUp");
    const date = i18n.day(f.nextDueOn!, true);
    return f.state === "overdue"
      ? t("embryos.fees.overdue", { date })
      : t("embryos.fees.next", { date });
  };

  return (
    <Page title={t("embryos.fees.title")} intro={t("embryos.fees.intro")}>
      <ReadOnlyNote />
      {fees.length === 0 ? (
        <p className="card empty">{t("embryos.fees.empty")}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {fees.map((f) => {
            const lastPaid = f.fee.payments.at(-1);
            return (
              <li key={f.fee.id} className={`card fee fee-${f.state}`}>
                <h2 className="fee-title">
                  {t("embryos.fees.line", {
                    covers: t(`embryos.fees.covers.${f.fee.covers}`),
                    clinic: f.fee.clinic,
                  })}
                </h2>
                <p className="big-line">
                  {t("embryos.fees.amount", {
                    amount: money(i18n, f.fee.amount),
                    yearly: f.fee.renewsYearly ? "yes" : "no",
                  })}
                </p>
                <p
                  className={f.state === "overdue" || f.state === "due-soon" ? "fee-due-line" : ""}
                >
                  {dueText(f)}
                </p>
                {lastPaid && (
                  <p className="muted small">
                    {t("embryos.fees.lastPaid", { date: i18n.day(lastPaid.paidOn, true) })}
                  </p>
                )}
                {f.nextDueOn && (
                  <WhenCanRecord>
                    <div className="row">
                      <MarkPaid fee={f} today={today} />
                      <QuietButton label={t("embryos.fees.end")} onClick={() => void end(f)} />
                    </div>
                  </WhenCanRecord>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <WhenCanRecord>
        <section className="card stack">
          <AddDisclosure label={t("embryos.fees.add")}>
            {(close) => <FeeForm onDone={close} />}
          </AddDisclosure>
        </section>
      </WhenCanRecord>

      {fees.some((f) => f.nextDueOn) && (
        <section className="card stack-tight" aria-labelledby={`${id}-calendar`}>
          <h2 id={`${id}-calendar`}>{t("embryos.fees.calendar")}</h2>
          <p className="hint">{t("embryos.fees.calendar.hint")}</p>
          <div>
            <CalendarButton label={t("embryos.fees.calendar")} />
          </div>
        </section>
      )}
    </Page>
  );
}
