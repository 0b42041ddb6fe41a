import type { Problem } from "../core/result.ts";
import type { Supply } from "../inventory/state.ts";
import type { JournalNote } from "../journal/state.ts";
import type { Journey } from "../journey/state.ts";
import type { Appointment, FollicleScan, LabResult } from "../monitoring/state.ts";
import { defaultPreferences, type Preferences } from "../preferences/events.ts";
import type { Cycle, DoseLog, PlannedMedication } from "../treatment/state.ts";
import type { SymptomCheck } from "../wellbeing/state.ts";

/** An event that was valid on its own but could not apply (e.g. a correction to a note that never existed). */
export interface RejectedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly problem: Problem;
}

/**
 * Everything Trellis knows about a journey, derived from its events by `fold`.
 * Never stored: always computed again from the log.
 */
export interface JourneyState {
  readonly journey: Journey | null;
  readonly notes: ReadonlyMap<string, JournalNote>;
  readonly cycles: ReadonlyMap<string, Cycle>;
  readonly planItems: ReadonlyMap<string, PlannedMedication>;
  readonly doseLogs: ReadonlyMap<string, DoseLog>;
  /** The current (not undone) log of each planned dose, by `<planItemId>/<date>/<time>`. */
  readonly doseBySlot: ReadonlyMap<string, string>;
  readonly supplies: ReadonlyMap<string, Supply>;
  readonly appointments: ReadonlyMap<string, Appointment>;
  readonly labResults: ReadonlyMap<string, LabResult>;
  readonly scans: ReadonlyMap<string, FollicleScan>;
  readonly symptomChecks: ReadonlyMap<string, SymptomCheck>;
  readonly preferences: Preferences;
  readonly rejected: readonly RejectedEvent[];
  /** Events folded in, rejected ones included. */
  readonly eventCount: number;
  /** The latest clock stamp folded in; new local events must sort after it. */
  readonly lastHlc: string | null;
}

/** The mutable form `fold` builds before handing out a `JourneyState`. */
export interface Draft {
  journey: Journey | null;
  notes: Map<string, JournalNote>;
  cycles: Map<string, Cycle>;
  planItems: Map<string, PlannedMedication>;
  doseLogs: Map<string, DoseLog>;
  doseBySlot: Map<string, string>;
  supplies: Map<string, Supply>;
  appointments: Map<string, Appointment>;
  labResults: Map<string, LabResult>;
  scans: Map<string, FollicleScan>;
  symptomChecks: Map<string, SymptomCheck>;
  preferences: Preferences;
  rejected: RejectedEvent[];
  eventCount: number;
  lastHlc: string | null;
}

export function emptyDraft(): Draft {
  return {
    journey: null,
    notes: new Map(),
    cycles: new Map(),
    planItems: new Map(),
    doseLogs: new Map(),
    doseBySlot: new Map(),
    supplies: new Map(),
    appointments: new Map(),
    labResults: new Map(),
    scans: new Map(),
    symptomChecks: new Map(),
    preferences: defaultPreferences,
    rejected: [],
    eventCount: 0,
    lastHlc: null,
  };
}

/** Copies every collection so that applying more events leaves `state` untouched. */
export function draftFrom(state: JourneyState): Draft {
  return {
    journey: state.journey,
    notes: new Map(state.notes),
    cycles: new Map(state.cycles),
    planItems: new Map(state.planItems),
    doseLogs: new Map(state.doseLogs),
    doseBySlot: new Map(state.doseBySlot),
    supplies: new Map(state.supplies),
    appointments: new Map(state.appointments),
    labResults: new Map(state.labResults),
    scans: new Map(state.scans),
    symptomChecks: new Map(state.symptomChecks),
    preferences: state.preferences,
    rejected: [...state.rejected],
    eventCount: state.eventCount,
    lastHlc: state.lastHlc,
  };
}
