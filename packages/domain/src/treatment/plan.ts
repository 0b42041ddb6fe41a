import { addDays, dayNumber } from "../schedule/civil.ts";
import type { PlanEnd, PlanItem } from "../schedule/expand.ts";
import type { Cycle, PlanEndSpec, PlannedMedication, PlanStart } from "./state.ts";

/** The calendar date of a cycle day (day 1 = the cycle's start date; day 0 the day before). */
export function cycleDayDate(cycle: Pick<Cycle, "startDate">, day: number): string {
  return addDays(cycle.startDate, day - 1);
}

/** The cycle day of a date (may be 0 or negative before the cycle starts). */
export function cycleDayOf(cycle: Pick<Cycle, "startDate">, date: string): number {
  return dayNumber(date) - dayNumber(cycle.startDate) + 1;
}

export function startDateOf(cycle: Pick<Cycle, "startDate">, start: PlanStart): string {
  return "date" in start ? start.date : cycleDayDate(cycle, start.cycleDay);
}

export function resolveEnd(cycle: Pick<Cycle, "startDate">, end: PlanEndSpec): PlanEnd {
  if (end.kind === "cycle-day") return { kind: "date", date: cycleDayDate(cycle, end.day) };
  return end;
}

/** A planned medicine in the schedule engine's terms: dates resolved, changes applied by day. */
export function toPlanItem(cycle: Cycle, item: PlannedMedication): PlanItem {
  return {
    id: item.id,
    medicationName: item.medication.name,
    medicationId: item.medication.catalogueId,
    route: item.medication.route,
    purpose: item.medication.purpose,
    dose: item.dose,
    times: item.times,
    startDate: startDateOf(cycle, item.start),
    end: resolveEnd(cycle, item.end),
    everyDays: item.everyDays,
    timeCritical: item.timeCritical,
    zone: cycle.zone,
    adjustments: item.changes.map((c) => ({
      from: c.from,
      dose: c.dose,
      times: c.times,
      end: c.end ? resolveEnd(cycle, c.end) : undefined,
    })),
  };
}

/**
 * Whether `date`/`time` is a dose the plan item really has: on or after its
 * start, on its every-N-days rhythm, at one of that day's times, and not after
 * a fixed end. (Doses after the trigger may still be logged: late is not never.)
 */
export function isPlannedSlot(item: PlanItem, date: string, time: string): boolean {
  if (date < item.startDate) return false;
  const every = item.everyDays ?? 1;
  if ((dayNumber(date) - dayNumber(item.startDate)) % every !== 0) return false;
  let times = item.times;
  let end = item.end;
  for (const a of [...(item.adjustments ?? [])].sort((x, y) =>
    x.from < y.from ? -1 : x.from > y.from ? 1 : 0,
  )) {
    if (a.from > date) break;
    if (a.times) times = a.times;
    if (a.end) end = a.end;
  }
  if (end.kind === "date" && date > end.date) return false;
  return times.includes(time);
}

export function slotKey(planItemId: string, date: string, time: string): string {
  return `${planItemId}/${date}/${time}`;
}
