/**
 * The recovery auth key: an Ed25519 key pair derived from the recovery key,
 * so that during recovery the server can check that someone holds the
 * recovery key without ever seeing it. The server gets the public half at
 * registration; recovery signs the server's random challenge with the secret
 * half. Derived with `crypto_kdf` under its own context (`trellisr`), so it
 * is unrelated to the wrapping key the same recovery key makes.
 */
import { wipe } from "./bytes.ts";
import { ed25519FromSeed, kdfDerive } from "./identity.ts";
import type { Ed25519PublicKey, RecoveryKey, SigningKeyPair } from "./keys.ts";
import { lib } from "./sodium.ts";

/** Exactly 8 bytes, as `crypto_kdf` requires. Permanent: changing it locks everyone out of recovery. */
export const RECOVERY_AUTH_CONTEXT = "trellisr";
const RECOVERY_AUTH_SUBKEY_ID = 1;

/** Internal: the whole key pair (tests only; callers use the two functions below). */
export function recoveryAuthKeyPair(recoveryKey: RecoveryKey): SigningKeyPair {
  const seed = kdfDerive(recoveryKey, RECOVERY_AUTH_SUBKEY_ID, RECOVERY_AUTH_CONTEXT, 32);
  try {
    return ed25519FromSeed(seed);
  } finally {
    wipe(seed);
  }
}

/** The public recovery auth key, given to the server once, at registration. */
export function recoveryAuthKey(recoveryKey: RecoveryKey): Ed25519PublicKey {
  const pair = recoveryAuthKeyPair(recoveryKey);
  wipe(pair.secretKey);
  return pair.publicKey;
}

/**
 * Signs the server's recovery challenge (its raw bytes) with the recovery auth
 * key: a detached Ed25519 signature, 64 bytes.
 */
export function signRecoveryChallenge(recoveryKey: RecoveryKey, challenge: Uint8Array): Uint8Array {
  const pair = recoveryAuthKeyPair(recoveryKey);
  try {
    return lib().crypto_sign_detached(challenge, pair.secretKey);
  } finally {
    wipe(pair.secretKey);
  }
}
