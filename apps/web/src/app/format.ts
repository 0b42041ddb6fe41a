import {
  type Cycle,
  cycleDay,
  cycleDayDate,
  type PlanEndSpec,
  type PlannedMedication,
  startDateOf,
  Temporal,
} from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";

/** "Stim day 6" or "Cycle day 12" for a date in a cycle; null before it starts. */
export function cycleDayLabel(i18n: I18n, cycle: Cycle, date: string): string | null {
  const day = cycleDay(cycle, date);
  if (day < 1) return null;
  return cycle.dayOne === "stim-day"
    ? i18n.t("cycle.dayLabel.stim-day", { day })
    : i18n.t("cycle.dayLabel.cycle-day", { day });
}

/** "Sat 13 Apr, 21:30" for an exact time, shown in `zone`. */
export function when(i18n: I18n, zoned: string, zone: string): string {
  const ms = Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
  return i18n.dateTime(ms, zone);
}

export function endDate(cycle: Cycle, end: PlanEndSpec): string | null {
  if (end.kind === "date") return end.date;
  if (end.kind === "cycle-day") return cycleDayDate(cycle, end.day);
  return null;
}

/** One line describing when a planned medicine runs, with the changes applied today. */
export function planRange(i18n: I18n, cycle: Cycle, item: PlannedMedication): string {
  const from = i18n.day(startDateOf(cycle, item.start));
  let end = item.end;
  for (const c of item.changes) if (c.end) end = c.end;
  const last = endDate(cycle, end);
  if (last) return i18n.t("plan.summary.range", { from, until: i18n.day(last) });
  if (end.kind === "until-trigger") return i18n.t("plan.summary.untilTrigger", { from });
  return i18n.t("plan.summary.open", { from });
}

/** The dose and times in effect on `date`, after changes from a day onward. */
export function currentSpec(item: PlannedMedication, date: string) {
  let dose = item.dose;
  let times = item.times;
  for (const c of [...item.changes].sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : 0,
  )) {
    if (c.from > date) break;
    if (c.dose) dose = c.dose;
    if (c.times) times = c.times;
  }
  return { dose, times };
}

/** Times of day shown in the locale's style ("21:00" or "9:00 PM"). */
export function timesText(i18n: I18n, times: readonly string[]): string {
  return times
    .map((t) => {
      const [h, m] = t.split(":").map(Number);
      return i18n.time(Date.UTC(2000, 0, 1, h!, m!), "UTC");
    })
    .join(", ");
}
