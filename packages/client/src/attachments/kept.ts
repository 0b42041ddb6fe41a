/**
 * A photo kept on this device under its own key: sealed with
 * `sealAttachment` (a fresh `AttachmentKey` each time), the sealed bytes in
 * an `AttachmentStore`, the key handed back as text for the event that shows
 * it. Loads libsodium on first use, so screens import this lazily.
 */
import { AttachmentKey, openAttachment, ready, sealAttachment } from "@trellis/crypto";
import type { AttachmentStore } from "./store.ts";

/** Seals `bytes` (a photo already through `preparePhoto`) and keeps it; the key, base64url. */
export async function keepSealedPhoto(
  store: AttachmentStore,
  attachmentId: string,
  bytes: Uint8Array,
): Promise<string> {
  await ready();
  const { key, sealed } = sealAttachment(attachmentId, bytes);
  await store.put(attachmentId, sealed);
  return AttachmentKey.encode(key);
}

/** The photo's bytes, or null when this device does not hold it or the key does not open it. */
export async function openKeptPhoto(
  store: AttachmentStore,
  attachmentId: string,
  keyText: string,
): Promise<Uint8Array | null> {
  const sealed = await store.get(attachmentId);
  if (!sealed) return null;
  await ready();
  const key = AttachmentKey.decode(keyText);
  if (!key.ok) return null;
  const opened = openAttachment(attachmentId, key.value, sealed);
  return opened.ok ? opened.value : null;
}
