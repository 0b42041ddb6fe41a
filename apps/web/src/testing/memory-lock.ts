/**
 * The app lock in memory, for the web app's component tests only: the rules
 * of LOCKAPI.md (free typos, then waits, erasing after N wrong tries) over one
 * record kept in memory, open in the clear with the lock off and only with
 * the right key with it on. Nothing is encrypted here; the real lock is
 * @trellis/client's, tested there and in the browser tests.
 */
import { clientProblem, type EventStorage, memoryStorage } from "@trellis/client";
import { err, ok } from "@trellis/domain";
import type {
  DeviceKey,
  DeviceLock,
  LockBackend,
  LockSettings,
  LockStatus,
} from "../features/lock/lock-api.ts";

const MAX_WAIT_MS = 15 * 60_000;
const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export interface MemoryLock extends LockBackend {
  /** The record, whatever the lock (to look at in tests). */
  readonly record: EventStorage;
  /** How many times the record was opened and not yet closed. */
  readonly openCount: number;
  /** Turns the lock on without the screens, as a device that had it on before the reload. */
  startLocked(passphrase: string, settings?: Partial<LockSettings>): Promise<void>;
}

export function memoryLock(now: () => number = () => Date.now()): MemoryLock {
  const record = memoryStorage();
  let on = false;
  let settings: LockSettings = { lockAfterMinutes: 5, eraseAfterTries: null };
  let passphrase = "";
  let key: DeviceKey | null = null;
  let device: { credentialId: string; prfSalt: string; output: Uint8Array } | null = null;
  let wrongTries = 0;
  let nextTryAt = 0;
  let openCount = 0;

  const newKey = () => crypto.getRandomValues(new Uint8Array(32)) as DeviceKey;
  const copy = (k: DeviceKey) => new Uint8Array(k) as DeviceKey;

  function opened(): EventStorage {
    openCount += 1;
    let closed = false;
    return {
      ...record,
      close() {
        if (!closed) openCount -= 1;
        closed = true;
      },
    };
  }

  async function attempt(right: boolean) {
    if (now() < nextTryAt) return err({ reason: "wait" as const, nextTryAt });
    if (right) {
      wrongTries = 0;
      nextTryAt = 0;
      return ok(copy(key!));
    }
    wrongTries += 1;
    if (settings.eraseAfterTries !== null && wrongTries >= settings.eraseAfterTries) {
      await record.erase();
      on = false;
      key = null;
      device = null;
      wrongTries = 0;
      return err({ reason: "erased" as const });
    }
    nextTryAt = wrongTries >= 5 ? now() + Math.min(MAX_WAIT_MS, 2 ** (wrongTries - 4) * 1000) : 0;
    return err({
      reason: "wrong" as const,
      wrongTries,
      nextTryAt,
      ...(settings.eraseAfterTries !== null && {
        triesLeft: settings.eraseAfterTries - wrongTries,
      }),
    });
  }

  const lock: DeviceLock = {
    async status(): Promise<LockStatus> {
      return {
        on,
        settings,
        ...(device && {
          deviceUnlock: { credentialId: device.credentialId, prfSalt: device.prfSalt },
        }),
        wrongTries,
        nextTryAt,
      };
    },
    async turnOn(p, s) {
      if (p.length < 4)
        return err(clientProblem("lock-passphrase-short", "passphrase", { min: 4 }));
      on = true;
      passphrase = p;
      settings = { ...settings, ...s };
      key = newKey();
      return ok(copy(key));
    },
    unlock: (p) => attempt(on && p === passphrase),
    unlockWithDevice: (output) => attempt(on && device !== null && same(output, device.output)),
    async addDeviceUnlock(k, credentialId, prfSalt, prfOutput) {
      if (key && same(k, key))
        device = {
          credentialId,
          prfSalt: btoa(String.fromCharCode(...prfSalt)),
          output: prfOutput,
        };
    },
    async removeDeviceUnlock() {
      device = null;
    },
    async changePassphrase(k, p) {
      if (!key || !same(k, key)) return err(clientProblem("wrong-passphrase", "passphrase"));
      passphrase = p;
      return ok(undefined);
    },
    async changeSettings(s) {
      settings = { ...settings, ...s };
    },
    async turnOff(k) {
      if (!key || !same(k, key)) return err(clientProblem("wrong-passphrase", "passphrase"));
      on = false;
      key = null;
      device = null;
      return ok(undefined);
    },
    close() {},
  };

  return {
    record,
    get openCount() {
      return openCount;
    },
    async startLocked(p, s) {
      await lock.turnOn(p, s);
    },
    openDeviceLock: async () => lock,
    async openSealedIndexedDbStorage(k) {
      if (!on || !key || !same(k, key)) throw new Error("memory lock: not this key");
      return opened();
    },
    async openIndexedDbStorage() {
      if (on) throw new Error("memory lock: the record is locked");
      return opened();
    },
    newPrfSalt: () => crypto.getRandomValues(new Uint8Array(32)),
  };
}
