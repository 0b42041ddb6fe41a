/**
 * The app lock as the screens see it: the interface in LOCKAPI.md that
 * @trellis/client implements (packages/client/src/lock/), and `LockBackend`,
 * the three functions the gate is given, so that component tests can hand it
 * the in-memory lock in src/testing/ instead of IndexedDB.
 *
 * Until the client's lock is merged, the types are written out here; once it
 * is, this file only re-exports them.
 */
import type { ClientProblem, EventStorage } from "@trellis/client";
import type { Result } from "@trellis/domain";

/** 32 random bytes; encrypts every value of the sealed database. Only ever in memory. */
export type DeviceKey = Uint8Array & { readonly __brand: "DeviceKey" };

export interface LockSettings {
  readonly lockAfterMinutes: 0 | 1 | 5 | 15 | 60;
  readonly eraseAfterTries: null | 10 | 20;
}

export interface LockStatus {
  readonly on: boolean;
  readonly settings: LockSettings;
  readonly deviceUnlock?: {
    readonly credentialId: string;
    readonly prfSalt: string;
  };
  readonly wrongTries: number;
  readonly nextTryAt: number;
}

export type UnlockFailure =
  | {
      readonly reason: "wrong";
      readonly wrongTries: number;
      readonly nextTryAt: number;
      readonly triesLeft?: number;
    }
  | { readonly reason: "wait"; readonly nextTryAt: number }
  | { readonly reason: "erased" };

export interface DeviceLock {
  status(): Promise<LockStatus>;
  turnOn(
    passphrase: string,
    settings?: Partial<LockSettings>,
  ): Promise<Result<DeviceKey, ClientProblem>>;
  unlock(passphrase: string): Promise<Result<DeviceKey, UnlockFailure>>;
  unlockWithDevice(prfOutput: Uint8Array): Promise<Result<DeviceKey, UnlockFailure>>;
  addDeviceUnlock(
    key: DeviceKey,
    credentialId: string,
    prfSalt: Uint8Array,
    prfOutput: Uint8Array,
  ): Promise<void>;
  removeDeviceUnlock(): Promise<void>;
  changePassphrase(key: DeviceKey, passphrase: string): Promise<Result<void, ClientProblem>>;
  changeSettings(settings: Partial<LockSettings>): Promise<void>;
  turnOff(key: DeviceKey): Promise<Result<void, ClientProblem>>;
  close(): void;
}

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
export const DEFAULT_LOCK_SETTINGS: LockSettings = { lockAfterMinutes: 5, eraseAfterTries: null };
