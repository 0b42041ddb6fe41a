/**
 * Recovery by recovery key: the account gave the server an Ed25519 public
 * key derived from its recovery key (the "recovery auth key"). Whoever asks
 * to recover signs a random challenge with it; the server checks the
 * signature. And, so that asking does not reveal whether a username exists,
 * unknown usernames get a fake recovery wrap that looks like a real one and
 * is the same every time for the same username.
 */
import { createHmac, createPublicKey, verify } from "node:crypto";
import { type ServerSecrets, serverHmac } from "./secrets.ts";

export const CHALLENGE_BYTES = 32;
const SIGNATURE_BYTES = 64;

/**
 * A real recovery wrap is 74 bytes: version 0x01, purpose 0x02 (recovery
 * key), a 24-byte nonce and 48 bytes of ciphertext and tag (see the root key
 * wrap in packages/crypto/README.md). The fake has the same header and
 * pseudo-random bytes where a real one has random-looking ones. If the wrap
 * format ever changes, change this with it, or fakes become recognisable.
 */
const FAKE_WRAP_HEADER = [0x01, 0x02] as const;
const FAKE_WRAP_BYTES = 74;

export function fakeRecoveryWrap(secrets: ServerSecrets, username: string): Buffer {
  const seed = serverHmac(secrets, "fake-recovery-wrap", username);
  const out = Buffer.alloc(FAKE_WRAP_BYTES);
  out.set(FAKE_WRAP_HEADER, 0);
  // HKDF-expand style: HMAC(seed, counter) blocks until the buffer is full.
  let offset = FAKE_WRAP_HEADER.length;
  for (let block = 1; offset < FAKE_WRAP_BYTES; block += 1) {
    const bytes = createHmac("sha256", seed).update(Uint8Array.of(block)).digest();
    out.set(bytes.subarray(0, FAKE_WRAP_BYTES - offset), offset);
    offset += bytes.length;
  }
  return out;
}

/** Whether `signature` is a valid Ed25519 signature of `message` by the 32-byte `publicKey`. */
export function verifyEd25519(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (publicKey.byteLength !== 32 || signature.byteLength !== SIGNATURE_BYTES) return false;
  try {
    const key = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKey).toString("base64url") },
      format: "jwk",
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
