import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuidV7, uuidV7FromParts } from "./ids.ts";

describe("UUIDv7", () => {
  it("builds valid version-7 ids that sort by time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 47 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        (ms, gap, r1, r2) => {
          const a = uuidV7FromParts(ms, r1);
          const b = uuidV7FromParts(ms + gap, r2);
          expect(isUuidV7(a)).toBe(true);
          expect(isUuidV7(b)).toBe(true);
          expect(a < b).toBe(true);
        },
      ),
    );
  });

  it("encodes the timestamp in the first 48 bits (RFC 9562 example time)", () => {
    // RFC 9562 appendix A.6 uses 0x017F22E279B0 (2022-02-22T19:22:22Z).
    const id = uuidV7FromParts(0x017f22e279b0, new Uint8Array(10));
    expect(id.startsWith("017f22e2-79b0-7")).toBe(true);
  });

  it("rejects v4 ids and upper case", () => {
    expect(isUuidV7("0190c4d2-1c3e-4abc-8def-0123456789ab")).toBe(false);
    expect(isUuidV7("0190C4D2-1C3E-7ABC-8DEF-0123456789AB")).toBe(false);
  });
});
