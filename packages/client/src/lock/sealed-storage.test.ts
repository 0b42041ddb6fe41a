import { generateAtRestKey, generateRootKey, ready, toBase64Url } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import fc from "fast-check";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { openClient } from "../client.ts";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { freshIndexedDb, heldEvent, markedJourney, storageContract } from "../storage-contract.ts";
import { ACCOUNT_KEY, type StoredAccount } from "../sync/stored.ts";
import { dumpDatabase } from "./dump.ts";
import { openSealedIndexedDbStorage, SealedRecordError } from "./sealed-storage.ts";
import type { DeviceKey } from "./types.ts";

await ready();
freshIndexedDb();

const newKey = () => generateAtRestKey() as unknown as DeviceKey;
const key = newKey();

storageContract("sealed IndexedDB", {
  open: () => openSealedIndexedDbStorage(key),
  reopen: () => openSealedIndexedDbStorage(key),
});

const MARKER = "MARKER-zq7x";

/** What a signed-in device keeps beside its log, with a real root key and a token. */
function account(): StoredAccount {
  return {
    serverUrl: "https://trellis.example",
    accountId: "0190c4d2-1c3e-7abc-8def-0123456789aa",
    username: `maya-${MARKER}`,
    deviceName: `Maya's phone ${MARKER}`,
    sessionId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
    token: "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    rootKey: toBase64Url(generateRootKey()),
  };
}

/** A sealed record with something in every store: local and received events, outbox, held, meta. */
async function filledRecord(k: DeviceKey) {
  const journey = markedJourney(MARKER);
  const s = await openSealedIndexedDbStorage(k);
  await s.appendEvents(journey.slice(0, 5));
  await s.appendEvents(journey.slice(5), "sync");
  const stored = account();
  await s.setMeta(ACCOUNT_KEY, stored);
  await s.setMeta("device-settings", { quiet: `${MARKER} quiet` });
  const held = { ...heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2"), detail: MARKER };
  await s.hold([held]);
  s.close();
  return { journey, account: stored, held };
}

describe("the sealed database, dumped as anyone holding the device could", () => {
  it("holds no event text, no id, no meta name, no token and no root key", async () => {
    const k = newKey();
    const { journey, account: stored, held } = await filledRecord(k);
    const dump = await dumpDatabase(DEVICE_DATABASES.sealed);
    expect(dump.stores.sort()).toEqual(["events", "held", "meta", "outbox"]);
    expect(dump.records).toBeGreaterThanOrEqual(6);
    const secrets = [
      MARKER,
      stored.token,
      stored.rootKey,
      held.id,
      held.body,
      ACCOUNT_KEY,
      "device-settings",
      "JournalNoteAdded",
      ...journey.map((e) => e.id),
      ...journey.map((e) => e.hlc),
    ];
    for (const secret of secrets) expect(dump.text).not.toContain(secret);
  });

  it("the same dump of the plain database shows them all (the test can see what it looks for)", async () => {
    const { openIndexedDbStorage } = await import("../idb-storage.ts");
    const s = await openIndexedDbStorage(DEVICE_DATABASES.plain);
    await s.appendEvents(markedJourney(MARKER));
    const stored = account();
    await s.setMeta(ACCOUNT_KEY, stored);
    s.close();
    const dump = await dumpDatabase(DEVICE_DATABASES.plain);
    for (const secret of [MARKER, stored.token, stored.rootKey, ACCOUNT_KEY]) {
      expect(dump.text).toContain(secret);
    }
  });
});

describe("a sealed record changed on the device is refused, never read", () => {
  async function rawDb() {
    return openDB(DEVICE_DATABASES.sealed);
  }

  it("two pages of events swapped between their keys: loading fails with SealedRecordError", async () => {
    await filledRecord(key);
    const db = await rawDb();
    const [k1, k2] = (await db.getAllKeys("events")) as [number, number];
    const [v1, v2] = [await db.get("events", k1), await db.get("events", k2)];
    await db.put("events", v2, k1);
    await db.put("events", v1, k2);
    db.close();
    const s = await openSealedIndexedDbStorage(key);
    await expect(s.loadEvents()).rejects.toBeInstanceOf(SealedRecordError);
    s.close();
  });

  it("a byte changed in a page of events: loading fails", async () => {
    await filledRecord(key);
    const db = await rawDb();
    const [k] = (await db.getAllKeys("events")) as [number];
    const value = (await db.get("events", k)) as Uint8Array;
    value[40]! ^= 0x20;
    await db.put("events", value, k);
    db.close();
    const s = await openSealedIndexedDbStorage(key);
    await expect(s.loadEvents()).rejects.toThrow(/sealed events record did not open/);
    s.close();
  });

  it("a held value moved into the events store, or a meta value to another name: refused", async () => {
    await filledRecord(key);
    const db = await rawDb();
    const [heldKey] = (await db.getAllKeys("held")) as [string];
    await db.put("events", await db.get("held", heldKey), 3);
    const [m1, m2] = (await db.getAllKeys("meta")) as [string, string];
    await db.put("meta", await db.get("meta", m2), m1);
    db.close();
    const s = await openSealedIndexedDbStorage(key);
    await expect(s.loadEvents()).rejects.toBeInstanceOf(SealedRecordError);
    const metas = await Promise.allSettled([s.getMeta(ACCOUNT_KEY), s.getMeta("device-settings")]);
    expect(metas.map((m) => m.status).sort()).toEqual(["fulfilled", "rejected"]);
    s.close();
  });

  it("an outbox entry or held event planted as plain text: refused", async () => {
    await filledRecord(key);
    const db = await rawDb();
    await db.put("outbox", { a: ["0190c4d2-1c3e-7abc-8def-00000000beef"] }, 99);
    await db.put("held", heldEvent("0190c4d2-1c3e-7abc-8def-00000000beef"), "planted");
    db.close();
    const s = await openSealedIndexedDbStorage(key);
    await expect(s.loadOutbox()).rejects.toBeInstanceOf(SealedRecordError);
    await expect(s.loadHeld()).rejects.toBeInstanceOf(SealedRecordError);
    s.close();
  });

  it("opened with another device key, nothing reads", async () => {
    await filledRecord(key);
    const s = await openSealedIndexedDbStorage(newKey());
    await expect(s.loadEvents()).rejects.toBeInstanceOf(SealedRecordError);
    // A meta name is keyed too: under another key it names nothing stored.
    expect(await s.getMeta(ACCOUNT_KEY)).toBeUndefined();
    s.close();
  });
});

describe("sealing round-trips", () => {
  const id = fc.uuid({ version: 7 });
  const event = fc.record({
    id,
    hlc: fc.string({ minLength: 1 }),
    type: fc.string({ minLength: 1 }),
    payload: fc.jsonValue(),
  });
  /** What JSON keeps of a value: the sealed database stores JSON (see sealed-storage.ts). */
  const asJson = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

  it("any events, local or received, and any JSON meta value come back as they went in", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(event, { selector: (e) => e.id, maxLength: 12 }),
        fc.nat(12),
        fc.string(),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (events, split, name, value) => {
          const k = newKey();
          const s = await openSealedIndexedDbStorage(k);
          try {
            await s.erase();
            const all = events as unknown as TrellisEvent[];
            await s.appendEvents(all.slice(0, split));
            await s.appendEvents(all.slice(split), "sync");
            await s.setMeta(name, value);
            const back = await s.loadEvents();
            const byId = new Map(back.map((e) => [(e as TrellisEvent).id, e]));
            expect(back).toHaveLength(all.length);
            for (const e of all) expect(byId.get(e.id)).toEqual(asJson(e));
            expect(await s.getMeta(name)).toEqual(asJson(value));
          } finally {
            s.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the client on the sealed storage", () => {
  it("records, opens again after a reload, and erases, as on the plain one", async () => {
    const k = newKey();
    const first = await openClient({ storage: await openSealedIndexedDbStorage(k) });
    const created = await first.record("JourneyCreated", {
      displayName: "Priya",
      dateOfBirth: "1990-02-14",
      homeZone: "Europe/London",
      createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
    });
    expect(created.ok).toBe(true);
    const device = first.device;
    first.close();
    const again = await openClient({ storage: await openSealedIndexedDbStorage(k) });
    expect(again.device).toBe(device);
    expect(again.state.journey?.displayName).toBe("Priya");
    expect(again.sync.pendingCount).toBe(1);
    await again.eraseDevice();
    expect(again.state.journey).toBeNull();
    again.close();
  });
});
