import type { DoseLog } from "./state.ts";

/**
 * Where a planned dose stands at a moment:
 * - `upcoming`: its time has not come;
 * - `due`: its time came less than `DUE_WINDOW_MINUTES` ago;
 * - `overdue`: later than that, and still inside `MISSED_AFTER_MINUTES`: late, not lost;
 * - `missed`: `MISSED_AFTER_MINUTES` have passed with nothing logged ("not logged");
 * - `taken`, `partial`, `skipped`: what the person logged, whenever they logged it.
 */
export type DoseStatus =
  | "upcoming"
  | "due"
  | "overdue"
  | "missed"
  | "taken"
  | "partial"
  | "skipped";

/** A dose counts as due from its time until an hour later; after that it is overdue. */
export const DUE_WINDOW_MINUTES = 60;

/**
 * The missed-dose window: a dose with nothing logged six hours after its
 * planned time is *missed* (the app says "not logged", never "you missed").
 * Six hours covers a dose taken late the same evening or morning and logged
 * a little after; past it, the dose is more likely forgotten (or taken and
 * not written down) than still coming, so Trellis stops offering it as "now"
 * and asks what happened instead. Whether a late dose should still be taken
 * is the clinic's call, which Trellis never makes. Logging it later, with
 * its real time, makes it taken, partly taken or skipped like any other.
 */
export const MISSED_AFTER_MINUTES = 6 * 60;

/**
 * The status of a dose planned at `plannedMs`, with `log` (or none) at
 * `nowMs`. A log always wins: logging a dose only ever changes that dose.
 */
export function doseStatusAt(
  plannedMs: number,
  log: Pick<DoseLog, "status"> | null,
  nowMs: number,
): DoseStatus {
  if (log) return log.status;
  if (nowMs < plannedMs) return "upcoming";
  if (nowMs < plannedMs + DUE_WINDOW_MINUTES * 60_000) return "due";
  return nowMs < plannedMs + MISSED_AFTER_MINUTES * 60_000 ? "overdue" : "missed";
}
