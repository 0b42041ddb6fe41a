import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEventPage, type EventPage, encodeEventPage } from "./event-pages.ts";

const uuid = fc.uuid().map((u) => u.toLowerCase());
const page: fc.Arbitrary<EventPage> = fc.record({
  events: fc.array(
    fc.record({
      seq: fc.maxSafeNat(),
      id: uuid,
      receivedAt: fc.integer({ min: 0, max: 8.64e15 }),
      body: fc.uint8Array({ minLength: 1, maxLength: 600 }),
    }),
    { maxLength: 20 },
  ),
  next: fc.maxSafeNat(),
  more: fc.boolean(),
});

describe("event pages in binary", () => {
  it("give back exactly the page that was written", () => {
    fc.assert(
      fc.property(page, (p) => {
        const decoded = decodeEventPage(encodeEventPage(p));
        expect(decoded).toEqual({ ok: true, value: p });
      }),
    );
  });

  it("refuse every truncated page, saying where, and never throw", () => {
    fc.assert(
      fc.property(page, fc.nat(), (p, cut) => {
        const bytes = encodeEventPage(p);
        const short = bytes.subarray(0, cut % bytes.length);
        const decoded = decodeEventPage(short);
        expect(decoded.ok).toBe(false);
        if (!decoded.ok) expect(decoded.error.at).toBeLessThanOrEqual(short.length);
      }),
    );
  });

  it("refuse a page with bytes after its last event", () => {
    const bytes = encodeEventPage({ events: [], next: 3, more: false });
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(decodeEventPage(longer)).toEqual({
      ok: false,
      error: { problem: "bytes follow the last event", at: bytes.length },
    });
  });

  it("read any bytes at all without throwing", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const decoded = decodeEventPage(bytes);
        if (decoded.ok) expect(encodeEventPage(decoded.value)).toEqual(bytes);
      }),
    );
  });

  it("refuse a count that the bytes cannot hold before allocating for it", () => {
    const bytes = encodeEventPage({ events: [], next: 0, more: false });
    new DataView(bytes.buffer).setUint32(10, 0xffffffff);
    expect(decodeEventPage(bytes)).toEqual({
      ok: false,
      error: { problem: "the page claims more events than it holds", at: 10 },
    });
  });

  it("refuse values beyond JavaScript's safe integers and unknown formats", () => {
    const bytes = encodeEventPage({ events: [], next: 0, more: false });
    bytes[2] = 0xff;
    expect(decodeEventPage(bytes)).toMatchObject({ ok: false, error: { at: 2 } });
    const other = encodeEventPage({ events: [], next: 0, more: true });
    other[0] = 2;
    expect(decodeEventPage(other)).toMatchObject({
      ok: false,
      error: { problem: "unknown page format 2" },
    });
  });

  it("refuse to write what it could not read back", () => {
    const body = new Uint8Array(10);
    expect(() =>
      encodeEventPage({
        events: [{ seq: -1, id: "x", body, receivedAt: 0 }],
        next: 0,
        more: false,
      }),
    ).toThrow(RangeError);
    expect(() =>
      encodeEventPage({
        events: [{ seq: 1, id: "0190ABCD-0000-7000-8000-000000000000", body, receivedAt: 0 }],
        next: 0,
        more: false,
      }),
    ).toThrow("lowercase UUID");
  });
});
