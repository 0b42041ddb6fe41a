/**
 * Compression of API responses. Bodies of 1 KiB or more (pull pages, key
 * lists) go out brotli or gzip when the request's Accept-Encoding allows;
 * smaller ones are not worth the CPU. Event streams are never compressed: a
 * compressor buffers, and a live line held back in a buffer is a late line
 * (the stream route hijacks its reply, and this list excludes its type too).
 *
 * The web app's files are not compressed here: the build writes `.br` and
 * `.gz` beside each one, and web.ts serves those (no work per request).
 */
import fastifyCompress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/** Smaller bodies go out as they are. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** JSON and text, but never a live event stream. */
export function isCompressibleApiType(contentType: string): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/event-stream") return false;
  return type === "application/json" || type.endsWith("+json") || type.startsWith("text/");
}

/** Register inside the API's scope, before its routes (the plugin hooks routes as they are added). */
export async function registerApiCompression(api: FastifyInstance): Promise<void> {
  await api.register(fastifyCompress, {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ["br", "gzip"],
    customTypes: isCompressibleApiType,
    // Request bodies stay plain JSON: a compressed body could unfold past the body limit.
    globalDecompression: false,
  });
}
