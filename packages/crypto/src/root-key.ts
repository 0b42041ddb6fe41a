/**
 * The account root key and its wraps. The server stores only wraps: the root
 * key sealed under a key derived from the OPAQUE export key (changes with the
 * password) and under a key derived from the recovery key (shown once).
 * Changing the password makes a new wrap; no data is re-encrypted.
 */
import { err, ok, type Result } from "@trellis/domain";
import { aeadOpen, aeadSeal, NONCE_BYTES, randomNonce, TAG_BYTES } from "./aead.ts";
import { ascii, type Bytes, concatBytes, wipe } from "./bytes.ts";
import { type ExportKey, KEY_BYTES, type RecoveryKey, type RootKey, randomKey } from "./keys.ts";
import { lib } from "./sodium.ts";

/** Which secret a wrap is for. Bound into both the wrapping key and the associated data. */
export type WrapPurpose = "export-key" | "recovery-key";

/** What unlocks a wrap: the export key from an OPAQUE login, or the recovery key. */
export type RootKeyUnlock =
  | { readonly purpose: "export-key"; readonly key: ExportKey }
  | { readonly purpose: "recovery-key"; readonly key: RecoveryKey };

/** `version (1) ‖ purpose (1) ‖ nonce (24) ‖ XChaCha20-Poly1305(root key) (48)`: 74 bytes. */
export type RootKeyWrap = Bytes<"RootKeyWrap">;

export interface UnwrapFailure {
  readonly reason: "decrypt-failure" | "wrong-purpose" | "unsupported-version" | "malformed";
}

export const ROOT_WRAP_VERSION = 1;
export const ROOT_WRAP_BYTES = 2 + NONCE_BYTES + KEY_BYTES.RootKey + TAG_BYTES;

const PURPOSE_BYTE: Record<WrapPurpose, number> = { "export-key": 1, "recovery-key": 2 };

/** `trellis|root-wrap|v1|export-key` or `...|recovery-key`: a wrap for one purpose never opens as the other. */
export function rootWrapAssociatedData(purpose: WrapPurpose): Uint8Array {
  return ascii(`trellis|root-wrap|v${ROOT_WRAP_VERSION}|${purpose}`);
}

/** A fresh random root key. */
export function generateRootKey(): RootKey {
  return randomKey<RootKey>(KEY_BYTES.RootKey);
}

/**
 * The 32-byte wrapping key: keyed BLAKE2b (`crypto_generichash`) with the
 * secret as the BLAKE2b key and a purpose label as the message. Keyed BLAKE2b
 * is a PRF, and unlike `crypto_kdf` (which wants exactly 32 key bytes) it
 * takes the whole 64-byte export key, so no entropy is dropped or pre-hashed.
 */
export function wrappingKeyFor(unlock: RootKeyUnlock): Uint8Array {
  return lib().crypto_generichash(
    32,
    ascii(`trellis|root-wrap-key|v${ROOT_WRAP_VERSION}|${unlock.purpose}`),
    unlock.key,
  );
}

/** Seals the root key for the server to keep. A new random nonce every time. */
export function wrapRootKey(root: RootKey, unlock: RootKeyUnlock): RootKeyWrap {
  const wrappingKey = wrappingKeyFor(unlock);
  try {
    return wrapWith(root, wrappingKey, unlock.purpose, randomNonce());
  } finally {
    wipe(wrappingKey);
  }
}

/** Opens a wrap fetched from the server (untrusted bytes). */
export function unwrapRootKey(
  wrap: Uint8Array,
  unlock: RootKeyUnlock,
): Result<RootKey, UnwrapFailure> {
  const wrappingKey = wrappingKeyFor(unlock);
  try {
    return unwrapWith(wrap, wrappingKey, unlock.purpose);
  } finally {
    wipe(wrappingKey);
  }
}

/** Internal: wrap with a given wrapping key and nonce (tests pin its output). */
export function wrapWith(
  root: RootKey,
  wrappingKey: Uint8Array,
  purpose: WrapPurpose,
  nonce: Uint8Array,
): RootKeyWrap {
  const sealed = aeadSeal(wrappingKey, nonce, rootWrapAssociatedData(purpose), root);
  return concatBytes(
    Uint8Array.of(ROOT_WRAP_VERSION, PURPOSE_BYTE[purpose]),
    nonce,
    sealed,
  ) as RootKeyWrap;
}

/** Internal: unwrap with a given wrapping key. */
export function unwrapWith(
  wrap: Uint8Array,
  wrappingKey: Uint8Array,
  purpose: WrapPurpose,
): Result<RootKey, UnwrapFailure> {
  if (wrap.length === 0) return err({ reason: "malformed" });
  if (wrap[0] !== ROOT_WRAP_VERSION) return err({ reason: "unsupported-version" });
  if (wrap.length !== ROOT_WRAP_BYTES) return err({ reason: "malformed" });
  if (wrap[1] !== PURPOSE_BYTE[purpose]) return err({ reason: "wrong-purpose" });
  const nonce = wrap.subarray(2, 2 + NONCE_BYTES);
  const opened = aeadOpen(
    wrappingKey,
    nonce,
    rootWrapAssociatedData(purpose),
    wrap.subarray(2 + NONCE_BYTES),
  );
  if (!opened) return err({ reason: "decrypt-failure" });
  return ok(opened as RootKey);
}
