/**
 * A photo taken on a phone carries where it was taken (GPS) and with what
 * camera. Before it leaves the device it is scaled down and every metadata
 * segment is gone. Here with a real JPEG (encoded by jpeg-js) that carries a
 * real EXIF block with GPS tags (read back by ExifReader to prove it).
 */
import ExifReader from "exifreader";
import fc from "fast-check";
import jpeg from "jpeg-js";
import { describe, expect, it } from "vitest";
import { stripJpegMetadata } from "./jpeg-metadata.ts";
import { type ImagePort, PHOTO_MAX_EDGE, preparePhoto, scaledSize } from "./photo.ts";
import { exifWithGps, jpegJsPort, phonePhoto } from "./testing.ts";

const tagsOf = (bytes: Uint8Array) => ExifReader.load(bytes.buffer.slice(0) as ArrayBuffer);

describe("preparing a photo", () => {
  const original = phonePhoto(2400, 1200);

  it("the fixture really carries GPS and camera tags", () => {
    const tags = tagsOf(original);
    expect(tags.GPSLatitude?.description).toBeCloseTo(43.4667, 3);
    expect(tags.GPSLatitudeRef?.value).toEqual(["N"]);
    expect(tags.Make?.description).toBe("TrellisCam");
  });

  it("leaves the device scaled down, upright and without EXIF, GPS or comments", async () => {
    const prepared = await preparePhoto({ bytes: original, type: "image/jpeg" }, jpegJsPort);
    if (!prepared.ok) throw new Error(prepared.reason);
    const photo = prepared.value;
    expect({ width: photo.width, height: photo.height, type: photo.type }).toEqual({
      width: PHOTO_MAX_EDGE,
      height: 800,
      type: "image/jpeg",
    });
    const tags = tagsOf(photo.bytes);
    expect(tags.GPSLatitude).toBeUndefined();
    expect(tags.GPSLongitude).toBeUndefined();
    expect(tags.Make).toBeUndefined();
    const text = Buffer.from(photo.bytes).toString("latin1");
    for (const trace of ["Exif", "TrellisCam", "Taken at the clinic"]) {
      expect(text).not.toContain(trace);
    }
    const decoded = jpeg.decode(photo.bytes);
    expect([decoded.width, decoded.height]).toEqual([1600, 800]);
    expect(photo.bytes.length).toBeLessThan(original.length);
  });

  it("keeps a small photo's size, and still takes its metadata out", async () => {
    const small = phonePhoto(640, 480);
    const prepared = await preparePhoto({ bytes: small, type: "image/jpeg" }, jpegJsPort);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect([prepared.value.width, prepared.value.height]).toEqual([640, 480]);
    expect(tagsOf(prepared.value.bytes).GPSLatitude).toBeUndefined();
  });

  it("refuses what is not a photo, and files too large to be one", async () => {
    const text = new TextEncoder().encode("not a picture at all");
    expect(await preparePhoto({ bytes: text, type: "image/jpeg" }, jpegJsPort)).toEqual({
      ok: false,
      reason: "not-a-photo",
    });
    const huge = { bytes: new Uint8Array(41 * 1024 * 1024), type: "image/jpeg" };
    expect(await preparePhoto(huge, jpegJsPort)).toEqual({ ok: false, reason: "photo-too-large" });
  });

  it("does not trust an encoder whose output still carries metadata after the scan", async () => {
    const leaky: ImagePort = {
      decode: async () => ({
        width: 10,
        height: 10,
        toJpeg: async () =>
          Uint8Array.from([...phonePhoto(8, 8).slice(0, -2), ...exifWithGps(), 0xff, 0xd9]),
        close() {},
      }),
    };
    expect(await preparePhoto({ bytes: original, type: "image/jpeg" }, leaky)).toEqual({
      ok: false,
      reason: "not-a-photo",
    });
  });
});

describe("stripJpegMetadata", () => {
  it("decodes to exactly the same pixels", () => {
    const photo = phonePhoto(64, 48);
    const stripped = stripJpegMetadata(photo)!;
    expect(Buffer.from(jpeg.decode(stripped).data)).toEqual(Buffer.from(jpeg.decode(photo).data));
    expect(stripped.length).toBeLessThan(photo.length);
  });

  it("refuses anything that is not a well-formed JPEG, never throws", () => {
    const photo = phonePhoto(16, 16);
    expect(stripJpegMetadata(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(stripJpegMetadata(photo.subarray(0, 30))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (junk) => {
        const out = stripJpegMetadata(Uint8Array.from([0xff, 0xd8, ...junk]));
        if (out) expect(Buffer.from(out).toString("latin1")).not.toContain("Exif");
      }),
    );
  });
});

describe("scaledSize", () => {
  it("never grows a picture, keeps its shape and fits the longer edge", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (w, h) => {
          const s = scaledSize(w, h);
          expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(PHOTO_MAX_EDGE);
          expect(s.width).toBeLessThanOrEqual(w);
          expect(s.height).toBeLessThanOrEqual(h);
          if (Math.max(w, h) > PHOTO_MAX_EDGE && Math.min(s.width, s.height) > 20) {
            expect(Math.abs(s.width / s.height - w / h) / (w / h)).toBeLessThan(0.05);
          }
        },
      ),
    );
  });
});
