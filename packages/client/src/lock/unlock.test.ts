import { ready, toBase64Url } from "@trellis/crypto";
import { describe, expect, it } from "vitest";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { openIndexedDbStorage } from "../idb-storage.ts";
import { freshIndexedDb, markedJourney } from "../storage-contract.ts";
import { type LockChange, onLockChange } from "./channel.ts";
import { openDeviceLock } from "./device-lock.ts";
import { newPrfSalt } from "./index.ts";
import { openSealedIndexedDbStorage } from "./sealed-storage.ts";
import { waitAfter } from "./tries.ts";
import type { DeviceKey, DeviceLock, LockSettings } from "./types.ts";

await ready();
freshIndexedDb();

const PASSPHRASE = "plum orchard 42";

function testClock(start = Date.UTC(2026, 11, 7, 9, 0)) {
  let t = start;
  return { now: () => t, pass: (ms: number) => (t += ms) };
}

async function lockedDevice(settings: Partial<LockSettings> = {}) {
  const clock = testClock();
  const lock = await openDeviceLock({ now: clock.now });
  const on = await lock.turnOn(PASSPHRASE, settings);
  if (!on.ok) throw new Error(on.error.reason);
  return { clock, lock, key: on.value };
}

const same = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Wrong tries until `n` in a row, waiting out each delay on the test clock. */
async function wrongTries(lock: DeviceLock, clock: { pass(ms: number): void }, n: number) {
  for (let i = 1; i <= n; i++) {
    const r = await lock.unlock(`wrong ${i}`);
    expect(r).toMatchObject({ ok: false, error: { reason: "wrong", wrongTries: i } });
    clock.pass(waitAfter(i));
  }
}

describe("unlocking with the passphrase", () => {
  it("gives back the device key that opens the sealed record", async () => {
    const { lock, key } = await lockedDevice();
    const s = await openSealedIndexedDbStorage(key);
    await s.appendEvents(markedJourney("unlock"));
    s.close();
    lock.close();
    const again = await openDeviceLock();
    const unlocked = await again.unlock(PASSPHRASE);
    expect(unlocked.ok && same(unlocked.value, key)).toBe(true);
    if (unlocked.ok) {
      const reopened = await openSealedIndexedDbStorage(unlocked.value);
      expect(await reopened.loadEvents()).toHaveLength(markedJourney("unlock").length);
      reopened.close();
    }
    again.close();
  });

  it("the first four wrong tries cost nothing; from the fifth, the next try waits 2, 4, 8… seconds", async () => {
    const { lock, clock } = await lockedDevice();
    for (let i = 1; i <= 4; i++) {
      expect(await lock.unlock("not it")).toEqual({
        ok: false,
        error: { reason: "wrong", wrongTries: i, nextTryAt: 0 },
      });
    }
    const at = clock.now();
    expect(await lock.unlock("not it")).toEqual({
      ok: false,
      error: { reason: "wrong", wrongTries: 5, nextTryAt: at + 2_000 },
    });
    // Too soon: refused without trying, and not counted, even with the right passphrase.
    clock.pass(1_999);
    expect(await lock.unlock(PASSPHRASE)).toEqual({
      ok: false,
      error: { reason: "wait", nextTryAt: at + 2_000 },
    });
    clock.pass(1);
    expect(await lock.unlock("not it")).toEqual({
      ok: false,
      error: { reason: "wrong", wrongTries: 6, nextTryAt: clock.now() + 4_000 },
    });
    clock.pass(4_000);
    expect((await lock.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await lock.status()).toMatchObject({ wrongTries: 0, nextTryAt: 0 });
    lock.close();
  });

  it("waits at most 15 minutes", () => {
    expect([4, 5, 6, 13, 14, 40].map(waitAfter)).toEqual([
      0, 2_000, 4_000, 512_000, 900_000, 900_000,
    ]);
  });

  it("remembers wrong tries and the wait across a reload", async () => {
    const { lock, clock } = await lockedDevice();
    await wrongTries(lock, clock, 4);
    const fifth = await lock.unlock("not it");
    lock.close();
    const reloaded = await openDeviceLock({ now: clock.now });
    const status = await reloaded.status();
    expect(status.wrongTries).toBe(5);
    expect(fifth.ok === false && fifth.error.reason === "wrong" && status.nextTryAt).toBe(
      clock.now() + 2_000,
    );
    expect((await reloaded.unlock(PASSPHRASE)).ok).toBe(false);
    reloaded.close();
  });

  it("an empty passphrase, or spaces alone, is not counted as a try", async () => {
    const { lock } = await lockedDevice();
    for (const nothing of ["", "    "]) {
      expect(await lock.unlock(nothing)).toEqual({
        ok: false,
        error: { reason: "wrong", wrongTries: 0, nextTryAt: 0 },
      });
    }
    lock.close();
  });

  it("changing the passphrase: the old one stops working, the new one works, a short one is refused", async () => {
    const { lock, key } = await lockedDevice();
    expect((await lock.changePassphrase(key, "123")).ok).toBe(false);
    expect(await lock.changePassphrase(key, "river stone 7")).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await lock.unlock(PASSPHRASE)).ok).toBe(false);
    const unlocked = await lock.unlock("river stone 7");
    expect(unlocked.ok && same(unlocked.value, key)).toBe(true);
    lock.close();
  });
});

describe("erasing after too many wrong tries", () => {
  it("counts down the tries left, then erases every database on the tenth and says so", async () => {
    const { lock, clock, key } = await lockedDevice({ eraseAfterTries: 10 });
    const s = await openSealedIndexedDbStorage(key);
    await s.appendEvents(markedJourney("erase"));
    s.close();
    const heard: LockChange[] = [];
    const stop = onLockChange((change) => heard.push(change));
    for (let i = 1; i <= 9; i++) {
      const r = await lock.unlock(`wrong ${i}`);
      expect(r).toMatchObject({ ok: false, error: { reason: "wrong", triesLeft: 10 - i } });
      clock.pass(waitAfter(i));
    }
    expect(await lock.unlock("wrong 10")).toEqual({ ok: false, error: { reason: "erased" } });
    expect(await indexedDB.databases()).toEqual([]);
    await expect.poll(() => heard).toEqual(["erased"]);
    stop();
    // What is left is a new device: the lock off, nothing stored.
    expect(await lock.status()).toMatchObject({ on: false, wrongTries: 0 });
    const plain = await openIndexedDbStorage(DEVICE_DATABASES.plain);
    expect(await plain.loadEvents()).toEqual([]);
    plain.close();
    lock.close();
  });

  it("the right passphrase on the last allowed try unlocks, and the count starts again", async () => {
    const { lock, clock } = await lockedDevice({ eraseAfterTries: 10 });
    await wrongTries(lock, clock, 9);
    expect((await lock.unlock(PASSPHRASE)).ok).toBe(true);
    expect(await lock.status()).toMatchObject({ on: true, wrongTries: 0 });
    lock.close();
  });
});

describe("device unlock (WebAuthn PRF)", () => {
  const credentialId = "Y3JlZGVudGlhbC1pZA";

  it("opens with the PRF output it was added with; a wrong one counts as a wrong try", async () => {
    const { lock, key } = await lockedDevice();
    const prfSalt = newPrfSalt();
    const prf = crypto.getRandomValues(new Uint8Array(32));
    await lock.addDeviceUnlock(key, credentialId, prfSalt, prf);
    const status = await lock.status();
    expect(status.deviceUnlock?.credentialId).toBe(credentialId);
    expect(status.deviceUnlock?.prfSalt).toBe(toBase64Url(prfSalt));
    const opened = await lock.unlockWithDevice(prf);
    expect(opened.ok && same(opened.value, key)).toBe(true);
    const wrong = await lock.unlockWithDevice(crypto.getRandomValues(new Uint8Array(32)));
    expect(wrong).toMatchObject({ ok: false, error: { reason: "wrong", wrongTries: 1 } });
    // The passphrase still works beside it.
    expect((await lock.unlock(PASSPHRASE)).ok).toBe(true);
    lock.close();
  });

  it("once removed, is gone from the status and cannot be used", async () => {
    const { lock, key } = await lockedDevice();
    const prf = crypto.getRandomValues(new Uint8Array(32));
    await lock.addDeviceUnlock(key, credentialId, newPrfSalt(), prf);
    await lock.removeDeviceUnlock();
    expect((await lock.status()).deviceUnlock).toBeUndefined();
    await expect(lock.unlockWithDevice(prf)).rejects.toThrow(/no device unlock/);
    lock.close();
  });

  it("is forgotten when the lock is turned off", async () => {
    const { lock, key } = await lockedDevice();
    await lock.addDeviceUnlock(key, credentialId, newPrfSalt(), new Uint8Array(32).fill(3));
    await lock.turnOff(key as DeviceKey);
    expect((await lock.status()).deviceUnlock).toBeUndefined();
    lock.close();
  });
});
