/**
 * The push relay's HTTP API (docs/push.md), as the device uses it, and the
 * step from a planned queue to what the relay keeps: opaque ids, instants
 * and encrypted bytes.
 */
import { fromBase64Url, toBase64Url } from "./base64url.ts";
import { PAYLOAD_PAD_BYTES } from "./payload.ts";
import type { PlannedItem } from "./queue.ts";
import { encryptWebPush, type SubscriptionKeys } from "./web-push-encrypt.ts";

/** This device's push device at the relay: kept in the record's meta (sealed with the app lock on). */
export interface PushDevice {
  readonly deviceId: string;
  /** The bearer secret for this device's queue: lets its holder replace or delete it, nothing else. */
  readonly secret: string;
  /** Decoy items at random instants (off by default). */
  readonly decoys: boolean;
}

/** Where the client keeps `PushDevice` (`SyncStore.getMeta`). */
export const PUSH_META_KEY = "push-device";

/** One item as the relay takes it. */
export interface RelayItem {
  readonly id: string;
  readonly at: string;
  readonly payload: string;
  readonly ttlSeconds: number;
}

export interface PushRelay {
  publicKey(): Promise<string>;
  register(): Promise<{ deviceId: string; secret: string }>;
  putSchedule(device: PushDevice, endpoint: string, items: readonly RelayItem[]): Promise<void>;
  remove(device: PushDevice): Promise<void>;
}

/** Thrown when the relay answers with anything but success; `status` says what it was. */
export class RelayError extends Error {
  constructor(readonly status: number) {
    super(`push relay answered ${status}`);
  }
}

/** The relay at `base` (same origin by default). */
export function pushRelay(base = "", fetchFn: typeof fetch = (...a) => fetch(...a)): PushRelay {
  const call = async (method: string, path: string, secret?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetchFn(`${base}/api/v1/push${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new RelayError(res.status);
    return res;
  };
  return {
    async publicKey() {
      return ((await (await call("GET", "/key")).json()) as { publicKey: string }).publicKey;
    },
    async register() {
      return (await (await call("POST", "/devices", undefined, {})).json()) as {
        deviceId: string;
        secret: string;
      };
    },
    async putSchedule(device, endpoint, items) {
      await call("PUT", `/devices/${encodeURIComponent(device.deviceId)}/schedule`, device.secret, {
        endpoint,
        items,
      });
    },
    async remove(device) {
      try {
        await call("DELETE", `/devices/${encodeURIComponent(device.deviceId)}`, device.secret);
      } catch (e) {
        // Already gone (the push service said the subscription ended, and the relay forgot it).
        if (!(e instanceof RelayError && (e.status === 401 || e.status === 404))) throw e;
      }
    },
  };
}

/**
 * Ids the relay cannot link to anything: HMAC-SHA-256 of the reminder's
 * seed under the device's secret, so the same reminder keeps its id across
 * uploads (a snooze chosen before a re-upload still finds its copy).
 */
export async function opaqueIds(secret: string): Promise<(seed: string) => Promise<string>> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return async (seed) => {
    const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(seed));
    return toBase64Url(new Uint8Array(mac).subarray(0, 16));
  };
}

/** Encrypts each planned item for the subscription, every payload padded to one size. */
export async function encryptQueue(
  items: readonly PlannedItem[],
  keys: SubscriptionKeys,
): Promise<RelayItem[]> {
  const encoder = new TextEncoder();
  return Promise.all(
    items.map(async (item) => ({
      id: item.id,
      at: new Date(item.atMs).toISOString(),
      ttlSeconds: item.ttlSeconds,
      payload: toBase64Url(
        await encryptWebPush(encoder.encode(JSON.stringify(item.payload)), keys, {
          padTo: PAYLOAD_PAD_BYTES,
        }),
      ),
    })),
  );
}

/** The VAPID key as `pushManager.subscribe` takes it. */
export const applicationServerKey = (publicKey: string) => fromBase64Url(publicKey);
