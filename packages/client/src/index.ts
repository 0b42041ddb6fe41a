/**
 * @trellis/client: the device side of Trellis. Keeps the event log (IndexedDB
 * in a browser, memory in tests), records events through the domain's rules,
 * and keeps the folded state current for the screens.
 */

export {
  buildCalendar,
  type CalendarEntry,
  eventText,
  mergeSameMinute,
  type NeutralWords,
  vtimezone,
} from "./calendar.ts";
/** Circles' types, for screens that show them without loading sync (`accountSync.circles` implements them). */
export type * from "./circles/types.ts";
export {
  lockExportFile,
  type PickedExport,
  readPickedExport,
  unlockExportFile,
} from "./client/locked-export-file.ts";
export {
  type BatchDraft,
  type ClientOptions,
  type DeviceSettingsChange,
  type ExportFile,
  openClient,
  type SyncStore,
  type TrellisClient,
  type UnreadableEvent,
} from "./client.ts";
export { DEVICE_DATABASES, forgetThisDevice } from "./device-databases.ts";
export { openIndexedDbStorage } from "./idb-storage.ts";
export { newDeviceId, newEventId } from "./ids.ts";
export {
  DEFAULT_LOCK_SETTINGS,
  type DeviceKey,
  type DeviceLock,
  type DeviceLockOptions,
  LOCK_CHANNEL,
  LOCK_PASSPHRASE_MIN,
  LONGEST_WAIT_MS,
  type LockChange,
  type LockSettings,
  type LockStatus,
  newPrfSalt,
  onLockChange,
  openDeviceLock,
  openSealedIndexedDbStorage,
  SealedRecordError,
  type UnlockFailure,
  waitAfter,
} from "./lock/index.ts";
export {
  type ClientProblem,
  type ClientRefusal,
  clientProblem,
  clientRefusals,
} from "./refusals.ts";
export { type EventOrigin, type EventStorage, type HeldEvent, memoryStorage } from "./storage.ts";
export {
  indexedDbSignOutProbe,
  type SignOutProbe,
  type SignOutProbeStore,
} from "./sync/signout-probe.ts";
export { hasAccount } from "./sync/stored.ts";
