import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { secretsEqual } from "./bytes.ts";
import type { RecoveryKey } from "./keys.ts";
import {
  formatRecoveryKey,
  generateRecoveryKey,
  parseRecoveryKey,
  RECOVERY_KEY_CHARACTERS,
} from "./recovery-key.ts";
import { ready } from "./sodium.ts";

await ready();

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const keyBytes = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => b as RecoveryKey);

/** The 56 characters without separators. */
function compact(text: string): string {
  return text.replaceAll("-", "");
}

function regroup(chars: string): string {
  return chars.match(/.{4}/g)!.join("-");
}

describe("recovery key text", () => {
  it("is 14 groups of 4 Crockford base32 characters", () => {
    const { text } = generateRecoveryKey();
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){13}$/);
    expect(compact(text)).toHaveLength(RECOVERY_KEY_CHARACTERS);
  });

  it("round-trips every key through its text", () => {
    fc.assert(
      fc.property(keyBytes, (key) => {
        const parsed = parseRecoveryKey(formatRecoveryKey(key));
        expect(parsed.ok && secretsEqual(parsed.value, key)).toBe(true);
      }),
    );
  });

  it("round-trips the generated key with its text", () => {
    const { key, text } = generateRecoveryKey();
    const parsed = parseRecoveryKey(text);
    expect(parsed.ok && secretsEqual(parsed.value, key)).toBe(true);
  });

  it("reads lower case, spaces, no separators, other dashes and Crockford look-alikes", () => {
    fc.assert(
      fc.property(keyBytes, (key) => {
        const text = formatRecoveryKey(key);
        const variants = [
          text.toLowerCase(),
          text.replaceAll("-", " "),
          compact(text),
          `  ${text.replaceAll("-", " \u2013 ")}\n`,
          text.replaceAll("1", "l").replaceAll("0", "O"),
          text.replaceAll("1", "I").replaceAll("0", "o"),
        ];
        for (const variant of variants) {
          const parsed = parseRecoveryKey(variant);
          expect(parsed.ok && secretsEqual(parsed.value, key)).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("catches a single mistyped character (property)", () => {
    fc.assert(
      fc.property(
        keyBytes,
        fc.integer({ min: 0, max: RECOVERY_KEY_CHARACTERS - 1 }),
        fc.integer({ min: 1, max: 31 }),
        (key, position, shift) => {
          const chars = compact(formatRecoveryKey(key));
          const wrong = ALPHABET[(ALPHABET.indexOf(chars[position]!) + shift) % 32]!;
          const typo = chars.slice(0, position) + wrong + chars.slice(position + 1);
          const parsed = parseRecoveryKey(regroup(typo));
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.error.reason).toBe("recovery-key-typo");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("catches every single mistyped character in every position (exhaustive, several keys)", () => {
    const keys = fc.sample(keyBytes, { numRuns: 8, seed: 42 });
    for (const key of keys) {
      const chars = compact(formatRecoveryKey(key));
      for (let position = 0; position < chars.length; position++) {
        for (const wrong of ALPHABET) {
          if (wrong === chars[position]) continue;
          const typo = chars.slice(0, position) + wrong + chars.slice(position + 1);
          expect(parseRecoveryKey(typo).ok).toBe(false);
        }
      }
    }
  });

  it("catches every swap of two neighbouring characters", () => {
    fc.assert(
      fc.property(keyBytes, (key) => {
        const chars = compact(formatRecoveryKey(key));
        for (let i = 0; i + 1 < chars.length; i++) {
          if (chars[i] === chars[i + 1]) continue;
          const swapped = chars.slice(0, i) + chars[i + 1] + chars[i] + chars.slice(i + 2);
          expect(parseRecoveryKey(swapped).ok).toBe(false);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("says how long a recovery key should be when a group is missing", () => {
    const text = generateRecoveryKey().text;
    const parsed = parseRecoveryKey(text.slice(0, -5));
    expect(parsed).toEqual({
      ok: false,
      error: {
        reason: "recovery-key-length",
        field: "recoveryKey",
        params: { length: 52, expected: 56 },
      },
    });
  });

  it("names the group with a character recovery keys never use, without echoing the key", () => {
    const chars = compact(generateRecoveryKey().text);
    const withU = `${chars.slice(0, 9)}U${chars.slice(10)}`;
    const parsed = parseRecoveryKey(regroup(withU));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.reason).toBe("recovery-key-character");
    expect(parsed.error).toEqual({
      reason: "recovery-key-character",
      field: "recoveryKey",
      params: { group: 3 },
    });
    const said = JSON.stringify(parsed.error);
    for (const group of regroup(chars).split("-")) {
      expect(said).not.toContain(group);
    }
  });

  it("refuses a text whose unused padding bits are set, as a typo", () => {
    const chars = compact(formatRecoveryKey(new Uint8Array(32) as RecoveryKey));
    // Character 52 carries 1 key bit and 4 zero bits; "1" sets a padding bit.
    const padded = `${chars.slice(0, 51)}1${chars.slice(52)}`;
    const parsed = parseRecoveryKey(padded);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.reason).toBe("recovery-key-typo");
  });
});
