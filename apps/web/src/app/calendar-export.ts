import { buildCalendar, type CalendarEntry, mergeSameMinute } from "@trellis/client";
import type { JourneyState } from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";
import { downloadFile } from "./files.ts";
import { calendarNeutralWords, doseTitle } from "./reminder-words.ts";
import { deviceZone, todayIso } from "./time.ts";
import { upcoming } from "./upcoming.ts";

/**
 * The next `days` days of doses, the clinic appointments and retrievals, as
 * calendar entries with their names; `buildCalendar` keeps only "Reminder" or
 * "Appointment" of them when names are off. Their UIDs carry ids and dates,
 * never a word ("p-" a procedure, "f-" a fee, "c-" a cost due, "y-" a yearly remembrance
 * reminder, "m-" the minute of doses
 * taken together, which are one event: "2 medicines: ...").
 */
export function calendarEntries(
  state: JourneyState,
  i18n: I18n,
  nowMs: number,
  days = 60,
): CalendarEntry[] {
  const prefs = state.preferences;
  const coming = upcoming(state, nowMs, days);
  const entries: CalendarEntry[] = [];
  for (const d of coming.doses) {
    const trigger = d.purpose === "trigger";
    entries.push({
      uid: `${d.key}@trellis`,
      kind: "reminder",
      summary: doseTitle(i18n, { name: d.medicationName, dose: d.dose, trigger }),
      start: d.at,
      durationMinutes: 10,
      alarmsMinutesBefore: trigger
        ? [60, prefs.reminderLeadMinutes, 0]
        : [prefs.reminderLeadMinutes, 0],
      mergeable: true,
    });
  }
  for (const a of coming.appointments) {
    entries.push({
      uid: `${a.id}@trellis`,
      kind: "appointment",
      summary: i18n.t("reminder.appointment"),
      start: a.at,
      durationMinutes: 45,
      alarmsMinutesBefore: [120],
      location: a.place ?? undefined,
    });
  }
  for (const { cycleId, procedure: p } of coming.procedures) {
    entries.push({
      uid: `p-${cycleId}@trellis`,
      kind: "appointment",
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
  for (const { line: f, nextDueOn, due } of coming.fees) {
    entries.push({
      uid: `f-${f.fee.id}-${nextDueOn}@trellis`,
      kind: "reminder",
      summary: i18n.t("embryos.fees.reminder.named", { clinic: f.fee.clinic }),
      start: due.toString(),
      durationMinutes: 15,
      alarmsMinutesBefore: [f.fee.remindDaysBefore * 24 * 60],
    });
  }
  // Costs still due with a reminder: on the due day at 09:00, reminded the cost's own number of days before.
  for (const { cost, dueOn, due } of coming.costs) {
    entries.push({
      uid: `c-${cost.id}-${dueOn}@trellis`,
      kind: "reminder",
      summary: i18n.t("reminder.cost", { what: cost.description }),
      start: due.toString(),
      durationMinutes: 15,
      alarmsMinutesBefore: [(cost.remindDaysBefore ?? 0) * 24 * 60],
    });
  }
  // Yearly remembrance reminders the person chose, in their own words (kept only when names are on).
  for (const { reminder: a, at } of coming.anniversaries) {
    entries.push({
      uid: `y-${a.remembranceId}-${a.on}@trellis`,
      kind: "reminder",
      summary: a.words,
      start: at.toString(),
      durationMinutes: 15,
      alarmsMinutesBefore: [0],
    });
  }
  return mergeSameMinute(entries, (parts) => ({
    summary: i18n.t("calendar.together.named", {
      count: parts.length,
      names: parts.map((p) => p.summary).join("; "),
    }),
  }));
}

/** The calendar file's text, with the words this device's choice allows. */
export function calendarText(
  state: JourneyState,
  i18n: I18n,
  nowMs: number,
): { text: string; count: number } {
  const entries = calendarEntries(state, i18n, nowMs);
  const neutral = calendarNeutralWords(i18n, state.preferences.notificationsShowNames);
  return {
    text: buildCalendar({ name: i18n.t("app.name"), entries, neutral }),
    count: entries.length,
  };
}

export function downloadCalendar(state: JourneyState, i18n: I18n, nowMs: number): number {
  const { text, count } = calendarText(state, i18n, nowMs);
  downloadFile(`trellis-${todayIso(deviceZone())}.ics`, "text/calendar;charset=utf-8", text);
  return count;
}
