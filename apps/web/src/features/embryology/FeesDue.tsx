import { storageFeesDue } from "@trellis/domain";
import { useId } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { todayIso } from "../../app/time.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { feeDueLine } from "./fee-words.ts";
import { MarkPaid } from "./MarkPaid.tsx";

/** Storage fees overdue or due soon, with a one-tap "Paid" (not for a viewer): shown on Today and in the bank. */
export function FeesDue() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  const today = todayIso(state.journey!.homeZone);
  const due = storageFeesDue(state, { today });
  if (due.length === 0) return null;

  return (
    <section className="card notice fees-due" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("embryos.fees.due.title")}</h2>
      <ul className="plain-list stack-tight">
        {due.map((f) => (
          <li key={f.fee.id} className="fee-due">
            <span>{feeDueLine(i18n, f)}</span>
            <WhenCanRecord>
              <MarkPaid fee={f} today={today} />
            </WhenCanRecord>
          </li>
        ))}
      </ul>
      <Link href={routes.embryos.fees}>{t("embryos.fees.link")}</Link>
    </section>
  );
}
