import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { compareEvents, type TrellisEvent } from "../events/envelope.ts";
import { fiveYearJourney } from "../testing/five-year.ts";
import { Recorder } from "../testing/recorder.ts";
import { fold, foldMore } from "./fold.ts";
import {
  decodeSnapshot,
  encodeSnapshot,
  SNAPSHOT_VERSION,
  type SnapshotBody,
  snapshotMatches,
} from "./snapshot.ts";

const ZONE = "America/New_York";
const zoned = (ms: number) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONE).toString();

/**
 * A server log as a new device would pull it: two cycles of a five-year
 * journey with its notes, recorded on the phone, and a laptop that took the
 * record early, wrote offline for weeks (notes, corrections of the phone's
 * notes, a retraction, a second journey that cannot apply) and pushed late.
 * Its entries reach the log after phone entries that sort later than them.
 */
function serverLog(): { log: TrellisEvent[]; arrivedLate: Set<string> } {
  const { recorder: phone } = fiveYearJourney({ cycles: 2, notesTo: 2_000 });
  const phoneEvents = phone.events;
  const laptop = new Recorder("laptop001", 31);
  // It took the record when the phone had written its first fifty notes.
  const tookAt = phoneEvents.findIndex((e) => e.type === "JournalNoteAdded") + 60;
  laptop.receive(phoneEvents.slice(0, tookAt));
  // A minute after the last entry it took, by the stamp's wall clock.
  const from = Number.parseInt(phoneEvents[tookAt - 1]!.hlc.slice(0, 12), 16) + 60_000;
  const phoneNotes = [...laptop.state.notes.keys()];
  for (let i = 0; i < 40; i++) {
    const t = from + i * 9 * 3_600_000;
    laptop.record(
      "JournalNoteAdded",
      { noteId: laptop.newId(t), text: `Laptop evening ${i}`, writtenAt: zoned(t) },
      t,
    );
    const noteId = phoneNotes[i % phoneNotes.length];
    if (noteId && i % 4 === 0) {
      laptop.record(
        "JournalNoteCorrected",
        { noteId, text: `Corrected on the laptop ${i}` },
        t + 1,
      );
    }
    if (noteId && i === 7) laptop.record("JournalNoteRetracted", { noteId }, t + 2);
  }
  const other = new Recorder("tablet001", 32);
  other.record(
    "JourneyCreated",
    { displayName: "M.", dateOfBirth: "1985-11-30", homeZone: ZONE, createdAt: zoned(from) },
    from,
  );
  const late = [...laptop.events.slice(tookAt), ...other.events];
  const pushedAt = tookAt + 400;
  return {
    log: [...phoneEvents.slice(0, pushedAt), ...late, ...phoneEvents.slice(pushedAt)],
    arrivedLate: new Set(late.map((e) => e.id)),
  };
}

/** What the body looks like after sealing and opening: JSON text and back. */
const overTheWire = (body: SnapshotBody): unknown => JSON.parse(JSON.stringify(body));

/** A new device: snapshot of the first `cut` entries, then the tail; null when the tail sorts earlier. */
function resume(log: readonly TrellisEvent[], cut: number) {
  const head = log.slice(0, cut);
  const body = overTheWire(encodeSnapshot(fold(head), { eventIds: head.map((e) => e.id) }));
  const decoded = decodeSnapshot(body);
  if (!decoded) throw new Error("a fresh snapshot must decode");
  return { body, decoded, resumed: foldMore(decoded, log.slice(cut)) };
}

describe("snapshots", () => {
  const { log, arrivedLate } = serverLog();
  const whole = fold(log);
  const inClockOrder = [...log].sort(compareEvents);

  it("the fixture has what a snapshot must carry: notes, doses, rejected events, late entries", () => {
    expect(whole.notes.size).toBeGreaterThan(500);
    expect(whole.doseLogs.size).toBeGreaterThan(100);
    expect(whole.rejected.length).toBeGreaterThan(0);
    expect([...whole.notes.values()].some((n) => n.deleted)).toBe(true);
    expect(arrivedLate.size).toBeGreaterThan(40);
  });

  it("decodes to exactly the state it was made of, and encodes back to the same text", () => {
    const body = encodeSnapshot(whole);
    const decoded = decodeSnapshot(overTheWire(body));
    expect(decoded).toEqual(whole);
    expect(JSON.stringify(encodeSnapshot(decoded!))).toBe(JSON.stringify(body));
    // Every record keeps its id as its key (the decoder insists on it).
    for (const [id, note] of whole.notes) expect(note.id).toBe(id);
  });

  it("snapshot of any prefix in clock order + the tail folds to the state of every event", () => {
    fc.assert(
      fc.property(fc.nat({ max: inClockOrder.length }), (cut) => {
        const { resumed } = resume(inClockOrder, cut);
        expect(resumed).not.toBeNull();
        expect(resumed).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("in arrival order, a tail with an entry sorting before the snapshot asks for a full fold; otherwise it folds to the same state", () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.nat({ max: log.length }), (cut) => {
        const { decoded, resumed } = resume(log, cut);
        const tail = log.slice(cut);
        const sortsEarlier = tail.some((e) => decoded.lastHlc !== null && e.hlc <= decoded.lastHlc);
        if (sortsEarlier) {
          refused++;
          expect(resumed).toBeNull();
        } else {
          expect(resumed).toEqual(whole);
        }
        // Either way the device reaches the state of every event: from the
        // snapshot, or by folding the whole log once it holds it.
        expect(resumed ?? fold(log)).toEqual(whole);
      }),
      { numRuns: 25, examples: [[0], [log.length - 1], [log.length]] },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it("leaves the decoded snapshot as it was when the tail folds onto it", () => {
    const cut = 1_000;
    const { decoded } = resume(inClockOrder, cut);
    const before = JSON.stringify(encodeSnapshot(decoded));
    foldMore(decoded, inClockOrder.slice(cut));
    expect(JSON.stringify(encodeSnapshot(decoded))).toBe(before);
  });

  it("matches the log it was made of, and no other", () => {
    const cut = 1_500;
    const head = inClockOrder.slice(0, cut);
    const body = overTheWire(encodeSnapshot(fold(head), { eventIds: head.map((e) => e.id) }));
    expect(snapshotMatches(body, head)).toBe(true);
    expect(snapshotMatches(body, [...head].reverse())).toBe(true);
    expect(snapshotMatches(body, inClockOrder.slice(0, cut - 1))).toBe(false);
    expect(snapshotMatches(body, inClockOrder.slice(0, cut + 1))).toBe(false);
    // Same events, a note's words changed in the body: decodes, but does not match.
    const edited = overTheWire(encodeSnapshot(fold(head))) as {
      state: { notes: [string, { text: string }][] };
    };
    edited.state.notes[3]![1].text = "not what was written";
    expect(decodeSnapshot(edited)).not.toBeNull();
    expect(snapshotMatches(edited, head)).toBe(false);
    // Without ids the digest is not checked, the state still is.
    expect(snapshotMatches(overTheWire(encodeSnapshot(fold(head))), head)).toBe(true);
  });

  describe("a body that does not read is null", () => {
    const good = () =>
      overTheWire(encodeSnapshot(whole)) as Record<string, never> & {
        state: Record<string, unknown>;
      };
    const broken: [string, (b: ReturnType<typeof good>) => unknown][] = [
      ["another version", (b) => ({ ...b, version: SNAPSHOT_VERSION + 1 })],
      ["other fold rules", (b) => ({ ...b, rules: "1:0000000000000000" })],
      ["another format", (b) => ({ ...b, format: "something-else" })],
      ["no state", (b) => ({ ...b, state: undefined })],
      ["a field missing", (b) => ({ ...b, state: { ...b.state, doseLogs: undefined } })],
      ["a field unknown", (b) => ({ ...b, state: { ...b.state, extra: [] } })],
      ["a map as an object", (b) => ({ ...b, state: { ...b.state, notes: {} } })],
      [
        "a key twice",
        (b) => {
          const notes = b.state.notes as unknown[];
          return { ...b, state: { ...b.state, notes: [...notes, notes[0]] } };
        },
      ],
      [
        "a record under another id",
        (b) => {
          const [first, ...rest] = b.state.notes as [string, object][];
          return { ...b, state: { ...b.state, notes: [["not-its-id", first![1]], ...rest] } };
        },
      ],
      [
        "a slot naming a number",
        (b) => ({ ...b, state: { ...b.state, doseBySlot: [["a/b/c", 3]] } }),
      ],
      ["a negative count", (b) => ({ ...b, eventCount: -1 })],
      ["a count that is not whole", (b) => ({ ...b, eventCount: 2.5 })],
      ["a stamp that is not one", (b) => ({ ...b, lastHlc: "yesterday" })],
      ["events but no stamp", (b) => ({ ...b, lastHlc: null })],
      [
        "a rejected event without its problem",
        (b) => ({ ...b, state: { ...b.state, rejected: [{ eventId: "x", type: "y" }] } }),
      ],
      ["a set with a number", (b) => ({ ...b, state: { ...b.state, oddsResumedFor: [1] } })],
      ["the id digest as a number", (b) => ({ ...b, eventIds: 12 })],
      ["text", (b) => JSON.stringify(b)],
      ["null", () => null],
    ];
    it.each(broken)("%s", (_, breakIt) => {
      expect(decodeSnapshot(good())).not.toBeNull();
      expect(decodeSnapshot(breakIt(good()))).toBeNull();
    });

    it("never throws, whatever it is given", () => {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          expect(decodeSnapshot(value)).toBeNull();
        }),
        { numRuns: 300 },
      );
    });

    it("never throws when any part of a real body is replaced by anything", () => {
      const body = good();
      const paths: (string | number)[][] = [
        ["eventCount"],
        ["lastHlc"],
        ["state", "journey"],
        ["state", "preferences"],
        ["state", "notes", 0],
        ["state", "notes", 0, 1],
        ["state", "doseLogs", 2, 0],
        ["state", "rejected"],
      ];
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
          const copy = JSON.parse(JSON.stringify(body));
          let at = copy;
          for (const key of path.slice(0, -1)) at = at[key];
          at[path.at(-1)!] = value;
          expect(() => decodeSnapshot(copy)).not.toThrow();
        }),
        { numRuns: 60 },
      );
    });
  });
});
