import { openDB } from "idb";
import { describe, expect, it } from "vitest";
import { openIndexedDbStorage } from "./idb-storage.ts";
import { memoryStorage } from "./storage.ts";
import { freshIndexedDb, heldEvent, markedJourney, storageContract } from "./storage-contract.ts";

freshIndexedDb();

storageContract("memory", { open: async () => memoryStorage() });
storageContract("plain IndexedDB", {
  open: () => openIndexedDbStorage(),
  reopen: () => openIndexedDbStorage(),
});

describe("the plain database's format", () => {
  const journey = markedJourney("format");

  it("stays as it was: events by id, pages under numbers, outbox ids, held by id, meta by name", async () => {
    const s = await openIndexedDbStorage("trellis");
    await s.appendEvents(journey.slice(0, 2));
    await s.appendEvents(journey.slice(2), "sync");
    await s.setMeta("clock", "hlc");
    const held = heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2");
    await s.hold([held]);
    s.close();
    const db = await openDB("trellis");
    expect(db.version).toBe(3);
    expect([...db.objectStoreNames].sort()).toEqual([
      "events",
      "held",
      "meta",
      "outbox",
      "received",
    ]);
    expect(await db.getAll("events")).toEqual(
      journey.slice(0, 2).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(await db.getAllKeys("received")).toEqual([1]);
    expect(await db.get("received", 1)).toEqual(journey.slice(2));
    expect(await db.get("outbox", journey[0]!.id)).toBe(true);
    expect(await db.get("held", held.id)).toEqual(held);
    expect(await db.get("meta", "clock")).toBe("hlc");
    db.close();
  });

  it("takes over a version 1 database: its events stay, new stores appear", async () => {
    const old = await openDB("trellis", 1, {
      upgrade(db) {
        db.createObjectStore("events", { keyPath: "id" });
        db.createObjectStore("meta");
      },
    });
    await old.put("events", journey[0]);
    await old.put("meta", "dev00001", "device");
    old.close();
    const s = await openIndexedDbStorage();
    expect(await s.loadEvents()).toEqual([journey[0]]);
    expect(await s.getMeta("device")).toBe("dev00001");
    expect(await s.loadOutbox()).toEqual([]);
    await s.appendEvents([journey[1]!], "sync");
    expect(await s.loadEvents()).toHaveLength(2);
    s.close();
  });
});
