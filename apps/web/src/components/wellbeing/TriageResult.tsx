import type { OhssReason, OhssTriage } from "@trellis/domain";
import type { Ref } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * The catalogue's words for a sign: what it is and why it matters. A weight
 * change (`params.kg`) is shown in the person's own unit.
 */
export function useSignText(): (reason: OhssReason) => string {
  const { t, number } = useI18n();
  const unit = useJourneyState().preferences.weightUnit;
  return (reason) => {
    const key: MessageKey = `wellbeing.sign.${reason.sign}`;
    const kg = reason.params.kg;
    if (kg === undefined) return t(key);
    const value = unit === "kg" ? kg : kg / KG_PER_LB;
    const amount = t("wellbeing.weightAmount", {
      value: number(value, { maximumFractionDigits: 1 }),
      unit,
    });
    return t(key, { amount });
  };
}

/** The international avoirdupois pound, exactly. */
const KG_PER_LB = 0.45359237;

/**
 * What a check means, in plain words: call the clinic today, get emergency
 * care now, or nothing that needs a call (with anything worth watching).
 * Shared by the safety notice and the quick check's answer.
 */
export function TriageResult({
  triage,
  clinicPhone,
  headingId,
  headingRef,
  headingLevel = 3,
  showWatch = false,
  when,
}: {
  triage: OhssTriage;
  clinicPhone?: string | undefined;
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  /** 2 where the result is a section of its own (the notice on Today), 3 inside the quick check. */
  headingLevel?: 2 | 3;
  /** Also list the common signs worth watching beside an urgent answer (the check's own result). */
  showWatch?: boolean;
  /** When the check was made, as shown to the person. */
  when?: string | undefined;
}) {
  const { t } = useI18n();
  const signText = useSignText();
  const urgent = triage.reasons.filter((r) => r.level !== "none");
  const watch = triage.reasons.filter((r) => r.level === "none");
  const phone = clinicPhone?.trim();
  const Heading = headingLevel === 2 ? "h2" : "h3";

  if (triage.level === "none") {
    return (
      <div className="triage triage-none">
        <Heading id={headingId} ref={headingRef} tabIndex={-1}>
          {t("wellbeing.result.none")}
        </Heading>
        {watch.length > 0 ? (
          <>
            <p>{t("wellbeing.result.watch")}</p>
            <ul className="triage-reasons">
              {watch.map((r) => (
                <li key={r.sign}>{signText(r)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("wellbeing.result.noneBody")}</p>
        )}
        <p className="muted small">{t("wellbeing.result.getsWorse")}</p>
      </div>
    );
  }

  const emergency = triage.level === "emergency";
  return (
    <div className={`triage ${emergency ? "triage-emergency" : "triage-call"}`}>
      <Heading id={headingId} ref={headingRef} tabIndex={-1}>
        {emergency ? t("wellbeing.notice.emergency") : t("wellbeing.notice.call")}
      </Heading>
      {when && <p className="small">{t("wellbeing.notice.from", { when })}</p>}
      <p>
        {emergency ? t("wellbeing.notice.emergencyBecause") : t("wellbeing.notice.callBecause")}
      </p>
      <ul className="triage-reasons">
        {urgent.map((r) => (
          <li key={r.sign}>{signText(r)}</li>
        ))}
      </ul>
      {showWatch && watch.length > 0 && (
        <>
          <p>{t("wellbeing.result.alsoWatch")}</p>
          <ul className="triage-reasons">
            {watch.map((r) => (
              <li key={r.sign}>{signText(r)}</li>
            ))}
          </ul>
        </>
      )}
      {emergency ? (
        <p className="triage-action">{t("wellbeing.notice.emergencyNumber")}</p>
      ) : phone ? (
        <p>
          <a className="button button-primary" href={`tel:${phone.replace(/[^\d+]/g, "")}`}>
            {t("wellbeing.notice.callClinicPhone", { phone })}
          </a>
        </p>
      ) : (
        <p className="triage-action">{t("wellbeing.notice.callClinicNoPhone")}</p>
      )}
      {emergency && phone && <p className="small">{t("wellbeing.notice.alsoClinic", { phone })}</p>}
      <p className="small">{t("wellbeing.notice.notDiagnosis")}</p>
      <details className="triage-source">
        <summary>{t("wellbeing.notice.sourceSummary")}</summary>
        <p className="small">{t("wellbeing.notice.source", { source: triage.source })}</p>
      </details>
    </div>
  );
}
