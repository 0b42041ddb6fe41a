/**
 * Takes everything but the picture out of a JPEG: EXIF (camera, time, GPS
 * position), XMP, ICC and maker notes live in APP1–APP15 segments and
 * comments in COM; all of them go. What stays: the JFIF header (APP0), the
 * tables, the frame and the scan, so the picture decodes exactly as before.
 *
 * Photos are re-encoded through a canvas before they leave the device (which
 * already drops metadata); this pass makes sure of it whatever the browser's
 * encoder writes.
 */

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP15 = 0xef;
const COM = 0xfe;

/** Markers with no length field: RSTn, SOI, EOI, TEM. */
const standalone = (marker: number) =>
  (marker >= 0xd0 && marker <= 0xd7) || marker === SOI || marker === EOI || marker === 0x01;

/** The JPEG without metadata segments, or null when `bytes` is not a well-formed JPEG. */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    // Fill bytes (0xFF repeated) may precede a marker.
    let markerAt = at + 1;
    while (markerAt < bytes.length && bytes[markerAt] === 0xff) markerAt++;
    const marker = bytes[markerAt];
    if (marker === undefined) return null;
    if (standalone(marker)) {
      if (marker === EOI) {
        kept.push(bytes.subarray(at, markerAt + 1));
        return join(kept);
      }
      kept.push(bytes.subarray(at, markerAt + 1));
      at = markerAt + 1;
      continue;
    }
    if (markerAt + 2 >= bytes.length) return null;
    const length = (bytes[markerAt + 1]! << 8) | bytes[markerAt + 2]!;
    const end = markerAt + 1 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === SOS) {
      // The scan and everything after it (entropy-coded data, more scans,
      // EOI) is picture: kept whole. Metadata never follows the first scan
      // in files browsers or cameras write, but a trailing APPn would be
      // inside data we do not parse, so we check below.
      kept.push(bytes.subarray(at));
      const out = join(kept);
      return hasTrailingMetadata(bytes, end) ? null : out;
    }
    const metadata = (marker > APP0 && marker <= APP15) || marker === COM;
    if (!metadata) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return null;
}

/**
 * Whether a metadata segment appears after the first scan (outside
 * entropy-coded data, where 0xFF is always followed by 0x00 or a RSTn/marker).
 * Such a file is refused rather than sent with metadata in it.
 */
function hasTrailingMetadata(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0xff) continue;
    const next = bytes[i + 1]!;
    if ((next > APP0 && next <= APP15) || next === COM) return true;
  }
  return false;
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
