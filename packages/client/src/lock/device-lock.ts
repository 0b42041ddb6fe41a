/**
 * The app lock (`DeviceLock`): turning it on and off (the record moves
 * between the plain and the sealed database, `move.ts`), unlocking with the
 * passphrase or a device unlock (WebAuthn PRF), wrong tries and their waits
 * (`tries.ts`), and erasing the device after too many.
 */
import {
  atRestSealer,
  deriveKeyFromPin,
  generateAtRestKey,
  generatePinSalt,
  type PinSalt,
  ready,
  toBase64Url,
  unwrapAtRestKey,
  wrapAtRestKey,
} from "@trellis/crypto";
import { err, ok, type Result } from "@trellis/domain";
import { storageFailed } from "../client/log.ts";
import { DEVICE_DATABASES, forgetThisDevice } from "../device-databases.ts";
import { plainLayout } from "../idb-storage.ts";
import { type ClientProblem, clientProblem } from "../refusals.ts";
import { announceLockChange } from "./channel.ts";
import { type LockRecord, lockDatabase } from "./lock-db.ts";
import { copyRecord, deleteDatabase, settleDatabases } from "./move.ts";
import { deviceMutex } from "./mutex.ts";
import { sealedLayout } from "./sealed-layout.ts";
import { nextTryAfter } from "./tries.ts";
import {
  type DeviceKey,
  type DeviceLock,
  LOCK_PASSPHRASE_MIN,
  type LockSettings,
  type LockStatus,
  type UnlockFailure,
} from "./types.ts";

export interface DeviceLockOptions {
  /** The clock for wrong-try waits (epoch ms); tests pass their own. */
  readonly now?: () => number;
}

const LOCK_AFTER = [0, 1, 5, 15, 60] as const;
const ERASE_AFTER = [null, 10, 20] as const;
const PRF_BYTES = 32;

/** The lock's record of this device, after finishing or undoing any move cut short. */
export async function openDeviceLock(options: DeviceLockOptions = {}): Promise<DeviceLock> {
  // No libsodium yet: reading the lock (and settling a move cut short) needs
  // none, so a device with the lock off opens its record without it. Each
  // method that seals, wraps or stretches awaits `ready()` first.
  const now = options.now ?? Date.now;
  const db = lockDatabase();
  const exclusive = deviceMutex();
  await exclusive(async () => settleDatabases((await db.read()).on));

  return {
    async status() {
      return statusOf(await db.read());
    },

    async turnOn(passphrase, settings = {}) {
      const short = passphraseProblem(passphrase);
      if (short) return err(short);
      await ready();
      return exclusive(async () => {
        const before = await db.read();
        if (before.on) throw new Error("the app lock is on already");
        const chosen = settingsWith(before.settings, settings);
        const key = generateAtRestKey();
        const salt = generatePinSalt();
        const wrap = wrapWithPassphrase(key, passphrase, salt);
        const sealer = atRestSealer(key);
        const keyCheck = checkOf(key);
        try {
          await copyRecord(plainLayout(DEVICE_DATABASES.plain), sealedLayout(sealer));
          await db.update(() => ({
            next: {
              on: true,
              settings: chosen,
              passphrase: { salt, wrap },
              keyCheck,
              wrongTries: 0,
              nextTryAt: 0,
            },
            out: undefined,
          }));
        } catch (cause) {
          await deleteDatabase(DEVICE_DATABASES.sealed).catch(() => undefined);
          return err(storageFailed(cause));
        } finally {
          sealer.wipe();
        }
        announceLockChange("on");
        await deleteDatabase(DEVICE_DATABASES.plain);
        return ok(key as unknown as DeviceKey);
      });
    },

    async unlock(passphrase) {
      // Nothing typed (or spaces alone, never a passphrase) is not a try.
      if (passphrase.normalize("NFKC").trim() === "") {
        return err({ reason: "wrong", ...tryCount(await db.read()) });
      }
      return attempt((record) => {
        const salt = record.passphrase!.salt as PinSalt;
        const stretched = deriveKeyFromPin(passphrase, salt);
        if (!stretched.ok) return null;
        const opened = unwrapAtRestKey(record.passphrase!.wrap, {
          purpose: "passphrase",
          key: stretched.value,
        });
        stretched.value.fill(0);
        return opened.ok ? opened.value : null;
      });
    },

    unlockWithDevice(prfOutput) {
      return attempt((record) => {
        if (!record.device) throw new Error("no device unlock was added");
        if (prfOutput.length !== PRF_BYTES) return null;
        const opened = unwrapAtRestKey(record.device.wrap, {
          purpose: "device-unlock",
          key: prfOutput,
        });
        return opened.ok ? opened.value : null;
      });
    },

    async addDeviceUnlock(key, credentialId, prfSalt, prfOutput) {
      if (prfSalt.length !== PRF_BYTES || prfOutput.length !== PRF_BYTES) {
        throw new RangeError("a PRF salt and a PRF output are 32 bytes");
      }
      await ready();
      const wrap = wrapAtRestKey(key, { purpose: "device-unlock", key: prfOutput });
      await change((r) => {
        assertKey(r, key);
        return { ...r, device: { credentialId, prfSalt: toBase64Url(prfSalt), wrap } };
      });
    },

    async removeDeviceUnlock() {
      await change(({ device: _gone, ...rest }) => rest);
    },

    async changePassphrase(key, passphrase) {
      const short = passphraseProblem(passphrase);
      if (short) return err(short);
      await ready();
      const salt = generatePinSalt();
      const wrap = wrapWithPassphrase(key, passphrase, salt);
      await change((r) => {
        assertKey(r, key);
        return { ...r, passphrase: { salt, wrap } };
      });
      return ok(undefined);
    },

    async changeSettings(settings) {
      await db.update((r) => ({
        next: { ...r, settings: settingsWith(r.settings, settings) },
        out: undefined,
      }));
    },

    turnOff(key) {
      return exclusive(async (): Promise<Result<void, ClientProblem>> => {
        await ready();
        const before = await db.read();
        assertKey(before, key);
        const sealer = atRestSealer(key);
        try {
          await copyRecord(sealedLayout(sealer), plainLayout(DEVICE_DATABASES.plain));
          await db.update(() => ({
            next: { on: false, settings: before.settings, wrongTries: 0, nextTryAt: 0 },
            out: undefined,
          }));
        } catch (cause) {
          await deleteDatabase(DEVICE_DATABASES.plain).catch(() => undefined);
          return err(storageFailed(cause));
        } finally {
          sealer.wipe();
        }
        announceLockChange("off");
        await deleteDatabase(DEVICE_DATABASES.sealed);
        return ok(undefined);
      });
    },

    close() {
      db.close();
    },
  };

  /** Changes the record of a lock that is on. */
  async function change(next: (record: LockRecord) => LockRecord): Promise<void> {
    await ready();
    await db.update((r) => {
      if (!r.on) throw new Error("the app lock is off");
      return { next: next(r), out: undefined };
    });
  }

  /**
   * One try at the device key. Counted as wrong before the key is tried, so a
   * try cut short (a reload while Argon2id runs) still counts, and tabs trying
   * at once each count; a right one sets the count back to 0.
   */
  async function attempt(
    tryKey: (record: LockRecord) => Uint8Array | null,
  ): Promise<Result<DeviceKey, UnlockFailure>> {
    await ready();
    const at = now();
    const begun = await db.update<Begun>((r) => {
      if (!r.on || !r.passphrase) throw new Error("the app lock is off");
      if (at < r.nextTryAt) return { out: { wait: r.nextTryAt } };
      const wrongTries = r.wrongTries + 1;
      const next = { ...r, wrongTries, nextTryAt: nextTryAfter(wrongTries, at) };
      return { next, out: { before: r, next } };
    });
    if ("wait" in begun) return err({ reason: "wait", nextTryAt: begun.wait });
    const key = tryKey(begun.before);
    if (key) {
      await db.update((r) => ({ next: { ...r, wrongTries: 0, nextTryAt: 0 }, out: undefined }));
      return ok(key as unknown as DeviceKey);
    }
    const limit = begun.before.settings.eraseAfterTries;
    if (limit !== null && begun.next.wrongTries >= limit) {
      announceLockChange("erased");
      db.close();
      await forgetThisDevice();
      return err({ reason: "erased" });
    }
    return err({ reason: "wrong", ...tryCount(begun.next) });
  }
}

type Begun = { readonly wait: number } | { readonly before: LockRecord; readonly next: LockRecord };

function tryCount(r: LockRecord) {
  const limit = r.settings.eraseAfterTries;
  return {
    wrongTries: r.wrongTries,
    nextTryAt: r.nextTryAt,
    ...(limit !== null && { triesLeft: limit - r.wrongTries }),
  };
}

function statusOf(r: LockRecord): LockStatus {
  return {
    on: r.on,
    settings: r.settings,
    ...(r.device && {
      deviceUnlock: { credentialId: r.device.credentialId, prfSalt: r.device.prfSalt },
    }),
    wrongTries: r.wrongTries,
    nextTryAt: r.nextTryAt,
  };
}

/** Under 4 characters, or spaces alone. */
function passphraseProblem(passphrase: string): ClientProblem | null {
  const normalised = passphrase.normalize("NFKC");
  return [...normalised].length < LOCK_PASSPHRASE_MIN || normalised.trim() === ""
    ? clientProblem("lock-passphrase-short", "passphrase", { min: LOCK_PASSPHRASE_MIN })
    : null;
}

function settingsWith(current: LockSettings, change: Partial<LockSettings>): LockSettings {
  const next = { ...current, ...change };
  if (!LOCK_AFTER.includes(next.lockAfterMinutes) || !ERASE_AFTER.includes(next.eraseAfterTries)) {
    throw new RangeError(
      "lock settings: lockAfterMinutes 0, 1, 5, 15 or 60; eraseAfterTries null, 10 or 20",
    );
  }
  return { lockAfterMinutes: next.lockAfterMinutes, eraseAfterTries: next.eraseAfterTries };
}

function wrapWithPassphrase(key: Uint8Array, passphrase: string, salt: PinSalt): Uint8Array {
  const stretched = deriveKeyFromPin(passphrase, salt);
  if (!stretched.ok) throw new Error("a passphrase was checked before it is stretched");
  try {
    return wrapAtRestKey(key, { purpose: "passphrase", key: stretched.value });
  } finally {
    stretched.value.fill(0);
  }
}

function checkOf(key: Uint8Array): string {
  const sealer = atRestSealer(key);
  try {
    return sealer.name("lock", "key-check");
  } finally {
    sealer.wipe();
  }
}

/** A key that is not this device's is a bug in the caller, not something a person did. */
function assertKey(r: LockRecord, key: Uint8Array): void {
  if (!r.on) throw new Error("the app lock is off");
  if (r.keyCheck !== checkOf(key)) throw new Error("this is not this device's key");
}
