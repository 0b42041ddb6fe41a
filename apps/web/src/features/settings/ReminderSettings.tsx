import { type FormEvent, useId, useState } from "react";
import { downloadCalendar } from "../../app/calendar-export.ts";
import { useJourneyState } from "../../app/client-context.tsx";
import { FieldError, FormButtons, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Permission = NotificationPermission | "unsupported";

const currentPermission = (): Permission =>
  "Notification" in window ? Notification.permission : "unsupported";

/**
 * Notifications on this device, what they may say, and the calendar file.
 * What they say is kept in the record, so a viewer has no form for it.
 */
export function ReminderSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  // A refusal of either number goes beside it, not on the form's line as "This can't be…".
  const form = useForm<"lead" | "warnDays">({
    from: { reminderLeadMinutes: "lead", inventoryWarningDays: "warnDays" },
  });
  const state = useJourneyState();
  const toast = useToast();
  const id = useId();
  const prefs = state.preferences;
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [showNames, setShowNames] = useState(prefs.notificationsShowNames);
  const [lead, setLead] = useState(prefs.reminderLeadMinutes);
  const [warnDays, setWarnDays] = useState(prefs.inventoryWarningDays);

  async function allow() {
    if (!("Notification" in window)) return;
    setPermission(await Notification.requestPermission());
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const changes = {
      ...(showNames !== prefs.notificationsShowNames && { notificationsShowNames: showNames }),
      ...(lead !== prefs.reminderLeadMinutes && { reminderLeadMinutes: lead }),
      ...(warnDays !== prefs.inventoryWarningDays && { inventoryWarningDays: warnDays }),
    };
    if (Object.keys(changes).length > 0) {
      const r = await form.record("PreferencesUpdated", changes);
      if (!r.ok) return;
    } else {
      form.clear();
    }
    toast.show(t("reminders.saved"));
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("reminders.title")}</h2>
      <p>{t("reminders.body")}</p>
      <div className="stack-tight">
        {permission === "granted" ? (
          <p role="status">{t("reminders.allowed")}</p>
        ) : permission === "denied" ? (
          <p className="notice">{t("reminders.denied")}</p>
        ) : permission === "unsupported" ? (
          <p className="notice">{t("reminders.unsupported")}</p>
        ) : (
          <div>
            <button type="button" className="button" onClick={allow}>
              {t("reminders.allow")}
            </button>
          </div>
        )}
      </div>
      <WhenCanRecord>
        <form className="stack-tight" onSubmit={save} noValidate>
          <label className="check">
            <input
              type="checkbox"
              checked={showNames}
              onChange={(e) => setShowNames(e.target.checked)}
              aria-describedby={`${id}-names-hint`}
            />
            {t("reminders.showNames")}
          </label>
          <p className="hint" id={`${id}-names-hint`}>
            {t("reminders.showNames.hint")}
          </p>
          <div className="grid-2">
            <div className={`field${form.fieldErrors.lead ? " field-invalid" : ""}`}>
              <label htmlFor={form.id("lead")}>{t("reminders.lead")}</label>
              <input
                {...form.input("lead")}
                type="number"
                inputMode="numeric"
                min="0"
                max="240"
                step="5"
                value={lead}
                onChange={(e) => setLead(Math.trunc(e.target.valueAsNumber))}
              />
              <FieldError {...form.field("lead")} />
            </div>
            <div className={`field${form.fieldErrors.warnDays ? " field-invalid" : ""}`}>
              <label htmlFor={form.id("warnDays")}>{t("reminders.warnDays")}</label>
              <input
                {...form.input("warnDays")}
                type="number"
                inputMode="numeric"
                min="0"
                max="30"
                step="1"
                value={warnDays}
                onChange={(e) => setWarnDays(Math.trunc(e.target.valueAsNumber))}
              />
              <FieldError {...form.field("warnDays")} />
            </div>
          </div>
          <FormButtons form={form} label={t("reminders.save")} />
        </form>
      </WhenCanRecord>
      <div className="stack-tight">
        <button
          type="button"
          className="button"
          onClick={() => downloadCalendar(state, i18n, Date.now())}
        >
          {t("cycle.calendar")}
        </button>
        <p className="hint">{t("cycle.calendar.hint")}</p>
      </div>
    </section>
  );
}
