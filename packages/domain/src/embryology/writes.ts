import type { Draft } from "../state/state.ts";
import type { EggCohort, Embryo, EmbryoHistoryEntry, LabUpdate, Storage } from "./state.ts";

/**
 * How the embryology handlers write what an event says: a new cohort, a new
 * embryo with its first history entry, a lab update added to a cohort, and where something is
 * stored (what the event gives, else the clinic it came from).
 */

export function storageOf(
  given: { clinic?: string | undefined; location?: string | undefined } | undefined,
  fallbackClinic: string | null,
): Storage {
  const clinic = given?.clinic?.length ? given.clinic : fallbackClinic;
  const location = given?.location?.length ? given.location : null;
  return { clinic, location };
}

/** A cohort as its first event (a retrieval, a thaw) makes it: nothing reported after the eggs yet. */
export function newCohort(
  first: Pick<
    EggCohort,
    | "id"
    | "kind"
    | "date"
    | "eggsCollectedOn"
    | "cycleId"
    | "clinic"
    | "folliclesAtTrigger"
    | "eggs"
    | "survived"
    | "mature"
    | "batches"
    | "notes"
    | "updates"
  >,
): EggCohort {
  return {
    ...first,
    method: null,
    fertilized: null,
    day3: null,
    blastocystDays: [],
    retracted: false,
  };
}

/** A cohort changed by a lab report: the change, the report in its updates, the report's note. */
export function updateCohort(
  d: Draft,
  cohortId: string,
  change: Partial<EggCohort>,
  entry: LabUpdate,
  note?: string,
) {
  const c = d.cohorts.get(cohortId)!;
  d.cohorts.set(cohortId, {
    ...c,
    ...change,
    updates: [...c.updates, entry],
    notes: note ? [...c.notes, note] : c.notes,
  });
}

/** An embryo as a lab report first lists it; its status comes from its first history entry. */
export function newEmbryo(
  base: Pick<Embryo, "id" | "cohortId" | "label" | "day" | "grade" | "biopsied">,
  first: EmbryoHistoryEntry,
): Embryo {
  return {
    ...base,
    pgtA: null,
    pgtM: null,
    sex: null,
    status: first.status,
    discardReason: first.reason ?? null,
    to: null,
    storage: first.storage ?? null,
    transferId: null,
    everFrozen: first.status === "frozen",
    history: [first],
    retracted: false,
  };
}
