/**
 * A signed sign-out ("I lost my phone"): when one device of an account signs
 * another out and asks it to erase itself, it signs that request with the
 * account's identity key. The phone erases only on a signature it can check
 * against the account's public signing key, which it keeps beside its
 * sign-out probe. So a server that lies, or was taken over, can refuse a
 * session (it always could) but cannot make a device erase itself.
 *
 * Signed bytes: "trellis|sign-out|v1" ‖ La ‖ account id ‖ Ls ‖ session id.
 * The signature names exactly one session of one account: replayed, it can
 * erase only the device it was made for.
 */
import { ascii, concatBytes } from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import type { Ed25519PublicKey, Ed25519SecretKey } from "./keys.ts";
import { lib } from "./sodium.ts";

const LABEL = ascii("trellis|sign-out|v1");
export const SIGN_OUT_SIGNATURE_BYTES = 64;

/** Which session of which account is to be signed out and erased. */
export interface SignOutAddress {
  readonly accountId: string;
  readonly sessionId: string;
}

function message(address: SignOutAddress): Uint8Array {
  const a = ascii(address.accountId);
  const s = ascii(address.sessionId);
  return concatBytes(LABEL, Uint8Array.of(a.length), a, Uint8Array.of(s.length), s);
}

/** Signs "sign this session out and erase it" with the account's identity key. */
export function signSignOut(address: SignOutAddress, signer: Ed25519SecretKey): Uint8Array {
  assertAdSafeId(address.accountId, "accountId");
  assertAdSafeId(address.sessionId, "sessionId");
  return lib().crypto_sign_detached(message(address), signer);
}

/**
 * Whether `signature` is the account's signature on signing out exactly this
 * session. False for anything else (wrong key, other session or account,
 * malformed input); never throws.
 */
export function verifySignOut(
  address: SignOutAddress,
  signature: Uint8Array,
  signingKey: Ed25519PublicKey | Uint8Array,
): boolean {
  if (!isAdSafeId(address.accountId) || !isAdSafeId(address.sessionId)) return false;
  if (signature.length !== SIGN_OUT_SIGNATURE_BYTES || signingKey.length !== 32) return false;
  try {
    return lib().crypto_sign_verify_detached(signature, message(address), signingKey);
  } catch {
    return false;
  }
}
