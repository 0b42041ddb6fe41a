import type { Clinic, OwnSupportLine } from "../clinics/state.ts";
import type { Problem } from "../core/result.ts";
import type { EggCohort, Embryo, OocyteBatch, StorageFee } from "../embryology/state.ts";
import type { Supply } from "../inventory/state.ts";
import type { JournalNote } from "../journal/state.ts";
import type { Journey } from "../journey/state.ts";
import type { Appointment, FollicleScan, LabResult } from "../monitoring/state.ts";
import { defaultPreferences, type Preferences } from "../preferences/events.ts";
import type {
  Beta,
  OtherPath,
  Outcome,
  PathMilestone,
  PregnancyPause,
  Remembrance,
  Transfer,
} from "../pregnancy/state.ts";
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
  /** Retrievals and egg thaws: the eggs that go through the lab together. */
  readonly cohorts: ReadonlyMap<string, EggCohort>;
  /** Every embryo ever recorded, whatever became of it. */
  readonly embryos: ReadonlyMap<string, Embryo>;
  readonly oocyteBatches: ReadonlyMap<string, OocyteBatch>;
  readonly storageFees: ReadonlyMap<string, StorageFee>;
  readonly transfers: ReadonlyMap<string, Transfer>;
  readonly betas: ReadonlyMap<string, Beta>;
  readonly outcomes: ReadonlyMap<string, Outcome>;
  readonly remembrances: ReadonlyMap<string, Remembrance>;
  readonly paths: ReadonlyMap<string, OtherPath>;
  readonly pathMilestones: ReadonlyMap<string, PathMilestone>;
  /** After a loss: pregnancy details wait until the person asks for them again. */
  readonly pregnancyPause: PregnancyPause | null;
  /** Losses (outcome ids) after which the person said yes to seeing the odds again. */
  readonly oddsResumedFor: ReadonlySet<string>;
  /** The person's clinics, removed ones included (cycles may name them). */
  readonly clinics: ReadonlyMap<string, Clinic>;
  /** The clinic marked current (use `currentClinic`, which also covers a single clinic). */
  readonly currentClinicId: string | null;
  /** Support lines the person added themselves. */
  readonly supportLines: ReadonlyMap<string, OwnSupportLine>;
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
  cohorts: Map<string, EggCohort>;
  embryos: Map<string, Embryo>;
  oocyteBatches: Map<string, OocyteBatch>;
  storageFees: Map<string, StorageFee>;
  transfers: Map<string, Transfer>;
  betas: Map<string, Beta>;
  outcomes: Map<string, Outcome>;
  remembrances: Map<string, Remembrance>;
  paths: Map<string, OtherPath>;
  pathMilestones: Map<string, PathMilestone>;
  pregnancyPause: PregnancyPause | null;
  oddsResumedFor: Set<string>;
  clinics: Map<string, Clinic>;
  currentClinicId: string | null;
  supportLines: Map<string, OwnSupportLine>;
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
    cohorts: new Map(),
    embryos: new Map(),
    oocyteBatches: new Map(),
    storageFees: new Map(),
    transfers: new Map(),
    betas: new Map(),
    outcomes: new Map(),
    remembrances: new Map(),
    paths: new Map(),
    pathMilestones: new Map(),
    pregnancyPause: null,
    oddsResumedFor: new Set(),
    clinics: new Map(),
    currentClinicId: null,
    supportLines: new Map(),
    rejected: [],
    eventCount: 0,
    lastHlc: null,
  };
}

/** The state a finished draft stands for: no copy, the draft is not changed again. */
export function stateOf(draft: Draft): JourneyState {
  return draft;
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
    cohorts: new Map(state.cohorts),
    embryos: new Map(state.embryos),
    oocyteBatches: new Map(state.oocyteBatches),
    storageFees: new Map(state.storageFees),
    transfers: new Map(state.transfers),
    betas: new Map(state.betas),
    outcomes: new Map(state.outcomes),
    remembrances: new Map(state.remembrances),
    paths: new Map(state.paths),
    pathMilestones: new Map(state.pathMilestones),
    pregnancyPause: state.pregnancyPause,
    oddsResumedFor: new Set(state.oddsResumedFor),
    clinics: new Map(state.clinics),
    currentClinicId: state.currentClinicId,
    supportLines: new Map(state.supportLines),
    rejected: [...state.rejected],
    eventCount: state.eventCount,
    lastHlc: state.lastHlc,
  };
}
