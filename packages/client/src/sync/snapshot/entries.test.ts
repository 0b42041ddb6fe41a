import { describe, expect, it } from "vitest";
import {
  joinParts,
  PART_BYTES,
  readSnapshotEntry,
  type SnapshotPart,
  snapshotEntries,
} from "./entries.ts";

let n = 0;
const newId = () => `0190a1b2-c3d4-7e5f-8a9b-${String(++n).padStart(12, "0")}`;
const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7) % 251);
const meta = { cursor: 41, eventCount: 12, lastHlc: "2025-05-12T19:00:00.000Z-0000-device" };

function parts(made: ReturnType<typeof snapshotEntries>): Map<string, SnapshotPart> {
  return new Map(made.parts.map((p) => [p.id, p.value]));
}

describe("snapshot entries", () => {
  it("cut a packed body into parts of at most PART_BYTES and join back to the same bytes", () => {
    const body = bytes(2 * PART_BYTES + 17);
    const made = snapshotEntries(body, meta, newId);
    expect(made.parts).toHaveLength(3);
    expect(made.head.value).toMatchObject({ ...meta, bytes: body.length });
    expect(made.head.value.parts).toEqual(made.parts.map((p) => p.id));
    const roundTrip = JSON.parse(JSON.stringify(made));
    expect(readSnapshotEntry(roundTrip.head.value)).toEqual(made.head.value);
    expect(joinParts(made.head.id, made.head.value, parts(made))).toEqual(body);
  });

  it("refuse a missing part, a part of another snapshot, parts out of order", () => {
    const made = snapshotEntries(bytes(PART_BYTES + 5), meta, newId);
    const other = snapshotEntries(bytes(PART_BYTES + 5), meta, newId);
    const missing = parts(made);
    missing.delete(made.parts[1]!.id);
    expect(joinParts(made.head.id, made.head.value, missing)).toBeNull();
    const foreign = parts(made);
    foreign.set(made.parts[0]!.id, other.parts[0]!.value);
    expect(joinParts(made.head.id, made.head.value, foreign)).toBeNull();
    const swapped = parts(made);
    swapped.set(made.parts[0]!.id, made.parts[1]!.value);
    swapped.set(made.parts[1]!.id, made.parts[0]!.value);
    expect(joinParts(made.head.id, made.head.value, swapped)).toBeNull();
  });

  it("are never read as events, and a newer version's are not read at all", () => {
    const made = snapshotEntries(bytes(10), meta, newId);
    expect(readSnapshotEntry({ ...made.head.value, v: 2 })).toBeNull();
    expect(readSnapshotEntry({ ...made.head.value, cursor: -1 })).toBeNull();
    expect(readSnapshotEntry({ type: "JournalNoteAdded" })).toBeNull();
  });
});
