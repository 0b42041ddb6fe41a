/**
 * Size buckets. Plaintext is padded (ISO/IEC 7816-4, libsodium `sodium_pad`)
 * to the next power of two that leaves room for the one-byte pad marker, and
 * never below 256 bytes, so the server learns only the bucket.
 *
 * What leaks: one of ceil(log2(n + 1)) - 7 sizes for plaintexts up to n bytes.
 * Everything under 256 bytes looks alike; anything under 64 KiB is one of 9
 * sizes (256, 512, ..., 65536). The price is up to 2x the bytes, against
 * Padme's 12% overhead but O(log log n) bits leaked: for small, very private
 * events we prefer fewer distinguishable sizes.
 */
import { lib } from "./sodium.ts";

export const MIN_BUCKET = 256;
/** Largest plaintext we pad: its bucket (2^30) still fits comfortably in memory and in a uint32. */
export const MAX_PLAINTEXT_BYTES = 2 ** 30 - 1;

/** The padded length for a plaintext of `length` bytes. */
export function bucketFor(length: number): number {
  if (!Number.isInteger(length) || length < 0 || length > MAX_PLAINTEXT_BYTES) {
    throw new RangeError(`plaintext length must be 0 to ${MAX_PLAINTEXT_BYTES} bytes`);
  }
  let bucket = MIN_BUCKET;
  while (bucket < length + 1) bucket *= 2;
  return bucket;
}

export function isBucket(length: number): boolean {
  return length >= MIN_BUCKET && length <= 2 ** 30 && (length & (length - 1)) === 0;
}

/** Pads to exactly `bucketFor(plaintext.length)` bytes: the block size is the bucket itself. */
export function padToBucket(plaintext: Uint8Array): Uint8Array {
  return lib().pad(plaintext, bucketFor(plaintext.length));
}

/** The original plaintext, or `null` if `padded` is not a bucket or its padding is bad. */
export function unpadBucket(padded: Uint8Array): Uint8Array | null {
  if (!isBucket(padded.length)) return null;
  // ISO/IEC 7816-4, as sodium_unpad: zeros back to one 0x80 marker. Done in
  // JavaScript because it runs once per event when a device opens a journey
  // (100,000 calls), and it only ever sees authenticated, decrypted bytes, so
  // the time it takes reveals nothing an attacker does not already know.
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0) i--;
  if (i < 0 || padded[i] !== 0x80) return null;
  return padded.subarray(0, i);
}
