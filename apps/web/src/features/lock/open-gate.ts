import { type EventStorage, openClient, type TrellisClient } from "@trellis/client";
import type { DeviceLock, LockBackend, LockStatus } from "./lock-api.ts";

/** What the gate starts from: the lock, its status, and the record already open when the lock is off. */
export interface GateStart {
  readonly backend: LockBackend;
  readonly lock: DeviceLock;
  readonly status: LockStatus;
  readonly client: TrellisClient | null;
}

/** A client on `storage` that hears the other tabs' recordings, as the app has always opened it. */
export function connect(storage: EventStorage): Promise<TrellisClient> {
  const channel = "BroadcastChannel" in window ? new BroadcastChannel("trellis-events") : undefined;
  return openClient({ storage, ...(channel && { channel }) });
}

/**
 * Reads the lock before anything of the record: with the lock off the record
 * opens as it always has; with it on nothing opens until it is unlocked.
 * Throws what the browser throws when storage cannot open (the start's
 * failure screen says why).
 */
export async function openLockGate(backend: LockBackend): Promise<GateStart> {
  const lock = await backend.openDeviceLock();
  const status = await lock.status();
  const client = status.on ? null : await connect(await backend.openIndexedDbStorage());
  return { backend, lock, status, client };
}
