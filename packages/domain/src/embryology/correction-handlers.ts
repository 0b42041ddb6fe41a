import { parseGardner } from "../clinical/gardner.ts";
import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import { givenFields } from "../state/records.ts";
import { funnelCheckOf, lastDate, liveCohort, liveEmbryo } from "./checks.ts";
import { type FunnelCheck, type FunnelKey, funnelProblem } from "./funnel.ts";
import type { Embryo } from "./state.ts";
import { embryoParams, withHistory } from "./status.ts";
import { updateCohort } from "./writes.ts";

/**
 * The handlers of corrections to what the lab reported: counts corrected
 * (checked against every report again), an embryo's label, grade, day or
 * biopsy corrected, and a retrieval, thaw or embryo entered by mistake
 * (refused while something still depends on it).
 */

export type LabCorrectionEvents =
  | "LabCountsCorrected"
  | "RetrievalRetracted"
  | "EmbryoCorrected"
  | "EmbryoRetracted";

/** The lab's counts a correction may change, each checked against the funnel. */
const countFields = ["eggs", "survived", "mature", "method", "fertilized", "day3"] as const;

export const labCorrectionHandlers: Handlers<LabCorrectionEvents> = {
  LabCountsCorrected: {
    check: (s, { payload: p }) => {
      const { record: cohort, problem: missing } = liveCohort(s, p.cohortId);
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
      const changes: Partial<FunnelCheck> = givenFields(p, countFields);
      const fieldOf: Partial<Record<FunnelKey, string>> = {};
      for (const k of ["eggs", "survived", "mature", "fertilized", "day3"] as const) {
        if (p[k] !== undefined) fieldOf[k] = `payload.${k}`;
      }
      return funnelProblem(funnelCheckOf(s, cohort, changes), fieldOf);
    },
    apply: (d, { id, payload: p }) => {
      const c = d.cohorts.get(p.cohortId)!;
      updateCohort(
        d,
        p.cohortId,
        {
          ...(p.date !== undefined && {
            date: p.date,
            ...(c.kind === "retrieval" && { eggsCollectedOn: p.date }),
          }),
          ...(p.clinic !== undefined && { clinic: p.clinic?.length ? p.clinic : null }),
          ...givenFields(p, ["folliclesAtTrigger", ...countFields]),
        },
        { kind: "correction", on: p.date ?? c.date, eventId: id },
      );
    },
  },
  RetrievalRetracted: {
    check: (s, { payload: p }) => {
      const { record: cohort, problem: missing } = liveCohort(s, p.cohortId);
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
      const e = found.record;
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
      const t = found.record.transferId ? s.transfers.get(found.record.transferId) : undefined;
      if (t && !t.retracted) {
        return problem("in-transfer", "payload.embryoId", embryoParams(found.record));
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
};
