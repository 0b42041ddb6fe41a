import type { AttachmentStore } from "@trellis/client/attachments";
import type { RemembrancePhoto } from "@trellis/domain";
import { useEffect, useState } from "react";

/**
 * Remembrance photos on this device: each prepared (`preparePhoto`: smaller,
 * no EXIF), sealed under its own key and kept in the device's attachment
 * store; the page's event holds only where it is and its key. The code (and
 * libsodium) loads only when a page has or gets a photo. Photos are not sent
 * to other devices: a shared page shows, elsewhere, that its photos are on
 * the device that added them.
 */

const attachments = () => import("@trellis/client/attachments");

let opened: Promise<AttachmentStore> | null = null;

/** This device's store, opened once per tab (the database closes itself if the device is forgotten). */
export function photoStore(): Promise<AttachmentStore> {
  opened ??= attachments().then((m) => m.openIndexedDbAttachmentStore());
  return opened;
}

/** Tests (happy-dom) use a store in memory. */
export function setPhotoStoreForTests(store: AttachmentStore): void {
  opened = Promise.resolve(store);
}

export type AddedPhoto =
  | { readonly ok: true; readonly photo: RemembrancePhoto }
  | { readonly ok: false; readonly reason: "not-a-photo" | "photo-too-large" | "failed" };

/** Prepares, seals and keeps a picked file; the reference to put on the page. */
export async function keepPhoto(file: File, attachmentId: string): Promise<AddedPhoto> {
  try {
    const m = await attachments();
    const prepared = await m.preparePhoto(
      { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type },
      m.canvasImagePort,
    );
    if (!prepared.ok) return prepared;
    const { bytes, width, height } = prepared.value;
    const key = await m.keepSealedPhoto(await photoStore(), attachmentId, bytes);
    return { ok: true, photo: { attachmentId, key, width, height } };
  } catch {
    return { ok: false, reason: "failed" };
  }
}

/** The photo's JPEG bytes, or null when this device does not hold it. */
export async function photoBytes(photo: RemembrancePhoto): Promise<Uint8Array | null> {
  try {
    const m = await attachments();
    return await m.openKeptPhoto(await photoStore(), photo.attachmentId, photo.key);
  } catch {
    return null;
  }
}

/** Forgets the sealed bytes of photos taken off a page. */
export async function forgetPhotos(photos: readonly RemembrancePhoto[]): Promise<void> {
  if (photos.length === 0) return;
  const store = await photoStore();
  await Promise.all(photos.map((p) => store.delete(p.attachmentId)));
}

/** An object URL for the photo while shown: `undefined` while loading, null when not on this device. */
export function usePhotoUrl(photo: RemembrancePhoto): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let made: string | null = null;
    let cancelled = false;
    void photoBytes(photo).then((bytes) => {
      if (cancelled) return;
      made = bytes
        ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: "image/jpeg" }))
        : null;
      setUrl(made);
    });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [photo]);
  return url;
}

/** One photo of a page, as its own size allows; words in its place when it is on another device. */
export function PagePhoto({
  photo,
  unnamed,
  elsewhere,
}: {
  photo: RemembrancePhoto;
  unnamed: string;
  elsewhere: string;
}) {
  const url = usePhotoUrl(photo);
  if (url === undefined) {
    return (
      <div
        className="remembrance-photo"
        style={{ aspectRatio: `${photo.width} / ${photo.height}` }}
      />
    );
  }
  if (url === null) return <p className="muted small remembrance-photo-missing">{elsewhere}</p>;
  return (
    <img
      className="remembrance-photo"
      src={url}
      width={photo.width}
      height={photo.height}
      alt={photo.alt ?? unnamed}
    />
  );
}
