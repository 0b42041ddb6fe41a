/**
 * Snapshot entries on the wire (issue 15). A snapshot is the folded state
 * (`encodeSnapshot`) as gzipped JSON, cut into parts of at most
 * `PART_BYTES`, each sealed and signed as an ordinary entry, then a head
 * entry naming the parts in order and the cursor the state covers (the
 * server seq its maker had folded up to). Parts are appended before their
 * head, so a device reading from the end meets the head first.
 *
 * Every part is padded into the same 128 KiB bucket (the server refuses
 * bodies over 256 KiB, and a 256 KiB plaintext seals to just over that);
 * the head is small, like an event. None of these is a domain event: they
 * are never folded, stored in the log, shown or exported. An older client
 * holds them aside as entries it cannot read (`invalid-event`).
 */
import { fromBase64, toBase64 } from "../base64.ts";

/** Raw bytes per part: base64 of this, in JSON, signed, fits a 128 KiB bucket. */
export const PART_BYTES = 90_000;

/** Marks every snapshot entry; no event envelope has this field. */
const MARK = "trellis-snapshot-entry";
const VERSION = 1;

export interface SnapshotHead {
  readonly [MARK]: "head";
  readonly v: typeof VERSION;
  /** The server seq up to which the maker had folded the log. */
  readonly cursor: number;
  /** The state's event count and last stamp, as in the packed body (checked against it). */
  readonly eventCount: number;
  readonly lastHlc: string | null;
  /** Entry ids of the parts, in order. */
  readonly parts: readonly string[];
  /** Bytes of the packed body, all parts together. */
  readonly bytes: number;
}

export interface SnapshotPart {
  readonly [MARK]: "part";
  readonly v: typeof VERSION;
  /** The head's entry id: a part belongs to one snapshot only. */
  readonly head: string;
  readonly index: number;
  /** base64 of this part's bytes. */
  readonly data: string;
}

export type SnapshotEntry = SnapshotHead | SnapshotPart;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isCount = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** Whether an opened entry is a snapshot entry at all (of any version): never an event. */
export function isSnapshotEntry(value: unknown): boolean {
  return isObject(value) && MARK in value;
}

/** The entry as a head or part this version reads, or null. */
export function readSnapshotEntry(value: unknown): SnapshotEntry | null {
  if (!isObject(value) || value.v !== VERSION) return null;
  if (value[MARK] === "head") {
    const { cursor, eventCount, lastHlc, parts, bytes } = value;
    if (!isCount(cursor) || !isCount(eventCount) || !isCount(bytes)) return null;
    if (lastHlc !== null && typeof lastHlc !== "string") return null;
    if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => typeof p === "string")) {
      return null;
    }
    return value as unknown as SnapshotHead;
  }
  if (value[MARK] === "part") {
    const { head, index, data } = value;
    if (typeof head !== "string" || !isCount(index) || typeof data !== "string") return null;
    return value as unknown as SnapshotPart;
  }
  return null;
}

/** The head and parts of a packed snapshot, under fresh entry ids from `newId`. */
export function snapshotEntries(
  packed: Uint8Array,
  input: { cursor: number; eventCount: number; lastHlc: string | null },
  newId: () => string,
): { head: { id: string; value: SnapshotHead }; parts: { id: string; value: SnapshotPart }[] } {
  const headId = newId();
  const parts: { id: string; value: SnapshotPart }[] = [];
  for (let at = 0, index = 0; at < packed.length || index === 0; at += PART_BYTES, index += 1) {
    parts.push({
      id: newId(),
      value: {
        [MARK]: "part",
        v: VERSION,
        head: headId,
        index,
        data: toBase64(packed.subarray(at, at + PART_BYTES)),
      },
    });
  }
  const head: SnapshotHead = {
    [MARK]: "head",
    v: VERSION,
    cursor: input.cursor,
    eventCount: input.eventCount,
    lastHlc: input.lastHlc,
    parts: parts.map((p) => p.id),
    bytes: packed.length,
  };
  return { head: { id: headId, value: head }, parts };
}

/** The packed body from a head and its parts (by entry id), or null if any is missing or off. */
export function joinParts(
  headId: string,
  head: SnapshotHead,
  parts: ReadonlyMap<string, SnapshotPart>,
): Uint8Array | null {
  const out = new Uint8Array(head.bytes);
  let at = 0;
  for (const [index, id] of head.parts.entries()) {
    const part = parts.get(id);
    if (!part || part.head !== headId || part.index !== index) return null;
    const bytes = fromBase64(part.data);
    if (!bytes || at + bytes.length > out.length) return null;
    out.set(bytes, at);
    at += bytes.length;
  }
  return at === out.length ? out : null;
}
