import {
  gestationalAgeAtTransfer,
  pregnancyDetails,
  type Transfer,
  transferDating,
  transferStanding,
} from "@trellis/domain";
import { useId, useState } from "react";
import { Link } from "wouter";
import { useJourneyState } from "../../app/client-context.tsx";
import { routes } from "../../app/routes.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { nowZoned, todayIso } from "../../app/time.ts";
import { ButtonLine, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * Due date and weeks, only while a pregnancy is going on (after a positive
 * beta). Hidden in quiet mode; after a loss, Trellis asks first, and only
 * those who keep the record can answer: a viewer sees nothing until they do.
 */
export function DatingCard({ transfer }: { transfer: Transfer }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const canRecord = useCanRecord();
  const id = useId();
  const action = useForm({ formLine: "toast" });
  const [notNow, setNotNow] = useState(false);
  if (transferStanding(state, transfer.id) !== "pregnant") return null;
  const details = pregnancyDetails(state);
  const zone = state.journey!.homeZone;

  if (details.quietMode) {
    return (
      <section className="card" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("dating.title")}</h2>
        <p className="muted">{t("dating.quiet")}</p>
        <WhenCanRecord>
          <Link href={routes.settings}>{t("dating.quiet.link")}</Link>
        </WhenCanRecord>
      </section>
    );
  }

  if (details.pausedAfterLoss) {
    if (!canRecord) return null;
    const resume = () => void action.record("PregnancyDetailsResumed", { at: nowZoned(zone) });
    return (
      <section className="card stack-tight" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t("dating.ask.title")}</h2>
        {notNow ? (
          <>
            <p className="muted">{t("dating.ask.later")}</p>
            <ButtonLine label={t("dating.ask.again")} onClick={resume} />
          </>
        ) : (
          <>
            <p>{t("dating.ask.body")}</p>
            <div className="row">
              <button type="button" className="button" onClick={resume}>
                {t("dating.ask.yes")}
              </button>
              <button type="button" className="button button-quiet" onClick={() => setNotNow(true)}>
                {t("dating.ask.notNow")}
              </button>
            </div>
          </>
        )}
      </section>
    );
  }

  const dating = transferDating(state, transfer.id, todayIso(zone));
  if (!dating || transfer.embryoDay === null) return null;
  const atTransfer = gestationalAgeAtTransfer(transfer.embryoDay);
  return (
    <section className="card stack-tight" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("dating.title")}</h2>
      <p className="big-line">{t("dating.due", { date: i18n.day(dating.dueDate, true) })}</p>
      {dating.gestationalAge && (
        <p>
          {t("dating.today", {
            weeks: dating.gestationalAge.weeks,
            days: dating.gestationalAge.days,
          })}
        </p>
      )}
      <p className="muted small">
        {t("dating.basis", {
          day: transfer.embryoDay,
          weeks: atTransfer.weeks,
          days: atTransfer.days,
        })}
      </p>
    </section>
  );
}
