/**
 * Snapshot bodies as bytes and back: JSON, gzip (the platform's
 * `CompressionStream`, in browsers and Node alike: no library, no
 * WebAssembly), base64 for where only text fits. A 100k-entry journey's
 * state is about 39 MB of JSON and 5 MB gzipped.
 */
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "../sync/base64.ts";

async function through(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** `value` as gzipped JSON. */
export async function packJson(value: unknown): Promise<Uint8Array> {
  return through(utf8Encode(JSON.stringify(value)), new CompressionStream("gzip"));
}

/** The JSON value in gzipped bytes, or null when they do not unpack or parse. Never throws. */
export async function unpackJson(bytes: Uint8Array): Promise<unknown> {
  try {
    const text = utf8Decode(await through(bytes, new DecompressionStream("gzip")));
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

export const packedToText = (bytes: Uint8Array): string => toBase64(bytes);
export const packedFromText = (text: string): Uint8Array | null => fromBase64(text);
