import { daysBetween } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import {
  activeCycles,
  cycleList,
  type ProcedureTime,
  procedureTime,
} from "../treatment/selectors.ts";
import { dayIn, epochOf, localDay, recordedRetrievalDay } from "./days.ts";

/** A retrieval or insemination still ahead (or under way: up to 3 hours after its time). */
export interface ProcedureDay {
  readonly cycleId: string;
  readonly procedure: ProcedureTime;
  /** Whole days from today to the procedure's day: 0 on the day, 1 the day before. */
  readonly daysAway: number;
  /**
   * Tell the person what to expect: the day before a retrieval (fasting
   * starts the night before) and on the day itself.
   */
  readonly whatToExpect: boolean;
}

/** How long after its time a procedure stays on Today as "now". */
const UNDER_WAY_MS = 3 * 3600_000;

/** Retrievals and inseminations of active cycles from now on, soonest first. */
export function procedureDays(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): ProcedureDay[] {
  const today = dayIn(options.nowMs, options.zone);
  const out: ProcedureDay[] = [];
  for (const cycle of activeCycles(state)) {
    const procedure = procedureTime(state, cycle.id);
    if (!procedure || epochOf(procedure.at) <= options.nowMs - UNDER_WAY_MS) continue;
    const daysAway = daysBetween(today, localDay(procedure.at, options.zone));
    out.push({
      cycleId: cycle.id,
      procedure,
      daysAway,
      whatToExpect: procedure.kind === "retrieval" && daysAway <= 1,
    });
  }
  return out.sort((a, b) => epochOf(a.procedure.at) - epochOf(b.procedure.at));
}

/**
 * Days after a retrieval during which Today offers the after-retrieval check:
 * early OHSS starts 3 to 7 days after the trigger, and most retrieval
 * discomfort settles within days (docs/clinical-reference.md §5, §8.1). The
 * check itself stays one tap away afterwards.
 */
export const AFTER_RETRIEVAL_CARD_DAYS = 7;

export interface AfterRetrieval {
  readonly cycleId: string;
  /** The day the eggs were collected. */
  readonly retrievedOn: string;
  /** Days since: 0 on the day itself. */
  readonly daysSince: number;
}

/**
 * The day eggs were collected in a cycle: as recorded, or (not recorded yet)
 * the retrieval's own day once its time has passed in a cycle not stopped.
 */
export function retrievalDay(
  state: JourneyState,
  cycleId: string,
  options: { nowMs: number; zone: string },
): string | null {
  const recorded = recordedRetrievalDay(state, cycleId);
  if (recorded) return recorded;
  const cycle = state.cycles.get(cycleId);
  if (!cycle || cycle.retracted || cycle.status === "cancelled") return null;
  const procedure = procedureTime(state, cycleId);
  if (procedure?.kind !== "retrieval" || epochOf(procedure.at) > options.nowMs) return null;
  return localDay(procedure.at, options.zone);
}

/**
 * Cycles in the days after their retrieval, when Today offers the check for
 * that stage. Ends at a transfer: from then on the person is after a transfer.
 */
export function afterRetrieval(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): AfterRetrieval[] {
  const today = dayIn(options.nowMs, options.zone);
  const out: AfterRetrieval[] = [];
  for (const cycle of cycleList(state)) {
    const retrievedOn = retrievalDay(state, cycle.id, options);
    if (!retrievedOn) continue;
    const daysSince = daysBetween(retrievedOn, today);
    if (daysSince < 0 || daysSince > AFTER_RETRIEVAL_CARD_DAYS) continue;
    const transferred = [...state.transfers.values()].some(
      (t) =>
        !t.retracted &&
        t.status === "done" &&
        t.cycleId === cycle.id &&
        t.date >= retrievedOn &&
        t.date <= today,
    );
    if (transferred) continue;
    out.push({ cycleId: cycle.id, retrievedOn, daysSince });
  }
  return out;
}
