/**
 * What a device keeps at rest with the app lock on: one random at-rest key
 * (the client calls it the device key), wrapped by the lock, seals every
 * stored value, and names every stored key by a keyed hash.
 *
 * Subkeys (`crypto_kdf`, context `trellisa`, ids permanent): 1 seals values,
 * 2 names keys. The at-rest key itself seals nothing.
 *
 * Sealed value, `sealAtRest` / `openAtRest`:
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       24    nonce, random
 *   25      n+16  XChaCha20-Poly1305-IETF(plaintext) with its tag
 *
 * Associated data: `trellis|at-rest|v1|` then the value's place (its store
 * and key, e.g. `events|<name>`), so a value moved to another key or store
 * does not open. Not padded: sizes on the device are not hidden.
 *
 * Wrap of the at-rest key, 74 bytes: version 0x01, purpose (0x01 passphrase,
 * 0x02 device unlock), nonce (24), XChaCha20-Poly1305(key) (48). The wrapping
 * key is keyed BLAKE2b of `trellis|at-rest-wrap-key|v1|<purpose>` under the
 * passphrase's Argon2id key or the WebAuthn PRF output; the associated data
 * is `trellis|at-rest-wrap|v1|<purpose>`.
 */
import { err, ok, type Result } from "@trellis/domain";
import { aeadOpen, aeadOpenWith, aeadSeal, NONCE_BYTES, randomNonce, TAG_BYTES } from "./aead.ts";
import { ascii, type Bytes, concatBytes, toBase64Url, utf8, wipe } from "./bytes.ts";
import { kdfDerive } from "./identity.ts";
import type { PinKey } from "./keys.ts";
import { randomKey } from "./keys.ts";
import { lib } from "./sodium.ts";

/** 32 random bytes that seal a device's stored record. Only ever in memory, or wrapped. */
export type AtRestKey = Bytes<"AtRestKey">;

export const AT_REST_KEY_BYTES = 32;
export const AT_REST_VERSION = 1;
/** Exactly 8 bytes, as `crypto_kdf` requires. Permanent. */
const KDF_CONTEXT = "trellisa";
const SUBKEY = { seal: 1, name: 2 } as const;
const HEADER_BYTES = 1 + NONCE_BYTES;
const NAME_BYTES = 16;

/** What unwraps the at-rest key: the passphrase's Argon2id key, or a WebAuthn PRF output. */
export type AtRestUnlock =
  | { readonly purpose: "passphrase"; readonly key: PinKey }
  | { readonly purpose: "device-unlock"; readonly key: Uint8Array };

export interface AtRestUnwrapFailure {
  readonly reason: "decrypt-failure" | "wrong-purpose" | "unsupported-version" | "malformed";
}

const PURPOSE_BYTE = { passphrase: 1, "device-unlock": 2 } as const;
export const AT_REST_WRAP_BYTES = 2 + NONCE_BYTES + AT_REST_KEY_BYTES + TAG_BYTES;

export function generateAtRestKey(): AtRestKey {
  return randomKey<AtRestKey>(AT_REST_KEY_BYTES);
}

/** Seals and names one device's stored values. Holds subkeys; call `wipe` when done. */
export interface AtRestSealer {
  /** `plaintext` sealed for `place` (its store and key). */
  seal(place: string, plaintext: Uint8Array): Uint8Array;
  /** UTF-8 `text` sealed for `place`. */
  sealText(place: string, text: string): Uint8Array;
  /** The plaintext, or `null` if `sealed` was not sealed for `place` with this key, or was changed. */
  open(place: string, sealed: Uint8Array): Uint8Array | null;
  /** `open`, decoded as UTF-8 text without an extra copy of the plaintext. */
  openText(place: string, sealed: Uint8Array): string | null;
  /**
   * A name for `text` in `space` (22 base64url characters: keyed BLAKE2b-128)
   * that says nothing of `text` to anyone without the key, and is the same
   * every time, so it can be an IndexedDB key.
   */
  name(space: string, text: string): string;
  wipe(): void;
}

export function atRestSealer(key: Uint8Array): AtRestSealer {
  if (key.length !== AT_REST_KEY_BYTES) throw new RangeError("an at-rest key is 32 bytes");
  const sealKey: Uint8Array = kdfDerive(key, SUBKEY.seal, KDF_CONTEXT, 32);
  const nameKey: Uint8Array = kdfDerive(key, SUBKEY.name, KDF_CONTEXT, 32);
  const sodium = lib();
  const adOf = (place: string) => ascii(`trellis|at-rest|v${AT_REST_VERSION}|${place}`);
  const seal = (place: string, plaintext: Uint8Array) => {
    const nonce = randomNonce();
    const sealed = aeadSeal(sealKey, nonce, adOf(place), plaintext);
    return concatBytes(Uint8Array.of(AT_REST_VERSION), nonce, sealed);
  };
  const openWith = <T>(place: string, sealed: Uint8Array, take: (view: Uint8Array) => T) => {
    if (!(sealed instanceof Uint8Array) || sealed.length < HEADER_BYTES + TAG_BYTES) return null;
    if (sealed[0] !== AT_REST_VERSION) return null;
    return aeadOpenWith(
      sealKey,
      sealed.subarray(1, HEADER_BYTES),
      adOf(place),
      sealed.subarray(HEADER_BYTES),
      take,
    );
  };
  return {
    seal,
    sealText: (place, text) => seal(place, utf8(text)),
    open: (place, sealed) => openWith(place, sealed, (view) => view.slice()),
    openText: (place, sealed) => openWith(place, sealed, (view) => sodium.to_string(view)),
    name: (space, text) =>
      toBase64Url(sodium.crypto_generichash(NAME_BYTES, utf8(`${space}|${text}`), nameKey)),
    wipe: () => wipe(sealKey, nameKey),
  };
}

function wrappingKeyFor(unlock: AtRestUnlock): Uint8Array {
  if (unlock.key.length < 32) throw new RangeError("an at-rest unlock key is at least 32 bytes");
  return lib().crypto_generichash(
    32,
    ascii(`trellis|at-rest-wrap-key|v${AT_REST_VERSION}|${unlock.purpose}`),
    unlock.key,
  );
}

const wrapAd = (purpose: AtRestUnlock["purpose"]) =>
  ascii(`trellis|at-rest-wrap|v${AT_REST_VERSION}|${purpose}`);

/** The at-rest key wrapped for the lock database. A new random nonce every time. */
export function wrapAtRestKey(key: Uint8Array, unlock: AtRestUnlock): Uint8Array {
  if (key.length !== AT_REST_KEY_BYTES) throw new RangeError("an at-rest key is 32 bytes");
  const wrappingKey = wrappingKeyFor(unlock);
  try {
    const nonce = randomNonce();
    return concatBytes(
      Uint8Array.of(AT_REST_VERSION, PURPOSE_BYTE[unlock.purpose]),
      nonce,
      aeadSeal(wrappingKey, nonce, wrapAd(unlock.purpose), key),
    );
  } finally {
    wipe(wrappingKey);
  }
}

/** Opens a wrap; `decrypt-failure` for a wrong passphrase or PRF output, or a changed wrap. */
export function unwrapAtRestKey(
  wrap: Uint8Array,
  unlock: AtRestUnlock,
): Result<AtRestKey, AtRestUnwrapFailure> {
  if (wrap.length === 0) return err({ reason: "malformed" });
  if (wrap[0] !== AT_REST_VERSION) return err({ reason: "unsupported-version" });
  if (wrap.length !== AT_REST_WRAP_BYTES) return err({ reason: "malformed" });
  if (wrap[1] !== PURPOSE_BYTE[unlock.purpose]) return err({ reason: "wrong-purpose" });
  const wrappingKey = wrappingKeyFor(unlock);
  try {
    const opened = aeadOpen(
      wrappingKey,
      wrap.subarray(2, 2 + NONCE_BYTES),
      wrapAd(unlock.purpose),
      wrap.subarray(2 + NONCE_BYTES),
    );
    return opened ? ok(opened as AtRestKey) : err({ reason: "decrypt-failure" });
  } finally {
    wipe(wrappingKey);
  }
}
