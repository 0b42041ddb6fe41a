import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64Strict } from "./http/validation.ts";
import { sizeBucket } from "./vault/store.ts";

describe("decodeBase64Strict", () => {
  it("accepts exactly canonical padded base64", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), (bytes) => {
        const text = Buffer.from(bytes).toString("base64");
        expect(decodeBase64Strict(text)?.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it.each([
    ["missing padding", "aGk"],
    ["non-zero padding bits", "aGl="],
    ["whitespace", "aGVs bG8="],
    ["newline", "aGVsbG8=\n"],
    ["base64url", "-_8="],
    ["stray character", "aGVsbG8*"],
    ["padding in the middle", "aG==aGk="],
  ])("rejects %s", (_name, text) => {
    expect(decodeBase64Strict(text)).toBeUndefined();
  });
});

describe("sizeBucket", () => {
  it("rounds up to a power of two, at least 256", () => {
    expect([1, 255, 256, 257, 512, 513, 262144].map(sizeBucket)).toEqual([
      256, 256, 256, 512, 512, 1024, 262144,
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 20 }), (n) => {
        const b = sizeBucket(n);
        expect(b).toBeGreaterThanOrEqual(Math.max(n, 256));
        expect(Number.isInteger(Math.log2(b))).toBe(true);
        expect(b === 256 || b / 2 < n).toBe(true);
      }),
    );
  });
});
