/** Test helpers only: never exported from `index.ts`. Hex appears in tests for fixed vectors, nowhere else. */
import { lib } from "./sodium.ts";

export function hex(bytes: Uint8Array): string {
  return lib().to_hex(bytes);
}

export function fromHex(text: string): Uint8Array {
  return lib().from_hex(text);
}

/** `length` bytes counting up from `start` (0x00, 0x01, ... wrapping at 0xff): the usual test-vector key. */
export function counting(start: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);
}

/** `length` bytes that look random but are fixed by `seed`, cheap even for 64 KiB. */
export function seededBytes(length: number, seed: Uint8Array): Uint8Array {
  return lib().randombytes_buf_deterministic(length, seed);
}

export function text(value: string): Uint8Array {
  return lib().from_string(value);
}

/** Fast equality for large byte arrays (deep `toEqual` walks them element by element). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && lib().compare(a, b) === 0;
}
