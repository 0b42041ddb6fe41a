import { generateRootKey, ready, toBase64Url } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { DEVICE_DATABASES, forgetThisDevice } from "../device-databases.ts";
import { openIndexedDbStorage } from "../idb-storage.ts";
import type { EventStorage } from "../storage.ts";
import { freshIndexedDb, heldEvent, markedJourney } from "../storage-contract.ts";
import { ACCOUNT_KEY } from "../sync/stored.ts";
import { type LockChange, onLockChange } from "./channel.ts";
import { openDeviceLock } from "./device-lock.ts";
import { openSealedIndexedDbStorage } from "./sealed-storage.ts";
import type { DeviceKey, DeviceLock } from "./types.ts";

await ready();
freshIndexedDb();

const PASSPHRASE = "plum orchard 42";

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

/** What a person's device holds: local and received events, outbox, held, account and settings. */
async function fillPlain() {
  const journey = markedJourney("lock");
  const s = await openIndexedDbStorage(DEVICE_DATABASES.plain);
  await s.appendEvents(journey.slice(0, 4), "local", new Set([journey[3]!.id]));
  await s.appendEvents(journey.slice(4), "sync");
  await s.hold([heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2")]);
  await s.setMeta(ACCOUNT_KEY, { token: "tok_abc", rootKey: toBase64Url(generateRootKey()) });
  await s.setMeta("device", "dev00001");
  await s.setMeta("cleared", undefined);
  const snapshot = await snapshotOf(s);
  s.close();
  return { journey, snapshot };
}

async function snapshotOf(s: EventStorage) {
  const byId = (a: unknown, b: unknown) =>
    (a as TrellisEvent).id < (b as TrellisEvent).id ? -1 : 1;
  return {
    events: (await s.loadEvents()).sort(byId),
    outbox: await s.loadOutbox(),
    held: await s.loadHeld(),
    meta: {
      account: await s.getMeta(ACCOUNT_KEY),
      device: await s.getMeta("device"),
      cleared: await s.getMeta("cleared"),
    },
  };
}

async function turnedOn(lock: DeviceLock, passphrase = PASSPHRASE): Promise<DeviceKey> {
  const on = await lock.turnOn(passphrase);
  if (!on.ok) throw new Error(`turnOn refused: ${on.error.reason}`);
  return on.value;
}

describe("turning the lock on and off", () => {
  it("is off on a new device, with the default settings", async () => {
    const lock = await openDeviceLock();
    expect(await lock.status()).toEqual({
      on: false,
      settings: { lockAfterMinutes: 5, eraseAfterTries: null },
      wrongTries: 0,
      nextTryAt: 0,
    });
    lock.close();
  });

  it("refuses a passphrase under 4 characters or of spaces alone, and takes a 4-digit PIN", async () => {
    const lock = await openDeviceLock();
    expect(await lock.turnOn("abc")).toEqual({
      ok: false,
      error: { reason: "lock-passphrase-short", field: "passphrase", params: { min: 4 } },
    });
    expect((await lock.turnOn("      ")).ok).toBe(false);
    expect((await lock.status()).on).toBe(false);
    expect((await lock.turnOn("4821")).ok).toBe(true);
    lock.close();
  });

  it("moves the whole record into the sealed database and back, losing nothing", async () => {
    const { snapshot } = await fillPlain();
    const lock = await openDeviceLock();
    const key = await turnedOn(lock);
    expect(await lock.status()).toMatchObject({ on: true, wrongTries: 0 });
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.sealed].sort());

    const sealed = await openSealedIndexedDbStorage(key);
    expect(await snapshotOf(sealed)).toEqual(snapshot);
    await sealed.appendEvents(markedJourney("later", "dev00002", 2).slice(0, 2));
    const withLater = await snapshotOf(sealed);
    sealed.close();

    expect(await lock.turnOff(key)).toEqual({ ok: true, value: undefined });
    expect(await lock.status()).toMatchObject({ on: false, wrongTries: 0 });
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.plain].sort());
    const plain = await openIndexedDbStorage(DEVICE_DATABASES.plain);
    expect(await snapshotOf(plain)).toEqual(withLater);
    plain.close();
    lock.close();
  });

  it("keeps the settings chosen when turning on, and after turning off", async () => {
    const lock = await openDeviceLock();
    const on = await lock.turnOn(PASSPHRASE, { lockAfterMinutes: 0, eraseAfterTries: 20 });
    expect(on.ok).toBe(true);
    expect((await lock.status()).settings).toEqual({ lockAfterMinutes: 0, eraseAfterTries: 20 });
    await lock.changeSettings({ lockAfterMinutes: 60 });
    if (on.ok) await lock.turnOff(on.value);
    const again = await openDeviceLock();
    expect((await again.status()).settings).toEqual({ lockAfterMinutes: 60, eraseAfterTries: 20 });
    await expect(again.changeSettings({ lockAfterMinutes: 7 as 5 })).rejects.toThrow(RangeError);
    lock.close();
    again.close();
  });

  it("tells other tabs when it turns on and off", async () => {
    const heard: LockChange[] = [];
    const stop = onLockChange((change) => heard.push(change));
    const lock = await openDeviceLock();
    const key = await turnedOn(lock);
    await lock.turnOff(key);
    await expect.poll(() => heard).toEqual(["on", "off"]);
    stop();
    lock.close();
  });

  it("refuses a key that is not this device's, changing nothing", async () => {
    const lock = await openDeviceLock();
    await turnedOn(lock);
    const other = new Uint8Array(32).fill(7) as DeviceKey;
    await expect(lock.turnOff(other)).rejects.toThrow(/not this device's key/);
    await expect(lock.changePassphrase(other, "another one")).rejects.toThrow();
    expect((await lock.status()).on).toBe(true);
    expect((await lock.unlock(PASSPHRASE)).ok).toBe(true);
    lock.close();
  });

  it("a record that cannot be read (a newer app's) leaves the lock off and that record as it was", async () => {
    const newer = await openDB(DEVICE_DATABASES.plain, 4, {
      upgrade: (db) => db.createObjectStore("events", { keyPath: "id" }),
    });
    await newer.put("events", { id: "e1", from: "a newer app" });
    newer.close();
    const lock = await openDeviceLock();
    const refused = await lock.turnOn(PASSPHRASE);
    expect(refused.ok === false && refused.error.reason).toBe("storage-failed");
    expect((await lock.status()).on).toBe(false);
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.plain].sort());
    const kept = await openDB(DEVICE_DATABASES.plain);
    expect(kept.version).toBe(4);
    expect(await kept.getAll("events")).toEqual([{ id: "e1", from: "a newer app" }]);
    kept.close();
    lock.close();
  });

  it("a sealed record changed on the device stops turning off: the lock stays on, the record sealed", async () => {
    await fillPlain();
    const lock = await openDeviceLock();
    const key = await turnedOn(lock);
    const raw = await openDB(DEVICE_DATABASES.sealed);
    const [k] = (await raw.getAllKeys("meta")) as [string];
    const value = (await raw.get("meta", k)) as Uint8Array;
    value[30]! ^= 1;
    await raw.put("meta", value, k);
    raw.close();
    const refused = await lock.turnOff(key);
    expect(refused.ok === false && refused.error).toMatchObject({
      reason: "storage-failed",
      detail: expect.stringMatching(/sealed meta record did not open/),
    });
    expect((await lock.status()).on).toBe(true);
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.sealed].sort());
    lock.close();
  });

  it("an open lock never holds up forgetting the device, and works again after", async () => {
    const lock = await openDeviceLock();
    await turnedOn(lock);
    await forgetThisDevice();
    expect(await databases()).toEqual([]);
    expect(await lock.status()).toMatchObject({ on: false, wrongTries: 0 });
    lock.close();
  });
});
