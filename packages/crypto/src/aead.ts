/**
 * XChaCha20-Poly1305-IETF, the only symmetric cipher in this package. Every
 * seal and open goes through these two functions, and the known-answer test
 * (draft-irtf-cfrg-xchacha, appendix A.3.1) runs through them too.
 */
import { lib } from "./sodium.ts";

export const NONCE_BYTES = 24; // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
export const TAG_BYTES = 16; // crypto_aead_xchacha20poly1305_ietf_ABYTES

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

/** The plaintext, or `null` when the tag does not verify (wrong key, nonce, data or bytes). */
export function aeadOpen(
  key: Uint8Array,
  nonce: Uint8Array,
  associatedData: Uint8Array,
  sealed: Uint8Array,
): Uint8Array | null {
  if (sealed.length < TAG_BYTES) return null;
  try {
    return lib().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed,
      associatedData,
      nonce,
      key,
    );
  } catch {
    return null;
  }
}

export function randomNonce(): Uint8Array {
  return lib().randombytes_buf(NONCE_BYTES);
}
