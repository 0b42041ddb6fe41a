import type { Clinic, OwnSupportLine } from "../clinics/state.ts";
import type { Problem } from "../core/result.ts";
import type { Cost } from "../costs/state.ts";
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
import { LayeredMap } from "./layered-map.ts";

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
  /** Costs of treatment, removed ones included (flagged). Storage fees are not here: see `costSummary`. */
  readonly costs: ReadonlyMap<string, Cost>;
  readonly rejected: readonly RejectedEvent[];
  /** Events folded in, rejected ones included. */
  readonly eventCount: number;
  /** The latest clock stamp folded in; new local events must sort after it. */
  readonly lastHlc: string | null;
}

/** The mutable form `fold` builds before handing out a `JourneyState`. */
export interface Draft {
  journey: Journey | null;
  notes: LayeredMap<string, JournalNote>;
  cycles: LayeredMap<string, Cycle>;
  planItems: LayeredMap<string, PlannedMedication>;
  doseLogs: LayeredMap<string, DoseLog>;
  doseBySlot: LayeredMap<string, string>;
  supplies: LayeredMap<string, Supply>;
  appointments: LayeredMap<string, Appointment>;
  labResults: LayeredMap<string, LabResult>;
  scans: LayeredMap<string, FollicleScan>;
  symptomChecks: LayeredMap<string, SymptomCheck>;
  preferences: Preferences;
  cohorts: LayeredMap<string, EggCohort>;
  embryos: LayeredMap<string, Embryo>;
  oocyteBatches: LayeredMap<string, OocyteBatch>;
  storageFees: LayeredMap<string, StorageFee>;
  transfers: LayeredMap<string, Transfer>;
  betas: LayeredMap<string, Beta>;
  outcomes: LayeredMap<string, Outcome>;
  remembrances: LayeredMap<string, Remembrance>;
  paths: LayeredMap<string, OtherPath>;
  pathMilestones: LayeredMap<string, PathMilestone>;
  pregnancyPause: PregnancyPause | null;
  oddsResumedFor: Set<string>;
  clinics: LayeredMap<string, Clinic>;
  currentClinicId: string | null;
  supportLines: LayeredMap<string, OwnSupportLine>;
  costs: LayeredMap<string, Cost>;
  rejected: RejectedEvent[];
  eventCount: number;
  lastHlc: string | null;
}

export function emptyDraft(): Draft {
  return {
    journey: null,
    notes: new LayeredMap(),
    cycles: new LayeredMap(),
    planItems: new LayeredMap(),
    doseLogs: new LayeredMap(),
    doseBySlot: new LayeredMap(),
    supplies: new LayeredMap(),
    appointments: new LayeredMap(),
    labResults: new LayeredMap(),
    scans: new LayeredMap(),
    symptomChecks: new LayeredMap(),
    preferences: defaultPreferences,
    cohorts: new LayeredMap(),
    embryos: new LayeredMap(),
    oocyteBatches: new LayeredMap(),
    storageFees: new LayeredMap(),
    transfers: new LayeredMap(),
    betas: new LayeredMap(),
    outcomes: new LayeredMap(),
    remembrances: new LayeredMap(),
    paths: new LayeredMap(),
    pathMilestones: new LayeredMap(),
    pregnancyPause: null,
    oddsResumedFor: new Set(),
    clinics: new LayeredMap(),
    currentClinicId: null,
    supportLines: new LayeredMap(),
    costs: new LayeredMap(),
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
    notes: LayeredMap.of(state.notes),
    cycles: LayeredMap.of(state.cycles),
    planItems: LayeredMap.of(state.planItems),
    doseLogs: LayeredMap.of(state.doseLogs),
    doseBySlot: LayeredMap.of(state.doseBySlot),
    supplies: LayeredMap.of(state.supplies),
    appointments: LayeredMap.of(state.appointments),
    labResults: LayeredMap.of(state.labResults),
    scans: LayeredMap.of(state.scans),
    symptomChecks: LayeredMap.of(state.symptomChecks),
    preferences: state.preferences,
    cohorts: LayeredMap.of(state.cohorts),
    embryos: LayeredMap.of(state.embryos),
    oocyteBatches: LayeredMap.of(state.oocyteBatches),
    storageFees: LayeredMap.of(state.storageFees),
    transfers: LayeredMap.of(state.transfers),
    betas: LayeredMap.of(state.betas),
    outcomes: LayeredMap.of(state.outcomes),
    remembrances: LayeredMap.of(state.remembrances),
    paths: LayeredMap.of(state.paths),
    pathMilestones: LayeredMap.of(state.pathMilestones),
    pregnancyPause: state.pregnancyPause,
    oddsResumedFor: new Set(state.oddsResumedFor),
    clinics: LayeredMap.of(state.clinics),
    currentClinicId: state.currentClinicId,
    supportLines: LayeredMap.of(state.supportLines),
    costs: LayeredMap.of(state.costs),
    rejected: [...state.rejected],
    eventCount: state.eventCount,
    lastHlc: state.lastHlc,
  };
}

/**
 * The state after `draft`, a `draftFrom(state)` that more events changed:
 * what the events left alone is `state`'s own object, so a screen that
 * remembers what it computed from `state.notes` knows nothing changed there.
 */
export function stateAfter(state: JourneyState, draft: Draft): JourneyState {
  const before = state as unknown as Record<string, unknown>;
  const after: Record<string, unknown> = { ...draft };
  for (const [key, value] of Object.entries(after)) {
    if (value instanceof LayeredMap && !value.written) after[key] = before[key];
  }
  if (draft.rejected.length === state.rejected.length) after.rejected = state.rejected;
  const resumed = draft.oddsResumedFor;
  if (
    resumed.size === state.oddsResumedFor.size &&
    [...resumed].every((id) => state.oddsResumedFor.has(id))
  ) {
    after.oddsResumedFor = state.oddsResumedFor;
  }
  return after as unknown as JourneyState;
}
