/**
 * The push queue kept current: uploaded on each open, whenever the record
 * changes (a plan, a dose logged), and when periodic background sync asks;
 * and "Taken" from a notification (`/?dose=…&taken=1`) recorded once
 * the record is open (after the lock screen, if the lock is on).
 */
import { addDays, rangeSchedule } from "@trellis/domain";
import { useEffect, useRef, useState } from "react";
import { useToast } from "../components/Toast.tsx";
import { useLock } from "../features/lock/index.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useClient, useJourneyState } from "./client-context.tsx";
import {
  onPushChange,
  PUSH_REFRESH_TAG,
  pushSupported,
  readPushDevice,
  uploadPushQueue,
} from "./push-device.ts";
import { deviceZone, nowZoned, todayIso } from "./time.ts";

/** Waits this long after a change before uploading, so a burst of edits is one upload. */
const SETTLE_MS = 1000;

/** Whether reminders come through Web Push on this device (then the open app's own timers stand aside). */
export function usePushOn(): boolean {
  const client = useClient();
  const [on, setOn] = useState(false);
  useEffect(() => {
    let live = true;
    const read = () => void readPushDevice(client).then((d) => live && setOn(d !== null));
    read();
    const off = onPushChange(read);
    return () => {
      live = false;
      off();
    };
  }, [client]);
  return on;
}

export function usePushQueue(): void {
  const client = useClient();
  const state = useJourneyState();
  const i18n = useI18n();
  const lockOn = useLock()?.status.on ?? false;
  useEffect(() => {
    if (!pushSupported()) return;
    const timer = window.setTimeout(() => {
      // A failed upload (offline) is tried again at the next change or open; the last queue stays.
      void uploadPushQueue(client, i18n, { lockOn, state }).catch(() => undefined);
    }, SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [client, state, i18n, lockOn]);
  useEffect(() => {
    if (!pushSupported()) return;
    const onMessage = (e: MessageEvent) => {
      if ((e.data as { type?: unknown } | null)?.type === PUSH_REFRESH_TAG)
        void uploadPushQueue(client, i18n, { lockOn }).catch(() => undefined);
    };
    navigator.serviceWorker.addEventListener("message", onMessage);
    return () => navigator.serviceWorker.removeEventListener("message", onMessage);
  }, [client, i18n, lockOn]);
}

/** Records the doses a notification's "Taken" named, once, then leaves Today at them. */
export function useTakenFromNotification(): void {
  const client = useClient();
  const toast = useToast();
  const i18n = useI18n();
  const done = useRef(false);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (done.current || params.get("taken") !== "1" || !params.get("dose")) return;
    done.current = true;
    const keys = new Set(params.get("dose")!.split(","));
    params.delete("taken");
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
    if (!client.canRecord) return;
    const zone = deviceZone();
    const today = todayIso(zone);
    const due = rangeSchedule(client.state, {
      zone,
      from: addDays(today, -1),
      to: addDays(today, 1),
      nowMs: Date.now(),
    }).filter((d) => keys.has(d.key) && !d.log);
    void (async () => {
      let logged = 0;
      for (const d of due) {
        const r = await client.record("DoseLogged", {
          doseId: client.newId(),
          planItemId: d.planItemId,
          slot: { date: d.date, time: d.time },
          takenAt: nowZoned(zone),
          status: "taken",
          amount: d.dose,
        });
        if (r.ok) logged++;
      }
      if (logged > 0) toast.show(i18n.t("push.logged", { count: logged }));
    })();
  }, [client, toast, i18n]);
}
