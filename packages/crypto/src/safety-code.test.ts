import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveIdentity, type PublicIdentity, publicIdentity } from "./identity.ts";
import type { Ed25519PublicKey, X25519PublicKey } from "./keys.ts";
import { generateRootKey } from "./root-key.ts";
import { safetyCode } from "./safety-code.ts";
import { ready } from "./sodium.ts";

await ready();

const someone = (): PublicIdentity => publicIdentity(deriveIdentity(generateRootKey()));
const alice = someone();
const bob = someone();

describe("safetyCode", () => {
  it("is six groups of five digits", () => {
    expect(safetyCode(alice, bob)).toMatch(/^\d{5}( \d{5}){5}$/);
  });

  it("is the same on both phones, whichever order the keys come in", () => {
    expect(safetyCode(bob, alice)).toBe(safetyCode(alice, bob));
  });

  it("changes when either person's signing key or box key is swapped (a server in the middle)", () => {
    const original = safetyCode(alice, bob);
    const mallory = someone();
    const swaps: PublicIdentity[] = [
      { ...bob, signingKey: mallory.signingKey },
      { ...bob, boxKey: mallory.boxKey },
      mallory,
    ];
    for (const fake of swaps) {
      expect(safetyCode(alice, fake)).not.toBe(original);
      expect(safetyCode(fake, alice)).not.toBe(original);
    }
  });

  it("changes for any single-bit change in any of the four keys (property)", () => {
    const identities = (): PublicIdentity => someone();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 255 }),
        (which, bit) => {
          const a = identities();
          const b = identities();
          const original = safetyCode(a, b);
          const flip = (key: Uint8Array) => {
            const copy = Uint8Array.from(key);
            copy[bit >> 3]! ^= 1 << (bit & 7);
            return copy;
          };
          const changed: [PublicIdentity, PublicIdentity] =
            which === 0
              ? [{ ...a, signingKey: flip(a.signingKey) as Ed25519PublicKey }, b]
              : which === 1
                ? [{ ...a, boxKey: flip(a.boxKey) as X25519PublicKey }, b]
                : which === 2
                  ? [a, { ...b, signingKey: flip(b.signingKey) as Ed25519PublicKey }]
                  : [a, { ...b, boxKey: flip(b.boxKey) as X25519PublicKey }];
          expect(safetyCode(...changed)).not.toBe(original);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("does not mistake the pair (A, B) for (B, A) with keys crossed between them", () => {
    const crossed = [
      { signingKey: alice.signingKey, boxKey: bob.boxKey },
      { signingKey: bob.signingKey, boxKey: alice.boxKey },
    ] as const;
    expect(safetyCode(...crossed)).not.toBe(safetyCode(alice, bob));
  });
});
