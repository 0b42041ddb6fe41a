import { z } from "zod";

/**
 * The push relay (issue 14): a device encrypts each reminder itself (RFC 8291,
 * for its own push subscription) and leaves the server only *when* to send
 * *which opaque bytes* to *which push endpoint*. No account needed.
 *
 * - `GET /push/key` → `pushKeyResponse`: the server's VAPID public key, for
 *   `PushManager.subscribe({ applicationServerKey })`.
 * - `POST /push/devices` (no body, or `{}`) → `pushDeviceResponse`.
 * - `PUT /push/devices/:deviceId/schedule` (`Authorization: Bearer <secret>`)
 *   with `pushScheduleRequest` → 204: replaces the device's whole queue.
 * - `DELETE /push/devices/:deviceId` (same bearer) → 204.
 *
 * The server checks more than these schemas can say (the endpoint's host,
 * each payload's decoded size and aes128gcm header, unique ids, how far
 * ahead `at` may be); see docs/push.md.
 */

/** Items in one queue. */
export const MAX_PUSH_ITEMS = 500;
/** Largest payload, decoded: what push services accept as one message. */
export const MAX_PUSH_PAYLOAD_BYTES = 4096;
/** Longest TTL push services honour (FCM: 4 weeks). */
export const MAX_PUSH_TTL_SECONDS = 28 * 24 * 60 * 60;
/** Longest endpoint URL accepted. */
export const MAX_PUSH_ENDPOINT_LENGTH = 2048;

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
    error: "must be a lowercase UUID",
  });

/** `GET /push/key`: the uncompressed P-256 public key (65 bytes), unpadded base64url. */
export const pushKeyResponse = z.strictObject({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/, { error: "must be 65 bytes, base64url" }),
});

/** `POST /push/devices`: the device's id and its bearer secret (32 random bytes, base64url), shown once. */
export const pushDeviceResponse = z.strictObject({
  deviceId: uuid,
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "must be 32 bytes, base64url" }),
});

/**
 * One reminder. `id`: the device's own name for it (1 to 128 visible ASCII
 * characters, unique in the queue; keep it meaningless, e.g. random).
 * `at`: an ISO 8601 instant with offset (`2026-05-01T21:00:00+02:00`).
 * `payload`: base64url (padding optional) of the RFC 8291 `aes128gcm` body,
 * 1 to 4096 bytes decoded, sent as it is. `ttlSeconds`: how long the push
 * service may hold it for an offline device (also how long the server
 * keeps trying when the push service fails; at least 60 s for that).
 */
export const pushItem = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\x21-\x7e]+$/, { error: "must be visible ASCII characters (no spaces)" }),
  at: z.iso.datetime({
    offset: true,
    error: "must be an ISO 8601 instant with an offset, like 2026-05-01T21:00:00+02:00",
  }),
  payload: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_PUSH_PAYLOAD_BYTES * 4) / 3) + 2, {
      error: `is larger than ${MAX_PUSH_PAYLOAD_BYTES} bytes once decoded`,
    })
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: "must be base64url" }),
  ttlSeconds: z.int().min(0).max(MAX_PUSH_TTL_SECONDS),
});
export type PushItem = z.infer<typeof pushItem>;

/** `PUT /push/devices/:deviceId/schedule`: the whole queue (0 items clears it). */
export const pushScheduleRequest = z.strictObject({
  endpoint: z.string().min(1).max(MAX_PUSH_ENDPOINT_LENGTH),
  items: z.array(pushItem).max(MAX_PUSH_ITEMS),
});
export type PushScheduleRequest = z.infer<typeof pushScheduleRequest>;
