/**
 * The recovery key: 32 random bytes, shown once as 56 Crockford base32
 * characters in 14 groups of 4, e.g. `7QK2-M9XD-...`.
 *
 * Characters 1-52 carry the 256 key bits (the last one carries 1 bit and 4
 * zero bits). Characters 53-56 are a checksum:
 * - 53: XOR of the 52 symbols: catches every single wrong character.
 * - 54: sum of symbol_i * a^i in GF(32) (a = x, modulus x^5 + x^2 + 1): with
 *   53 it also catches every swap of two neighbouring characters.
 * - 55-56: 10 bits of keyed BLAKE2b of the key: other slips get through about
 *   once in a million (2^-20 with 53-54).
 * Reading is forgiving where it is safe: any case, spaces and dashes
 * anywhere, and Crockford's look-alikes (I and L read as 1, O as 0).
 */
import { err, ok, type Result } from "@trellis/domain";
import { ascii, type Bytes, secretsEqual, type Text, wipe } from "./bytes.ts";
import { KEY_BYTES, type RecoveryKey, randomKey } from "./keys.ts";
import { type CryptoProblem as Problem, problem } from "./refusals.ts";
import { lib } from "./sodium.ts";

/** The printable form of a recovery key: 14 groups of 4 characters joined by `-`. */
export type RecoveryKeyText = Text<"RecoveryKeyText">;

export interface NewRecoveryKey {
  readonly key: RecoveryKey;
  /** Show once, ask the person to write it down, then forget it. */
  readonly text: RecoveryKeyText;
}

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const DATA_SYMBOLS = 52; // ceil(256 / 5)
const CHECK_SYMBOLS = 4;
export const RECOVERY_KEY_CHARACTERS = DATA_SYMBOLS + CHECK_SYMBOLS;
const GROUP = 4;
const FIELD = "recoveryKey";

const VALUE_OF: ReadonlyMap<string, number> = new Map([
  ...Array.from(ALPHABET, (char, value) => [char, value] as const),
  ["I", 1],
  ["L", 1],
  ["O", 0],
]);

/** A fresh recovery key and its printable text. */
export function generateRecoveryKey(): NewRecoveryKey {
  const key = randomKey<RecoveryKey>(KEY_BYTES.RecoveryKey);
  return { key, text: formatRecoveryKey(key) };
}

/** Internal: the printable text of a recovery key (the app shows it only once, at creation). */
export function formatRecoveryKey(key: RecoveryKey): RecoveryKeyText {
  const symbols = new Uint8Array(RECOVERY_KEY_CHARACTERS);
  symbols.set(toSymbols(key));
  symbols.set(checksum(key, symbols.subarray(0, DATA_SYMBOLS)), DATA_SYMBOLS);
  const groups: string[] = [];
  for (let i = 0; i < symbols.length; i += GROUP) {
    groups.push(Array.from(symbols.subarray(i, i + GROUP), (s) => ALPHABET[s]).join(""));
  }
  wipe(symbols);
  return groups.join("-") as RecoveryKeyText;
}

/** Reads a recovery key typed or pasted by a person; a typo is refused, never guessed at. */
export function parseRecoveryKey(text: string): Result<RecoveryKey, Problem> {
  const compact = text.replace(/[\s\-\u2010-\u2015]/g, "").toUpperCase();
  if (compact.length !== RECOVERY_KEY_CHARACTERS) {
    return err(
      problem("recovery-key-length", FIELD, {
        length: compact.length,
        expected: RECOVERY_KEY_CHARACTERS,
      }),
    );
  }
  const symbols = new Uint8Array(RECOVERY_KEY_CHARACTERS);
  for (let i = 0; i < compact.length; i++) {
    const value = VALUE_OF.get(compact[i]!);
    if (value === undefined) {
      wipe(symbols);
      return err(problem("recovery-key-character", FIELD, { group: Math.floor(i / GROUP) + 1 }));
    }
    symbols[i] = value;
  }
  const data = symbols.subarray(0, DATA_SYMBOLS);
  const key = fromSymbols(data);
  const expected = key ? checksum(key, data) : null;
  const matches = expected !== null && secretsEqual(expected, symbols.subarray(DATA_SYMBOLS));
  wipe(symbols);
  if (expected) wipe(expected);
  if (!matches || key === null) {
    if (key) wipe(key);
    return err(problem("recovery-key-typo", FIELD));
  }
  return ok(key);
}

/** 256 bits, most significant first, into 52 five-bit symbols; the last 4 bits are zero. */
function toSymbols(bytes: Uint8Array): Uint8Array {
  const symbols = new Uint8Array(DATA_SYMBOLS);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      symbols[index++] = (buffer >> (bits - 5)) & 31;
      bits -= 5;
    }
  }
  if (bits > 0) symbols[index] = (buffer << (5 - bits)) & 31;
  return symbols;
}

/** The 32 key bytes, or `null` if the padding bits are not zero (not a canonical key). */
function fromSymbols(symbols: Uint8Array): RecoveryKey | null {
  const bytes = new Uint8Array(KEY_BYTES.RecoveryKey);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const symbol of symbols) {
    buffer = ((buffer << 5) | symbol) & 0xffff;
    bits += 5;
    if (bits >= 8 && index < bytes.length) {
      bytes[index++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  const leftover = buffer & ((1 << bits) - 1);
  if (index !== bytes.length || leftover !== 0) {
    wipe(bytes);
    return null;
  }
  return bytes as RecoveryKey;
}

function checksum(key: Uint8Array, data: Uint8Array): Bytes<"Checksum"> {
  let parity = 0;
  let weighted = 0;
  let power = 1;
  for (const symbol of data) {
    parity ^= symbol;
    weighted ^= gf32Multiply(power, symbol);
    power = gf32Multiply(power, 2);
  }
  const digest = lib().crypto_generichash(32, key, ascii("trellis|recovery-check|v1"));
  const check = Uint8Array.of(parity, weighted, digest[0]! >> 3, digest[1]! >> 3);
  wipe(digest);
  return check as Bytes<"Checksum">;
}

/** Multiplication in GF(2^5) modulo x^5 + x^2 + 1. */
function gf32Multiply(a: number, b: number): number {
  let product = 0;
  let x = a;
  let y = b;
  while (y > 0) {
    if (y & 1) product ^= x;
    y >>= 1;
    x <<= 1;
    if (x & 32) x ^= 0b100101;
  }
  return product;
}
