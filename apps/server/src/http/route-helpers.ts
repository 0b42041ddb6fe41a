/**
 * What every JSON route module shares: reading a JSON body (after checking its
 * content type), answering 204, and the wire forms of stored bytes (unpadded
 * base64url) and times (ISO 8601).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseWith, type WireSchema } from "./schema.ts";
import { requireJsonContentType, requireNoQuery } from "./validation.ts";

export const b64url = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
export const iso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

export function jsonBody(request: FastifyRequest): unknown {
  requireJsonContentType(request.headers["content-type"]);
  return request.body;
}

/**
 * A request that carries a JSON body and no query string, parsed with the
 * wire contract's schema. Checked in this order: query, content type, body.
 */
export function parseJsonRequest<T>(request: FastifyRequest, schema: WireSchema<T>): T {
  requireNoQuery(request.query);
  return parseWith(schema, jsonBody(request));
}

export function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}
