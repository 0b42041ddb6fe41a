/**
 * A person's long-term keys, all derived from the account root key with
 * `crypto_kdf_derive_from_key` (BLAKE2b, context `trellisk`), so a new device
 * that unwraps the root key has them too, with nothing else to sync.
 */
import type { Bytes } from "./bytes.ts";
import { wipe } from "./bytes.ts";
import type {
  BoxKeyPair,
  Ed25519PublicKey,
  Ed25519SecretKey,
  RootKey,
  SigningKeyPair,
  X25519PublicKey,
  X25519SecretKey,
} from "./keys.ts";
import { lib } from "./sodium.ts";

/** Exactly 8 bytes, as `crypto_kdf` requires. */
export const IDENTITY_KDF_CONTEXT = "trellisk";

/**
 * Subkey ids under the root key. Never reuse or renumber one: each id is a
 * different key forever. Add new purposes with new ids.
 */
export const SUBKEY_ID = {
  x25519Seed: 1,
  ed25519Seed: 2,
  /** Keys a per-device hash: each device's entry-signing key (`deriveDeviceKey`). */
  deviceKeys: 3,
} as const;

export interface Identity {
  /** Receives vault keys sealed with `crypto_box_seal`. */
  readonly box: BoxKeyPair;
  /** Signs grants and invites. */
  readonly signing: SigningKeyPair;
}

/** The public half of an identity: what other people see, and what the safety code covers. */
export interface PublicIdentity {
  readonly boxKey: X25519PublicKey;
  readonly signingKey: Ed25519PublicKey;
}

/** Same root key, same identity, on every device. */
export function deriveIdentity(root: RootKey): Identity {
  const boxSeed = kdfDerive(root, SUBKEY_ID.x25519Seed, IDENTITY_KDF_CONTEXT, 32);
  const signSeed = kdfDerive(root, SUBKEY_ID.ed25519Seed, IDENTITY_KDF_CONTEXT, 32);
  try {
    return { box: x25519FromSeed(boxSeed), signing: ed25519FromSeed(signSeed) };
  } finally {
    wipe(boxSeed, signSeed);
  }
}

export function publicIdentity(identity: Identity): PublicIdentity {
  return { boxKey: identity.box.publicKey, signingKey: identity.signing.publicKey };
}

/** Internal: `crypto_kdf_derive_from_key` (tests check it against libsodium's own vectors). */
export function kdfDerive(
  key: Uint8Array,
  subkeyId: number,
  context: string,
  length: number,
): Bytes<"Subkey"> {
  return lib().crypto_kdf_derive_from_key(length, subkeyId, context, key) as Bytes<"Subkey">;
}

/** Internal: `crypto_box_seed_keypair` (the secret key is SHA-512(seed)[0..32]). */
export function x25519FromSeed(seed: Uint8Array): BoxKeyPair {
  const { publicKey, privateKey } = lib().crypto_box_seed_keypair(seed);
  return { publicKey: publicKey as X25519PublicKey, secretKey: privateKey as X25519SecretKey };
}

/** Internal: `crypto_sign_seed_keypair` (RFC 8032 key generation from a 32-byte seed). */
export function ed25519FromSeed(seed: Uint8Array): SigningKeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_seed_keypair(seed);
  return { publicKey: publicKey as Ed25519PublicKey, secretKey: privateKey as Ed25519SecretKey };
}
