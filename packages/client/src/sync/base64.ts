/**
 * Standard padded base64 for event bodies (the wire contract's `b64`), and
 * UTF-8. Keys and grants use base64url from `@trellis/crypto` instead.
 */

const CHUNK = 0x8000;

/** Node's Buffer when present (tests, benchmarks): its base64 is native, `atob` there is not. */
const NodeBuffer = (
  globalThis as {
    Buffer?: {
      from(text: string, encoding: "base64"): Uint8Array;
      from(
        bytes: ArrayBufferLike,
        offset: number,
        length: number,
      ): { toString(e: "base64"): string };
    };
  }
).Buffer;
/** `Uint8Array.prototype.toBase64` (ES2026; Chromium 140+, Firefox 133+, Safari 18.2+). */
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: (this: Uint8Array) => string })
  .toBase64;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  if (NodeBuffer) {
    return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64");
  }
  return toBase64Portable(bytes);
}

/** @internal `btoa` over chunks: for browsers without `toBase64`, and the test that holds the fast paths to it. */
export function toBase64Portable(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Null when `text` is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (NodeBuffer) {
    if (text.length % 4 !== 0 || !BASE64.test(text.slice(-4))) return null;
    // The body's characters were checked by the wire schema already; Buffer skips
    // what is not base64, so a wrong length after decoding means a bad body.
    const bytes = NodeBuffer.from(text, "base64");
    if (
      bytes.length !==
      (text.length / 4) * 3 - (text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0)
    )
      return null;
    return new Uint8Array(bytes);
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Null when the bytes are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
