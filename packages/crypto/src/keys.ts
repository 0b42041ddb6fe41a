/**
 * Every kind of key this package hands out, each a branded `Uint8Array`, and a
 * codec per kind (the value with the same name as the type) that checks
 * length and shape on the way in. Keys leave this package only as bytes or as
 * base64url from `encode`; there is no hex form.
 */
import { err, ok, type Result } from "@trellis/domain";
import {
  type Base64Url,
  type Bytes,
  concatBytes,
  fromBase64Url,
  isUint32,
  randomBytes,
  readUint32BE,
  toBase64Url,
  uint32BE,
} from "./bytes.ts";
import { type CryptoProblem as Problem, problem } from "./refusals.ts";
import { lib } from "./sodium.ts";

/** The account root key: 32 random bytes, wrapped for the server, never sent bare. */
export type RootKey = Bytes<"RootKey">;
/** The recovery key shown once to the person: 32 random bytes that also wrap the root key. */
export type RecoveryKey = Bytes<"RecoveryKey">;
/** The OPAQUE export key (64 bytes from `@serenity-kit/opaque`): stable per password, never seen by the server. */
export type ExportKey = Bytes<"ExportKey">;
/** Receives sealed vault keys (`crypto_box_seal`). */
export type X25519PublicKey = Bytes<"X25519PublicKey">;
export type X25519SecretKey = Bytes<"X25519SecretKey">;
/** Signs vault-key grants and invites. */
export type Ed25519PublicKey = Bytes<"Ed25519PublicKey">;
/** libsodium form: 32-byte seed followed by the 32-byte public key. */
export type Ed25519SecretKey = Bytes<"Ed25519SecretKey">;
/** Seals posts for a circle (family, friends); never the same as a vault key. */
export type CircleKey = Bytes<"CircleKey">;
/** Seals one attachment (a photo); random per attachment, carried inside the sealed entry or post that shows it. */
export type AttachmentKey = Bytes<"AttachmentKey">;
/** Random salt stored beside a PIN-derived key's verifier. Not secret. */
export type PinSalt = Bytes<"PinSalt">;
/** Key stretched from a PIN with Argon2id, for the local app lock. */
export type PinKey = Bytes<"PinKey">;

/** One vault's symmetric key for one epoch. A member's removal starts a new epoch with a new key. */
export interface VaultKey {
  readonly epoch: number;
  readonly bytes: Bytes<"VaultKey">;
}

export interface BoxKeyPair {
  readonly publicKey: X25519PublicKey;
  readonly secretKey: X25519SecretKey;
}

export interface SigningKeyPair {
  readonly publicKey: Ed25519PublicKey;
  readonly secretKey: Ed25519SecretKey;
}

/** Byte lengths, checked against libsodium's own constants in `keys.test.ts`. */
export const KEY_BYTES = {
  RootKey: 32, // crypto_kdf_KEYBYTES
  RecoveryKey: 32,
  ExportKey: 64, // OPAQUE with ristretto255-SHA512: the export key is one SHA-512 output
  X25519PublicKey: 32, // crypto_box_PUBLICKEYBYTES
  X25519SecretKey: 32, // crypto_box_SECRETKEYBYTES
  Ed25519PublicKey: 32, // crypto_sign_PUBLICKEYBYTES
  Ed25519SecretKey: 64, // crypto_sign_SECRETKEYBYTES
  VaultKey: 32, // crypto_aead_xchacha20poly1305_ietf_KEYBYTES
  CircleKey: 32, // crypto_aead_xchacha20poly1305_ietf_KEYBYTES
  AttachmentKey: 32, // crypto_aead_xchacha20poly1305_ietf_KEYBYTES
  PinSalt: 16, // crypto_pwhash_SALTBYTES
  PinKey: 32,
} as const;

/** Validates and copies bytes into a key, and moves it to and from base64url text. */
export interface KeyCodec<K extends Uint8Array> {
  readonly length: number;
  /** Copies `bytes` (so wiping the caller's buffer leaves the key intact) after checking them. */
  fromBytes(bytes: Uint8Array): Result<K, Problem>;
  encode(key: K): Base64Url;
  decode(text: string): Result<K, Problem>;
}

type Check = (bytes: Uint8Array) => Problem | null;

function keyCodec<K extends Uint8Array>(
  name: keyof typeof KEY_BYTES,
  check: Check = () => null,
): KeyCodec<K> {
  const length = KEY_BYTES[name];
  const fromBytes = (bytes: Uint8Array): Result<K, Problem> => {
    if (bytes.length !== length) {
      return err(
        problem(
          "wrong-length",
          name,
          undefined,
          `a ${name} is ${length} bytes, not ${bytes.length}`,
        ),
      );
    }
    const found = check(bytes);
    if (found) return err(found);
    return ok(Uint8Array.from(bytes) as K);
  };
  return {
    length,
    fromBytes,
    encode: (key) => toBase64Url(key),
    decode: (text) => {
      const bytes = fromBase64Url(text, name);
      return bytes.ok ? fromBytes(bytes.value) : bytes;
    },
  };
}

/**
 * X25519 accepts any 32 bytes, but a low-order point makes every shared
 * secret zero. A clamped scalar is a multiple of the cofactor, so multiplying
 * by any fixed scalar gives zero exactly for those points; libsodium refuses
 * (throws) in that case.
 */
const checkX25519Public: Check = (bytes) => {
  const sodium = lib();
  try {
    const probe = new Uint8Array(32).fill(1);
    sodium.crypto_scalarmult(probe, bytes);
    return null;
  } catch {
    return problem(
      "weak-public-key",
      "X25519PublicKey",
      undefined,
      "this public key is a low-order point",
    );
  }
};

const checkEd25519Public: Check = (bytes) =>
  lib().crypto_core_ed25519_is_valid_point(bytes)
    ? null
    : problem(
        "weak-public-key",
        "Ed25519PublicKey",
        undefined,
        "this is not a valid Ed25519 public key",
      );

/** The secret key carries its public key; both must come from the same seed. */
const checkEd25519Secret: Check = (bytes) => {
  const sodium = lib();
  const seed = bytes.subarray(0, 32);
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  const consistent = sodium.memcmp(publicKey, bytes.subarray(32));
  sodium.memzero(privateKey);
  return consistent
    ? null
    : problem(
        "inconsistent-key",
        "Ed25519SecretKey",
        undefined,
        "the public half does not match the seed",
      );
};

export const RootKey: KeyCodec<RootKey> = keyCodec("RootKey");
export const RecoveryKey: KeyCodec<RecoveryKey> = keyCodec("RecoveryKey");
export const ExportKey: KeyCodec<ExportKey> = keyCodec("ExportKey");
export const X25519PublicKey: KeyCodec<X25519PublicKey> = keyCodec(
  "X25519PublicKey",
  checkX25519Public,
);
export const X25519SecretKey: KeyCodec<X25519SecretKey> = keyCodec("X25519SecretKey");
export const Ed25519PublicKey: KeyCodec<Ed25519PublicKey> = keyCodec(
  "Ed25519PublicKey",
  checkEd25519Public,
);
export const Ed25519SecretKey: KeyCodec<Ed25519SecretKey> = keyCodec(
  "Ed25519SecretKey",
  checkEd25519Secret,
);
export const CircleKey: KeyCodec<CircleKey> = keyCodec("CircleKey");
export const AttachmentKey: KeyCodec<AttachmentKey> = keyCodec("AttachmentKey");
export const PinSalt: KeyCodec<PinSalt> = keyCodec("PinSalt");

/** Vault keys carry their epoch, so their text form is epoch (uint32 BE) then key, 36 bytes. */
export const VaultKey = {
  length: KEY_BYTES.VaultKey,
  fromBytes(epoch: number, bytes: Uint8Array): Result<VaultKey, Problem> {
    if (!isUint32(epoch)) {
      return err(
        problem("bad-epoch", "VaultKey", undefined, "an epoch is a whole number from 0 to 2^32-1"),
      );
    }
    if (bytes.length !== KEY_BYTES.VaultKey) {
      return err(
        problem(
          "wrong-length",
          "VaultKey",
          undefined,
          `a VaultKey is 32 bytes, not ${bytes.length}`,
        ),
      );
    }
    return ok(makeVaultKey(epoch, Uint8Array.from(bytes)));
  },
  encode(key: VaultKey): Base64Url {
    return toBase64Url(concatBytes(uint32BE(key.epoch), key.bytes));
  },
  decode(text: string): Result<VaultKey, Problem> {
    const bytes = fromBase64Url(text, "VaultKey");
    if (!bytes.ok) return bytes;
    if (bytes.value.length !== 4 + KEY_BYTES.VaultKey) {
      return err(
        problem(
          "wrong-length",
          "VaultKey",
          undefined,
          "an encoded VaultKey is 36 bytes (epoch and key)",
        ),
      );
    }
    return VaultKey.fromBytes(readUint32BE(bytes.value, 0), bytes.value.subarray(4));
  },
} as const;

export function makeVaultKey(epoch: number, bytes: Uint8Array): VaultKey {
  return { epoch, bytes: bytes as Bytes<"VaultKey"> };
}

/** Draws `length` bytes from the platform CSPRNG, typed as `K`. */
export function randomKey<K extends Uint8Array>(length: number): K {
  return randomBytes(length) as K;
}
