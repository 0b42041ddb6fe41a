/**
 * Event envelopes. Each event is sealed on its own under its vault's key:
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       4     epoch of the vault key, uint32 big-endian
 *   5       24    nonce, random
 *   29      n+16  XChaCha20-Poly1305-IETF(padded plaintext) with its tag
 *
 * n is the padded size (a power of two, at least 256; see `padding.ts`), so a
 * sealed event is 45 + n bytes. Associated data is the UTF-8 text
 * `vaultId|eventId|epoch|v1`: an envelope moved to another vault or event, or
 * with its epoch changed, does not open.
 */
import { err, ok, type Result } from "@trellis/domain";
import { aeadOpenPadded, aeadSeal, NONCE_BYTES, randomNonce, TAG_BYTES } from "./aead.ts";
import {
  ascii,
  type Bytes,
  concatBytes,
  isUint32,
  randomBytes,
  readUint32BE,
  uint32BE,
  wipe,
} from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import { KEY_BYTES, makeVaultKey, type VaultKey } from "./keys.ts";
import { isBucket, MIN_BUCKET, padToBucket } from "./padding.ts";

export const EVENT_ENVELOPE_VERSION = 1;
export const EVENT_HEADER_BYTES = 1 + 4 + NONCE_BYTES;
/** Bytes an envelope adds on top of the padded plaintext. */
export const EVENT_OVERHEAD_BYTES = EVENT_HEADER_BYTES + TAG_BYTES;

/** A sealed event, as stored by the server. */
export type SealedEvent = Bytes<"SealedEvent">;

export interface EventAddress {
  readonly vaultId: string;
  readonly eventId: string;
}

export interface OpenEventFailure {
  readonly reason: "decrypt-failure" | "unknown-epoch" | "unsupported-version" | "malformed";
}

/** Keys a device holds for one vault, by epoch. Leave an epoch out and its events stay shut. */
export type VaultKeysByEpoch = ReadonlyMap<number, VaultKey>;

/** A fresh random key for a vault's `epoch` (a whole number from 0 to 2^32-1). */
export function generateVaultKey(epoch: number): VaultKey {
  if (!isUint32(epoch)) throw new RangeError("an epoch is a whole number from 0 to 2^32-1");
  return makeVaultKey(epoch, randomBytes(KEY_BYTES.VaultKey));
}

/** `vaultId|eventId|epoch|v1` as UTF-8. */
export function eventAssociatedData(vaultId: string, eventId: string, epoch: number): Uint8Array {
  return ascii(`${vaultId}|${eventId}|${epoch}|v${EVENT_ENVELOPE_VERSION}`);
}

/** Seals one event's plaintext (its HLC, type and payload) under the vault key. */
export function sealEvent(
  address: EventAddress & { readonly epoch: number },
  key: VaultKey,
  plaintext: Uint8Array,
): SealedEvent {
  return sealEventWithNonce(address, key, plaintext, randomNonce());
}

/** Internal, for known-answer tests only: `sealEvent` with a chosen nonce. Never reuse a nonce. */
export function sealEventWithNonce(
  address: EventAddress & { readonly epoch: number },
  key: VaultKey,
  plaintext: Uint8Array,
  nonce: Uint8Array,
): SealedEvent {
  assertAdSafeId(address.vaultId, "vaultId");
  assertAdSafeId(address.eventId, "eventId");
  if (address.epoch !== key.epoch) {
    throw new RangeError("the key's epoch differs from the epoch the event is sealed for");
  }
  if (nonce.length !== NONCE_BYTES) throw new RangeError("a nonce is 24 bytes");
  const padded = padToBucket(plaintext);
  try {
    const sealed = aeadSeal(
      key.bytes,
      nonce,
      eventAssociatedData(address.vaultId, address.eventId, key.epoch),
      padded,
    );
    return concatBytes(
      Uint8Array.of(EVENT_ENVELOPE_VERSION),
      uint32BE(key.epoch),
      nonce,
      sealed,
    ) as SealedEvent;
  } finally {
    wipe(padded);
  }
}

/** The epoch an envelope claims, without opening it (for choosing or fetching a key). */
export function eventEpoch(sealed: Uint8Array): number | null {
  if (sealed.length < EVENT_HEADER_BYTES || sealed[0] !== EVENT_ENVELOPE_VERSION) return null;
  return readUint32BE(sealed, 1);
}

/**
 * Opens an envelope from the server (untrusted bytes) for the event the caller
 * expects at `address`. Any change to the bytes, or the wrong address, gives a
 * failure, never altered plaintext.
 */
export function openEvent(
  address: EventAddress,
  keysByEpoch: VaultKeysByEpoch,
  sealed: Uint8Array,
): Result<Uint8Array, OpenEventFailure> {
  if (sealed.length === 0) return err({ reason: "malformed" });
  if (sealed[0] !== EVENT_ENVELOPE_VERSION) return err({ reason: "unsupported-version" });
  if (!isAdSafeId(address.vaultId) || !isAdSafeId(address.eventId)) {
    return err({ reason: "malformed" });
  }
  if (
    sealed.length < EVENT_OVERHEAD_BYTES + MIN_BUCKET ||
    !isBucket(sealed.length - EVENT_OVERHEAD_BYTES)
  ) {
    return err({ reason: "malformed" });
  }
  const epoch = readUint32BE(sealed, 1);
  const key = keysByEpoch.get(epoch);
  if (!key || key.epoch !== epoch) return err({ reason: "unknown-epoch" });
  const opened = aeadOpenPadded(
    key.bytes,
    sealed.subarray(5, EVENT_HEADER_BYTES),
    eventAssociatedData(address.vaultId, address.eventId, epoch),
    sealed.subarray(EVENT_HEADER_BYTES),
  );
  return typeof opened === "string" ? err({ reason: opened }) : ok(opened);
}
