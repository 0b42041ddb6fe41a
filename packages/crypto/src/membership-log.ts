/**
 * The membership log: every change to who is in a vault (created, invited,
 * added after the safety code, role changed, removed, new epoch) signed by
 * the owner's identity key into a hash chain. Each entry names the hash of
 * the one before it, so a server can withhold the tail of the log but cannot
 * drop, reorder, alter or insert an entry without every member noticing.
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       4     position in the log, uint32 BE (0 for the first entry)
 *   5       32    BLAKE2b-256 of the previous entry's bytes (zeros at position 0)
 *   37      64    Ed25519 signature by the owner over
 *                 "trellis|members|v1" ‖ Lv ‖ vault id ‖ bytes 0..37 ‖ body
 *   101     n     body: the change, UTF-8 JSON (opaque to this module)
 *
 * An entry's hash (`membershipEntryHash`) is BLAKE2b-256 of all its bytes.
 */
import { err, ok, type Result } from "@trellis/domain";
import { ascii, concatBytes, isUint32, readUint32BE, uint32BE } from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import type { Ed25519PublicKey, Ed25519SecretKey } from "./keys.ts";
import { lib } from "./sodium.ts";

export const MEMBERSHIP_LOG_VERSION = 1;
const LABEL = ascii("trellis|members|v1");
const HASH = 32;
const HEADER = 37;
const SIG = 64;

export interface MembershipEntryAddress {
  readonly vaultId: string;
  readonly position: number;
  /** The previous entry's hash; null for position 0. */
  readonly previous: Uint8Array | null;
}

export interface MembershipEntryFailure {
  readonly reason: "bad-signature" | "broken-chain" | "unsupported-version" | "malformed";
}

function signed(vaultId: string, header: Uint8Array, body: Uint8Array): Uint8Array {
  const v = ascii(vaultId);
  return concatBytes(LABEL, Uint8Array.of(v.length), v, header, body);
}

/** The hash the next entry names. */
export function membershipEntryHash(entry: Uint8Array): Uint8Array {
  return lib().crypto_generichash(HASH, entry, null);
}

/** Signs one change as the owner, chained to the entry before it. */
export function signMembershipEntry(
  address: MembershipEntryAddress,
  owner: Ed25519SecretKey,
  body: Uint8Array,
): Uint8Array {
  assertAdSafeId(address.vaultId, "vaultId");
  if (!isUint32(address.position)) throw new RangeError("position must be a uint32");
  if ((address.position === 0) !== (address.previous === null)) {
    throw new RangeError("only position 0 has no previous entry");
  }
  const header = concatBytes(
    Uint8Array.of(MEMBERSHIP_LOG_VERSION),
    uint32BE(address.position),
    address.previous ?? new Uint8Array(HASH),
  );
  const signature = lib().crypto_sign_detached(signed(address.vaultId, header, body), owner);
  return concatBytes(header, signature, body);
}

/** Checks one entry (untrusted bytes): its place in the chain, then the owner's signature. */
export function openMembershipEntry(
  address: MembershipEntryAddress,
  owner: Ed25519PublicKey,
  entry: Uint8Array,
): Result<Uint8Array, MembershipEntryFailure> {
  if (entry.length === 0) return err({ reason: "malformed" });
  if (entry[0] !== MEMBERSHIP_LOG_VERSION) return err({ reason: "unsupported-version" });
  if (entry.length < HEADER + SIG || !isAdSafeId(address.vaultId)) {
    return err({ reason: "malformed" });
  }
  const previous = address.previous ?? new Uint8Array(HASH);
  if (readUint32BE(entry, 1) !== address.position || !lib().memcmp(entry.slice(5, 37), previous)) {
    return err({ reason: "broken-chain" });
  }
  const body = entry.subarray(HEADER + SIG);
  let valid = false;
  try {
    valid = lib().crypto_sign_verify_detached(
      entry.subarray(HEADER, HEADER + SIG),
      signed(address.vaultId, entry.subarray(0, HEADER), body),
      owner,
    );
  } catch {
    valid = false;
  }
  return valid ? ok(Uint8Array.from(body)) : err({ reason: "bad-signature" });
}
