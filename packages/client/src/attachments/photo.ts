/**
 * A photo made ready to leave the device: turned upright, scaled so its
 * longer edge is at most `maxEdge` pixels (1600 by default: sharp on a phone,
 * a few hundred kB), re-encoded as JPEG, and with every metadata segment
 * taken out (EXIF with its GPS position and camera serial, XMP, comments).
 * Only then is it sealed (`sealAttachment`) and sent.
 *
 * Decoding and drawing go through an `ImagePort`: the browser's canvas in
 * the app (`canvasImagePort`), a pure-JavaScript codec in Node tests.
 */
import { stripJpegMetadata } from "./jpeg-metadata.ts";

export const PHOTO_MAX_EDGE = 1600;
export const PHOTO_QUALITY = 0.82;
/** Larger files are refused before decoding (a phone's photo is 2–12 MB). */
export const PHOTO_MAX_INPUT_BYTES = 40 * 1024 * 1024;

/** A decoded picture, already turned as its EXIF orientation says. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** Draws it at `width` × `height` and encodes that as JPEG. */
  toJpeg(width: number, height: number, quality: number): Promise<Uint8Array>;
  /** Frees what decoding held (an ImageBitmap). */
  close(): void;
}

export interface ImagePort {
  /** The decoded picture, or null when the bytes are not a picture it can read. */
  decode(bytes: Uint8Array, type: string): Promise<DecodedImage | null>;
}

export interface PreparedPhoto {
  readonly bytes: Uint8Array;
  readonly type: "image/jpeg";
  readonly width: number;
  readonly height: number;
}

export type PhotoRefusal = "not-a-photo" | "photo-too-large";

export interface PhotoOptions {
  readonly maxEdge?: number;
  readonly quality?: number;
}

/** The size a `width` × `height` picture is scaled to: never larger, aspect kept. */
export function scaledSize(
  width: number,
  height: number,
  maxEdge: number = PHOTO_MAX_EDGE,
): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= maxEdge) return { width, height };
  const scale = maxEdge / longer;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

export async function preparePhoto(
  file: { readonly bytes: Uint8Array; readonly type: string },
  port: ImagePort,
  options: PhotoOptions = {},
): Promise<{ ok: true; value: PreparedPhoto } | { ok: false; reason: PhotoRefusal }> {
  if (file.bytes.length > PHOTO_MAX_INPUT_BYTES) return { ok: false, reason: "photo-too-large" };
  const image = await port.decode(file.bytes, file.type).catch(() => null);
  if (!image || image.width < 1 || image.height < 1) return { ok: false, reason: "not-a-photo" };
  try {
    const size = scaledSize(image.width, image.height, options.maxEdge ?? PHOTO_MAX_EDGE);
    const encoded = await image.toJpeg(size.width, size.height, options.quality ?? PHOTO_QUALITY);
    const bytes = stripJpegMetadata(encoded);
    // An encoder whose output we cannot check is not trusted with a photo.
    if (!bytes) return { ok: false, reason: "not-a-photo" };
    return { ok: true, value: { bytes, type: "image/jpeg", ...size } };
  } finally {
    image.close();
  }
}
