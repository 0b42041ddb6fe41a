import { addDays } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import type { DoseStatus } from "./dose-status.ts";
import { cyclePlanItems, cycleSchedule, type DayDose, rangeSchedule } from "./selectors.ts";

/** One local day of a cycle's doses, in the order they were planned. */
export interface DoseDay {
  /** The local date (YYYY-MM-DD) in the zone the history was read in. */
  readonly date: string;
  readonly doses: readonly DayDose[];
}

/** How many doses stand in each state; `open` = due or overdue, not logged yet. */
export type DoseCounts = Record<"taken" | "partial" | "skipped" | "missed" | "open", number>;

export interface DoseHistory {
  /** Days with at least one planned dose, oldest first, up to now. */
  readonly days: readonly DoseDay[];
  readonly counts: DoseCounts;
}

/** Which count a dose adds to; upcoming doses are not history yet. */
export function historyBucket(status: DoseStatus): keyof DoseCounts | null {
  if (status === "upcoming") return null;
  if (status === "due" || status === "overdue") return "open";
  return status;
}

/**
 * Every planned dose of a cycle whose time has come by `nowMs` (or by the
 * end of the cycle's last day, when it ended), each with its state: taken,
 * partly taken, skipped, missed, or still open. Days follow the person's
 * `zone`, as Today does. The plan decides what was planned (`expandSchedule`
 * via `cycleSchedule`); a log changes only its own dose.
 */
export function doseHistory(
  state: JourneyState,
  cycleId: string,
  options: { zone: string; today: string; nowMs: number },
): DoseHistory {
  const counts: DoseCounts = { taken: 0, partial: 0, skipped: 0, missed: 0, open: 0 };
  const cycle = state.cycles.get(cycleId);
  const items = cyclePlanItems(state, cycleId);
  if (!cycle || items.length === 0) return { days: [], counts };
  const first = [cycle.startDate, ...items.map((i) => i.startDate)].sort()[0]!;
  const last = cycle.endedOn && cycle.endedOn < options.today ? cycle.endedOn : options.today;
  if (last < first) return { days: [], counts };
  const doses = cycleSchedule(state, cycleId, {
    zone: options.zone,
    // A day either side: a dose's local date may differ from its planned date in another zone.
    from: addDays(first, -1),
    to: last,
    nowMs: options.nowMs,
  });
  const days: { date: string; doses: DayDose[] }[] = [];
  for (const d of doses) {
    const bucket = historyBucket(d.status);
    if (!bucket) continue;
    counts[bucket]++;
    const date = d.at.slice(0, 10);
    const day = days.at(-1);
    if (day?.date === date) day.doses.push(d);
    else days.push({ date, doses: [d] });
  }
  return { days, counts };
}

/**
 * Yesterday's doses with nothing logged and past their window: Today shows
 * them until the end of the day after ("Yesterday 9 PM: not logged"), so a
 * forgotten evening is not lost the next morning.
 */
export function missedYesterday(
  state: JourneyState,
  options: { zone: string; today: string; nowMs: number },
): DayDose[] {
  const yesterday = addDays(options.today, -1);
  return rangeSchedule(state, {
    zone: options.zone,
    from: yesterday,
    to: yesterday,
    nowMs: options.nowMs,
  }).filter((d) => d.status === "missed");
}
