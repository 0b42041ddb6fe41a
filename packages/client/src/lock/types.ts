/**
 * The app lock's public shape (the contract the screens are built against:
 * keep these names). The lock itself is `device-lock.ts`; the record behind
 * it, sealed, is `sealed-storage.ts`.
 */
import type { Result } from "@trellis/domain";
import type { ClientProblem } from "../refusals.ts";

/** 32 random bytes; encrypts every value of the sealed database. Only ever in memory. */
export type DeviceKey = Uint8Array & { readonly __brand: "DeviceKey" };

export interface LockSettings {
  /** Minutes hidden before the app locks; 0 locks as soon as it is hidden. Default 5. */
  readonly lockAfterMinutes: 0 | 1 | 5 | 15 | 60;
  /** Erase this device after this many wrong tries in a row; null never (the default). */
  readonly eraseAfterTries: null | 10 | 20;
}

export interface LockStatus {
  readonly on: boolean;
  readonly settings: LockSettings;
  /** Set when a device unlock (WebAuthn platform credential with PRF) has been added. */
  readonly deviceUnlock?: {
    readonly credentialId: string; // base64url
    readonly prfSalt: string; // base64url, 32 bytes: the PRF input to evaluate
  };
  /** Wrong tries in a row since the last unlock. */
  readonly wrongTries: number;
  /** Epoch ms; before it a try is refused with `wait` (0 when no wait). */
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
  | { readonly reason: "erased" }; // the last allowed wrong try: everything on this device is gone

export interface DeviceLock {
  status(): Promise<LockStatus>;
  /**
   * Turns the lock on. Refuses a passphrase under 4 characters (`lock-passphrase-short`,
   * field "passphrase", params {min: 4}); a PIN of 4+ digits is allowed.
   * Makes a device key, wraps it with the passphrase (Argon2id, deriveKeyFromPin),
   * copies the plain record into the sealed database, marks the lock on, then deletes
   * the plain database. Crash-safe at every step. Close the client (and its storage) first.
   */
  turnOn(
    passphrase: string,
    settings?: Partial<LockSettings>,
  ): Promise<Result<DeviceKey, ClientProblem>>;
  unlock(passphrase: string): Promise<Result<DeviceKey, UnlockFailure>>;
  /** `prfOutput`: the 32-byte PRF result for `deviceUnlock.prfSalt`. Wrong tries count here too. */
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
  /** Moves the sealed record back to the plain database and forgets the lock. Client closed first. */
  turnOff(key: DeviceKey): Promise<Result<void, ClientProblem>>;
  close(): void;
}

export const DEFAULT_LOCK_SETTINGS: LockSettings = { lockAfterMinutes: 5, eraseAfterTries: null };

/** The shortest passphrase (or PIN) the lock takes, in characters. */
export const LOCK_PASSPHRASE_MIN = 4;
