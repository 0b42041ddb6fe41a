/**
 * Signed entries: who wrote an event, provable to every member. The writing
 * device signs each entry with its own Ed25519 key; the account's identity
 * key certifies that device key (and the device id it writes under). The
 * bundle is the plaintext that `sealEvent` seals, so the signature travels
 * inside the AEAD envelope: a server can neither strip nor swap it unseen.
 *
 *   offset   size  field
 *   0        1     version, 0x01
 *   1        32    account identity key (Ed25519 public)
 *   33       32    device key (Ed25519 public)
 *   65       1     L = length of the device id (1-128)
 *   66       L     device id, ASCII
 *   66+L     64    certificate: identity key signs
 *                  "trellis|device|v1" ‖ device key ‖ L ‖ device id
 *   130+L    64    entry signature: device key signs
 *                  "trellis|entry|v1" ‖ Lv ‖ vault id ‖ Le ‖ event id ‖ epoch (uint32 BE)
 *                  ‖ bytes 0..130+L ‖ body
 *   194+L    n     body (the event's JSON)
 *
 * 194 + L bytes on top of the body (230 for a UUID device id).
 */
import { err, ok, type Result } from "@trellis/domain";
import { ascii, concatBytes, uint32BE, wipe } from "./bytes.ts";
import { ed25519FromSeed, IDENTITY_KDF_CONTEXT, kdfDerive, SUBKEY_ID } from "./identity.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import type { Ed25519PublicKey, RootKey, SigningKeyPair } from "./keys.ts";
import { lib } from "./sodium.ts";

export const SIGNED_ENTRY_VERSION = 1;
const SIG = 64;
const KEY = 32;
const CERT_LABEL = ascii("trellis|device|v1");
const ENTRY_LABEL = ascii("trellis|entry|v1");

/** A device's key, certified by its account's identity key. */
export interface DeviceSigner {
  /** The account's identity signing key (public). */
  readonly identityKey: Ed25519PublicKey;
  readonly device: SigningKeyPair;
  readonly deviceId: string;
  /** From `certifyDevice`. */
  readonly certificate: Uint8Array;
}

/** Who signed an entry, once both signatures are checked. */
export interface EntrySigner {
  readonly identityKey: Ed25519PublicKey;
  readonly deviceKey: Ed25519PublicKey;
  readonly deviceId: string;
}

export interface SignedEntryAddress {
  readonly vaultId: string;
  readonly eventId: string;
  readonly epoch: number;
}

export interface SignedEntryFailure {
  readonly reason: "unsigned" | "bad-certificate" | "bad-signature" | "malformed";
}

/** A fresh random device key (never derived: a lost device's key dies with it). */
export function generateDeviceKey(): SigningKeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_keypair();
  return {
    publicKey: publicKey as Ed25519PublicKey,
    secretKey: privateKey as SigningKeyPair["secretKey"],
  };
}

/**
 * This device's key for an account: derived from the root key and the
 * device id (a keyed BLAKE2b of the id under the root's `deviceKeys`
 * subkey), so the device keeps nothing new and signs at once after sign-in.
 */
export function deriveDeviceKey(root: RootKey, deviceId: string): SigningKeyPair {
  assertAdSafeId(deviceId, "deviceId");
  const sodium = lib();
  const subkey = kdfDerive(root, SUBKEY_ID.deviceKeys, IDENTITY_KDF_CONTEXT, 32);
  const seed = sodium.crypto_generichash(32, ascii(`trellis|device-key|v1|${deviceId}`), subkey);
  try {
    return ed25519FromSeed(seed);
  } finally {
    wipe(seed, subkey);
  }
}

function certificateMessage(deviceKey: Uint8Array, deviceId: Uint8Array): Uint8Array {
  return concatBytes(CERT_LABEL, deviceKey, Uint8Array.of(deviceId.length), deviceId);
}

/** The identity key's certificate (64 bytes) for a device key and the device id it writes as. */
export function certifyDevice(
  identity: SigningKeyPair,
  device: { readonly publicKey: Ed25519PublicKey; readonly deviceId: string },
): Uint8Array {
  assertAdSafeId(device.deviceId, "deviceId");
  return lib().crypto_sign_detached(
    certificateMessage(device.publicKey, ascii(device.deviceId)),
    identity.secretKey,
  );
}

function addressBytes(a: SignedEntryAddress): Uint8Array {
  const v = ascii(a.vaultId);
  const e = ascii(a.eventId);
  return concatBytes(
    ENTRY_LABEL,
    Uint8Array.of(v.length),
    v,
    Uint8Array.of(e.length),
    e,
    uint32BE(a.epoch),
  );
}

/** Signs `body` as written by `signer`, for this vault, event and epoch. */
export function signEntry(
  address: SignedEntryAddress,
  signer: DeviceSigner,
  body: Uint8Array,
): Uint8Array {
  assertAdSafeId(address.vaultId, "vaultId");
  assertAdSafeId(address.eventId, "eventId");
  assertAdSafeId(signer.deviceId, "deviceId");
  const deviceId = ascii(signer.deviceId);
  const head = concatBytes(
    Uint8Array.of(SIGNED_ENTRY_VERSION),
    signer.identityKey,
    signer.device.publicKey,
    Uint8Array.of(deviceId.length),
    deviceId,
    signer.certificate,
  );
  const signature = lib().crypto_sign_detached(
    concatBytes(addressBytes(address), head, body),
    signer.device.secretKey,
  );
  return concatBytes(head, signature, body);
}

/**
 * Checks an entry's certificate and signature, and gives its signer and
 * body. `knownCertificates` (optional, kept by the caller) remembers
 * certificates already checked, so each device costs one extra check, not
 * one per entry.
 */
export function openSignedEntry(
  address: SignedEntryAddress,
  bytes: Uint8Array,
  knownCertificates?: Set<string>,
): Result<{ signer: EntrySigner; body: Uint8Array }, SignedEntryFailure> {
  const sodium = lib();
  if (bytes.length === 0 || bytes[0] !== SIGNED_ENTRY_VERSION) return err({ reason: "unsigned" });
  if (bytes.length < 66) return err({ reason: "malformed" });
  const idLength = bytes[65]!;
  const headEnd = 66 + idLength + SIG;
  if (idLength === 0 || bytes.length < headEnd + SIG) return err({ reason: "malformed" });
  if (!isAdSafeId(address.vaultId) || !isAdSafeId(address.eventId)) {
    return err({ reason: "malformed" });
  }
  const identityKey = bytes.slice(1, 1 + KEY) as Ed25519PublicKey;
  const deviceKey = bytes.slice(1 + KEY, 1 + 2 * KEY) as Ed25519PublicKey;
  const deviceIdBytes = bytes.subarray(66, 66 + idLength);
  const deviceId = String.fromCharCode(...deviceIdBytes);
  if (!isAdSafeId(deviceId)) return err({ reason: "malformed" });
  const certificate = bytes.subarray(66 + idLength, headEnd);
  const certId = knownCertificates ? sodium.to_hex(bytes.subarray(1, headEnd)) : "";
  if (!knownCertificates?.has(certId)) {
    try {
      if (
        !sodium.crypto_sign_verify_detached(
          certificate,
          certificateMessage(deviceKey, deviceIdBytes),
          identityKey,
        )
      ) {
        return err({ reason: "bad-certificate" });
      }
    } catch {
      return err({ reason: "bad-certificate" });
    }
    knownCertificates?.add(certId);
  }
  const signature = bytes.subarray(headEnd, headEnd + SIG);
  const body = bytes.subarray(headEnd + SIG);
  const message = concatBytes(addressBytes(address), bytes.subarray(0, headEnd), body);
  let valid = false;
  try {
    valid = sodium.crypto_sign_verify_detached(signature, message, deviceKey);
  } catch {
    valid = false;
  }
  if (!valid) return err({ reason: "bad-signature" });
  return ok({ signer: { identityKey, deviceKey, deviceId }, body: Uint8Array.from(body) });
}
