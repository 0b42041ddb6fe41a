/**
 * The browser's own decoder and encoder for `preparePhoto`:
 * `createImageBitmap` (which turns the picture upright from its EXIF
 * orientation) and a canvas that encodes JPEG. Drawing to a canvas keeps
 * only pixels, so nothing of the original file's metadata survives.
 */
import type { DecodedImage, ImagePort } from "./photo.ts";

export const canvasImagePort: ImagePort = {
  async decode(bytes, type) {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), {
        imageOrientation: "from-image",
      });
    } catch {
      return null;
    }
    const image: DecodedImage = {
      width: bitmap.width,
      height: bitmap.height,
      async toJpeg(width, height, quality) {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext("2d");
        if (!context) throw new Error("no 2d canvas");
        context.imageSmoothingQuality = "high";
        // JPEG has no transparency: a transparent picture gets a white ground.
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, width, height);
        context.drawImage(bitmap, 0, 0, width, height);
        const blob = await canvas.convertToBlob({ type: "image/jpeg", quality });
        return new Uint8Array(await blob.arrayBuffer());
      },
      close: () => bitmap.close(),
    };
    return image;
  },
};
