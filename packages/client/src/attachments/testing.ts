/**
 * Test fixtures for photos: a real JPEG (encoded by jpeg-js) carrying a real
 * EXIF block with GPS tags and a comment, as a phone's camera writes one.
 * Shared by the unit tests and the browser test of the canvas path.
 */
import jpeg from "jpeg-js";
import type { ImagePort } from "./photo.ts";

/** An EXIF APP1 segment: camera make, and GPS 43°28'N 80°31'W. */
export function exifWithGps(): Uint8Array {
  const tiff = new Uint8Array(152);
  const v = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0x00]); // "II*\0", little-endian TIFF
  v.setUint32(4, 8, true);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    v.setUint32(at + 8, value, true);
  };
  v.setUint16(8, 2, true); // IFD0: Make, GPSInfo
  entry(10, 0x010f, 2, 11, 38);
  entry(22, 0x8825, 4, 1, 50);
  v.setUint32(34, 0, true);
  tiff.set(new TextEncoder().encode("TrellisCam\0"), 38);
  v.setUint16(50, 4, true); // GPS IFD
  entry(52, 0x0001, 2, 2, 0);
  tiff.set([0x4e, 0x00], 60); // "N" inline
  entry(64, 0x0002, 5, 3, 104);
  entry(76, 0x0003, 2, 2, 0);
  tiff.set([0x57, 0x00], 84); // "W" inline
  entry(88, 0x0004, 5, 3, 128);
  v.setUint32(100, 0, true);
  const rationals = (at: number, values: number[]) =>
    values.forEach((n, i) => {
      v.setUint32(at + i * 8, n, true);
      v.setUint32(at + i * 8 + 4, 1, true);
    });
  rationals(104, [43, 28, 0]);
  rationals(128, [80, 31, 0]);
  const header = new TextEncoder().encode("Exif\0\0");
  const length = 2 + header.length + tiff.length;
  return Uint8Array.from([0xff, 0xe1, length >> 8, length & 0xff, ...header, ...tiff]);
}

/** A width × height photo (a soft gradient) as a JPEG with the EXIF block and a comment. */
export function phonePhoto(width: number, height: number): Uint8Array {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = 160;
      data[i + 3] = 255;
    }
  }
  const plain = new Uint8Array(jpeg.encode({ data, width, height }, 90).data);
  const comment = new TextEncoder().encode("Taken at the clinic");
  const com = [0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff, ...comment];
  return Uint8Array.from([...plain.subarray(0, 2), ...exifWithGps(), ...com, ...plain.subarray(2)]);
}

/** Node's stand-in for the canvas: jpeg-js decodes and encodes, a box filter scales. */
export const jpegJsPort: ImagePort = {
  async decode(bytes) {
    let decoded: { width: number; height: number; data: Uint8Array };
    try {
      decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    } catch {
      return null;
    }
    return {
      width: decoded.width,
      height: decoded.height,
      async toJpeg(width, height, quality) {
        const out = Buffer.alloc(width * height * 4);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const sx = Math.min(decoded.width - 1, Math.floor((x * decoded.width) / width));
            const sy = Math.min(decoded.height - 1, Math.floor((y * decoded.height) / height));
            const from = (sy * decoded.width + sx) * 4;
            out.set(decoded.data.subarray(from, from + 4), (y * width + x) * 4);
          }
        }
        return new Uint8Array(jpeg.encode({ data: out, width, height }, quality * 100).data);
      },
      close() {},
    };
  },
};
