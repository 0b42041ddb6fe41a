import { cycleClinicName } from "../clinics/selectors.ts";
import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import type { Lookup } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import { liveCycle } from "../treatment/live-cycle.ts";
import { firstFunnelCheck, funnelCheckOf, liveCohort, liveEmbryo, notBefore } from "./checks.ts";
import type { PgtAResult, PgtMResult } from "./events.ts";
import { funnelProblem } from "./funnel.ts";
import type { EggCohort, Embryo } from "./state.ts";
import { embryoParams, withHistory } from "./status.ts";
import { newCohort, newEmbryo, storageOf, updateCohort } from "./writes.ts";

/**
 * The handlers of the lab's reports, in the order a cohort meets them: the
 * retrieval (day 0), fertilization (day 1), day 3, the blastocysts (day 5-7)
 * and test results. Each report is checked against the whole record's funnel
 * (`funnel.ts`), so reports may arrive in any order. Corrections and removals
 * are in `correction-handlers.ts`.
 */

export type LabReportEvents =
  | "RetrievalRecorded"
  | "FertilizationReported"
  | "Day3Reported"
  | "BlastocystsReported"
  | "PgtResultRecorded";

const pgtAllowed = {
  "PGT-A": ["euploid", "aneuploid", "mosaic", "no-result"],
  "PGT-M": ["unaffected", "carrier", "affected", "no-result"],
} as const;

/** The cohort a lab report names, if it is there and the report is not dated before the eggs reached the lab. */
function reportedCohort(
  s: JourneyState,
  p: { readonly cohortId: string; readonly reportedOn: string },
): Lookup<EggCohort> {
  const found = liveCohort(s, p.cohortId);
  if (found.problem) return found;
  const early = notBefore(p.reportedOn, found.record.date, "payload.reportedOn", "in-lab");
  return early ? { problem: early } : found;
}

export const labReportHandlers: Handlers<LabReportEvents> = {
  RetrievalRecorded: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.cohorts.has(p.retrievalId)) {
        return problem("duplicate-retrieval", "payload.retrievalId");
      }
      if (p.cycleId !== undefined) {
        const { record: cycle, problem: missing } = liveCycle(s, p.cycleId);
        if (missing) return missing;
        const early = notBefore(
          p.retrievedOn,
          cycle.startDate,
          "payload.retrievedOn",
          "cycle-start",
        );
        if (early) return early;
      }
      return funnelProblem(
        firstFunnelCheck({
          kind: "retrieval",
          eggs: p.eggsRetrieved,
          survived: null,
          mature: p.mature ?? null,
        }),
        { eggs: "payload.eggsRetrieved", mature: "payload.mature" },
      );
    },
    apply: (d, { id, payload: p }) => {
      const cycle = p.cycleId ? d.cycles.get(p.cycleId) : undefined;
      d.cohorts.set(
        p.retrievalId,
        newCohort({
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
          batches: [],
          notes: p.note ? [p.note] : [],
          updates: [{ kind: "retrieval", on: p.retrievedOn, eventId: id }],
        }),
      );
    },
  },
  FertilizationReported: {
    check: (s, { payload: p }) => {
      const { record: cohort, problem: refused } = reportedCohort(s, p);
      if (refused) return refused;
      return funnelProblem(
        funnelCheckOf(s, cohort, {
          mature: p.mature ?? cohort.mature,
          method: p.method,
          fertilized: p.fertilized,
        }),
        { mature: "payload.mature", fertilized: "payload.fertilized" },
      );
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      updateCohort(
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
      const { record: cohort, problem: refused } = reportedCohort(s, p);
      if (refused) return refused;
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
      updateCohort(
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
      const { record: cohort, problem: refused } = reportedCohort(s, p);
      if (refused) return refused;
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
      updateCohort(
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
        const e = found.record;
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
          updateCohort(d, e.cohortId, {}, { kind: "pgt", on: p.reportedOn, eventId: id });
        }
      }
    },
  },
};
