import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, toBase64Portable } from "./base64.ts";

describe("base64 for event bodies", () => {
  it("gives the same text on every path, and reads it back to the same bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.nat(16), (bytes, skip) => {
        // A view into a larger buffer, as bodies cut from a pulled page are.
        const outer = new Uint8Array(bytes.length + skip * 2);
        outer.set(bytes, skip);
        const view = outer.subarray(skip, skip + bytes.length);
        const text = toBase64(view);
        expect(text).toBe(toBase64Portable(bytes));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it("refuses text that is not padded base64", () => {
    expect(fromBase64("abc")).toBeNull();
    expect(fromBase64("ab$=")).toBeNull();
  });
});
