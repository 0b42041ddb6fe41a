import { type CalendarEntry, eventText } from "@trellis/client";
import { useId } from "react";
import { calendarNeutralWords, notificationText } from "../../app/reminder-words.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * What the current choice shows, said in words and then shown: a reminder
 * and two calendar entries, made by the same functions that make the real
 * ones, from an example dose and appointment.
 */
export function ReminderPreview({ showNames }: { showNames: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const notification = notificationText(
    i18n,
    {
      kind: "dose",
      name: t("reminders.preview.medicine"),
      dose: { value: 150, unit: "IU" },
      trigger: false,
    },
    showNames,
  );
  const example = (kind: CalendarEntry["kind"], summary: string, location?: string) =>
    eventText(
      {
        uid: kind,
        kind,
        summary,
        location,
        start: "2026-01-01T09:00:00+00:00[UTC]",
        durationMinutes: 10,
        alarmsMinutesBefore: [],
      },
      calendarNeutralWords(i18n, showNames),
    );
  const dose = example("reminder", notification.title);
  const visit = example("appointment", t("reminder.appointment"), t("reminders.preview.place"));
  return (
    <div className="card-inset stack-tight">
      <p id={`${id}-title`}>{t(showNames ? "reminders.shows.on" : "reminders.shows.off")}</p>
      <dl className="record-facts" aria-labelledby={`${id}-title`}>
        <div>
          <dt>{t("reminders.preview.notification")}</dt>
          <dd>
            <strong>{notification.title}</strong> {notification.body}
          </dd>
        </div>
        <div>
          <dt>{t("reminders.preview.calendar")}</dt>
          <dd>
            {[dose, visit]
              .map((e) => (e.location ? `${e.summary} (${e.location})` : e.summary))
              .join(" · ")}
          </dd>
        </div>
      </dl>
    </div>
  );
}
