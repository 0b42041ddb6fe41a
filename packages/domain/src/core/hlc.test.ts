import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareHlc,
  createHlc,
  formatHlc,
  type Hlc,
  parseHlc,
  receiveHlc,
  tickHlc,
} from "./hlc.ts";

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { detail: string } }): T => {
  if (!r.ok) throw new Error(r.error.detail);
  return r.value;
};

const hlcArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 2 ** 47 }),
  counter: fc.integer({ min: 0, max: 2 ** 31 }),
  node: fc.stringMatching(/^[0-9a-z]{8,16}$/),
});

describe("hybrid logical clock", () => {
  it("refuses a device id that would break sorting", () => {
    expect(() => createHlc("Phone One")).toThrow(/device id/);
  });

  it("ticks forward with the physical clock and resets the counter", () => {
    const a = unwrap(tickHlc(createHlc("phone0001"), 1_000));
    expect(a).toEqual({ wallMs: 1_000, counter: 0, node: "phone0001" });
    const b = unwrap(tickHlc(a, 2_000));
    expect(b).toEqual({ wallMs: 2_000, counter: 0, node: "phone0001" });
  });

  it("keeps moving forward when the physical clock stalls or goes back", () => {
    let h = unwrap(tickHlc(createHlc("phone0001"), 5_000));
    const stamps = [h];
    for (const now of [5_000, 4_000, 1_000, 5_000]) {
      h = unwrap(tickHlc(h, now));
      stamps.push(h);
    }
    expect(stamps.map((s) => s.counter)).toEqual([0, 1, 2, 3, 4]);
    for (let i = 1; i < stamps.length; i++) expect(compareHlc(stamps[i - 1]!, stamps[i]!)).toBe(-1);
  });

  it("after receiving a stamp, the next local stamp sorts after it", () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, fc.integer({ min: 0, max: 2 ** 47 }), (local, remote, now) => {
        const merged = receiveHlc(local, remote, now, Number.POSITIVE_INFINITY);
        if (!merged.ok) return; // counter overflow at the edge of the range
        const after = (x: Hlc, y: Hlc) =>
          x.wallMs > y.wallMs || (x.wallMs === y.wallMs && x.counter > y.counter);
        expect(after(merged.value, remote)).toBe(true);
        expect(after(merged.value, local)).toBe(true);
        expect(merged.value.wallMs >= now).toBe(true);
      }),
    );
  });

  it("refuses a remote stamp far ahead of the local clock", () => {
    const local = createHlc("phone0001");
    const remote: Hlc = { wallMs: 10 * 86_400_000, counter: 0, node: "laptop01" };
    const r = receiveHlc(local, remote, 0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.reason).toBe("clock-drift");
  });

  it("string form sorts exactly like compareHlc", () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const byString = formatHlc(a) < formatHlc(b) ? -1 : formatHlc(a) > formatHlc(b) ? 1 : 0;
        expect(Math.sign(compareHlc(a, b))).toBe(byString);
      }),
    );
  });

  it("string form round-trips", () => {
    fc.assert(
      fc.property(hlcArb, (h) => {
        expect(unwrap(parseHlc(formatHlc(h)))).toEqual(h);
      }),
    );
  });

  it("names what is wrong with a malformed stamp", () => {
    const r = parseHlc("yesterday-ish");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.detail).toMatch(/12 hex digits/);
  });
});
