/**
 * The push relay against a mock push service on loopback: delivery at the
 * instant with the exact bytes and a VAPID JWT that verifies, replacing a
 * queue, 410 removing the device, the allow-list, validation, bearer
 * secrets and the registration limit. Run on both backends (push.test.ts).
 */
import { randomUUID } from "node:crypto";
import { pushDeviceResponse, pushKeyResponse } from "@trellis/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/types.ts";
import type { ApiResponse } from "./client.ts";
import { type Harness, TEST_APP_CONFIG, TEST_PUSH_CONTACT } from "./harness.ts";
import {
  fakeAes128gcmBody,
  type MockPushService,
  startMockPushService,
  verifyVapidHeader,
} from "./mock-push-service.ts";

/** Longest a reminder may arrive after its instant (the contract). */
const DELIVERY_BOUND_MS = 5_000;

export interface PushDevice {
  readonly deviceId: string;
  readonly secret: string;
  /** This device's endpoint on the mock (its own path). */
  readonly endpoint: string;
  readonly path: string;
}

function expectRefusal(response: ApiResponse, status: number, reason: string): string {
  expect(response.status, response.text).toBe(status);
  const body = response.body as { error: { reason: string; message: string } };
  expect(body.error.reason).toBe(reason);
  return body.error.message;
}

export function definePushSuite(_kind: Db["kind"], harness: () => Harness): void {
  let mock: MockPushService;
  beforeAll(async () => {
    mock = await startMockPushService();
  });
  afterAll(async () => {
    await mock?.close();
  });

  const client = () => harness().client;
  const b64url = (bytes: Buffer) => bytes.toString("base64url");
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  async function register(): Promise<PushDevice> {
    const created = await client().call(pushDeviceResponse, {
      method: "POST",
      path: "/api/v1/push/devices",
    });
    const path = `/push/${randomUUID()}`;
    return { ...created, path, endpoint: `${mock.url}${path}` };
  }

  const putSchedule = (device: PushDevice, body: unknown, secret = device.secret) =>
    client().request({
      method: "PUT",
      path: `/api/v1/push/devices/${device.deviceId}/schedule`,
      token: secret,
      body,
    });

  async function queued(deviceId: string): Promise<string[]> {
    const { rows } = await harness().db.query<{ item_id: string }>(
      "SELECT item_id FROM push_items WHERE device_id = $1 ORDER BY item_id",
      [deviceId],
    );
    return rows.map((row) => row.item_id);
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("GET /push/key gives the VAPID public key: an uncompressed P-256 point", async () => {
    const { publicKey } = await client().call(pushKeyResponse, {
      method: "GET",
      path: "/api/v1/push/key",
    });
    const point = Buffer.from(publicKey, "base64url");
    expect(point.byteLength).toBe(65);
    expect(point[0]).toBe(4);
    expect(publicKey).toBe(harness().secrets.vapid.publicKey.toString("base64url"));
  });

  it("an item arrives within 5 s of its instant, its exact bytes, with a VAPID JWT that verifies against /push/key", async () => {
    const { publicKey } = await client().call(pushKeyResponse, {
      method: "GET",
      path: "/api/v1/push/key",
    });
    const device = await register();
    const payload = fakeAes128gcmBody(200);
    const at = inSeconds(2);
    const response = await putSchedule(device, {
      endpoint: device.endpoint,
      items: [{ id: "r1", at, payload: b64url(payload), ttlSeconds: 3600 }],
    });
    expect(response.status, response.text).toBe(204);
    expect(await queued(device.deviceId)).toEqual(["r1"]);

    const delivery = await mock.waitFor((d) => d.path === device.path);
    const delay = delivery.receivedAt - Date.parse(at);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(DELIVERY_BOUND_MS);
    expect(delivery.body.equals(payload)).toBe(true);
    expect(delivery.headers["content-encoding"]).toBe("aes128gcm");
    expect(delivery.headers.urgency).toBe("high");
    const ttl = Number(delivery.headers.ttl);
    expect(ttl).toBeGreaterThan(3600 - 10);
    expect(ttl).toBeLessThanOrEqual(3600);
    const claims = verifyVapidHeader(delivery.headers.authorization, publicKey);
    expect(claims.aud).toBe(mock.url);
    expect(claims.sub).toBe(TEST_PUSH_CONTACT);
    const now = Date.now() / 1000;
    expect(claims.exp).toBeGreaterThan(now);
    expect(claims.exp).toBeLessThanOrEqual(now + 24 * 60 * 60);
    // Accepted (201): it leaves the queue.
    await until(async () => (await queued(device.deviceId)).length === 0, "the item is settled");
    expect(mock.deliveries.filter((d) => d.path === device.path)).toHaveLength(1);
  });

  it("a replaced queue drops the old items; an unchanged item keeps its place", async () => {
    const device = await register();
    const old = [fakeAes128gcmBody(100), fakeAes128gcmBody(100)];
    const fresh = fakeAes128gcmBody(100);
    const at = inSeconds(2);
    expect(
      (
        await putSchedule(device, {
          endpoint: device.endpoint,
          items: old.map((bytes, i) => ({
            id: `old-${i}`,
            at,
            payload: b64url(bytes),
            ttlSeconds: 600,
          })),
        })
      ).status,
    ).toBe(204);
    const replaced = await putSchedule(device, {
      endpoint: device.endpoint,
      items: [
        { id: "new", at, payload: b64url(fresh), ttlSeconds: 600 },
        { id: "old-1", at, payload: b64url(old[1]!), ttlSeconds: 600 },
      ],
    });
    expect(replaced.status, replaced.text).toBe(204);
    expect(await queued(device.deviceId)).toEqual(["new", "old-1"]);
    await until(async () => (await queued(device.deviceId)).length === 0, "both are sent");
    const bodies = mock.deliveries.filter((d) => d.path === device.path).map((d) => d.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.some((b) => b.equals(fresh))).toBe(true);
    expect(bodies.some((b) => b.equals(old[1]!))).toBe(true);
    expect(bodies.some((b) => b.equals(old[0]!))).toBe(false);
  });

  it("410 from the push service removes the device and its queue", async () => {
    const device = await register();
    mock.answer = (d) => (d.path === device.path ? 410 : 201);
    try {
      const at = inSeconds(1);
      const items = ["a", "b"].map((id) => ({
        id,
        at: id === "a" ? at : inSeconds(3000),
        payload: b64url(fakeAes128gcmBody()),
        ttlSeconds: 600,
      }));
      expect((await putSchedule(device, { endpoint: device.endpoint, items })).status).toBe(204);
      await mock.waitFor((d) => d.path === device.path);
      await until(async () => {
        const { rows } = await harness().db.query("SELECT 1 FROM push_devices WHERE id = $1", [
          device.deviceId,
        ]);
        return rows.length === 0;
      }, "the device is gone");
      expect(await queued(device.deviceId)).toEqual([]);
      expectRefusal(
        await putSchedule(device, { endpoint: device.endpoint, items: [] }),
        401,
        "unauthenticated",
      );
    } finally {
      mock.answer = () => 201;
    }
  });

  it("a failure is tried again; the item leaves the queue once accepted", async () => {
    const device = await register();
    let failures = 1;
    mock.answer = (d) => (d.path === device.path && failures-- > 0 ? 503 : 201);
    try {
      const payload = fakeAes128gcmBody();
      const items = [{ id: "x", at: inSeconds(1), payload: b64url(payload), ttlSeconds: 600 }];
      expect((await putSchedule(device, { endpoint: device.endpoint, items })).status).toBe(204);
      await until(async () => (await queued(device.deviceId)).length === 0, "it is accepted");
      const sent = mock.deliveries.filter((d) => d.path === device.path);
      expect(sent).toHaveLength(2);
      expect(sent.every((d) => d.body.equals(payload))).toBe(true);
    } finally {
      mock.answer = () => 201;
    }
  });

  it("an endpoint off the allow-list is refused, and nothing changes", async () => {
    const device = await register();
    const item = {
      id: "k",
      at: inSeconds(3000),
      payload: b64url(fakeAes128gcmBody()),
      ttlSeconds: 60,
    };
    expect((await putSchedule(device, { endpoint: device.endpoint, items: [item] })).status).toBe(
      204,
    );
    for (const endpoint of [
      "https://push.attacker.org/fcm/send/abc",
      "https://fcm.googleapis.com.attacker.org/x",
      "http://fcm.googleapis.com/fcm/send/abc", // not https
      "https://fcm.googleapis.com:8443/fcm/send/abc", // not the standard port
      "https://user:pass@fcm.googleapis.com/fcm/send/abc",
      "http://10.0.0.1/push",
      "http://localhost:9/push", // loopback, but not an allowed host
      "not a url",
    ]) {
      const message = expectRefusal(
        await putSchedule(device, { endpoint, items: [] }),
        400,
        "invalid-request",
      );
      expect(message).toMatch(/^endpoint /);
    }
    expect(await queued(device.deviceId)).toEqual(["k"]);
    // The known push services are fine.
    for (const endpoint of [
      "https://fcm.googleapis.com/fcm/send/abc",
      "https://updates.push.services.mozilla.com/wpush/v2/abc",
      "https://web.push.apple.com/QGx",
      "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ]) {
      expect((await putSchedule(device, { endpoint, items: [item] })).status).toBe(204);
    }
    await client().request({
      method: "DELETE",
      path: `/api/v1/push/devices/${device.deviceId}`,
      token: device.secret,
    });
  });

  it("bad schedules are a 400 saying what and where, and change nothing", async () => {
    const device = await register();
    const good = () => ({
      id: "g",
      at: inSeconds(3000),
      payload: b64url(fakeAes128gcmBody()),
      ttlSeconds: 60,
    });
    expect((await putSchedule(device, { endpoint: device.endpoint, items: [good()] })).status).toBe(
      204,
    );
    const endpoint = device.endpoint;
    const cases: [unknown, RegExp][] = [
      [{ endpoint }, /^items is required/],
      [{ endpoint, items: [good()], extra: 1 }, /^extra is not an allowed field/],
      [{ endpoint, items: [{ ...good(), at: "2026-05-01T21:00:00" }] }, /^items\[0\]\.at .*offset/],
      [{ endpoint, items: [{ ...good(), at: "tomorrow" }] }, /^items\[0\]\.at /],
      [
        { endpoint, items: [good(), { ...good(), id: "h", at: inSeconds(61 * 86400) }] },
        /^items\[1\]\.at is more than 60 days ahead/,
      ],
      [
        { endpoint, items: [{ ...good(), at: inSeconds(-25 * 3600) }] },
        /^items\[0\]\.at is more than 24 hours in the past/,
      ],
      [{ endpoint, items: [good(), good()] }, /^items\[1\]\.id is the same as items\[0\]\.id/],
      [{ endpoint, items: [{ ...good(), id: "" }] }, /^items\[0\]\.id /],
      [
        { endpoint, items: [{ ...good(), payload: "not base64!" }] },
        /^items\[0\]\.payload must be base64url/,
      ],
      [
        { endpoint, items: [{ ...good(), payload: b64url(fakeAes128gcmBody(4096)) }] },
        /^items\[0\]\.payload is larger than 4096 bytes/,
      ],
      [
        // 4097 bytes: within the schema's text length, caught once decoded.
        { endpoint, items: [{ ...good(), payload: b64url(fakeAes128gcmBody(4097 - 86)) }] },
        /^items\[0\]\.payload is larger than 4096 bytes once decoded \(it is 4097\)/,
      ],
      [
        // Exactly 4096 is fine: the failure here is the next item's.
        {
          endpoint,
          items: [
            { ...good(), payload: b64url(fakeAes128gcmBody(4096 - 86)) },
            { ...good(), id: "h", ttlSeconds: -1 },
          ],
        },
        /^items\[1\]\.ttlSeconds/,
      ],
      [
        { endpoint, items: [{ ...good(), payload: b64url(Buffer.from('{"title":"Gonal-f"}')) }] },
        /^items\[0\]\.payload is not an aes128gcm body/,
      ],
      [
        { endpoint, items: [{ ...good(), ttlSeconds: -1 }] },
        /^items\[0\]\.ttlSeconds must be at least 0/,
      ],
      [
        { endpoint, items: [{ ...good(), ttlSeconds: 29 * 86400 }] },
        /^items\[0\]\.ttlSeconds must be at most 2419200/,
      ],
      [{ endpoint, items: [{ ...good(), ttlSeconds: 1.5 }] }, /^items\[0\]\.ttlSeconds /],
      [
        { endpoint, items: Array.from({ length: 501 }, (_, i) => ({ ...good(), id: `i${i}` })) },
        /^items must hold at most 500 items/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await putSchedule(device, body);
      expect(expectRefusal(response, 400, "invalid-request")).toMatch(message);
    }
    expect(await queued(device.deviceId)).toEqual(["g"]);
  });

  it("the device secret is needed: missing, wrong or for another device is 401; DELETE removes all", async () => {
    const device = await register();
    const other = await register();
    const body = { endpoint: device.endpoint, items: [] };
    const noToken = await client().request({
      method: "PUT",
      path: `/api/v1/push/devices/${device.deviceId}/schedule`,
      body,
    });
    expectRefusal(noToken, 401, "unauthenticated");
    expect(noToken.headers["www-authenticate"]).toBe("Bearer");
    expectRefusal(await putSchedule(device, body, other.secret), 401, "unauthenticated");
    expectRefusal(
      await putSchedule({ ...device, deviceId: randomUUID() }, body),
      401,
      "unauthenticated",
    );
    expect(
      expectRefusal(
        await putSchedule({ ...device, deviceId: "nope" }, body),
        400,
        "invalid-request",
      ),
    ).toMatch(/^deviceId /);

    const items = [
      { id: "d", at: inSeconds(3000), payload: b64url(fakeAes128gcmBody()), ttlSeconds: 60 },
    ];
    expect((await putSchedule(device, { endpoint: device.endpoint, items })).status).toBe(204);
    const wrongDelete = await client().request({
      method: "DELETE",
      path: `/api/v1/push/devices/${device.deviceId}`,
      token: other.secret,
    });
    expectRefusal(wrongDelete, 401, "unauthenticated");
    const deleted = await client().request({
      method: "DELETE",
      path: `/api/v1/push/devices/${device.deviceId}`,
      token: device.secret,
    });
    expect(deleted.status).toBe(204);
    expect(await queued(device.deviceId)).toEqual([]);
    expectRefusal(await putSchedule(device, body), 401, "unauthenticated");
  });

  it("the database holds the secret's hash only, and no payload once sent", async () => {
    const device = await register();
    const { rows } = await harness().db.query<{ secret_hash: Uint8Array }>(
      "SELECT secret_hash FROM push_devices WHERE id = $1",
      [device.deviceId],
    );
    expect(rows[0]!.secret_hash.byteLength).toBe(32);
    expect(Buffer.from(rows[0]!.secret_hash).toString("base64url")).not.toBe(device.secret);
  });

  it("a device's schedule uploads are limited per day (429 with retryAfter), nothing replaced", async () => {
    const strict = await harness().buildApp({
      config: { ...TEST_APP_CONFIG, quotas: { pushSchedulesPerDay: 2 } },
      pushScheduler: false,
    });
    const created = await strict.inject({ method: "POST", url: "/api/v1/push/devices" });
    const device = created.json() as { deviceId: string; secret: string };
    const put = (id: string) =>
      strict.inject({
        method: "PUT",
        url: `/api/v1/push/devices/${device.deviceId}/schedule`,
        headers: { authorization: `Bearer ${device.secret}` },
        payload: {
          endpoint: `${mock.url}/push/${randomUUID()}`,
          items: [
            { id, at: inSeconds(3000), payload: b64url(fakeAes128gcmBody()), ttlSeconds: 60 },
          ],
        },
      });
    expect((await put("one")).statusCode).toBe(204);
    expect((await put("two")).statusCode).toBe(204);
    const third = await put("three");
    expect(third.statusCode).toBe(429);
    const body = third.json() as { error: { reason: string; retryAfter: number } };
    expect(body.error.reason).toBe("rate-limited");
    expect(body.error.retryAfter).toBeGreaterThan(0);
    expect(await queued(device.deviceId)).toEqual(["two"]);
  });

  it("registering push devices is limited per address (429 with retryAfter)", async () => {
    const strict = await harness().buildApp({
      rateLimits: { pushDevicePerAddress: { limit: 2, windowSeconds: 900 } },
      pushScheduler: false,
    });
    let refused: ApiResponse | undefined;
    for (let i = 0; i < 3 && refused === undefined; i += 1) {
      const response = await strict.inject({ method: "POST", url: "/api/v1/push/devices" });
      if (response.statusCode !== 200) {
        refused = {
          status: response.statusCode,
          headers: response.headers as Record<string, string>,
          body: response.json(),
          text: response.body,
          raw: response.rawPayload,
        };
      }
    }
    expect(refused).toBeDefined();
    expectRefusal(refused!, 429, "rate-limited");
    expect((refused!.body as { error: { retryAfter: number } }).error.retryAfter).toBeGreaterThan(
      0,
    );
  });

  describe("POST /push/devices", () => {
    it("takes no body or {}; anything else is a 400", async () => {
      const withEmpty = await client().request({
        method: "POST",
        path: "/api/v1/push/devices",
        body: {},
      });
      expect(withEmpty.status).toBe(200);
      expect(pushDeviceResponse.safeParse(withEmpty.body).success).toBe(true);
      const withField = await client().request({
        method: "POST",
        path: "/api/v1/push/devices",
        body: { name: "Maya's phone" },
      });
      expectRefusal(withField, 400, "invalid-request");
    });
  });
}
