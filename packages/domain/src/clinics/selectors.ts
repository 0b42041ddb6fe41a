import type { JourneyState } from "../state/state.ts";
import type { Clinic, OwnSupportLine } from "./state.ts";

/** The person's clinics (removed ones left out): the current one first, then in the order they were added. */
export function clinicList(state: JourneyState): Clinic[] {
  const live = [...state.clinics.values()].filter((c) => !c.removed);
  const current = currentClinic(state);
  return current ? [current, ...live.filter((c) => c.id !== current.id)] : live;
}

/**
 * The clinic new cycles start with: the one marked current; when none is
 * marked (the current one was removed, or none was ever marked) and exactly
 * one clinic is left, that one; otherwise `null`.
 */
export function currentClinic(state: JourneyState): Clinic | null {
  const marked = state.currentClinicId ? state.clinics.get(state.currentClinicId) : undefined;
  if (marked && !marked.removed) return marked;
  const live = [...state.clinics.values()].filter((c) => !c.removed);
  return live.length === 1 ? live[0]! : null;
}

/**
 * The clinic a cycle was at, also when the person has taken it off their list
 * since (`removed: true`); `null` for an unknown cycle, or one that names no
 * clinic (an older cycle may have only the free-text `cycle.clinic`).
 */
export function clinicForCycle(state: JourneyState, cycleId: string): Clinic | null {
  const clinicId = state.cycles.get(cycleId)?.clinicId;
  return (clinicId && state.clinics.get(clinicId)) || null;
}

/**
 * The name to show for a cycle's clinic: its clinic card's (also when removed
 * since), else the free text older cycles recorded; `null` when neither.
 */
export function cycleClinicName(state: JourneyState, cycleId: string): string | null {
  return clinicForCycle(state, cycleId)?.name ?? state.cycles.get(cycleId)?.clinic ?? null;
}

/** What a screen needs to put the clinic's numbers in front of the person. */
export interface ClinicContact {
  readonly clinicId: string;
  readonly name: string;
  readonly phone24h: string | null;
  readonly nurseLine: string | null;
  readonly address: string | null;
  readonly portalUrl: string | null;
}

/**
 * Whom to call: the cycle's clinic when the cycle names one the person still
 * keeps, else the current clinic; `null` when there is none. The symptom
 * check and Today show it beside "call your clinic".
 */
export function clinicContact(
  state: JourneyState,
  options: { readonly cycleId?: string | undefined } = {},
): ClinicContact | null {
  const ofCycle = options.cycleId ? clinicForCycle(state, options.cycleId) : null;
  const clinic = ofCycle && !ofCycle.removed ? ofCycle : currentClinic(state);
  if (!clinic) return null;
  return {
    clinicId: clinic.id,
    name: clinic.name,
    phone24h: clinic.phone24h,
    nurseLine: clinic.nurseLine,
    address: clinic.address,
    portalUrl: clinic.portalUrl,
  };
}

/** The person's own support lines (removed ones left out), in the order they were added. */
export function ownSupportLines(state: JourneyState): OwnSupportLine[] {
  return [...state.supportLines.values()].filter((l) => !l.removed);
}
