/**
 * The app lock as the screens see it: the interface of LOCKAPI.md, which
 * @trellis/client implements (packages/client/src/lock/), and `LockBackend`,
 * the functions the gate is given, so that component tests can hand it the
 * in-memory lock in src/testing/ instead of IndexedDB.
 */
import type { DeviceKey, DeviceLock, EventStorage, LockSettings } from "@trellis/client";

export {
  DEFAULT_LOCK_SETTINGS,
  type DeviceKey,
  type DeviceLock,
  LOCK_PASSPHRASE_MIN,
  type LockSettings,
  type LockStatus,
  type UnlockFailure,
} from "@trellis/client";

/** What the gate needs from the client package: the lock, the sealed record, the plain record. */
export interface LockBackend {
  openDeviceLock(): Promise<DeviceLock>;
  openSealedIndexedDbStorage(key: DeviceKey): Promise<EventStorage>;
  openIndexedDbStorage(): Promise<EventStorage>;
  newPrfSalt(): Uint8Array;
}

/** The choices the settings card offers, in order. */
export const LOCK_AFTER_CHOICES = [
  0, 1, 5, 15, 60,
] as const satisfies readonly LockSettings["lockAfterMinutes"][];
export const ERASE_AFTER_CHOICES = [
  null,
  10,
  20,
] as const satisfies readonly LockSettings["eraseAfterTries"][];
