import { buildCalendar, type CalendarEntry } from "@trellis/client";
import {
  activeCycles,
  addDays,
  appointments,
  type JourneyState,
  procedureTime,
  rangeSchedule,
  storageFeeList,
  Temporal,
} from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";
import { downloadFile } from "./files.ts";
import { deviceZone, todayIso } from "./time.ts";

/** What a reminder says: names only if the person chose to show them. */
export function reminderTitle(
  i18n: I18n,
  options: {
    name: string;
    dose: { value: number; unit: string };
    hour: number;
    showNames: boolean;
    trigger: boolean;
  },
): string {
  if (options.trigger)
    return options.showNames
      ? `${i18n.t("reminder.trigger")}: ${options.name}`
      : i18n.t("reminder.trigger");
  if (options.showNames)
    return i18n.t("reminder.title.named", { name: options.name, dose: i18n.dose(options.dose) });
  if (options.hour < 12) return i18n.t("reminder.title.morning");
  if (options.hour >= 17) return i18n.t("reminder.title.evening");
  return i18n.t("reminder.title.private");
}

/** The next `days` days of doses, the clinic appointments and retrievals, as calendar entries. */
export function calendarEntries(
  state: JourneyState,
  i18n: I18n,
  nowMs: number,
  days = 60,
): CalendarEntry[] {
  const zone = deviceZone();
  const from = todayIso(zone);
  const prefs = state.preferences;
  const entries: CalendarEntry[] = [];
  for (const d of rangeSchedule(state, { zone, from, to: addDays(from, days), nowMs })) {
    if (d.log) continue;
    const hour = Temporal.ZonedDateTime.from(d.at).hour;
    const trigger = d.purpose === "trigger";
    entries.push({
      uid: `${d.key}@trellis`,
      summary: reminderTitle(i18n, {
        name: d.medicationName,
        dose: d.dose,
        hour,
        showNames: prefs.notificationsShowNames,
        trigger,
      }),
      start: d.at,
      durationMinutes: 10,
      alarmsMinutesBefore: trigger
        ? [60, prefs.reminderLeadMinutes, 0]
        : [prefs.reminderLeadMinutes, 0],
    });
  }
  // A booked retrieval or insemination is listed once, as the procedure below.
  const procedures = activeCycles(state).flatMap((cycle) => {
    const p = procedureTime(state, cycle.id);
    return p && Temporal.ZonedDateTime.from(p.at).epochMilliseconds >= nowMs ? [{ cycle, p }] : [];
  });
  const listed = new Set(procedures.map(({ p }) => p.appointmentId));
  for (const a of appointments(state, { fromMs: nowMs })) {
    if (listed.has(a.id)) continue;
    entries.push({
      uid: `${a.id}@trellis`,
      summary: i18n.t("reminder.appointment"),
      start: a.at,
      durationMinutes: 45,
      alarmsMinutesBefore: [120],
      location: a.place ?? undefined,
    });
  }
  for (const { cycle, p } of procedures) {
    entries.push({
      uid: `procedure-${cycle.id}@trellis`,
      summary: i18n.t(p.kind === "insemination" ? "reminder.procedure.iui" : "reminder.procedure"),
      description:
        p.basedOn === "appointment"
          ? i18n.t("trigger.procedure.booked")
          : i18n.t("trigger.procedure.basis", { hours: i18n.number(p.hoursAfterTrigger) }),
      start: p.at,
      durationMinutes: 60,
      alarmsMinutesBefore: [24 * 60, 180],
    });
  }
  // Storage fees: the next due date of each, at 09:00 on the day, reminded the fee's own number of days before.
  const home = state.journey?.homeZone ?? zone;
  for (const f of storageFeeList(state, { today: from })) {
    if (!f.nextDueOn) continue;
    entries.push({
      uid: `fee-${f.fee.id}-${f.nextDueOn}@trellis`,
      summary: prefs.notificationsShowNames
        ? i18n.t("embryos.fees.reminder.named", { clinic: f.fee.clinic })
        : i18n.t("embryos.fees.reminder"),
      start: Temporal.PlainDate.from(f.nextDueOn)
        .toZonedDateTime({ timeZone: home, plainTime: "09:00" })
        .toString(),
      durationMinutes: 15,
      alarmsMinutesBefore: [Math.max(1, f.fee.remindDaysBefore) * 24 * 60],
    });
  }
  return entries;
}

export function downloadCalendar(state: JourneyState, i18n: I18n, nowMs: number): number {
  const entries = calendarEntries(state, i18n, nowMs);
  const text = buildCalendar({ name: i18n.t("app.name"), entries });
  downloadFile(`trellis-${todayIso(deviceZone())}.ics`, "text/calendar;charset=utf-8", text);
  return entries.length;
}
