import { type FormEvent, useId, useState } from "react";
import { CalendarButton } from "../../components/CalendarButton.tsx";
import {
  ButtonLine,
  CheckField,
  FormButtons,
  NumberField,
  useForm,
} from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { PushReminders } from "./PushReminders.tsx";
import { usePreferencesDraft } from "./preferences-draft.ts";
import { ReminderPreview } from "./ReminderPreview.tsx";

type Permission = NotificationPermission | "unsupported";

const currentPermission = (): Permission =>
  "Notification" in window ? Notification.permission : "unsupported";

/** The preferences this section keeps: what a notification may say, and when reminders come. */
const kept = ["notificationsShowNames", "reminderLeadMinutes", "inventoryWarningDays"] as const;

/** The two whole numbers, each as its own field: minutes before a dose, days of supplies left. */
const wholeNumbers = [
  { key: "reminderLeadMinutes", label: "reminders.lead", max: 240, step: "5" },
  { key: "inventoryWarningDays", label: "reminders.warnDays", max: 30, step: "1" },
] as const;

/**
 * Notifications on this device, what they may say, and the calendar file.
 * What they may say belongs to this device (a partner's choice never changes
 * it); when reminders come is kept in the record, so a viewer has no form.
 */
export function ReminderSettings() {
  const { t } = useI18n();
  // A refusal of either number goes beside it, not on the form's line as "This can't be…".
  const form = useForm<(typeof wholeNumbers)[number]["key"]>();
  const toast = useToast();
  const id = useId();
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const { draft, set, changes, changed } = usePreferencesDraft(kept);

  async function allow() {
    if (!("Notification" in window)) return;
    setPermission(await Notification.requestPermission());
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (changed) {
      // What a notification may say is this device's own; when it comes is the record's.
      const { notificationsShowNames, ...shared } = changes;
      if (notificationsShowNames !== undefined) {
        const r = await form.changeDeviceSettings({ notificationsShowNames });
        if (!r.ok) return;
      }
      if (Object.keys(shared).length > 0) {
        const r = await form.record("PreferencesUpdated", shared);
        if (!r.ok) return;
      }
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
          <ButtonLine label={t("reminders.allow")} onClick={allow} />
        )}
      </div>
      <PushReminders allowed={permission === "granted"} />
      <WhenCanRecord>
        <form className="stack-tight" onSubmit={save} noValidate>
          <CheckField
            words="reminders.showNames"
            checked={draft.notificationsShowNames}
            onChange={(on) => set("notificationsShowNames", on)}
          />
          <ReminderPreview showNames={draft.notificationsShowNames} />
          <div className="grid-2">
            {wholeNumbers.map(({ key, label, max, step }) => (
              <NumberField
                key={key}
                {...form.field(key)}
                label={t(label)}
                min="0"
                max={max}
                step={step}
                value={draft[key]}
                onChange={(n) => set(key, Math.trunc(n))}
              />
            ))}
          </div>
          <FormButtons form={form} label={t("reminders.save")} />
        </form>
      </WhenCanRecord>
      <div className="stack-tight">
        <CalendarButton label={t("cycle.calendar")} />
        <p className="hint">{t("cycle.calendar.hint")}</p>
      </div>
    </section>
  );
}
