/**
 * Shape checks for the keys an account sends: a root key wrap that is not
 * a version-1 wrap for its purpose, or a public key of the wrong length,
 * would lock the person out (the server cannot open a wrap to test it, but
 * it can refuse what could never open). Layouts: `packages/crypto/README.md`.
 */
import { invalidRequest } from "../http/errors.ts";
import { decodeBase64Url } from "../http/schema.ts";

/** `version (1) ‖ purpose (1) ‖ nonce (24) ‖ XChaCha20-Poly1305(root key 32) (48)`. */
export const ROOT_WRAP_BYTES = 74;
export const ROOT_WRAP_VERSION = 1;
const PURPOSE_BYTE = { "export-key": 1, "recovery-key": 2 } as const;
export const PUBLIC_KEY_BYTES = 32;

/** A root key wrap for `purpose`, or a 400 naming `field`. */
export function rootKeyWrapBytes(
  text: string,
  field: string,
  purpose: keyof typeof PURPOSE_BYTE,
): Buffer {
  const bytes = decodeBase64Url(text, field, ROOT_WRAP_BYTES);
  if (bytes[0] !== ROOT_WRAP_VERSION) {
    throw invalidRequest(`${field} must be a version-${ROOT_WRAP_VERSION} root key wrap.`);
  }
  if (bytes[1] !== PURPOSE_BYTE[purpose]) {
    throw invalidRequest(`${field} must be a root key wrap for the ${purpose}.`);
  }
  return bytes;
}

/** A 32-byte public key (Ed25519 or X25519), not all zeros, or a 400 naming `field`. */
export function publicKeyBytes(text: string, field: string): Buffer {
  const bytes = decodeBase64Url(text, field, PUBLIC_KEY_BYTES);
  if (bytes.every((byte) => byte === 0)) {
    throw invalidRequest(`${field} must be a public key, not zeros.`);
  }
  return bytes;
}
