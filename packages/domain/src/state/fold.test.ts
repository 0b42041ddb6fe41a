import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { compareEvents, type TrellisEvent } from "../events/envelope.ts";
import { visibleNotes } from "../journal/selectors.ts";
import { Recorder, seededBytes } from "../testing/recorder.ts";
import { fold, foldMore, inClockOrder } from "./fold.ts";

const T0 = utc(2015, 4, 2, 13, 0); // 2015-04-02 09:00 in New York
const zoned = (ms: number) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO("America/New_York").toString();

/** Several devices writing offline, sometimes syncing: a realistic mess of events. */
const opArb = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom("add", "correct", "retract", "restore", "update", "sync"),
  note: fc.nat({ max: 5 }),
  text: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
  from: fc.integer({ min: 0, max: 2 }),
  gap: fc.integer({ min: 0, max: 120_000 }),
  // Device clocks disagree by up to a minute.
  skew: fc.integer({ min: -60_000, max: 60_000 }),
});

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function journeyFrom(ops: Op[]): TrellisEvent[] {
  const devices = [
    new Recorder("phone0001", 1),
    new Recorder("laptop001", 2),
    new Recorder("partner01", 3),
  ];
  const [first] = devices;
  first!.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: "America/New_York",
      createdAt: zoned(T0),
    },
    T0,
  );
  for (const d of devices.slice(1)) d.receive(first!.events);
  let now = T0;
  for (const op of ops) {
    now += op.gap;
    const d = devices[op.device]!;
    const at = now + op.skew;
    const notes = [...d.state.notes.keys()];
    const noteId = notes[op.note % Math.max(notes.length, 1)];
    switch (op.kind) {
      case "add":
        d.tryRecord(
          "JournalNoteAdded",
          { noteId: d.newId(at), text: op.text, writtenAt: zoned(now) },
          at,
        );
        break;
      case "correct":
        if (noteId) d.tryRecord("JournalNoteCorrected", { noteId, text: op.text }, at);
        break;
      case "retract":
        if (noteId) d.tryRecord("JournalNoteRetracted", { noteId }, at);
        break;
      case "restore":
        if (noteId) d.tryRecord("JournalNoteRestored", { noteId }, at);
        break;
      case "update":
        d.tryRecord("JourneyUpdated", { partnerName: op.text }, at);
        break;
      case "sync":
        d.receive(devices[op.from]!.events);
        break;
    }
  }
  const all = new Map<string, TrellisEvent>();
  for (const d of devices) for (const e of d.events) all.set(e.id, e);
  return [...all.values()];
}

describe("fold", () => {
  it("gives the same state for every arrival order of the same events", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 40 }),
        fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
        (ops, seeds) => {
          const events = journeyFrom(ops);
          const reference = fold(events);
          for (const seed of seeds) expect(fold(shuffle(events, seed))).toEqual(reference);
          expect(fold([...events].reverse())).toEqual(reference);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("counts an event delivered twice (or ten times) once", () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 30 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        (ops, picks) => {
          const events = journeyFrom(ops);
          const dupes = picks.map((p) => events[p % events.length]!);
          expect(fold([...dupes, ...events, ...dupes])).toEqual(fold(events));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("folding more events onto a state equals folding them all at once", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.nat(), (ops, cut) => {
        const events = [...journeyFrom(ops)].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
        const at = cut % (events.length + 1);
        const head = fold(events.slice(0, at));
        const more = foldMore(head, events.slice(at));
        expect(more).toEqual(fold(events));
        // The earlier state is left as it was.
        expect(head).toEqual(fold(events.slice(0, at)));
      }),
      { numRuns: 100 },
    );
  });

  it("asks for a full fold when an event sorts before what was already folded", () => {
    const r = new Recorder("phone0001", 7);
    r.record(
      "JourneyCreated",
      {
        dateOfBirth: "1990-02-14",
        homeZone: "Europe/London",
        createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
      },
      utc(2024, 3, 1, 8),
    );
    const late = new Recorder("laptop001", 8);
    late.receive(r.events);
    const second = r.record(
      "JournalNoteAdded",
      {
        noteId: r.newId(utc(2024, 3, 2)),
        text: "Baseline scan done.",
        writtenAt: "2024-03-02T08:00:00+00:00[Europe/London]",
      },
      utc(2024, 3, 2),
    );
    expect(foldMore(fold([second]), r.events.slice(0, 1))).toBeNull();
  });

  it("last writer wins per field: a later partner name replaces an earlier one, other fields stay", () => {
    const phone = new Recorder("phone0001", 1);
    phone.record(
      "JourneyCreated",
      {
        displayName: "Alex",
        dateOfBirth: "1988-07-04",
        homeZone: "America/Toronto",
        createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
      },
      utc(2025, 10, 2),
    );
    const laptop = new Recorder("laptop001", 2);
    laptop.receive(phone.events);
    // Both edit offline; the laptop edits later.
    phone.record(
      "JourneyUpdated",
      { partnerName: "Jordan", displayName: "Alex R." },
      utc(2025, 10, 3),
    );
    laptop.record("JourneyUpdated", { partnerName: "Jordan B." }, utc(2025, 10, 4));
    const merged = fold([...phone.events, ...laptop.events]);
    expect(merged.journey).toMatchObject({ partnerName: "Jordan B.", displayName: "Alex R." });
  });

  it("records events that cannot apply as rejected, and changes nothing else", () => {
    const a = new Recorder("phone0001", 1);
    a.record(
      "JourneyCreated",
      {
        dateOfBirth: "1990-02-14",
        homeZone: "Europe/London",
        createdAt: "2024-03-01T08:00:00+00:00[Europe/London]",
      },
      utc(2024, 3, 1, 8),
    );
    const b = new Recorder("laptop001", 2);
    b.record(
      "JourneyCreated",
      {
        dateOfBirth: "1991-01-01",
        homeZone: "Europe/Paris",
        createdAt: "2024-03-01T09:00:00+01:00[Europe/Paris]",
      },
      utc(2024, 3, 1, 9),
    );
    const state = fold([...a.events, ...b.events]);
    expect(state.journey?.homeZone).toBe("Europe/London");
    expect(state.rejected).toEqual([
      {
        eventId: b.events[0]!.id,
        type: "JourneyCreated",
        problem: expect.objectContaining({ reason: "journey-exists" }),
      },
    ]);
  });
});

describe("a journal kept through a first cycle (Maya, 2015)", () => {
  const r = new Recorder("phone0001", 42);
  const at = (iso: string) => epochMs(iso);
  r.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: "America/New_York",
      partnerName: "Sam",
      createdAt: "2015-04-01T20:00:00-04:00[America/New_York]",
    },
    at("2015-04-02T00:00:00Z"),
  );
  const first = r.record(
    "JournalNoteAdded",
    {
      noteId: r.newId(at("2015-04-03T01:10:00Z")),
      text: "Mixed the first powders tonight. Sam held the syringe.",
      writtenAt: "2015-04-02T21:10:00-04:00[America/New_York]",
    },
    at("2015-04-03T01:10:00Z"),
  );
  const second = r.record(
    "JournalNoteAdded",
    {
      noteId: r.newId(at("2015-04-14T01:35:00Z")),
      text: "Trigger at 21:30 exactly. Retrieval Wednesday 9:30.",
      writtenAt: "2015-04-13T21:35:00-04:00[America/New_York]",
    },
    at("2015-04-14T01:35:00Z"),
  );
  r.record(
    "JournalNoteCorrected",
    {
      noteId: first.payload.noteId,
      text: "Mixed the first powders tonight. Sam held the vial steady.",
    },
    at("2015-04-03T02:00:00Z"),
  );
  r.record("JournalNoteRetracted", { noteId: second.payload.noteId }, at("2015-04-14T02:00:00Z"));

  it("shows the corrected words, keeps the original in the history", () => {
    const note = r.state.notes.get(first.payload.noteId)!;
    expect(note.text).toBe("Mixed the first powders tonight. Sam held the vial steady.");
    expect(note.history.map((h) => h.text)).toEqual([
      "Mixed the first powders tonight. Sam held the syringe.",
      "Mixed the first powders tonight. Sam held the vial steady.",
    ]);
  });

  it("hides a deleted note from the journal but keeps it for undo", () => {
    expect(visibleNotes(r.state).map((n) => n.id)).toEqual([first.payload.noteId]);
    r.record("JournalNoteRestored", { noteId: second.payload.noteId }, at("2015-04-14T02:00:05Z"));
    expect(visibleNotes(r.state).map((n) => n.id)).toEqual([
      second.payload.noteId,
      first.payload.noteId,
    ]);
  });

  it("refuses to correct a note that does not exist, naming the field", () => {
    const refused = r.tryRecord(
      "JournalNoteCorrected",
      { noteId: r.newId(at("2015-05-01T00:00:00Z")), text: "?" },
      at("2015-05-01T00:00:00Z"),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.field).toBe("payload.noteId");
  });
});

function epochMs(iso: string): number {
  return Temporal.Instant.from(iso).epochMilliseconds;
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Temporal.ZonedDateTime.from({ year, month, day, hour, minute, timeZone: "UTC" })
    .epochMilliseconds;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const bytes = seededBytes(seed)(out.length * 4);
  for (let i = out.length - 1; i > 0; i--) {
    const r = (bytes[i * 4]! << 16) | (bytes[i * 4 + 1]! << 8) | bytes[i * 4 + 2]!;
    const j = r % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("the generated journeys exercise the fold", () => {
  it("contain notes, corrections, deletions, restores, updates and rejections", () => {
    const seen = new Set<string>();
    let rejected = 0;
    for (const ops of fc.sample(fc.array(opArb, { minLength: 30, maxLength: 40 }), {
      numRuns: 50,
      seed: 1,
    })) {
      const events = journeyFrom(ops);
      for (const e of events) seen.add(e.type);
      rejected += fold(events).rejected.length;
    }
    expect([...seen].sort()).toEqual([
      "JournalNoteAdded",
      "JournalNoteCorrected",
      "JournalNoteRestored",
      "JournalNoteRetracted",
      "JourneyCreated",
      "JourneyUpdated",
    ]);
    // Concurrent offline edits do conflict (e.g. a correction of a note another device deleted).
    expect(rejected).toBeGreaterThan(0);
  });
});

describe("clock order", () => {
  // Few distinct values, so equal walls, counters, stamps and ids all happen,
  // and device names where one is the start of another ("phone001" / "phone0012").
  const hex = (width: number, max: number) =>
    fc.integer({ min: 0, max }).map((n) => n.toString(16).padStart(width, "0"));
  const stamp = fc
    .tuple(
      // Whole ranges too: the sort reads the digits 16 bits at a time.
      fc.oneof(
        hex(12, 3),
        hex(12, 2 ** 48 - 1),
        fc.constant("0190c4d21c3e"),
        fc.constant("ffffffffffff"),
      ),
      fc.oneof(hex(8, 2), hex(8, 2 ** 32 - 1), fc.constant("ffffffff")),
      fc.constantFrom("phone001", "phone0012", "laptop01", "phone002"),
    )
    .map(([wall, counter, device]) => `${wall}-${counter}-${device}`);
  const id = fc.constantFrom(
    "0190c4d2-1c3e-7abc-8def-000000000001",
    "0190c4d2-1c3e-7abc-8def-000000000002",
    "0190c4d2-1c3e-7abc-8def-000000000010",
  );
  const events = fc.array(
    fc.record({ hlc: stamp, id, tag: fc.nat() }).map((e) => e as unknown as TrellisEvent),
    { maxLength: 300 },
  );

  it("is exactly the order compareEvents gives, ties kept in arrival order", () => {
    fc.assert(
      fc.property(events, (list) => {
        expect(inClockOrder(list)).toEqual([...list].sort(compareEvents));
      }),
      { numRuns: 500 },
    );
  });

  it("sorts stamps it cannot read as digits (never validated) the plain way, to the same order", () => {
    const odd = ["0190C4D21C3E-00000001-phone001", "0190c4d21c3e-00000001-phone001", "not a stamp"];
    const list = odd.map((hlc, i) => ({ hlc, id: `id${i}` }) as unknown as TrellisEvent);
    expect(inClockOrder([...list].reverse())).toEqual([...list].sort(compareEvents));
  });
});
