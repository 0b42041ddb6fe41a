/**
 * What every `EventStorage` promises (tests only): one suite, run against
 * memory, the plain IndexedDB database and the sealed one. IndexedDB in Node
 * is fake-indexeddb, a fresh one per test (`freshIndexedDb`).
 */
import { Recorder, type TrellisEvent } from "@trellis/domain";
import { IDBFactory } from "fake-indexeddb";
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import type { EventStorage, HeldEvent } from "./storage.ts";

/** A new, empty IndexedDB for each test: nothing leaks from one test to the next. */
export function freshIndexedDb(): void {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });
}

const ZONE = "Europe/London";
const t0 = Date.UTC(2024, 2, 1, 8, 0);

/**
 * A short real journey as a device records it, with `marker` in every
 * free-text field (her name, her partner's, a note, an appointment's place
 * and note): set-up, a cycle, an appointment, notes, symptoms.
 */
export function markedJourney(marker: string, device = "dev00001", seed = 1): TrellisEvent[] {
  const r = new Recorder(device, seed);
  let t = t0;
  const next = () => (t += 60_000);
  r.record(
    "JourneyCreated",
    {
      displayName: `Priya ${marker}`,
      dateOfBirth: "1990-02-14",
      homeZone: ZONE,
      partnerName: `Sam ${marker}`,
      createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
    },
    next(),
  );
  const cycleId = r.record(
    "CycleStarted",
    {
      cycleId: r.newId(t),
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist",
      dayOne: "cycle-day",
      startDate: "2024-03-02",
      zone: ZONE,
    },
    next(),
  ).payload.cycleId;
  r.record(
    "AppointmentScheduled",
    {
      appointmentId: r.newId(t),
      cycleId,
      at: "2024-03-08T08:30:00+00:00[Europe/London]",
      kind: "scan",
      place: `City Fertility ${marker}`,
      note: `Bring the diary ${marker}`,
    },
    next(),
  );
  for (let n = 0; n < 5; n++) {
    r.record(
      "JournalNoteAdded",
      {
        noteId: r.newId(t),
        text: `Day ${n + 2}: ${marker} felt bloated, hopeful.`,
        writtenAt: `2024-03-0${n + 2}T21:00:00+00:00[Europe/London]`,
      },
      next(),
    );
  }
  return r.events;
}

export function heldEvent(id: string, reason = "decrypt-failure"): HeldEvent {
  return {
    vaultId: "0190c4d2-1c3e-7abc-8def-0123456789ab",
    id,
    seq: 7,
    body: "AQAAAAEn0mBmBodyAsTheServerSentIt",
    reason,
    detail: "epoch",
    heldAt: t0,
  };
}

const ids = (events: readonly unknown[]) => events.map((e) => (e as { id: string }).id).sort();
/** The outbox in id order (the order is not part of the contract). */
const outboxOf = async (s: EventStorage) => (await s.loadOutbox()).sort();
/** Held events in id order. */
const heldOf = async (s: EventStorage) =>
  (await s.loadHeld()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export interface ContractOptions {
  /** A new storage over a fresh store. */
  readonly open: () => Promise<EventStorage>;
  /** Another connection to the same store, as another tab or a reload opens it (not for memory). */
  readonly reopen?: () => Promise<EventStorage>;
}

/** The `EventStorage` contract, as one `describe` block. */
export function storageContract(name: string, options: ContractOptions): void {
  describe(`${name}: the EventStorage contract`, () => {
    const journey = markedJourney("contract");
    const [first, second, third, ...rest] = journey as [
      TrellisEvent,
      TrellisEvent,
      TrellisEvent,
      ...TrellisEvent[],
    ];

    it("keeps local events, each in the outbox unless kept on this device", async () => {
      const s = await options.open();
      await s.appendEvents([first, second, third], "local", new Set([third.id]));
      expect(ids(await s.loadEvents())).toEqual(ids([first, second, third]));
      expect(await outboxOf(s)).toEqual([first.id, second.id].sort());
      s.close();
    });

    it("gives events back exactly as they were stored", async () => {
      const s = await options.open();
      await s.appendEvents(journey.slice(0, 4));
      await s.appendEvents(journey.slice(4), "sync");
      const back = await s.loadEvents();
      const byId = new Map(back.map((e) => [(e as TrellisEvent).id, e]));
      for (const e of journey) expect(byId.get(e.id)).toEqual(e);
      expect(back).toHaveLength(journey.length);
      s.close();
    });

    it("keeps received pages out of the outbox, and each event once however often it arrives", async () => {
      const s = await options.open();
      await s.appendEvents([first], "local");
      await s.appendEvents([first, second, ...rest], "sync");
      await s.appendEvents([second, third], "sync");
      await s.appendEvents([third, third], "local");
      expect(ids(await s.loadEvents())).toEqual(ids(journey));
      expect(await outboxOf(s)).toEqual([first.id]);
      s.close();
    });

    it("leaves an event already stored as it is", async () => {
      const s = await options.open();
      await s.appendEvents([first]);
      const changed = { ...first, hlc: "changed" } as TrellisEvent;
      await s.appendEvents([changed]);
      await s.appendEvents([changed], "sync");
      expect(await s.loadEvents()).toEqual([first]);
      s.close();
    });

    it("queues only stored events again, and forgets what was acknowledged", async () => {
      const s = await options.open();
      await s.appendEvents([first, second], "sync");
      await s.enqueue([second.id, first.id, "0190c4d2-1c3e-7abc-8def-00000000dead"]);
      expect(await outboxOf(s)).toEqual([first.id, second.id].sort());
      await s.acknowledge([first.id, "not-there"]);
      expect(await outboxOf(s)).toEqual([second.id]);
      s.close();
    });

    it("keeps meta values, replaces them, and reads a missing or cleared one as undefined", async () => {
      const s = await options.open();
      const account = { serverUrl: "https://t.example", token: "tok", keys: ["a", "b"], n: 3 };
      await s.setMeta("sync-account", account);
      await s.setMeta("clock", "2024-03-01T08:00:00.000Z-0000-dev00001");
      await s.setMeta("read-only", true);
      await s.setMeta("cursor:v", 0);
      expect(await s.getMeta("sync-account")).toEqual(account);
      expect(await s.getMeta("clock")).toBe("2024-03-01T08:00:00.000Z-0000-dev00001");
      expect(await s.getMeta("read-only")).toBe(true);
      expect(await s.getMeta("cursor:v")).toBe(0);
      await s.setMeta("cursor:v", 12);
      expect(await s.getMeta("cursor:v")).toBe(12);
      await s.setMeta("sync-account", undefined);
      expect(await s.getMeta("sync-account")).toBeUndefined();
      expect(await s.getMeta("never-set")).toBeUndefined();
      s.close();
    });

    it("holds events aside by id, replaces a held one, and releases them", async () => {
      const s = await options.open();
      const a = heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2");
      const b = heldEvent("0190c4d2-1c3e-7abc-8def-0000000000a1", "clock-drift");
      await s.hold([a, b]);
      expect(await heldOf(s)).toEqual([b, a]);
      const again = { ...a, reason: "unknown-epoch" };
      await s.hold([again]);
      expect(await heldOf(s)).toEqual([b, again]);
      await s.release([b.id, "not-held"]);
      expect(await heldOf(s)).toEqual([again]);
      s.close();
    });

    it("erases everything and stays usable", async () => {
      const s = await options.open();
      await s.appendEvents(journey.slice(0, 3));
      await s.appendEvents(journey.slice(3), "sync");
      await s.setMeta("device", "dev00001");
      await s.hold([heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2")]);
      await s.erase();
      expect(await s.loadEvents()).toEqual([]);
      expect(await outboxOf(s)).toEqual([]);
      expect(await heldOf(s)).toEqual([]);
      expect(await s.getMeta("device")).toBeUndefined();
      await s.appendEvents([first]);
      expect(await s.loadEvents()).toEqual([first]);
      expect(await outboxOf(s)).toEqual([first.id]);
      s.close();
    });

    const { reopen } = options;
    if (!reopen) return;

    it("keeps everything across a reload", async () => {
      const s = await options.open();
      await s.appendEvents(journey.slice(0, 4), "local", new Set([journey[3]!.id]));
      await s.appendEvents(journey.slice(4), "sync");
      await s.setMeta("device", "dev00001");
      await s.hold([heldEvent("0190c4d2-1c3e-7abc-8def-0000000000b2")]);
      s.close();
      const again = await reopen();
      expect(ids(await again.loadEvents())).toEqual(ids(journey));
      expect(await outboxOf(again)).toEqual(ids(journey.slice(0, 3)));
      expect(await again.getMeta("device")).toBe("dev00001");
      expect(await again.loadHeld()).toHaveLength(1);
      again.close();
    });

    it("two tabs storing the same local event keep it once, queued once, without failing", async () => {
      const tabA = await options.open();
      const tabB = await reopen();
      // Both read the (empty) log first, so neither knows what the other stores.
      expect(await tabA.loadEvents()).toEqual([]);
      expect(await tabB.loadEvents()).toEqual([]);
      await tabA.appendEvents([first, second]);
      await tabB.appendEvents([second, third]);
      expect(ids(await tabA.loadEvents())).toEqual(ids([first, second, third]));
      expect(await outboxOf(tabB)).toEqual(ids([first, second, third]));
      // Tab B queues an event only tab A stored: B reads again and finds it.
      await tabA.appendEvents([rest[0]!], "sync");
      await tabB.enqueue([rest[0]!.id]);
      expect(await outboxOf(tabA)).toContain(rest[0]!.id);
      tabA.close();
      tabB.close();
    });
  });
}
