import { describe, expect, it } from "vitest";
import { ed25519FromSeed, kdfDerive } from "./identity.ts";
import type { RecoveryKey } from "./keys.ts";
import { recoveryAuthKey, recoveryAuthKeyPair, signRecoveryChallenge } from "./recovery-auth.ts";
import { wrappingKeyFor } from "./root-key.ts";
import { lib, ready } from "./sodium.ts";
import { counting, hex, text } from "./testing.ts";

await ready();

/** The platform's WebCrypto (Node and browsers), typed by hand: this package compiles without DOM or Node types. */
const subtle = (
  globalThis as unknown as {
    crypto: {
      subtle: {
        importKey(
          format: "raw",
          key: Uint8Array,
          algorithm: { name: "Ed25519" },
          extractable: boolean,
          usages: ["verify"],
        ): Promise<unknown>;
        verify(
          algorithm: "Ed25519",
          key: unknown,
          signature: Uint8Array,
          data: Uint8Array,
        ): Promise<boolean>;
      };
    };
  }
).crypto.subtle;

const recoveryKey = () => counting(0x20, 32) as RecoveryKey;
const challenge = () => text("trellis recovery challenge");

describe("recovery auth key (pins current behaviour)", () => {
  it("derives the pinned Ed25519 public key from recovery key 20..3f", () => {
    expect(hex(recoveryAuthKey(recoveryKey()))).toBe(
      "e11c26f8c6c56bf5d1ce3dc08eafe79b932670b65bf91a86f1ceac6a4937648d",
    );
  });

  it("is crypto_kdf subkey 1 under context 'trellisr', used as an RFC 8032 seed", () => {
    const seed = kdfDerive(recoveryKey(), 1, "trellisr", 32);
    expect(hex(ed25519FromSeed(seed).publicKey)).toBe(hex(recoveryAuthKey(recoveryKey())));
  });

  it("signs a challenge to the pinned signature, which libsodium verifies", () => {
    const signature = signRecoveryChallenge(recoveryKey(), challenge());
    expect(hex(signature)).toBe(
      "e289c0ab331425de23c317dc5a00ccdd247350afe77f0f98a9cf780e6fb95d30" +
        "90b44d4ce02323cbbbb34d3aba4341e21a3dc90d6bfa03c0d89f5b66995cad07",
    );
    const publicKey = recoveryAuthKey(recoveryKey());
    expect(lib().crypto_sign_verify_detached(signature, challenge(), publicKey)).toBe(true);
    expect(lib().crypto_sign_verify_detached(signature, text("another challenge"), publicKey)).toBe(
      false,
    );
  });

  it("makes a signature a server can check with the platform's own Ed25519 (WebCrypto)", async () => {
    const publicKey = await subtle.importKey(
      "raw",
      recoveryAuthKey(recoveryKey()),
      { name: "Ed25519" },
      false,
      ["verify"],
    );
    const signature = signRecoveryChallenge(recoveryKey(), challenge());
    expect(await subtle.verify("Ed25519", publicKey, signature, challenge())).toBe(true);
  });

  it("is unrelated to the recovery wrapping key and to other recovery keys", () => {
    const pair = recoveryAuthKeyPair(recoveryKey());
    const wrapping = wrappingKeyFor({ purpose: "recovery-key", key: recoveryKey() });
    expect(hex(pair.secretKey.subarray(0, 32))).not.toBe(hex(wrapping));
    expect(hex(recoveryAuthKey(counting(0x21, 32) as RecoveryKey))).not.toBe(hex(pair.publicKey));
  });
});
