/**
 * Telling other tabs that the lock was turned on or off, or the device
 * erased: their record moved to another database (or is gone), so they
 * reload. Posted on the BroadcastChannel `trellis-lock`.
 */

export const LOCK_CHANNEL = "trellis-lock";

export type LockChange = "on" | "off" | "erased";

const CHANGES: readonly LockChange[] = ["on", "off", "erased"];

export function announceLockChange(change: LockChange): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(LOCK_CHANNEL);
  channel.postMessage({ change });
  channel.close();
}

/** Calls `heard` when another tab changed the lock; returns the way to stop listening. */
export function onLockChange(heard: (change: LockChange) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => undefined;
  const channel = new BroadcastChannel(LOCK_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const change = (event.data as { change?: unknown } | null)?.change;
    if (CHANGES.includes(change as LockChange)) heard(change as LockChange);
  };
  return () => channel.close();
}
