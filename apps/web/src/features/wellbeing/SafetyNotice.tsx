import { latestTriage, Temporal } from "@trellis/domain";
import { useId } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { epochMsOf } from "../../app/time.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { TriageResult } from "./TriageResult.tsx";
import { useTriageClinic } from "./use-triage-clinic.ts";

/** A check older than this no longer says how the person is now. */
const FRESH_MS = 24 * 60 * 60_000;

/**
 * A calm notice at the top of Today when the latest "how do you feel?" check
 * (from the last 24 hours) shows signs that need a call today, or emergency
 * care now, read for the stage the check was asked in. Nothing is shown
 * otherwise. Only the emergency notice interrupts a screen reader
 * (role="alert"); the other waits its turn.
 */
export function SafetyNotice() {
  const { dateTime } = useI18n();
  const state = useJourneyState();
  const id = useId();
  const latest = latestTriage(state);
  const clinic = useTriageClinic(latest?.check.cycleId);
  if (!latest || latest.triage.level === "none") return null;
  const at = epochMsOf(latest.check.at);
  if (Temporal.Now.instant().epochMilliseconds - at > FRESH_MS) return null;
  const zone = state.journey?.homeZone ?? Temporal.Now.timeZoneId();
  const emergency = latest.triage.level === "emergency";
  return (
    <section
      className={`card safety-notice ${emergency ? "safety-emergency" : "safety-call"}`}
      role={emergency ? "alert" : "status"}
      aria-labelledby={`${id}-title`}
    >
      <TriageResult
        triage={latest.triage}
        clinic={clinic}
        headingId={`${id}-title`}
        headingLevel={2}
        withSupportLines={false}
        when={dateTime(at, zone)}
      />
    </section>
  );
}
