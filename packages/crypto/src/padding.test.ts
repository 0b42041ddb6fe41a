import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketFor, isBucket, padToBucket, unpadBucket } from "./padding.ts";
import { ready } from "./sodium.ts";

await ready();

describe("size buckets", () => {
  it("puts everything under 256 bytes in the 256 bucket", () => {
    expect(bucketFor(0)).toBe(256);
    expect(bucketFor(255)).toBe(256);
  });

  it("moves to the next power of two when the pad marker no longer fits", () => {
    expect(bucketFor(256)).toBe(512);
    expect(bucketFor(511)).toBe(512);
    expect(bucketFor(512)).toBe(1024);
    expect(bucketFor(65_535)).toBe(65_536);
    expect(bucketFor(65_536)).toBe(131_072);
  });

  it("leaks one of 9 sizes for anything under 64 KiB (10 with 64 KiB itself)", () => {
    const sizes = new Set<number>();
    for (let n = 0; n < 65_536; n++) sizes.add(bucketFor(n));
    expect([...sizes]).toEqual([256, 512, 1024, 2048, 4096, 8192, 16_384, 32_768, 65_536]);
    sizes.add(bucketFor(65_536));
    expect(sizes.size).toBe(10);
  });

  it("refuses lengths it cannot pad", () => {
    expect(() => bucketFor(-1)).toThrow(RangeError);
    expect(() => bucketFor(2 ** 30)).toThrow(RangeError);
    expect(() => bucketFor(0.5)).toThrow(RangeError);
  });

  it("pads to exactly the bucket and unpads back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5_000 }), (plaintext) => {
        const padded = padToBucket(plaintext);
        expect(padded.length).toBe(bucketFor(plaintext.length));
        expect(isBucket(padded.length)).toBe(true);
        expect(unpadBucket(padded)).toEqual(plaintext);
      }),
    );
  });

  it("refuses padding without its marker, and lengths that are not buckets", () => {
    expect(unpadBucket(new Uint8Array(256))).toBeNull();
    expect(unpadBucket(new Uint8Array(300).fill(0x80))).toBeNull();
    expect(unpadBucket(new Uint8Array(128).fill(0x80))).toBeNull();
  });
});
