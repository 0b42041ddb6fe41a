import { parseGardner } from "../clinical/gardner.ts";
import { cycleClinicName } from "../clinics/selectors.ts";
import { type Problem, problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import type { Draft, JourneyState } from "../state/state.ts";
import type { EmbryoStatus, PgtAResult, PgtMResult } from "./events.ts";
import { DEFAULT_FEE_REMINDER_DAYS, nextDueOn } from "./fees.ts";
import { type FunnelCheck, type FunnelKey, funnelProblem } from "./funnel.ts";
import type { EggCohort, Embryo, EmbryoHistoryEntry, LabUpdate, Storage } from "./state.ts";
import { embryoParams, withHistory } from "./status.ts";

type EmbryologyEvents =
  | "RetrievalRecorded"
  | "FertilizationReported"
  | "Day3Reported"
  | "BlastocystsReported"
  | "PgtResultRecorded"
  | "LabCountsCorrected"
  | "RetrievalRetracted"
  | "EmbryoCorrected"
  | "EmbryoRetracted"
  | "EmbryosFrozen"
  | "EmbryoThawed"
  | "EmbryosMoved"
  | "EmbryoDisposed"
  | "OocytesVitrified"
  | "OocytesThawed"
  | "StorageFeeScheduled"
  | "StorageFeeChanged"
  | "StorageFeePaid"
  | "StorageFeeEnded";

function liveCohort(s: JourneyState, cohortId: string, field = "payload.cohortId") {
  const c = s.cohorts.get(cohortId);
  if (!c || c.retracted) {
    return {
      problem: problem("unknown-retrieval", field),
    };
  }
  return { cohort: c };
}

function liveEmbryo(s: JourneyState, embryoId: string, field: string) {
  const e = s.embryos.get(embryoId);
  if (!e || e.retracted) return { problem: problem("unknown-embryo", field) };
  return { embryo: e };
}

/** The counts of a cohort as the funnel check needs them, from the whole record, with changes. */
export function funnelCheckOf(
  s: JourneyState,
  cohort: EggCohort,
  changes: Partial<FunnelCheck> = {},
): FunnelCheck {
  let blastocysts = 0;
  let day3Listed = 0;
  for (const e of s.embryos.values()) {
    if (e.cohortId !== cohort.id || e.retracted) continue;
    if (e.day === 3) day3Listed += 1;
    else blastocysts += 1;
  }
  let eggsFrozen = 0;
  if (cohort.kind === "retrieval") {
    for (const b of s.oocyteBatches.values())
      if (b.retrievalId === cohort.id) eggsFrozen += b.count;
  }
  return {
    kind: cohort.kind,
    eggs: cohort.eggs,
    survived: cohort.survived,
    mature: cohort.mature,
    method: cohort.method,
    fertilized: cohort.fertilized,
    day3: cohort.day3,
    blastocysts,
    day3Listed,
    eggsFrozen,
    ...changes,
  };
}

/** What a date cannot come before: the cycle's start, the eggs reaching the lab, the retrieval, the eggs' freezing. */
type Earliest = "cycle-start" | "in-lab" | "retrieval" | "eggs-frozen";

function notBefore(date: string, earliest: string, field: string, after: Earliest): Problem | null {
  return date < earliest ? problem("before-start", field, { date: earliest, after }) : null;
}

function lastDate(e: Embryo): string {
  return e.history.at(-1)?.on ?? "0000-01-01";
}

/** Every listed embryo exists, is not removed, has one of `allowed` statuses, and the date is not before its last change. */
function embryosAllowed(
  s: JourneyState,
  ids: readonly string[],
  allowed: readonly EmbryoStatus[],
  on: string,
  field: string,
  doing: "freeze" | "thaw" | "move" | "discarded" | "donated" | "shipped",
): Problem | null {
  for (const [i, id] of ids.entries()) {
    const f = `${field}.${i}`;
    const found = liveEmbryo(s, id, f);
    if (found.problem) return found.problem;
    const e = found.embryo;
    if (!allowed.includes(e.status)) {
      return problem("embryo-not-available", f, { ...embryoParams(e), doing, status: e.status });
    }
    if (on < lastDate(e)) {
      return problem("before-last-change", f, { ...embryoParams(e), date: lastDate(e) });
    }
  }
  return null;
}

function storageOf(
  given: { clinic?: string | undefined; location?: string | undefined } | undefined,
  fallbackClinic: string | null,
): Storage {
  const clinic = given?.clinic?.length ? given.clinic : fallbackClinic;
  const location = given?.location?.length ? given.location : null;
  return { clinic, location };
}

function update(
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

function newEmbryo(
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

const pgtAllowed = {
  "PGT-A": ["euploid", "aneuploid", "mosaic", "no-result"],
  "PGT-M": ["unaffected", "carrier", "affected", "no-result"],
} as const;

export const embryologyHandlers: Handlers<EmbryologyEvents> = {
  RetrievalRecorded: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.cohorts.has(p.retrievalId)) {
        return problem("duplicate-retrieval", "payload.retrievalId");
      }
      if (p.cycleId !== undefined) {
        const cycle = s.cycles.get(p.cycleId);
        if (!cycle || cycle.retracted) return problem("unknown-cycle", "payload.cycleId");
        const early = notBefore(
          p.retrievedOn,
          cycle.startDate,
          "payload.retrievedOn",
          "cycle-start",
        );
        if (early) return early;
      }
      return funnelProblem(
        {
          kind: "retrieval",
          eggs: p.eggsRetrieved,
          survived: null,
          mature: p.mature ?? null,
          method: null,
          fertilized: null,
          day3: null,
          blastocysts: 0,
          day3Listed: 0,
          eggsFrozen: 0,
        },
        { eggs: "payload.eggsRetrieved", mature: "payload.mature" },
      );
    },
    apply: (d, { id, payload: p }) => {
      const cycle = p.cycleId ? d.cycles.get(p.cycleId) : undefined;
      d.cohorts.set(p.retrievalId, {
        id: p.retrievalId,
        kind: "retrieval",
        date: p.retrievedOn,
        eggsCollectedOn: p.retrievedOn,
        cycleId: p.cycleId ?? null,
        clinic: p.clinic?.length ? p.clinic : cycle ? cycleClinicName(d, cycle.id) : null,
        folliclesAtTrigger: p.folliclesAtTrigger ?? null,
        eggs: p.eggsRetrieved,
        survived: null,
        mature: p.mature ?? null,
        method: null,
        fertilized: null,
        day3: null,
        blastocystDays: [],
        batches: [],
        notes: p.note ? [p.note] : [],
        updates: [{ kind: "retrieval", on: p.retrievedOn, eventId: id }],
        retracted: false,
      });
    },
  },
  FertilizationReported: {
    check: (s, { payload: p }) => {
      const { cohort, problem: missing } = liveCohort(s, p.cohortId);
      if (missing) return missing;
      return (
        notBefore(p.reportedOn, cohort.date, "payload.reportedOn", "in-lab") ??
        funnelProblem(
          funnelCheckOf(s, cohort, {
            mature: p.mature ?? cohort.mature,
            method: p.method,
            fertilized: p.fertilized,
          }),
          { mature: "payload.mature", fertilized: "payload.fertilized" },
        )
      );
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      update(
        d,
        p.cohortId,
        { mature: p.mature ?? c.mature, method: p.method, fertilized: p.fertilized },
        { kind: "fertilization", on: p.reportedOn, eventId: id },
        p.note,
      );
    },
  },
  Day3Reported: {
    check: (s, { payload: p }) => {
      const { cohort, problem: missing } = liveCohort(s, p.cohortId);
      if (missing) return missing;
      const early = notBefore(p.reportedOn, cohort.date, "payload.reportedOn", "in-lab");
      if (early) return early;
      const listed = p.embryos ?? [];
      for (const [i, e] of listed.entries()) {
        if (s.embryos.has(e.embryoId)) {
          return problem("duplicate-embryo", `payload.embryos.${i}.embryoId`);
        }
      }
      const now = funnelCheckOf(s, cohort);
      return funnelProblem(
        { ...now, day3: p.developing, day3Listed: now.day3Listed + listed.length },
        { day3: "payload.developing", day3Listed: "payload.embryos" },
      );
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      update(
        d,
        p.cohortId,
        { day3: p.developing },
        { kind: "day3", on: p.reportedOn, eventId: id },
        p.note,
      );
      for (const e of p.embryos ?? []) {
        d.embryos.set(
          e.embryoId,
          newEmbryo(
            {
              id: e.embryoId,
              cohortId: p.cohortId,
              label: e.label?.length ? e.label : null,
              day: 3,
              grade: e.grade?.length ? e.grade : null,
              biopsied: false,
            },
            {
              on: p.reportedOn,
              status: e.fate,
              cause: "Day3Reported",
              eventId: id,
              ...(e.fate === "frozen" && { storage: storageOf(p.storage, c.clinic) }),
            },
          ),
        );
      }
    },
  },
  BlastocystsReported: {
    check: (s, { payload: p }) => {
      const { cohort, problem: missing } = liveCohort(s, p.cohortId);
      if (missing) return missing;
      const early = notBefore(p.reportedOn, cohort.date, "payload.reportedOn", "in-lab");
      if (early) return early;
      for (const [i, b] of p.blastocysts.entries()) {
        if (s.embryos.has(b.embryoId)) {
          return problem("duplicate-embryo", `payload.blastocysts.${i}.embryoId`);
        }
        if (b.discardReason !== undefined && b.fate !== "discarded") {
          return problem("reason-only-if-discarded", `payload.blastocysts.${i}.discardReason`);
        }
      }
      const now = funnelCheckOf(s, cohort);
      return funnelProblem(
        { ...now, blastocysts: now.blastocysts + p.blastocysts.length },
        { blastocysts: "payload.blastocysts" },
      );
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      update(
        d,
        p.cohortId,
        { blastocystDays: [...new Set([...c.blastocystDays, p.day])].sort() },
        { kind: "blastocysts", on: p.reportedOn, eventId: id, day: p.day },
        p.note,
      );
      for (const b of p.blastocysts) {
        d.embryos.set(
          b.embryoId,
          newEmbryo(
            {
              id: b.embryoId,
              cohortId: p.cohortId,
              label: b.label?.length ? b.label : null,
              day: p.day,
              grade: b.grade,
              biopsied: b.biopsied,
            },
            {
              on: p.reportedOn,
              status: b.fate,
              cause: "BlastocystsReported",
              eventId: id,
              ...(b.fate === "frozen" && { storage: storageOf(p.storage, c.clinic) }),
              ...(b.discardReason && { reason: b.discardReason }),
            },
          ),
        );
      }
    },
  },
  PgtResultRecorded: {
    check: (s, { payload: p }) => {
      for (const [i, r] of p.results.entries()) {
        const found = liveEmbryo(s, r.embryoId, `payload.results.${i}.embryoId`);
        if (found.problem) return found.problem;
        const e = found.embryo;
        if (!e.biopsied) {
          return problem("not-biopsied", `payload.results.${i}.embryoId`, embryoParams(e));
        }
        if (!(pgtAllowed[p.test] as readonly string[]).includes(r.result)) {
          return problem("wrong-test-result", `payload.results.${i}.result`, {
            test: p.test,
            allowed: pgtAllowed[p.test].join(", "),
          });
        }
        const cohort = s.cohorts.get(e.cohortId)!;
        const early = notBefore(p.reportedOn, cohort.date, "payload.reportedOn", "in-lab");
        if (early) return early;
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      for (const r of p.results) {
        const e = d.embryos.get(r.embryoId)!;
        const withResult: Embryo = {
          ...e,
          ...(p.test === "PGT-A"
            ? {
                pgtA: {
                  result: r.result as PgtAResult,
                  mosaicLevel: r.mosaicLevel ?? null,
                  reportedOn: p.reportedOn,
                },
              }
            : {
                pgtM: {
                  result: r.result as PgtMResult,
                  reportedOn: p.reportedOn,
                },
              }),
          ...(r.sex !== undefined && { sex: r.sex }),
        };
        d.embryos.set(
          r.embryoId,
          withHistory(withResult, {
            on: p.reportedOn,
            status: e.status,
            cause: "PgtResultRecorded",
            eventId: id,
            note: "result",
          }),
        );
        const c = d.cohorts.get(e.cohortId)!;
        if (!c.updates.some((u) => u.eventId === id)) {
          update(d, e.cohortId, {}, { kind: "pgt", on: p.reportedOn, eventId: id });
        }
      }
    },
  },
  LabCountsCorrected: {
    check: (s, { payload: p }) => {
      const { cohort, problem: missing } = liveCohort(s, p.cohortId);
      if (missing) return missing;
      if (cohort.kind === "retrieval" && p.survived !== undefined) {
        return problem("survived-only-for-thaw", "payload.survived");
      }
      if (cohort.kind === "thaw" && p.eggs !== undefined) {
        return problem("thawed-eggs-fixed", "payload.eggs");
      }
      if (cohort.kind === "thaw" && p.folliclesAtTrigger !== undefined) {
        return problem("no-follicles-for-thaw", "payload.folliclesAtTrigger");
      }
      const changes: Partial<FunnelCheck> = {
        ...(p.eggs !== undefined && { eggs: p.eggs }),
        ...(p.survived !== undefined && { survived: p.survived }),
        ...(p.mature !== undefined && { mature: p.mature }),
        ...(p.method !== undefined && { method: p.method }),
        ...(p.fertilized !== undefined && { fertilized: p.fertilized }),
        ...(p.day3 !== undefined && { day3: p.day3 }),
      };
      const fieldOf: Partial<Record<FunnelKey, string>> = {};
      for (const k of ["eggs", "survived", "mature", "fertilized", "day3"] as const) {
        if (p[k] !== undefined) fieldOf[k] = `payload.${k}`;
      }
      return funnelProblem(funnelCheckOf(s, cohort, changes), fieldOf);
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      update(
        d,
        p.cohortId,
        {
          ...(p.date !== undefined && {
            date: p.date,
            ...(c.kind === "retrieval" && { eggsCollectedOn: p.date }),
          }),
          ...(p.clinic !== undefined && { clinic: p.clinic?.length ? p.clinic : null }),
          ...(p.folliclesAtTrigger !== undefined && { folliclesAtTrigger: p.folliclesAtTrigger }),
          ...(p.eggs !== undefined && { eggs: p.eggs }),
          ...(p.survived !== undefined && { survived: p.survived }),
          ...(p.mature !== undefined && { mature: p.mature }),
          ...(p.method !== undefined && { method: p.method }),
          ...(p.fertilized !== undefined && { fertilized: p.fertilized }),
          ...(p.day3 !== undefined && { day3: p.day3 }),
        },
        { kind: "correction", on: p.date ?? c.date, eventId: id },
      );
    },
  },
  RetrievalRetracted: {
    check: (s, { payload: p }) => {
      const { cohort, problem: missing } = liveCohort(s, p.cohortId);
      if (missing) return missing;
      const embryos = [...s.embryos.values()].filter(
        (e) => e.cohortId === cohort.id && !e.retracted,
      );
      if (embryos.length > 0) {
        return problem("has-embryos", "payload.cohortId", {
          kind: cohort.kind,
          count: embryos.length,
        });
      }
      if (
        [...s.oocyteBatches.values()].some((b) => b.retrievalId === cohort.id && b.thaws.length > 0)
      ) {
        return problem("has-thawed-eggs", "payload.cohortId");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      d.cohorts.set(p.cohortId, { ...c, retracted: true });
      // Eggs of a removed thaw go back to their batches.
      for (const { batchId } of c.batches) {
        const b = d.oocyteBatches.get(batchId);
        if (b)
          d.oocyteBatches.set(batchId, { ...b, thaws: b.thaws.filter((t) => t.thawId !== c.id) });
      }
    },
  },
  EmbryoCorrected: {
    check: (s, { payload: p }) => {
      const found = liveEmbryo(s, p.embryoId, "payload.embryoId");
      if (found.problem) return found.problem;
      const e = found.embryo;
      const day = p.day ?? e.day;
      const grade = p.grade ?? e.grade;
      if (day !== 3 && grade !== null) {
        const parsed = parseGardner(grade);
        if (!parsed.ok) return { ...parsed.error, field: "payload.grade" };
      }
      if (p.biopsied === false && (e.pgtA || e.pgtM)) {
        return problem("has-result", "payload.biopsied", embryoParams(e));
      }
      if (p.day !== undefined && (p.day === 3) !== (e.day === 3)) {
        const cohort = s.cohorts.get(e.cohortId)!;
        const now = funnelCheckOf(s, cohort);
        const toDay3 = p.day === 3 ? 1 : -1;
        return funnelProblem(
          { ...now, day3Listed: now.day3Listed + toDay3, blastocysts: now.blastocysts - toDay3 },
          { blastocysts: "payload.day", day3Listed: "payload.day" },
        );
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const e = d.embryos.get(p.embryoId)!;
      const day = p.day ?? e.day;
      let grade = p.grade !== undefined ? p.grade.trim() || null : e.grade;
      if (day !== 3 && grade !== null) {
        const parsed = parseGardner(grade);
        if (parsed.ok) grade = parsed.value.text;
      }
      const corrected: Embryo = {
        ...e,
        day,
        grade,
        ...(p.label !== undefined && { label: p.label?.length ? p.label : null }),
        ...(p.biopsied !== undefined && { biopsied: p.biopsied }),
      };
      d.embryos.set(
        p.embryoId,
        withHistory(corrected, {
          on: lastDate(e),
          status: e.status,
          cause: "EmbryoCorrected",
          eventId: id,
          note: "corrected",
        }),
      );
    },
  },
  EmbryoRetracted: {
    check: (s, { payload: p }) => {
      const found = liveEmbryo(s, p.embryoId, "payload.embryoId");
      if (found.problem) return found.problem;
      const t = found.embryo.transferId ? s.transfers.get(found.embryo.transferId) : undefined;
      if (t && !t.retracted) {
        return problem("in-transfer", "payload.embryoId", embryoParams(found.embryo));
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const e = d.embryos.get(p.embryoId)!;
      d.embryos.set(p.embryoId, {
        ...withHistory(e, {
          on: lastDate(e),
          status: e.status,
          cause: "EmbryoRetracted",
          eventId: id,
          note: "retracted",
        }),
        retracted: true,
      });
    },
  },
  EmbryosFrozen: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["in-culture"], p.frozenOn, "payload.embryoIds", "freeze"),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        const storage = storageOf(
          p.storage,
          e.storage?.clinic ?? d.cohorts.get(e.cohortId)?.clinic ?? null,
        );
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.frozenOn,
            status: "frozen",
            cause: "EmbryosFrozen",
            eventId: id,
            storage,
          }),
          storage,
          everFrozen: true,
        });
      }
    },
  },
  EmbryoThawed: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, [p.embryoId], ["frozen"], p.thawedOn, "payload.embryoId", "thaw"),
    apply: (d, { id, payload: p }) => {
      const e = d.embryos.get(p.embryoId)!;
      const entry: EmbryoHistoryEntry = p.survived
        ? {
            on: p.thawedOn,
            status: "in-culture",
            cause: "EmbryoThawed",
            eventId: id,
            note: "thawed",
          }
        : {
            on: p.thawedOn,
            status: "discarded",
            cause: "EmbryoThawed",
            eventId: id,
            reason: "did-not-survive-thaw",
          };
      d.embryos.set(p.embryoId, {
        ...withHistory(e, entry),
        discardReason: p.survived ? null : "did-not-survive-thaw",
      });
    },
  },
  EmbryosMoved: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["frozen"], p.movedOn, "payload.embryoIds", "move"),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        const storage = storageOf(p.storage, null);
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.movedOn,
            status: "frozen",
            cause: "EmbryosMoved",
            eventId: id,
            storage,
            note: "moved",
          }),
          storage,
        });
      }
    },
  },
  EmbryoDisposed: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["in-culture", "frozen"], p.on, "payload.embryoIds", p.fate),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.on,
            status: p.fate,
            cause: "EmbryoDisposed",
            eventId: id,
            reason: p.reason,
            to: p.to?.length ? p.to : undefined,
          }),
          discardReason: p.reason ?? null,
          to: p.to?.length ? p.to : null,
        });
      }
    },
  },
  OocytesVitrified: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.oocyteBatches.has(p.batchId)) {
        return problem("duplicate-batch", "payload.batchId");
      }
      if (p.retrievalId === undefined) return null;
      const { cohort, problem: missing } = liveCohort(s, p.retrievalId, "payload.retrievalId");
      if (missing) return missing;
      if (cohort.kind !== "retrieval") {
        return problem("frozen-from-thaw", "payload.retrievalId");
      }
      const early = notBefore(p.frozenOn, cohort.date, "payload.frozenOn", "retrieval");
      if (early) return early;
      const now = funnelCheckOf(s, cohort);
      return funnelProblem(
        { ...now, eggsFrozen: now.eggsFrozen + p.count },
        { eggsFrozen: "payload.count" },
      );
    },
    apply: (d, { payload: p }) => {
      const cohort = p.retrievalId ? d.cohorts.get(p.retrievalId) : undefined;
      d.oocyteBatches.set(p.batchId, {
        id: p.batchId,
        retrievalId: p.retrievalId ?? null,
        frozenOn: p.frozenOn,
        count: p.count,
        thaws: [],
        storage: storageOf(p.storage, cohort?.clinic ?? null),
        note: p.note ?? null,
      });
    },
  },
  OocytesThawed: {
    check: (s, { payload: p }) => {
      if (s.cohorts.has(p.thawId)) {
        return problem("duplicate-thaw", "payload.thawId");
      }
      let total = 0;
      for (const [i, { batchId, count }] of p.batches.entries()) {
        const b = s.oocyteBatches.get(batchId);
        if (!b) return problem("unknown-batch", `payload.batches.${i}.batchId`);
        const left = b.count - b.thaws.reduce((sum, t) => sum + t.count, 0);
        if (count > left) {
          return problem("not-enough-eggs", `payload.batches.${i}.count`, {
            left,
            date: b.frozenOn,
          });
        }
        const early = notBefore(p.thawedOn, b.frozenOn, "payload.thawedOn", "eggs-frozen");
        if (early) return early;
        total += count;
      }
      return funnelProblem(
        {
          kind: "thaw",
          eggs: total,
          survived: p.survived,
          mature: null,
          method: null,
          fertilized: null,
          day3: null,
          blastocysts: 0,
          day3Listed: 0,
          eggsFrozen: 0,
        },
        { survived: "payload.survived" },
      );
    },
    apply: (d, { id, payload: p }) => {
      let collected = "0000-01-01";
      let clinic: string | null = null;
      for (const { batchId, count } of p.batches) {
        const b = d.oocyteBatches.get(batchId)!;
        d.oocyteBatches.set(batchId, { ...b, thaws: [...b.thaws, { thawId: p.thawId, count }] });
        const from = b.retrievalId ? d.cohorts.get(b.retrievalId) : undefined;
        const on = from?.date ?? b.frozenOn;
        // Eggs frozen on different days: count the latest collection, the older eggs.
        if (on > collected) collected = on;
        clinic ??= b.storage?.clinic ?? null;
      }
      d.cohorts.set(p.thawId, {
        id: p.thawId,
        kind: "thaw",
        date: p.thawedOn,
        eggsCollectedOn: collected,
        cycleId: null,
        clinic: p.clinic?.length ? p.clinic : clinic,
        folliclesAtTrigger: null,
        eggs: p.batches.reduce((sum, b) => sum + b.count, 0),
        survived: p.survived,
        mature: null,
        method: null,
        fertilized: null,
        day3: null,
        blastocystDays: [],
        batches: p.batches.map((b) => ({ batchId: b.batchId, count: b.count })),
        notes: p.note ? [p.note] : [],
        updates: [{ kind: "thaw", on: p.thawedOn, eventId: id }],
        retracted: false,
      });
    },
  },
  StorageFeeScheduled: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      return s.storageFees.has(p.feeId) ? problem("duplicate-fee", "payload.feeId") : null;
    },
    apply: (d, { payload: p }) => {
      d.storageFees.set(p.feeId, {
        id: p.feeId,
        clinic: p.clinic,
        covers: p.covers,
        amount: p.amount,
        anchorDueOn: p.dueOn,
        renewsYearly: p.renewsYearly,
        remindDaysBefore: p.remindDaysBefore ?? DEFAULT_FEE_REMINDER_DAYS,
        payments: [],
        endedOn: null,
      });
    },
  },
  StorageFeeChanged: {
    check: (s, { payload: p }) => {
      const fee = s.storageFees.get(p.feeId);
      if (!fee) return problem("unknown-fee", "payload.feeId");
      if (fee.endedOn) return problem("fee-ended", "payload.feeId");
      return null;
    },
    apply: (d, { payload: p }) => {
      const fee = d.storageFees.get(p.feeId)!;
      d.storageFees.set(p.feeId, {
        ...fee,
        ...(p.clinic !== undefined && { clinic: p.clinic }),
        ...(p.amount !== undefined && { amount: p.amount }),
        ...(p.nextDueOn !== undefined && { anchorDueOn: p.nextDueOn }),
        ...(p.renewsYearly !== undefined && { renewsYearly: p.renewsYearly }),
        ...(p.remindDaysBefore !== undefined && { remindDaysBefore: p.remindDaysBefore }),
      });
    },
  },
  StorageFeePaid: {
    check: (s, { payload: p }) => {
      const fee = s.storageFees.get(p.feeId);
      if (!fee) return problem("unknown-fee", "payload.feeId");
      const next = nextDueOn(fee);
      if (next === null) return problem("nothing-due", "payload.dueOn");
      if (p.dueOn !== next) {
        return problem("not-next-due", "payload.dueOn", { date: next });
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const fee = d.storageFees.get(p.feeId)!;
      d.storageFees.set(p.feeId, {
        ...fee,
        payments: [...fee.payments, { dueOn: p.dueOn, paidOn: p.paidOn, eventId: id }],
      });
    },
  },
  StorageFeeEnded: {
    check: (s, { payload: p }) => {
      const fee = s.storageFees.get(p.feeId);
      if (!fee) return problem("unknown-fee", "payload.feeId");
      return fee.endedOn ? problem("fee-ended", "payload.feeId") : null;
    },
    apply: (d, { payload: p }) => {
      d.storageFees.set(p.feeId, { ...d.storageFees.get(p.feeId)!, endedOn: p.endedOn });
    },
  },
};
