import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { fiveYearJourney } from "../testing/five-year.ts";
import { fold, foldMore } from "./fold.ts";
import type { JourneyState } from "./state.ts";

const ZONE = "America/New_York";
const zoned = (ms: number) =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONE).toString();

/** The collections (and lists) of a state, by name. */
const parts = (s: JourneyState) => Object.entries(s).filter(([, v]) => typeof v === "object");

describe("foldMore on a large record", () => {
  const { recorder } = fiveYearJourney({ cycles: 2, notesTo: 3_000 });
  const base = [...recorder.events];
  const start = Temporal.Instant.from("2030-01-01T00:00:00Z").epochMilliseconds;
  const more = Array.from({ length: 400 }, (_, i) => {
    const t = start + i * 3_600_000;
    const note = recorder.record(
      "JournalNoteAdded",
      { noteId: recorder.newId(t), text: `Night ${i}`, writtenAt: zoned(t) },
      t,
    );
    return i % 4 === 0
      ? [
          note,
          recorder.record(
            "JournalNoteCorrected",
            { noteId: note.payload.noteId, text: `Night ${i}, later` },
            t + 1,
          ),
        ]
      : [note];
  }).flat();

  it("one new note changes the notes and nothing else: every other collection is the same object", () => {
    const before = fold(base);
    const after = foldMore(before, [more[0]!])!;
    expect(after).toEqual(fold([...base, more[0]!]));
    for (const [name, value] of parts(after)) {
      if (name === "notes") expect(value).not.toBe(before.notes);
      else expect(value, name).toBe(before[name as keyof JourneyState]);
    }
  });

  it("leaves every earlier state as it was, note after note, and ends where a full fold ends", () => {
    const states = [fold(base)];
    for (const e of more) states.push(foldMore(states.at(-1)!, [e])!);
    expect(states.at(-1)).toEqual(fold([...base, ...more]));
    for (const k of [0, 1, 57, 200, more.length - 1]) {
      expect(states[k]).toEqual(fold([...base, ...more.slice(0, k)]));
    }
    expect(states[0]!.notes.size).toBe(fold(base).notes.size);
  });

  it("a kept copy of the recorder's state does not move when it records more", () => {
    const kept = recorder.snapshot();
    const size = kept.notes.size;
    const t = start + 999 * 3_600_000;
    recorder.record(
      "JournalNoteAdded",
      { noteId: recorder.newId(t), text: "Later", writtenAt: zoned(t) },
      t,
    );
    expect(kept.notes.size).toBe(size);
    expect(recorder.state.notes.size).toBe(size + 1);
  });
});
