/**
 * XChaCha20-Poly1305-IETF, the only symmetric cipher in this package. Every
 * seal and open goes through these two functions, and the known-answer test
 * (draft-irtf-cfrg-xchacha, appendix A.3.1) runs through them too.
 *
 * Opening calls libsodium's own `crypto_aead_xchacha20poly1305_ietf_decrypt`
 * in its WebAssembly module directly, through one scratch region that is
 * zeroed after every call, rather than through libsodium.js's wrapper, which
 * allocates and frees five buffers per call. A new device opens every event
 * of a journey once (100,000 of them for a long one), and that marshalling
 * cost more than the cipher.
 */
import { err, ok, type Result } from "@trellis/domain";
import { concatBytes, randomBytes, wipe } from "./bytes.ts";
import { isBucket, MIN_BUCKET, padToBucket, unpadBucket } from "./padding.ts";
import { lib } from "./sodium.ts";

export const NONCE_BYTES = 24; // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
export const TAG_BYTES = 16; // crypto_aead_xchacha20poly1305_ietf_ABYTES
const KEY_BYTES = 32;

/** Ciphertext followed by the 16-byte tag. */
export function aeadSeal(
  key: Uint8Array,
  nonce: Uint8Array,
  associatedData: Uint8Array,
  plaintext: Uint8Array,
): Uint8Array {
  return lib().crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    associatedData,
    null,
    nonce,
    key,
  );
}

/** What we use of the Emscripten module under libsodium.js. */
interface SodiumModule {
  readonly HEAPU8: Uint8Array;
  _malloc(size: number): number;
  _free(address: number): void;
  _crypto_aead_xchacha20poly1305_ietf_decrypt(
    message: number,
    messageLengthOut: number,
    secretNonce: number,
    ciphertext: number,
    ciphertextLengthLow: number,
    ciphertextLengthHigh: number,
    associatedData: number,
    associatedDataLengthLow: number,
    associatedDataLengthHigh: number,
    nonce: number,
    key: number,
  ): number;
}

/** One region of the module's heap reused by every open; grows when a larger event comes. */
const scratch = { address: 0, size: 0 };

function scratchOf(module: SodiumModule, size: number): number {
  if (scratch.size < size) {
    if (scratch.address !== 0) {
      module.HEAPU8.fill(0, scratch.address, scratch.address + scratch.size);
      module._free(scratch.address);
    }
    const rounded = Math.max(4096, 2 ** Math.ceil(Math.log2(size)));
    const address = module._malloc(rounded);
    if (address === 0) throw new RangeError("libsodium could not allocate memory to open an event");
    scratch.address = address;
    scratch.size = rounded;
  }
  return scratch.address;
}

/** The plaintext, or `null` when the tag does not verify (wrong key, nonce, data or bytes). */
export function aeadOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | null {
  return aeadOpenWith(key, nonce, associatedData, sealed, (plaintext) => plaintext.slice());
}

/**
 * Opens a padded plaintext (see `padding.ts`) and returns it without its
 * padding. The padding comes off inside libsodium's heap, so only the
 * plaintext is copied out, into a buffer of its own.
 */
export function aeadOpenPadded(
  key: Uint8Array,
  nonce: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | "decrypt-failure" | "malformed" {
  const opened = aeadOpenWith(
    key,
    nonce,
    associatedData,
    sealed,
    (padded) => unpadBucket(padded)?.slice() ?? "malformed",
  );
  return opened ?? "decrypt-failure";
}

/**
 * `aeadOpen`, handing `take` a view of the plaintext inside libsodium's heap,
 * which is zeroed as soon as `take` returns: `take` copies out only what it
 * keeps (say, the plaintext without its padding) and must not hold the view.
 */
export function aeadOpenWith<T>(
  key: Uint8Array,
  nonce: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
  take: (plaintext: Uint8Array) => T,
): T | null {
  if (sealed.length < TAG_BYTES) return null;
  if (key.length !== KEY_BYTES || nonce.length !== NONCE_BYTES) {
    throw new RangeError("an XChaCha20-Poly1305 key is 32 bytes and its nonce 24");
  }
  const module = (lib() as unknown as { libsodium: SodiumModule }).libsodium;
  const messageLength = sealed.length - TAG_BYTES;
  // Layout: key | nonce | associated data | ciphertext | message (the plaintext).
  const total = KEY_BYTES + NONCE_BYTES + associatedData.length + sealed.length + messageLength;
  const base = scratchOf(module, total);
  const adAt = base + KEY_BYTES + NONCE_BYTES;
  const sealedAt = adAt + associatedData.length;
  const messageAt = sealedAt + sealed.length;
  // HEAPU8 is read after any allocation: the heap may have grown and replaced it.
  const heap = module.HEAPU8;
  try {
    heap.set(key, base);
    heap.set(nonce, base + KEY_BYTES);
    heap.set(associatedData, adAt);
    heap.set(sealed, sealedAt);
    const failed = module._crypto_aead_xchacha20poly1305_ietf_decrypt(
      messageAt,
      0,
      0,
      sealedAt,
      sealed.length,
      0,
      adAt,
      associatedData.length,
      0,
      base + KEY_BYTES,
      base,
    );
    return failed === 0 ? take(heap.subarray(messageAt, messageAt + messageLength)) : null;
  } finally {
    heap.fill(0, base, base + total);
  }
}

export function randomNonce(): Uint8Array {
  return randomBytes(NONCE_BYTES);
}

/** Why a padded envelope did not open. */
export interface OpenEnvelopeFailure {
  readonly reason: "decrypt-failure" | "unsupported-version" | "malformed";
}

const ENVELOPE_HEADER = 1 + NONCE_BYTES;

/**
 * version (1 byte) ‖ nonce (24) ‖ XChaCha20-Poly1305(padded plaintext) with
 * its tag: the envelope of circle posts and attachments. Padded to a power
 * of two of at least 256 bytes (`padding.ts`).
 */
export function sealPaddedEnvelope(
  version: number,
  key: Uint8Array,
  associatedData: Uint8Array,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): Uint8Array {
  if (nonce.length !== NONCE_BYTES) throw new RangeError("a nonce is 24 bytes");
  const padded = padToBucket(plaintext);
  try {
    return concatBytes(Uint8Array.of(version), nonce, aeadSeal(key, nonce, associatedData, padded));
  } finally {
    wipe(padded);
  }
}

/** Opens what `sealPaddedEnvelope` made (untrusted bytes); never throws on bad input. */
export function openPaddedEnvelope(
  version: number,
  key: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
): Result<Uint8Array, OpenEnvelopeFailure> {
  if (sealed.length === 0) return err({ reason: "malformed" });
  if (sealed[0] !== version) return err({ reason: "unsupported-version" });
  const body = sealed.length - ENVELOPE_HEADER - TAG_BYTES;
  if (body < MIN_BUCKET || !isBucket(body)) return err({ reason: "malformed" });
  const opened = aeadOpenPadded(
    key,
    sealed.subarray(1, ENVELOPE_HEADER),
    associatedData,
    sealed.subarray(ENVELOPE_HEADER),
  );
  return typeof opened === "string" ? err({ reason: opened }) : ok(opened);
}
