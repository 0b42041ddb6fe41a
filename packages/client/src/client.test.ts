import { describe, expect, it } from "vitest";
import { openClient } from "./client.ts";
import { type EventStorage, memoryStorage } from "./storage.ts";

let t = Date.UTC(2024, 2, 1, 8, 0);
const clock = () => (t += 1_000);

const journey = {
  displayName: "Priya",
  dateOfBirth: "1990-02-14",
  homeZone: "Europe/London",
  createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
};

describe("client", () => {
  it("keeps what was recorded across a restart (same storage, new client)", async () => {
    const storage = memoryStorage();
    const first = await openClient({ storage, now: clock });
    expect((await first.record("JourneyCreated", journey)).ok).toBe(true);
    const noteId = first.newId();
    const saved = await first.record("JournalNoteAdded", {
      noteId,
      text: "Egg freezing consult booked.",
      writtenAt: "2024-03-01T08:05:00+00:00[Europe/London]",
    });
    expect(saved.ok).toBe(true);

    const again = await openClient({ storage, now: clock });
    expect(again.device).toBe(first.device);
    expect(again.state.journey?.displayName).toBe("Priya");
    expect(again.state.notes.get(noteId)?.text).toBe("Egg freezing consult booked.");
  });

  it("refuses invalid input with the field named, and stores nothing", async () => {
    const storage = memoryStorage();
    const c = await openClient({ storage, now: clock });
    await c.record("JourneyCreated", journey);
    const before = (await storage.loadEvents()).length;
    const r = await c.record("JournalNoteAdded", {
      noteId: c.newId(),
      text: "   ",
      writtenAt: "2024-03-01T08:05:00+00:00[Europe/London]",
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.field).toBe("payload.text");
    expect((await storage.loadEvents()).length).toBe(before);
    expect(c.state.notes.size).toBe(0);
  });

  it("changes nothing in memory when the device cannot save", async () => {
    const inner = memoryStorage();
    const failing: EventStorage = {
      ...inner,
      appendEvents: async () => {
        throw new Error("QuotaExceededError");
      },
    };
    const c = await openClient({ storage: failing, now: clock });
    const r = await c.record("JourneyCreated", journey);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe("storage-failed");
    expect(c.state.journey).toBeNull();
  });

  it("keeps records made in quick succession in order, each stamped after the last", async () => {
    const c = await openClient({ storage: memoryStorage(), now: () => Date.UTC(2024, 2, 1) });
    await c.record("JourneyCreated", journey);
    const results = await Promise.all(
      ["one", "two", "three"].map((text) =>
        c.record("JournalNoteAdded", {
          noteId: c.newId(),
          text,
          writtenAt: "2024-03-01T08:05:00+00:00[Europe/London]",
        }),
      ),
    );
    const hlcs = results.map((r) => (r.ok ? r.value.hlc : ""));
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(3);
  });

  it("exports everything and imports it into a fresh device, all or nothing", async () => {
    const a = await openClient({ storage: memoryStorage(), now: clock });
    await a.record("JourneyCreated", journey);
    await a.record("JournalNoteAdded", {
      noteId: a.newId(),
      text: "First retrieval: 15 eggs.",
      writtenAt: "2024-03-20T12:00:00+00:00[Europe/London]",
    });
    const file = await a.exportAll();
    expect(file.events).toHaveLength(2);

    const b = await openClient({ storage: memoryStorage(), now: clock });
    const broken = {
      ...file,
      events: [...file.events, { ...(file.events[1] as object), id: "nope" }],
    };
    const refused = await b.importFile(broken);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe("events[2].id");
    expect(b.state.journey).toBeNull();

    const imported = await b.importFile(JSON.parse(JSON.stringify(file)));
    expect(imported).toEqual({ ok: true, value: { added: 2 } });
    expect(b.state).toEqual(a.state);
    // Importing again adds nothing.
    expect(await b.importFile(file)).toEqual({ ok: true, value: { added: 0 } });
    // New events on b sort after everything imported.
    const later = await b.record("JourneyUpdated", { partnerName: "Dev" });
    expect(later.ok && later.value.hlc > (a.state.lastHlc ?? "")).toBe(true);
  });

  it("keeps stored events it cannot read, reports them, and still exports them", async () => {
    const storage = memoryStorage();
    const c = await openClient({ storage, now: clock });
    await c.record("JourneyCreated", journey);
    const alien = {
      id: "0190c4d2-1c3e-7abc-8def-0123456789ab",
      type: "FromTheFuture",
      payload: {},
    };
    await storage.appendEvents([alien as never]);
    const reopened = await openClient({ storage, now: clock });
    expect(reopened.unreadable).toHaveLength(1);
    expect(reopened.unreadable[0]?.id).toBe(alien.id);
    expect(reopened.state.journey).not.toBeNull();
    expect((await reopened.exportAll()).events).toContainEqual(alien);
  });

  it("erasing the device removes the journey", async () => {
    const storage = memoryStorage();
    const c = await openClient({ storage, now: clock });
    await c.record("JourneyCreated", journey);
    await c.eraseDevice();
    expect(c.state.journey).toBeNull();
    expect(await storage.loadEvents()).toEqual([]);
  });
});

describe("recording several events as one change", () => {
  it("stores a cycle and its medicines together, or nothing when one is wrong", async () => {
    const storage = memoryStorage();
    const c = await openClient({ storage, now: clock });
    await c.record("JourneyCreated", journey);
    const cycleId = c.newId();
    const cycle = {
      type: "CycleStarted" as const,
      payload: {
        cycleId,
        cycleType: "egg-freezing" as const,
        protocolId: "egg-freezing",
        protocolName: "Egg freezing",
        dayOne: "stim-day" as const,
        startDate: "2024-03-04",
        zone: "Europe/London",
      },
    };
    const med = (value: number) => ({
      type: "MedicationPlanned" as const,
      payload: {
        cycleId,
        planItemId: c.newId(),
        medication: {
          name: "Gonal-f",
          route: "subcutaneous" as const,
          purpose: "stimulation" as const,
        },
        dose: { value, unit: "IU" as const },
        times: ["21:00"],
        start: { cycleDay: 1 },
        end: { kind: "until-trigger" as const },
        timeCritical: false,
      },
    });
    const before = (await storage.loadEvents()).length;
    const refused = await c.recordBatch([cycle, med(225), med(-5)]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe("[2].payload.dose.value");
    expect((await storage.loadEvents()).length).toBe(before);
    expect(c.state.cycles.size).toBe(0);

    const saved = await c.recordBatch([cycle, med(225), med(75)]);
    expect(saved.ok).toBe(true);
    expect(c.state.cycles.size).toBe(1);
    expect(c.state.planItems.size).toBe(2);
    const reopened = await openClient({ storage, now: clock });
    expect(reopened.state).toEqual(c.state);
  });
});
