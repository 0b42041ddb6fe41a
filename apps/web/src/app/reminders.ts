import { activeCycles, addDays, procedureTime, rangeSchedule, Temporal } from "@trellis/domain";
import { useEffect } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { useJourneyState } from "./client-context.tsx";
import { notificationText } from "./reminder-words.ts";
import { deviceZone, todayIso } from "./time.ts";
import { usePushOn } from "./use-push.ts";

const shown = new Set<string>();
const HORIZON_MS = 36 * 3600_000;
/** Browsers cap timers near 24.8 days; we only plan the next day and a half anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

async function notify(title: string, body: string, tag: string) {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const registration = await navigator.serviceWorker?.getRegistration();
  const options = { body, tag, icon: "/icons/icon-192.png", badge: "/icons/icon-192.png" };
  if (registration) await registration.showNotification(title, options);
  else new Notification(title, options);
}

/**
 * While Trellis is open, shows a notification before each dose that is still
 * to be logged (and before a retrieval), with the words the person chose:
 * no medicine names unless they asked for them.
 */
export function useReminders(): void {
  const state = useJourneyState();
  const i18n = useI18n();
  // With reminders through Web Push on, those come whether or not the app is open: no second copy.
  const pushOn = usePushOn();
  useEffect(() => {
    if (pushOn) return;
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    const now = Date.now();
    const zone = deviceZone();
    const today = todayIso(zone);
    const prefs = state.preferences;
    const timers: number[] = [];
    const schedule = (at: number, tag: string, text: { title: string; body: string }) => {
      const delay = at - now;
      if (delay < -60_000 || delay > HORIZON_MS || delay > MAX_TIMER_MS || shown.has(tag)) return;
      timers.push(
        window.setTimeout(
          () => {
            shown.add(tag);
            void notify(text.title, text.body, tag);
          },
          Math.max(0, delay),
        ),
      );
    };
    for (const d of rangeSchedule(state, {
      zone,
      from: today,
      to: addDays(today, 1),
      nowMs: now,
    })) {
      if (d.log) continue;
      const text = notificationText(
        i18n,
        { kind: "dose", name: d.medicationName, dose: d.dose, trigger: d.purpose === "trigger" },
        prefs.notificationsShowNames,
      );
      schedule(d.epochMs - prefs.reminderLeadMinutes * 60_000, `lead:${d.key}`, text);
      if (prefs.reminderLeadMinutes > 0) schedule(d.epochMs, `due:${d.key}`, text);
    }
    for (const c of activeCycles(state)) {
      const p = procedureTime(state, c.id);
      if (!p) continue;
      const at = Temporal.ZonedDateTime.from(p.at).epochMilliseconds;
      schedule(
        at - 3 * 3600_000,
        `procedure:${c.id}:${p.at}`,
        notificationText(
          i18n,
          { kind: "procedure", procedure: p.kind, atMs: at, zone },
          prefs.notificationsShowNames,
        ),
      );
    }
    return () => {
      for (const t of timers) window.clearTimeout(t);
    };
  }, [state, i18n, pushOn]);
}
