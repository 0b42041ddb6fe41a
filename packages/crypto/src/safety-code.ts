/**
 * The safety code two people compare (side by side, or read aloud) to be sure
 * the server handed each of them the other's real keys: 30 digits in 6 groups
 * of 5, the same on both phones, different if any key changes. Digits, not
 * words, so it reads the same in every language.
 *
 * Each person's fingerprint is signing key ‖ box key (64 bytes), so swapping
 * either key changes the code. The two fingerprints are sorted, which makes
 * the code order-independent.
 *
 * Why stretched: 30 digits is about 100 bits. A server that wants to sit in
 * the middle picks both fake keys, so it needs any two fake keys whose codes
 * collide, not a match for one given code: about 2^50 tries with a plain
 * hash, which is within reach of a determined attacker. Each try here costs
 * one Argon2id evaluation (libsodium's interactive limits: 64 MiB, about a
 * quarter of a second), which puts 2^50 tries far out of reach, while a
 * person opening the comparison screen waits a moment once.
 */
import { ascii, concatBytes, type Text, wipe } from "./bytes.ts";
import type { PublicIdentity } from "./identity.ts";
import { lib } from "./sodium.ts";

/** Six groups of five digits separated by spaces, e.g. `05738 91266 ...`. */
export type SafetyCode = Text<"SafetyCode">;

const LABEL = ascii("trellis|safety-code|v1|");
/** Argon2id needs a 16-byte salt; the inputs are public keys, so a fixed one does. */
const SALT = ascii("trellis|safety|1");
const GROUPS = 6;
const BYTES_PER_GROUP = 5;

/** The code for the pair `a` and `b`; `safetyCode(a, b) === safetyCode(b, a)`. */
export function safetyCode(a: PublicIdentity, b: PublicIdentity): SafetyCode {
  const sodium = lib();
  const first = fingerprint(a);
  const second = fingerprint(b);
  const [low, high] = compareBytes(first, second) <= 0 ? [first, second] : [second, first];
  const digest = sodium.crypto_pwhash(
    GROUPS * BYTES_PER_GROUP,
    concatBytes(LABEL, low, high),
    SALT,
    sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
    sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    // Five bytes as a 40-bit number, reduced to five digits (bias below 2^-23).
    let value = 0;
    for (let i = 0; i < BYTES_PER_GROUP; i++)
      value = value * 256 + digest[g * BYTES_PER_GROUP + i]!;
    groups.push(String(value % 100_000).padStart(5, "0"));
  }
  wipe(digest);
  return groups.join(" ") as SafetyCode;
}

function fingerprint(identity: PublicIdentity): Uint8Array {
  return concatBytes(identity.signingKey, identity.boxKey);
}

/** Lexicographic order of equal-length public bytes. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}
