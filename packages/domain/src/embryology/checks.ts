import { type Problem, problem } from "../core/result.ts";
import { type Lookup, liveRecord } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import type { EmbryoStatus } from "./events.ts";
import type { FunnelCheck } from "./funnel.ts";
import type { EggCohort, Embryo } from "./state.ts";
import { embryoParams } from "./status.ts";

/**
 * What the embryology handlers ask of the record before an event applies:
 * that the cohort or embryo it names is there, the cohort's counts as the
 * whole record has them (for the funnel check in `funnel.ts`), that dates
 * come in order, and that embryos can go where an event sends them.
 */

/** The retrieval or thaw an event names (`unknown-retrieval` when there is none). */
export function liveCohort(
  s: JourneyState,
  cohortId: string,
  field = "payload.cohortId",
): Lookup<EggCohort> {
  return liveRecord(s.cohorts, cohortId, "unknown-retrieval", field);
}

/** The embryo an event names (`unknown-embryo` when there is none). */
export function liveEmbryo(s: JourneyState, embryoId: string, field: string): Lookup<Embryo> {
  return liveRecord(s.embryos, embryoId, "unknown-embryo", field);
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

/** The counts of a cohort the lab has just received: nothing reported after the eggs yet. */
export function firstFunnelCheck(
  first: Pick<FunnelCheck, "kind" | "eggs" | "survived" | "mature">,
): FunnelCheck {
  return {
    ...first,
    method: null,
    fertilized: null,
    day3: null,
    blastocysts: 0,
    day3Listed: 0,
    eggsFrozen: 0,
  };
}

/** What a date cannot come before: the cycle's start, the eggs reaching the lab, the retrieval, the eggs' freezing. */
type Earliest = "cycle-start" | "in-lab" | "retrieval" | "eggs-frozen";

export function notBefore(
  date: string,
  earliest: string,
  field: string,
  after: Earliest,
): Problem | null {
  return date < earliest ? problem("before-start", field, { date: earliest, after }) : null;
}

/** The day of an embryo's last change. */
export function lastDate(e: Embryo): string {
  return e.history.at(-1)?.on ?? "0000-01-01";
}

/** Every listed embryo exists, is not removed, has one of `allowed` statuses, and the date is not before its last change. */
export function embryosAllowed(
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
    const e = found.record;
    if (!allowed.includes(e.status)) {
      return problem("embryo-not-available", f, { ...embryoParams(e), doing, status: e.status });
    }
    if (on < lastDate(e)) {
      return problem("before-last-change", f, { ...embryoParams(e), date: lastDate(e) });
    }
  }
  return null;
}
