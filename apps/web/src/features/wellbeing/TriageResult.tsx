import {
  type CareStage,
  type CrisisLine,
  KG_PER_LB,
  type SymptomTriage,
  type TriageReason,
  telHref,
} from "@trellis/domain";
import type { Ref } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { en, type MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { SupportLines } from "../clinics/index.ts";
import type { TriageClinic } from "./use-triage-clinic.ts";

type StageKey = CareStage | "general";

/**
 * The catalogue's words for a sign, as its stage says them when the
 * catalogue has a stage's own words (`wellbeing.sign.<sign>.<stage>`). A
 * weight change (`params.kg`) is shown in the person's own unit.
 */
export function useSignText(stage: CareStage | null): (reason: TriageReason) => string {
  const { t, number } = useI18n();
  const unit = useJourneyState().preferences.weightUnit;
  return (reason) => {
    const own = `wellbeing.sign.${reason.sign}.${stage ?? "general"}`;
    const key: MessageKey = own in en ? (own as MessageKey) : `wellbeing.sign.${reason.sign}`;
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

/** Digits (and a leading +) for a `tel:` or `sms:` link, as the clinic card makes them. */
const dial = (phone: string) => telHref(phone)?.slice("tel:".length) ?? phone;

/**
 * What a check means, in plain words, and whom to call in which order:
 * at `emergency` the local emergency number first (for thoughts of
 * self-harm alone, the crisis line first, then the emergency number); at
 * `call-clinic` the clinic's number; low or very low mood adds the support
 * lines and the clinic. Shared by the safety notice and the check's answer.
 */
export function TriageResult({
  triage,
  clinic,
  headingId,
  headingRef,
  headingLevel = 3,
  showWatch = false,
  withSupportLines = true,
  when,
}: {
  triage: SymptomTriage;
  /** The clinic to call (`useTriageClinic`); without it, the words say to use the clinic's 24-hour number. */
  clinic?: TriageClinic | null | undefined;
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  /** 2 where the result is a section of its own (the notice on Today), 3 inside the quick check. */
  headingLevel?: 2 | 3;
  /** Also list the common signs worth watching beside an urgent answer (the check's own result). */
  showWatch?: boolean;
  /**
   * Show the support lines for low mood (the check's own answer). The notice
   * on Today leaves them out: the answer showed them, and one screen holds
   * one list.
   */
  withSupportLines?: boolean;
  /** When the check was made, as shown to the person. */
  when?: string | undefined;
}) {
  const { t } = useI18n();
  const signText = useSignText(triage.stage);
  const stage: StageKey = triage.stage ?? "general";
  const phone = clinic?.phone.trim() || null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const watch = triage.reasons.filter((r) => r.level === "none");
  const mood = triage.reasons.some((r) => r.sign === "mood-low" || r.sign === "mood-very-low");
  const crisisFirst = triage.callOrder[0] === "crisis-line";
  const urgent = triage.reasons.filter(
    (r) => r.level !== "none" && !(crisisFirst && r.sign === "thoughts-of-self-harm"),
  );
  const list = (reasons: readonly TriageReason[]) => (
    <ul className="triage-reasons">
      {reasons.map((r) => (
        <li key={r.sign}>{signText(r)}</li>
      ))}
    </ul>
  );
  const clinicLine = (
    <p>
      {phone ? t("wellbeing.result.clinicToo", { phone }) : t("wellbeing.result.clinicTooNoPhone")}
    </p>
  );

  if (triage.level === "none") {
    return (
      <div className="triage triage-none">
        <Heading id={headingId} ref={headingRef} tabIndex={-1}>
          {t("wellbeing.result.none")}
        </Heading>
        {watch.length > 0 ? (
          <>
            <p>{t("wellbeing.result.watch")}</p>
            {list(watch)}
          </>
        ) : (
          <p>{t("wellbeing.result.noneBody")}</p>
        )}
        {mood && (
          <>
            {clinicLine}
            {withSupportLines && <SupportLines headingLevel={3} />}
          </>
        )}
        <p className="muted small">{t("wellbeing.result.getsWorse")}</p>
      </div>
    );
  }

  const emergency = triage.level === "emergency";
  return (
    <div className={`triage ${emergency ? "triage-emergency" : "triage-call"}`}>
      <Heading id={headingId} ref={headingRef} tabIndex={-1}>
        {crisisFirst
          ? t("wellbeing.notice.talkNow")
          : emergency
            ? t("wellbeing.notice.emergency")
            : t(`wellbeing.notice.call.${stage}`)}
      </Heading>
      {when && <p className="small">{t("wellbeing.notice.from", { when })}</p>}
      {crisisFirst && <p>{t("wellbeing.notice.talkNowBecause")}</p>}
      {urgent.length > 0 && (
        <>
          <p>
            {emergency && !crisisFirst
              ? t("wellbeing.notice.emergencyBecause")
              : t("wellbeing.notice.callBecause")}
          </p>
          {list(urgent)}
        </>
      )}
      {showWatch && watch.length > 0 && (
        <>
          <p>{t("wellbeing.result.alsoWatch")}</p>
          {list(watch)}
        </>
      )}
      {triage.callOrder.map((contact, i) => {
        if (contact === "crisis-line")
          return <CrisisLines key={contact} lines={triage.crisisLines} />;
        if (contact === "emergency-number") {
          const { number, fallback } = triage.emergencyNumber;
          return (
            <div key={contact} className="stack-tight">
              <p className="triage-action">
                {i > 0 && triage.callOrder[0] === "crisis-line"
                  ? t("wellbeing.notice.emergencyAfterCrisis", { number })
                  : t(
                      fallback
                        ? "wellbeing.notice.emergencyNumberFallback"
                        : "wellbeing.notice.emergencyNumber",
                      { number },
                    )}
              </p>
              <p>
                <a
                  className={`button${i === 0 ? " button-primary" : ""}`}
                  href={`tel:${dial(number)}`}
                >
                  {t("wellbeing.notice.callEmergency", { number })}
                </a>
              </p>
              {!crisisFirst && <p>{t(`wellbeing.notice.tellThem.${stage}`)}</p>}
            </div>
          );
        }
        // The clinic: the number to call today, or "let them know too" after an emergency.
        if (emergency)
          return phone ? (
            <p key={contact} className="small">
              {t("wellbeing.notice.alsoClinic", { phone })}{" "}
              <a href={`tel:${dial(phone)}`}>{phone}</a>
            </p>
          ) : null;
        return phone ? (
          <div key={contact} className="stack-tight">
            <p>
              <a className="button button-primary" href={`tel:${dial(phone)}`}>
                {clinic?.name
                  ? t("wellbeing.notice.callClinicNamed", { name: clinic.name, phone })
                  : t("wellbeing.notice.callClinicPhone", { phone })}
              </a>
            </p>
            <p className="small">{t("wellbeing.notice.ifNoAnswer")}</p>
          </div>
        ) : (
          <p key={contact} className="triage-action">
            {t("wellbeing.notice.callClinicNoPhone")}
          </p>
        );
      })}
      {triage.reasons.some((r) => r.sign === "thoughts-of-self-harm") &&
        !triage.crisisLines.some((l) => l.crisis) && <p>{t("wellbeing.crisis.none")}</p>}
      {mood && !crisisFirst && (
        <>
          {triage.level !== "call-clinic" && clinicLine}
          {withSupportLines && <SupportLines headingLevel={3} />}
        </>
      )}
      <p className="small">{t("wellbeing.notice.notDiagnosis")}</p>
      <details className="triage-source">
        <summary>{t("wellbeing.notice.sourceSummary")}</summary>
        <p className="small">{t("wellbeing.notice.source", { source: triage.source })}</p>
        <ul className="small">
          {[...new Map(triage.reasons.map((r) => [r.source.citation, r.source])).values()].map(
            (s) => (
              <li key={s.citation}>
                {t("wellbeing.notice.reasonSource", {
                  citation: s.citation,
                  tag: t(`wellbeing.tag.${s.tag}`),
                })}
              </li>
            ),
          )}
        </ul>
      </details>
    </div>
  );
}

/** The country's crisis lines (not its other support lines) as buttons to call, and to text. */
function CrisisLines({ lines }: { lines: readonly CrisisLine[] }) {
  const { t } = useI18n();
  return (
    <div className="stack-tight">
      <ul className="plain-list support-list">
        {lines
          .filter((l) => l.crisis)
          .map((l, i) => (
            <li key={l.id} className="stack-tight">
              <p>
                <a
                  className={`button${i === 0 ? " button-primary" : ""}`}
                  href={`tel:${dial(l.tel)}`}
                >
                  {t("wellbeing.crisis.call", { service: l.service, contact: l.contact })}
                </a>{" "}
                {l.region && (
                  <span className="small">
                    {t("wellbeing.crisis.region", { region: l.region })}
                  </span>
                )}
              </p>
              {l.text && (
                <p>
                  <a
                    href={`sms:${dial(l.text.number)}${l.text.body ? `?&body=${encodeURIComponent(l.text.body)}` : ""}`}
                  >
                    {l.text.body
                      ? t("wellbeing.crisis.text", { body: l.text.body, number: l.text.number })
                      : t("wellbeing.crisis.textAny", { number: l.text.number })}
                  </a>
                </p>
              )}
              <p className="muted small">
                {[
                  l.allHours && t("wellbeing.crisis.allHours"),
                  l.free && t("wellbeing.crisis.free"),
                  t("wellbeing.crisis.tag", { tag: t(`wellbeing.tag.${l.tag}`) }),
                ]
                  .filter(Boolean)
                  .join(" ")}
              </p>
            </li>
          ))}
      </ul>
      <p className="muted small">{t("wellbeing.crisis.changes")}</p>
    </div>
  );
}
