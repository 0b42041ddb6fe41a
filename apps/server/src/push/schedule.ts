/**
 * Checking a schedule beyond its schema (@trellis/sync `pushScheduleRequest`):
 * the endpoint's host, each payload's bytes, unique ids and how far ahead an
 * instant may be. The first problem is a 400 naming where it is; nothing is
 * stored. Messages never quote payloads.
 */
import type { PushScheduleRequest } from "@trellis/sync";
import { MAX_PUSH_PAYLOAD_BYTES } from "@trellis/sync";
import { invalidRequest } from "../http/errors.ts";
import { checkPushEndpoint } from "./endpoints.ts";
import type { NewPushItem } from "./store.ts";

/** How far ahead an item may be: the device uploads the next 14 days; this leaves room. */
export const MAX_PUSH_DAYS_AHEAD = 60;
/** How far back: an item just due, from a device whose clock is a little off. */
export const MAX_PUSH_HOURS_BEHIND = 24;

const DAY_MS = 24 * 60 * 60 * 1000;
/** RFC 8188 header: salt (16), record size (4), key id length (1), key id; then at least a tag (16) and a delimiter. */
const MIN_HEADER = 21;
const MIN_TAIL = 17;

/** Decodes base64url (padding optional) canonically, or undefined. */
function decodePayload(text: string): Buffer | undefined {
  const bare = text.replace(/=+$/, "");
  if (text.length - bare.length > 0 && text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(bare, "base64url");
  return bytes.toString("base64url") === bare ? bytes : undefined;
}

/** Whether `bytes` has the shape of an aes128gcm body (RFC 8188 section 2.1). */
function looksLikeAes128gcm(bytes: Buffer): boolean {
  if (bytes.byteLength < MIN_HEADER + MIN_TAIL) return false;
  const recordSize = bytes.readUInt32BE(16);
  const keyIdLength = bytes[20]!;
  return recordSize >= 18 && bytes.byteLength >= MIN_HEADER + keyIdLength + MIN_TAIL;
}

export interface CheckedSchedule {
  readonly endpoint: string;
  readonly items: NewPushItem[];
}

export function checkSchedule(
  request: PushScheduleRequest,
  allowHosts: readonly string[],
  now: number = Date.now(),
): CheckedSchedule {
  const endpoint = checkPushEndpoint(request.endpoint, allowHosts);
  if (!endpoint.ok) throw invalidRequest(`endpoint ${endpoint.problem}`);
  const seen = new Map<string, number>();
  const items = request.items.map((item, index): NewPushItem => {
    const where = `items[${index}]`;
    const earlier = seen.get(item.id);
    if (earlier !== undefined) {
      throw invalidRequest(`${where}.id is the same as items[${earlier}].id; ids must be unique.`);
    }
    seen.set(item.id, index);
    const dueAt = new Date(item.at);
    if (dueAt.getTime() > now + MAX_PUSH_DAYS_AHEAD * DAY_MS) {
      throw invalidRequest(`${where}.at is more than ${MAX_PUSH_DAYS_AHEAD} days ahead.`);
    }
    if (dueAt.getTime() < now - (MAX_PUSH_HOURS_BEHIND * DAY_MS) / 24) {
      throw invalidRequest(`${where}.at is more than ${MAX_PUSH_HOURS_BEHIND} hours in the past.`);
    }
    const payload = decodePayload(item.payload);
    if (payload === undefined) {
      throw invalidRequest(`${where}.payload is not valid base64url.`);
    }
    if (payload.byteLength > MAX_PUSH_PAYLOAD_BYTES) {
      throw invalidRequest(
        `${where}.payload is larger than ${MAX_PUSH_PAYLOAD_BYTES} bytes once decoded (it is ${payload.byteLength}).`,
      );
    }
    if (!looksLikeAes128gcm(payload)) {
      throw invalidRequest(
        `${where}.payload is not an aes128gcm body (RFC 8188 header, then the encrypted record); encrypt it for the subscription first (RFC 8291).`,
      );
    }
    return { id: item.id, dueAt, ttlSeconds: item.ttlSeconds, payload };
  });
  return { endpoint: endpoint.url.href, items };
}
