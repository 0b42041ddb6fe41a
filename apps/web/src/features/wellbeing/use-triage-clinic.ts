import { clinicContact } from "@trellis/domain";
import { useJourneyState } from "../../app/client-context.tsx";

/**
 * The clinic a triage answer tells the person to call: its name and its
 * 24-hour number (the nurse line when no 24-hour line was given). One hook
 * for every place a result is shown (the check's answer, the notice on
 * Today): the cycle's clinic card, else the current clinic.
 */
export interface TriageClinic {
  readonly name?: string | undefined;
  readonly phone: string;
}

/** `null` when no clinic with a number is set up: results then say to call the clinic's 24-hour number. */
export function useTriageClinic(cycleId?: string | null): TriageClinic | null {
  const state = useJourneyState();
  const contact = clinicContact(state, cycleId ? { cycleId } : {});
  const phone = contact?.phone24h ?? contact?.nurseLine ?? null;
  return contact && phone ? { name: contact.name, phone } : null;
}
