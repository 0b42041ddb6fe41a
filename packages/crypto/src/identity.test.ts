import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveIdentity, publicIdentity } from "./identity.ts";
import { Ed25519PublicKey, Ed25519SecretKey, type RootKey, X25519PublicKey } from "./keys.ts";
import { generateRootKey } from "./root-key.ts";
import { lib, ready } from "./sodium.ts";
import { hex, text } from "./testing.ts";

await ready();

const rootKeys = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => b as RootKey);

describe("deriveIdentity", () => {
  it("gives the same keys for the same root key, as on a second device", () => {
    fc.assert(
      fc.property(rootKeys, (root) => {
        const first = deriveIdentity(root);
        const second = deriveIdentity(Uint8Array.from(root) as RootKey);
        expect(hex(second.box.secretKey)).toBe(hex(first.box.secretKey));
        expect(hex(second.signing.secretKey)).toBe(hex(first.signing.secretKey));
      }),
      { numRuns: 30 },
    );
  });

  it("gives unrelated keys for different root keys, and unrelated box and signing seeds", () => {
    const a = deriveIdentity(generateRootKey());
    const b = deriveIdentity(generateRootKey());
    expect(hex(a.box.publicKey)).not.toBe(hex(b.box.publicKey));
    expect(hex(a.signing.publicKey)).not.toBe(hex(b.signing.publicKey));
    expect(hex(a.box.secretKey)).not.toBe(hex(a.signing.secretKey.subarray(0, 32)));
  });

  it("makes keys that pass this package's own checks", () => {
    const identity = deriveIdentity(generateRootKey());
    expect(X25519PublicKey.fromBytes(identity.box.publicKey).ok).toBe(true);
    expect(Ed25519PublicKey.fromBytes(identity.signing.publicKey).ok).toBe(true);
    expect(Ed25519SecretKey.fromBytes(identity.signing.secretKey).ok).toBe(true);
  });

  it("makes a box key pair that opens what is sealed to it, and a signing pair that verifies", () => {
    const sodium = lib();
    const identity = deriveIdentity(generateRootKey());
    const sealed = sodium.crypto_box_seal(text("hi"), identity.box.publicKey);
    expect(
      sodium.crypto_box_seal_open(sealed, identity.box.publicKey, identity.box.secretKey),
    ).toEqual(text("hi"));
    const signature = sodium.crypto_sign_detached(text("invite"), identity.signing.secretKey);
    expect(
      sodium.crypto_sign_verify_detached(signature, text("invite"), identity.signing.publicKey),
    ).toBe(true);
  });

  it("exposes only public keys in the public identity", () => {
    const identity = deriveIdentity(generateRootKey());
    const shown = publicIdentity(identity);
    expect(Object.keys(shown).sort()).toEqual(["boxKey", "signingKey"]);
    expect(shown.boxKey).toBe(identity.box.publicKey);
    expect(shown.signingKey).toBe(identity.signing.publicKey);
  });
});
