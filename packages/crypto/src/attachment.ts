/**
 * Sealed attachments: a photo on a post, a remembrance page or a receipt.
 * Each attachment has its own random key, carried inside the sealed entry or
 * circle post that shows it, so the server stores one more opaque blob and
 * learns nothing but its padded size. Sharing a photo that is already stored
 * means handing on its key, never sealing it under a vault or circle key.
 *
 *   offset  size  field
 *   0       1     version, 0x01
 *   1       24    nonce, random
 *   25      n+16  XChaCha20-Poly1305-IETF(padded bytes) with its tag
 *
 * Padded like events (power of two, at least 256 bytes), so a photo's exact
 * size does not single it out. Associated data is `attachmentId|attachment|v1`,
 * so a blob moved to another id does not open.
 */
import { err, type Result } from "@trellis/domain";
import {
  type OpenEnvelopeFailure,
  openPaddedEnvelope,
  randomNonce,
  sealPaddedEnvelope,
} from "./aead.ts";
import { ascii, type Bytes } from "./bytes.ts";
import { assertAdSafeId, isAdSafeId } from "./ids.ts";
import { type AttachmentKey, KEY_BYTES, randomKey } from "./keys.ts";

export const ATTACHMENT_VERSION = 1;

export type SealedAttachment = Bytes<"SealedAttachment">;

export type OpenAttachmentFailure = OpenEnvelopeFailure;

function associatedData(attachmentId: string): Uint8Array {
  return ascii(`${attachmentId}|attachment|v${ATTACHMENT_VERSION}`);
}

/** Seals `bytes` under a fresh key of its own; keep the key with whatever shows the attachment. */
export function sealAttachment(
  attachmentId: string,
  bytes: Uint8Array,
): { readonly key: AttachmentKey; readonly sealed: SealedAttachment } {
  const key = randomKey<AttachmentKey>(KEY_BYTES.AttachmentKey);
  return { key, sealed: sealAttachmentWith(attachmentId, key, bytes, randomNonce()) };
}

/** Internal, for known-answer tests only. Never reuse a key with a nonce. */
export function sealAttachmentWith(
  attachmentId: string,
  key: AttachmentKey,
  bytes: Uint8Array,
  nonce: Uint8Array,
): SealedAttachment {
  assertAdSafeId(attachmentId, "attachmentId");
  const ad = associatedData(attachmentId);
  return sealPaddedEnvelope(ATTACHMENT_VERSION, key, ad, bytes, nonce) as SealedAttachment;
}

/** Opens an attachment (untrusted bytes from the server) expected under `attachmentId`. */
export function openAttachment(
  attachmentId: string,
  key: AttachmentKey,
  sealed: Uint8Array,
): Result<Uint8Array, OpenAttachmentFailure> {
  if (!isAdSafeId(attachmentId)) return err({ reason: "malformed" });
  return openPaddedEnvelope(ATTACHMENT_VERSION, key, associatedData(attachmentId), sealed);
}
