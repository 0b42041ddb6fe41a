/**
 * What reminders say, on a notification and in the calendar file: names
 * only if the person chose to show them on this device; otherwise the same
 * few bland words for everything.
 */
import type { NeutralWords } from "@trellis/client";
import type { I18n } from "../i18n/i18n.tsx";

/** Something a notification reminds of: a dose, or a booked retrieval or insemination. */
export type Reminder =
  | {
      readonly kind: "dose";
      readonly name: string;
      readonly dose: { value: number; unit: string };
      readonly trigger: boolean;
    }
  | {
      readonly kind: "procedure";
      readonly procedure: "retrieval" | "insemination";
      readonly atMs: number;
      readonly zone: string;
    };

/** The named title of a dose, as the calendar and a notification show it with names on. */
export function doseTitle(
  i18n: I18n,
  dose: { name: string; dose: { value: number; unit: string }; trigger: boolean },
): string {
  if (dose.trigger) return `${i18n.t("reminder.trigger")}: ${dose.name}`;
  return i18n.t("reminder.title.named", { name: dose.name, dose: i18n.dose(dose.dose) });
}

/** A notification's title and body. Names off: "Trellis: a reminder", whatever it is for. */
export function notificationText(
  i18n: I18n,
  reminder: Reminder,
  showNames: boolean,
): { title: string; body: string } {
  if (!showNames)
    return { title: i18n.t("reminder.neutral.title"), body: i18n.t("reminder.neutral.body") };
  if (reminder.kind === "dose")
    return { title: doseTitle(i18n, reminder), body: i18n.t("reminder.body") };
  return {
    title: i18n.t(
      reminder.procedure === "insemination" ? "reminder.procedure.iui" : "reminder.procedure",
    ),
    body: i18n.dateTime(reminder.atMs, reminder.zone),
  };
}

/** The calendar's words with names off ("Reminder", "Appointment"), or none with names on. */
export function calendarNeutralWords(i18n: I18n, showNames: boolean): NeutralWords | undefined {
  return showNames
    ? undefined
    : {
        reminder: i18n.t("calendar.neutral.reminder"),
        appointment: i18n.t("calendar.neutral.appointment"),
      };
}
