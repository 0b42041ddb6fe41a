/**
 * A page of pulled events in binary, for devices that ask for it with
 * `Accept: application/vnd.trellis.events.v1`. The same page as JSON
 * (`pullResponse`) carries each sealed body as base64 inside a JSON string:
 * a third more bytes, and a new device opening a long journey spends more
 * time decoding text than opening events. Here a body is its bytes.
 *
 *   offset  size  field
 *   0       1     format, 0x01
 *   1       1     flags: bit 0 set when more events follow
 *   2       8     next: the cursor to pull after, uint64 big-endian
 *   10      4     count of events, uint32 big-endian
 *   14      ...   count events, each:
 *                   8   seq, uint64 big-endian
 *                   16  event id, the UUID's 16 bytes
 *                   8   receivedAt, milliseconds since 1970, uint64 big-endian
 *                   4   length n of the body, uint32 big-endian
 *                   n   the sealed body, untouched
 *
 * Sequence numbers and times stay below 2^53 (JavaScript's safe integers);
 * a page that claims otherwise is refused. Nothing here is secret: it is the
 * same information as the JSON page.
 */

export const EVENT_PAGE_CONTENT_TYPE = "application/vnd.trellis.events.v1";
export const EVENT_PAGE_FORMAT = 1;
/** Bodies are sealed events; the JSON contract allows 300,000 bytes of them (400,000 base64 characters). */
export const MAX_EVENT_BODY_BYTES = 300_000;

const PAGE_HEADER = 14;
const EVENT_HEADER = 8 + 16 + 8 + 4;

export interface PageEvent {
  readonly seq: number;
  /** Lowercase UUID text. */
  readonly id: string;
  readonly body: Uint8Array;
  /** Milliseconds since 1970, when the server stored it. */
  readonly receivedAt: number;
}

export interface EventPage {
  readonly events: readonly PageEvent[];
  readonly next: number;
  readonly more: boolean;
}

/** Why bytes are not a page; `at` is the byte offset where reading stopped. */
export interface EventPageProblem {
  readonly problem: string;
  readonly at: number;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function writeUint64(view: DataView, offset: number, value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a whole number from 0 to 2^53-1`);
  }
  view.setUint32(offset, Math.floor(value / 2 ** 32));
  view.setUint32(offset + 4, value >>> 0);
}

function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset) * 2 ** 32 + view.getUint32(offset + 4);
}

function writeUuid(out: Uint8Array, offset: number, id: string): void {
  if (!UUID.test(id)) throw new RangeError("an event id must be a lowercase UUID");
  const hex = id.replaceAll("-", "");
  for (let i = 0; i < 16; i++) out[offset + i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
}

function readUuid(bytes: Uint8Array, o: number): string {
  const h = (i: number) => HEX[bytes[o + i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

/** The page as bytes. Throws `RangeError` on values the format cannot carry (a server bug). */
export function encodeEventPage(page: EventPage): Uint8Array {
  let size = PAGE_HEADER;
  for (const e of page.events) size += EVENT_HEADER + e.body.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out[0] = EVENT_PAGE_FORMAT;
  out[1] = page.more ? 1 : 0;
  writeUint64(view, 2, page.next, "next");
  view.setUint32(10, page.events.length);
  let o = PAGE_HEADER;
  for (const e of page.events) {
    if (e.body.length > MAX_EVENT_BODY_BYTES) throw new RangeError("an event body is too large");
    writeUint64(view, o, e.seq, "seq");
    writeUuid(out, o + 8, e.id);
    writeUint64(view, o + 24, e.receivedAt, "receivedAt");
    view.setUint32(o + 32, e.body.length);
    out.set(e.body, o + EVENT_HEADER);
    o += EVENT_HEADER + e.body.length;
  }
  return out;
}

/**
 * Reads a page from the server (untrusted bytes). Bodies are views into
 * `bytes`, not copies. Any truncation, trailing byte or impossible value is a
 * problem with where it was found, never a throw.
 */
export function decodeEventPage(
  bytes: Uint8Array,
): { ok: true; value: EventPage } | { ok: false; error: EventPageProblem } {
  const fail = (problem: string, at: number) => ({ ok: false as const, error: { problem, at } });
  if (bytes.length < PAGE_HEADER) return fail("the page is shorter than its header", 0);
  if (bytes[0] !== EVENT_PAGE_FORMAT) return fail(`unknown page format ${bytes[0]}`, 0);
  if ((bytes[1]! & ~1) !== 0) return fail("unknown flags", 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const next = readUint64(view, 2);
  if (!Number.isSafeInteger(next)) return fail("next is beyond 2^53", 2);
  const count = view.getUint32(10);
  // Each event needs at least its header: a count that cannot fit is refused before allocating.
  if (count > (bytes.length - PAGE_HEADER) / EVENT_HEADER) {
    return fail("the page claims more events than it holds", 10);
  }
  const events: PageEvent[] = new Array(count);
  let o = PAGE_HEADER;
  for (let i = 0; i < count; i++) {
    if (o + EVENT_HEADER > bytes.length) return fail(`event ${i} is cut short`, o);
    const seq = readUint64(view, o);
    if (!Number.isSafeInteger(seq)) return fail(`event ${i}: seq is beyond 2^53`, o);
    const receivedAt = readUint64(view, o + 24);
    if (!Number.isSafeInteger(receivedAt)) return fail(`event ${i}: receivedAt is beyond 2^53`, o);
    const length = view.getUint32(o + 32);
    if (length === 0 || length > MAX_EVENT_BODY_BYTES) {
      return fail(`event ${i}: a body of ${length} bytes`, o + 32);
    }
    const start = o + EVENT_HEADER;
    if (start + length > bytes.length) return fail(`event ${i} is cut short`, start);
    events[i] = {
      seq,
      id: readUuid(bytes, o + 8),
      receivedAt,
      body: bytes.subarray(start, start + length),
    };
    o = start + length;
  }
  if (o !== bytes.length) return fail("bytes follow the last event", o);
  return { ok: true, value: { events, next, more: bytes[1] === 1 } };
}
