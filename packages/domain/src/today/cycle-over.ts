import { betaSeries, latestOutcome, transferList } from "../pregnancy/selectors.ts";
import { daysBetween } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import { activeCycles, procedureTime } from "../treatment/selectors.ts";
import type { Cycle } from "../treatment/state.ts";
import { dayIn, epochOf, localDay, recordedRetrievalDay } from "./days.ts";

/**
 * Days with nothing recorded after a cycle's retrieval (or insemination, or
 * transfer) before Today asks "Is this cycle over?". A design choice: by then
 * a fresh transfer or a beta would usually have been recorded.
 */
export const QUIET_CYCLE_DAYS = 14;

/** After "not yet" (`CycleStillOpen`), Today asks again this many days later. */
export const ASK_AGAIN_AFTER_DAYS = 7;

export interface QuietCycle {
  readonly cycleId: string;
  /** What the quiet days count from. */
  readonly since: { readonly kind: "retrieval" | "insemination" | "transfer"; readonly on: string };
  /** The last day anything was recorded in the cycle (a dose, a scan, a booking, the procedure). */
  readonly lastRecordedOn: string;
}

/**
 * Active cycles to ask "Is this cycle over?": 14 days or more past their
 * retrieval, insemination or transfer, with nothing recorded since (no
 * transfer, dose, scan, result or booking), no beta or outcome for their
 * transfers, and no "not yet" in the last 7 days.
 */
export function cyclesToAskAbout(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): QuietCycle[] {
  const today = dayIn(options.nowMs, options.zone);
  const out: QuietCycle[] = [];
  for (const cycle of activeCycles(state)) {
    const quiet = quietSince(state, cycle, options);
    if (!quiet || daysBetween(quiet.lastRecordedOn, today) < QUIET_CYCLE_DAYS) continue;
    if (cycle.stillOpenOn && daysBetween(cycle.stillOpenOn, today) < ASK_AGAIN_AFTER_DAYS) continue;
    out.push(quiet);
  }
  return out;
}

function quietSince(
  state: JourneyState,
  cycle: Cycle,
  options: { nowMs: number; zone: string },
): QuietCycle | null {
  const candidates: QuietCycle["since"][] = [];
  const retrieved = recordedRetrievalDay(state, cycle.id);
  if (retrieved) candidates.push({ kind: "retrieval", on: retrieved });
  const procedure = procedureTime(state, cycle.id);
  if (procedure && !retrieved && epochOf(procedure.at) <= options.nowMs)
    candidates.push({ kind: procedure.kind, on: localDay(procedure.at, options.zone) });

  for (const t of transferList(state)) {
    const mine = t.cycleId === cycle.id || (t.cycleId === null && t.date >= cycle.startDate);
    if (!mine) continue;
    // News after the transfer is something recorded: the person is past the question.
    if (betaSeries(state, t.id).length > 0 || latestOutcome(state, t.id)) return null;
    candidates.push({ kind: "transfer", on: t.date });
  }
  // The latest milestone counts; on one day, a transfer is later than a retrieval.
  const anchor = candidates.reduce<QuietCycle["since"] | null>(
    (best, c) => (!best || c.on >= best.on ? c : best),
    null,
  );
  if (!anchor) return null;

  let last = anchor.on;
  const seen = (day: string) => {
    if (day > last) last = day;
  };
  for (const log of state.doseLogs.values()) {
    if (log.retracted || state.planItems.get(log.planItemId)?.cycleId !== cycle.id) continue;
    seen(localDay(log.takenAt, options.zone));
  }
  for (const a of state.appointments.values())
    if (!a.cancelled && a.cycleId === cycle.id) seen(localDay(a.at, options.zone));
  for (const s of state.scans.values())
    if (!s.retracted && s.cycleId === cycle.id) seen(localDay(s.scannedAt, options.zone));
  for (const r of state.labResults.values())
    if (!r.retracted && r.cycleId === cycle.id) seen(localDay(r.drawnAt, options.zone));
  return { cycleId: cycle.id, since: anchor, lastRecordedOn: last };
}
