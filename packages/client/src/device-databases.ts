/**
 * Every IndexedDB database Trellis keeps on a device, named in one place, and
 * the one way to forget them all: a device signed out from elsewhere ("I lost
 * my phone"), or one that reached the app lock's "erase after N wrong tries".
 */
import { deleteDB } from "idb";

export const DEVICE_DATABASES = {
  /** The record with the lock off: entries, outbox, held and received pages, settings, keys. */
  plain: "trellis",
  /** The same record with the lock on: every value sealed with the device key. */
  sealed: "trellis-sealed",
  /** The app lock: whether it is on, its settings, the wrapped device key, wrong tries. Nothing of the record. */
  lock: "trellis-lock",
  /** What lets a device ask, before unlocking, whether it was signed out from elsewhere. */
  signOut: "trellis-signout",
  /** The service worker's opaque ids of reminders snoozed ("In 10 minutes"): no words, no times. */
  push: "trellis-push",
  /** Sealed photos kept on this device (remembrance pages), by attachment id; their keys are in the record. */
  attachments: "trellis-attachments",
} as const;

/**
 * Deletes every Trellis database on this device, whether or not it is open
 * elsewhere (a blocked delete finishes once other tabs close theirs). What
 * the service worker caches is the app's own code and is left.
 */
export async function forgetThisDevice(): Promise<void> {
  await Promise.all([
    ...Object.values(DEVICE_DATABASES).map((name) => deleteDB(name)),
    endPushSubscription(),
  ]);
}

/**
 * Ends this browser's push subscription, if any: the push service then
 * answers the relay 410 and the relay deletes the device and its queue, so a
 * forgotten phone gets no more reminders. Best effort: the device's secret,
 * which could delete it at once, went with the record.
 */
async function endPushSubscription(): Promise<void> {
  try {
    if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
    const registration = await navigator.serviceWorker.getRegistration();
    await (await registration?.pushManager?.getSubscription())?.unsubscribe();
  } catch {
    // No service worker or no push here: nothing was subscribed.
  }
}
