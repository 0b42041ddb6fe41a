/**
 * This device's reminders through Web Push: subscribing, the push device at
 * the relay (its id and secret kept in the record's meta, so sealed when the
 * app lock is on), and uploading the whole encrypted queue. One upload at a
 * time; the newest wins.
 */
import type { TrellisClient } from "@trellis/client";
import {
  applicationServerKey,
  encryptQueue,
  opaqueIds,
  PUSH_META_KEY,
  type PushDevice,
  type PushRelay,
  planQueue,
  pushRelay,
  QUEUE_DAYS,
  RelayError,
} from "@trellis/client/push";
import type { JourneyState } from "@trellis/domain";
import type { I18n } from "../i18n/i18n.tsx";
import { pushSources, pushWords } from "./push-sources.ts";
import { routes } from "./routes.ts";

/** The tag of the periodic background sync that asks an open page to upload again. */
export const PUSH_REFRESH_TAG = "trellis-push-queue";

export const relay: PushRelay = pushRelay();

/** Web Push with notifications: a service worker, a push manager, notifications. */
export function pushSupported(): boolean {
  return (
    "serviceWorker" in navigator && typeof PushManager !== "undefined" && "Notification" in window
  );
}

/** Tells this page's hooks that push was turned on or off here. */
const changes = new EventTarget();
export function onPushChange(listener: () => void): () => void {
  changes.addEventListener("change", listener);
  return () => changes.removeEventListener("change", listener);
}
const changed = () => changes.dispatchEvent(new Event("change"));

export async function readPushDevice(client: TrellisClient): Promise<PushDevice | null> {
  return (await client.sync.getMeta<PushDevice | null>(PUSH_META_KEY)) ?? null;
}

async function subscription(): Promise<PushSubscription> {
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  if (existing) return existing;
  return registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: applicationServerKey(await relay.publicKey()),
  });
}

/** Subscribes (once), registers a push device (once) and keeps it in the record's meta. */
export async function turnOnPush(client: TrellisClient): Promise<PushDevice> {
  await subscription();
  const kept = await readPushDevice(client);
  if (kept) return kept;
  const device: PushDevice = { ...(await relay.register()), decoys: false };
  await client.sync.setMeta(PUSH_META_KEY, device);
  changed();
  return device;
}

/** Deletes the push device at the relay (its whole queue), unsubscribes, and forgets it here. */
export async function turnOffPush(client: TrellisClient): Promise<void> {
  const device = await readPushDevice(client);
  if (device) await relay.remove(device);
  const registration = await navigator.serviceWorker.getRegistration();
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
  await client.sync.setMeta(PUSH_META_KEY, null);
  changed();
}

export async function setDecoys(client: TrellisClient, decoys: boolean): Promise<void> {
  const device = await readPushDevice(client);
  if (device) await client.sync.setMeta(PUSH_META_KEY, { ...device, decoys });
}

let running: Promise<unknown> = Promise.resolve();
/** What was last uploaded for each client (device, endpoint, plaintext queue): the same again is not sent. */
const lastUploaded = new WeakMap<TrellisClient, string>();

/**
 * Plans, encrypts and uploads the next 14 days (nothing if push is off).
 * Names only if chosen and the lock is off. A device the relay forgot (its
 * push service said the subscription ended) is registered again.
 */
export function uploadPushQueue(
  client: TrellisClient,
  i18n: I18n,
  options: { lockOn: boolean; nowMs?: number; state?: JourneyState },
): Promise<"off" | "uploaded"> {
  const next = running.then(async () => {
    let device = await readPushDevice(client);
    if (!device || !pushSupported() || Notification.permission !== "granted") return "off";
    const sub = await subscription();
    const json = sub.toJSON();
    const keys = { p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" };
    const upload = async (d: PushDevice) => {
      const nowMs = options.nowMs ?? Date.now();
      const state = options.state ?? client.state;
      const items = await planQueue({
        nowMs,
        reminders: pushSources(state, i18n, nowMs, QUEUE_DAYS + 1),
        words: pushWords(i18n, state.preferences.notificationsShowNames && !options.lockOn),
        todayPath: routes.today,
        idFor: await opaqueIds(d.secret),
        decoys: d.decoys,
      });
      // Decoys move at each upload by design; without them an unchanged queue is not sent again.
      const same = JSON.stringify([d.deviceId, sub.endpoint, items]);
      if (!d.decoys && lastUploaded.get(client) === same) return;
      await relay.putSchedule(d, sub.endpoint, await encryptQueue(items, keys));
      lastUploaded.set(client, same);
    };
    try {
      await upload(device);
    } catch (e) {
      if (!(e instanceof RelayError && (e.status === 404 || e.status === 401))) throw e;
      device = { ...(await relay.register()), decoys: device.decoys };
      await client.sync.setMeta(PUSH_META_KEY, device);
      await upload(device);
    }
    return "uploaded" as const;
  });
  running = next.catch(() => undefined);
  return next;
}
