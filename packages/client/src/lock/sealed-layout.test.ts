import { generateAtRestKey, ready } from "@trellis/crypto";
import { Recorder, type TrellisEvent } from "@trellis/domain";
import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { DEVICE_DATABASES } from "../device-databases.ts";
import { freshIndexedDb } from "../storage-contract.ts";
import { PAGE, PILE } from "./sealed-layout.ts";
import { openSealedIndexedDbStorage } from "./sealed-storage.ts";
import type { DeviceKey } from "./types.ts";

await ready();
freshIndexedDb();

const key = generateAtRestKey() as unknown as DeviceKey;

/** `n` evening notes, as a person writes them one by one. */
function notes(n: number): TrellisEvent[] {
  const r = new Recorder("dev00001", 3);
  let t = Date.UTC(2024, 2, 1, 21, 0);
  r.record(
    "JourneyCreated",
    {
      displayName: "Ana",
      dateOfBirth: "1988-06-02",
      homeZone: "Europe/Lisbon",
      createdAt: "2024-03-01T21:00:00+00:00[Europe/Lisbon]",
    },
    t,
  );
  for (let i = 1; i < n; i++) {
    t += 60_000;
    r.record(
      "JournalNoteAdded",
      {
        noteId: r.newId(t),
        text: `Evening ${i}.`,
        writtenAt: "2024-03-01T21:00:00+00:00[Europe/Lisbon]",
      },
      t,
    );
  }
  return r.events;
}

async function records(store: "events" | "outbox"): Promise<number> {
  const db = await openDB(DEVICE_DATABASES.sealed);
  const n = await db.count(store);
  db.close();
  return n;
}

const sortedIds = (events: readonly unknown[]) => events.map((e) => (e as TrellisEvent).id).sort();

describe("pages and the outbox log pile up, then merge", () => {
  it("events recorded one by one are merged into one page at the next read, none lost or doubled", async () => {
    const all = notes(PILE + 20);
    const s = await openSealedIndexedDbStorage(key);
    for (const e of all) await s.appendEvents([e]);
    expect(await records("events")).toBe(all.length);
    expect(sortedIds(await s.loadEvents())).toEqual(sortedIds(all));
    expect(await records("events")).toBe(1);
    s.close();
    const again = await openSealedIndexedDbStorage(key);
    expect(sortedIds(await again.loadEvents())).toEqual(sortedIds(all));
    expect((await again.loadOutbox()).length).toBe(all.length);
    again.close();
  });

  it("a full received page is left as it is; the small pages beside it are merged", async () => {
    const all = notes(PAGE + PILE + 10);
    const s = await openSealedIndexedDbStorage(key);
    await s.appendEvents(all.slice(0, PAGE / 2), "sync");
    for (const e of all.slice(PAGE / 2)) await s.appendEvents([e]);
    await s.loadEvents();
    // One full received page, and the rest merged into pages of at most PAGE.
    expect(await records("events")).toBe(2);
    expect(sortedIds(await s.loadEvents())).toEqual(sortedIds(all));
    s.close();
  });

  it("the outbox log, once long, is written back as one entry holding the same ids", async () => {
    const all = notes(PILE);
    const s = await openSealedIndexedDbStorage(key);
    for (const e of all) await s.appendEvents([e]);
    await s.acknowledge(all.slice(0, 10).map((e) => e.id));
    await s.enqueue([all[0]!.id]);
    expect(await records("outbox")).toBe(PILE + 2);
    const expected = [all[0]!.id, ...all.slice(10).map((e) => e.id)].sort();
    expect(await s.loadOutbox()).toEqual(expected);
    expect(await records("outbox")).toBe(1);
    expect(await s.loadOutbox()).toEqual(expected);
    s.close();
  });

  it("two tabs merging at once lose nothing and double nothing", async () => {
    const all = notes(PILE + 5);
    const s = await openSealedIndexedDbStorage(key);
    for (const e of all) await s.appendEvents([e]);
    s.close();
    const [tabA, tabB] = await Promise.all([
      openSealedIndexedDbStorage(key),
      openSealedIndexedDbStorage(key),
    ]);
    const [a, b] = await Promise.all([tabA.loadEvents(), tabB.loadEvents()]);
    expect(sortedIds(a)).toEqual(sortedIds(all));
    expect(sortedIds(b)).toEqual(sortedIds(all));
    expect(await records("events")).toBe(1);
    expect(sortedIds(await tabA.loadEvents())).toEqual(sortedIds(all));
    tabA.close();
    tabB.close();
  });
});
