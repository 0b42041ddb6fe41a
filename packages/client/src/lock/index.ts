/**
 * The app lock: its public face (see LOCKAPI in the package README). The lock
 * database holds only the lock; the record behind it is the sealed database.
 */
export { LOCK_CHANNEL, type LockChange, onLockChange } from "./channel.ts";
export { type DeviceLockOptions, openDeviceLock } from "./device-lock.ts";
export { openSealedIndexedDbStorage, SealedRecordError } from "./sealed-storage.ts";
export { LONGEST_WAIT_MS, waitAfter } from "./tries.ts";
export {
  DEFAULT_LOCK_SETTINGS,
  type DeviceKey,
  type DeviceLock,
  LOCK_PASSPHRASE_MIN,
  type LockSettings,
  type LockStatus,
  type UnlockFailure,
} from "./types.ts";

/** Generates the random PRF input for a new device unlock (32 bytes). */
export function newPrfSalt(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
