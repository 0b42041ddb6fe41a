import { z } from "zod";
import { refusal } from "./zod-problem.ts";

/**
 * Ids are UUIDv7: time-ordered, made on the device without asking anyone.
 * Domain code never makes one (that needs randomness); it only checks them.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(text: string): boolean {
  return UUID_V7.test(text);
}

export const uuidV7Schema = z.string().refine(isUuidV7, refusal("invalid-id"));

/**
 * Builds a UUIDv7 from a millisecond timestamp and 10 random bytes supplied by
 * the caller (RFC 9562 section 5.7). Pure, so it is testable; the client passes
 * real randomness in.
 */
export function uuidV7FromParts(unixMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new RangeError("uuidV7FromParts needs 10 random bytes");
  if (!Number.isInteger(unixMs) || unixMs < 0 || unixMs > 2 ** 48 - 1) {
    throw new RangeError("uuidV7FromParts needs a 48-bit millisecond timestamp");
  }
  const bytes = new Uint8Array(16);
  let ms = unixMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  let hex = "";
  for (const b of bytes) hex += HEX[b]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
