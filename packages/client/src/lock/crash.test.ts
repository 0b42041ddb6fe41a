/**
 * A move between the plain and the sealed database cut short at each step
 * (the tab closed, the phone died): each state `move.ts` lists is built as
 * the move leaves it, then the device opens again. Whatever the step, the
 * record is whole in the database the lock names, and the other one is gone.
 */
import { atRestSealer, ready } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { openIndexedDbStorage, plainLayout } from "../idb-storage.ts";
import type { EventStorage } from "../storage.ts";
import { freshIndexedDb, heldEvent, markedJourney } from "../storage-contract.ts";
import { openDeviceLock } from "./device-lock.ts";
import type { LockRecord } from "./lock-db.ts";
import { copyRecord } from "./move.ts";
import { sealedLayout } from "./sealed-layout.ts";
import { openSealedIndexedDbStorage } from "./sealed-storage.ts";
import type { DeviceKey } from "./types.ts";

await ready();
freshIndexedDb();

const PASSPHRASE = "plum orchard 42";
const journey = markedJourney("crash");

async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

async function fill(s: EventStorage): Promise<void> {
  await s.appendEvents(journey.slice(0, 3));
  await s.appendEvents(journey.slice(3), "sync");
  await s.hold([heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2")]);
  await s.setMeta("device", "dev00001");
  s.close();
}

async function isWhole(s: EventStorage): Promise<void> {
  const ids = (await s.loadEvents()).map((e) => (e as TrellisEvent).id).sort();
  expect(ids).toEqual(journey.map((e) => e.id).sort());
  expect(await s.loadOutbox()).toEqual(
    journey
      .slice(0, 3)
      .map((e) => e.id)
      .sort(),
  );
  expect(await s.loadHeld()).toHaveLength(1);
  expect(await s.getMeta("device")).toBe("dev00001");
  s.close();
}

/** Turns the lock on for real, the plain record filled first. */
async function lockedWithRecord(): Promise<DeviceKey> {
  await fill(await openIndexedDbStorage(DEVICE_DATABASES.plain));
  const lock = await openDeviceLock();
  const on = await lock.turnOn(PASSPHRASE);
  lock.close();
  if (!on.ok) throw new Error(on.error.reason);
  return on.value;
}

async function unlockedKey(): Promise<DeviceKey> {
  const lock = await openDeviceLock();
  const unlocked = await lock.unlock(PASSPHRASE);
  lock.close();
  if (!unlocked.ok) throw new Error(unlocked.error.reason);
  return unlocked.value;
}

describe("turning on, cut short", () => {
  it("during the copy (before the commit): the half-made sealed copy goes, the plain record stays", async () => {
    await fill(await openIndexedDbStorage(DEVICE_DATABASES.plain));
    const partial = await openSealedIndexedDbStorage(
      crypto.getRandomValues(new Uint8Array(32)) as DeviceKey,
    );
    await partial.appendEvents(journey.slice(0, 2));
    partial.close();
    const lock = await openDeviceLock();
    expect((await lock.status()).on).toBe(false);
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.plain].sort());
    await isWhole(await openIndexedDbStorage(DEVICE_DATABASES.plain));
    lock.close();
  });

  it("after the commit, before the plain database was deleted: opening finishes the deletion", async () => {
    await lockedWithRecord();
    // The plain database as it was before step 5.
    await fill(await openIndexedDbStorage(DEVICE_DATABASES.plain));
    const lock = await openDeviceLock();
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.sealed].sort());
    lock.close();
    await isWhole(await openSealedIndexedDbStorage(await unlockedKey()));
  });

  it("with another tab holding the plain database open, turning on ends, and the deletion finishes once it closes", async () => {
    await fill(await openIndexedDbStorage(DEVICE_DATABASES.plain));
    const otherTab = await openIndexedDbStorage(DEVICE_DATABASES.plain);
    const lock = await openDeviceLock();
    expect((await lock.turnOn(PASSPHRASE)).ok).toBe(true);
    expect(await databases()).toContain(DEVICE_DATABASES.plain);
    otherTab.close(); // the other tab reloads when told
    await expect.poll(databases).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.sealed].sort());
    lock.close();
    await isWhole(await openSealedIndexedDbStorage(await unlockedKey()));
  });
});

describe("turning off, cut short", () => {
  it("during the copy (before the commit): the half-made plain copy goes, the sealed record stays", async () => {
    await lockedWithRecord();
    const partial = await openIndexedDbStorage(DEVICE_DATABASES.plain);
    await partial.appendEvents(journey.slice(0, 2));
    partial.close();
    const lock = await openDeviceLock();
    expect((await lock.status()).on).toBe(true);
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.sealed].sort());
    lock.close();
    await isWhole(await openSealedIndexedDbStorage(await unlockedKey()));
  });

  it("after the commit, before the sealed database was deleted: opening finishes the deletion", async () => {
    const key = await lockedWithRecord();
    // Steps 1-3 of turning off, as the lock does them.
    const sealer = atRestSealer(key);
    await copyRecord(sealedLayout(sealer), plainLayout(DEVICE_DATABASES.plain));
    const lockDb = await openDB(DEVICE_DATABASES.lock);
    const before = (await lockDb.get("lock", "state")) as LockRecord;
    await lockDb.put("lock", { ...before, on: false }, "state");
    lockDb.close();
    const lock = await openDeviceLock();
    expect((await lock.status()).on).toBe(false);
    expect(await databases()).toEqual([DEVICE_DATABASES.lock, DEVICE_DATABASES.plain].sort());
    lock.close();
    await isWhole(await openIndexedDbStorage(DEVICE_DATABASES.plain));
  });
});
