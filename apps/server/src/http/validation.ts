/**
 * Validation of everything a client sends to the vault routes. Messages name
 * the field and never quote event bodies.
 */
import { MAX_APPEND_EVENTS, MAX_PULL_EVENTS } from "@trellis/sync";
import { isLowercaseUuid } from "../vault/store.ts";
import { ApiError, invalidRequest } from "./errors.ts";

export const MAX_EVENTS_PER_BATCH = MAX_APPEND_EVENTS;
export const MAX_EVENT_BODY_BYTES = 256 * 1024;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = MAX_PULL_EVENTS;

/** Longest base64 text that can decode to MAX_EVENT_BODY_BYTES. */
const MAX_EVENT_BODY_BASE64_LENGTH = 4 * Math.ceil(MAX_EVENT_BODY_BYTES / 3);

export interface ParsedEvent {
  id: string;
  body: Buffer;
}

/** A client-supplied name, shortened and quoted for an error message. */
function quote(name: string): string {
  return JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseVaultId(value: unknown): string {
  return parseUuidParam(value, "vaultId");
}

/** A UUID path parameter (`accountId`, `inviteId`, ...): 400 naming it otherwise. */
export function parseUuidParam(value: unknown, name: string): string {
  if (!isLowercaseUuid(value)) {
    throw invalidRequest(`${name} in the URL path must be a lowercase UUID.`);
  }
  return value;
}

/**
 * Strict base64 (RFC 4648 section 4, with padding, no whitespace, no
 * base64url): decoding and re-encoding must give back the exact text, which
 * rejects stray characters, missing padding and non-zero padding bits.
 */
export function decodeBase64Strict(text: string): Buffer | undefined {
  if (text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : undefined;
}

export function parseAppendBody(body: unknown): ParsedEvent[] {
  if (!isPlainObject(body)) {
    throw invalidRequest('The request body must be a JSON object like {"events": [...]}.');
  }
  for (const key of Object.keys(body)) {
    if (key !== "events")
      throw invalidRequest(`${quote(key)} is not an allowed field; only "events" is.`);
  }
  const events = body.events;
  if (!Array.isArray(events)) {
    throw invalidRequest(`events must be an array of 1 to ${MAX_EVENTS_PER_BATCH} events.`);
  }
  if (events.length < 1 || events.length > MAX_EVENTS_PER_BATCH) {
    throw invalidRequest(
      `events must hold 1 to ${MAX_EVENTS_PER_BATCH} events (it has ${events.length}).`,
    );
  }
  return events.map((event: unknown, index) => {
    const where = `events[${index}]`;
    if (!isPlainObject(event)) {
      throw invalidRequest(`${where} must be an object with "id" and "body".`);
    }
    for (const key of Object.keys(event)) {
      if (key !== "id" && key !== "body") {
        throw invalidRequest(
          `${where} has the field ${quote(key)}, which is not allowed; only "id" and "body" are.`,
        );
      }
    }
    if (!isLowercaseUuid(event.id)) {
      throw invalidRequest(`${where}.id must be a lowercase UUID.`);
    }
    const text = event.body;
    if (typeof text !== "string") {
      throw invalidRequest(`${where}.body must be a base64 string.`);
    }
    if (text.length === 0) {
      throw invalidRequest(`${where}.body must not be empty.`);
    }
    if (text.length > MAX_EVENT_BODY_BASE64_LENGTH) {
      throw invalidRequest(
        `${where}.body is larger than ${MAX_EVENT_BODY_BYTES} bytes (256 KiB) once decoded.`,
      );
    }
    const bytes = decodeBase64Strict(text);
    if (bytes === undefined) {
      throw invalidRequest(`${where}.body is not valid base64.`);
    }
    if (bytes.byteLength > MAX_EVENT_BODY_BYTES) {
      throw invalidRequest(
        `${where}.body is larger than ${MAX_EVENT_BODY_BYTES} bytes (256 KiB) once decoded.`,
      );
    }
    return { id: event.id, body: bytes };
  });
}

export interface PullQuery {
  after: number;
  limit: number;
  /** Read from the end instead: the newest `limit` events before this seq (not with `after`). */
  before?: number;
}

function parseCount(
  query: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = query[name];
  if (value === undefined) return fallback;
  if (typeof value !== "string") throw invalidRequest(`${name} may be given only once.`);
  const number = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw invalidRequest(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return number;
}

export function parsePullQuery(query: unknown): PullQuery {
  const q = isPlainObject(query) ? query : {};
  for (const key of Object.keys(q)) {
    if (key !== "after" && key !== "limit" && key !== "before") {
      throw invalidRequest(
        `Unknown query parameter ${quote(key)}; only "after", "before" and "limit" are allowed.`,
      );
    }
  }
  if (q.after !== undefined && q.before !== undefined) {
    throw invalidRequest('Give "after" or "before", not both.');
  }
  const limit = parseCount(q, "limit", DEFAULT_PULL_LIMIT, 1, MAX_PULL_LIMIT);
  if (q.before !== undefined) {
    return { after: 0, limit, before: parseCount(q, "before", 0, 1, Number.MAX_SAFE_INTEGER) };
  }
  return { after: parseCount(q, "after", 0, 0, Number.MAX_SAFE_INTEGER), limit };
}

/** The stream's query: only `after` (default 0). */
export function parseStreamQuery(query: unknown): { after: number } {
  const q = isPlainObject(query) ? query : {};
  for (const key of Object.keys(q)) {
    if (key !== "after") {
      throw invalidRequest(`Unknown query parameter ${quote(key)}; only "after" is allowed.`);
    }
  }
  return { after: parseCount(q, "after", 0, 0, Number.MAX_SAFE_INTEGER) };
}

/** Routes without query parameters refuse any, so a typo is not silently ignored. */
export function requireNoQuery(query: unknown): void {
  const keys = isPlainObject(query) ? Object.keys(query) : [];
  if (keys.length > 0) {
    throw invalidRequest(`Unknown query parameter ${quote(keys[0]!)}; this route takes none.`);
  }
}

export function requireJsonContentType(contentType: string | undefined): void {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(
      415,
      "unsupported-media-type",
      "Send the request body as JSON with the header Content-Type: application/json.",
    );
  }
}
