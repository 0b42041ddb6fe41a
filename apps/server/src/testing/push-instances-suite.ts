/**
 * Two server instances (two apps, each with its own connection pool) on one
 * PostgreSQL database: every item is sent exactly once, and both take part.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp, pushStats } from "../app.ts";
import { makeServerSecrets } from "../auth/secrets.ts";
import type { Db } from "../db/types.ts";
import { openTestPostgres, type TestDatabase } from "./databases.ts";
import { LOOSE_RATE_LIMITS, TEST_APP_CONFIG } from "./harness.ts";
import {
  fakeAes128gcmBody,
  type MockPushService,
  startMockPushService,
} from "./mock-push-service.ts";

export function defineTwoInstancePushSuite(adminUrl: string): void {
  let testDb: TestDatabase;
  let second: Db;
  let mock: MockPushService;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    testDb = await openTestPostgres(adminUrl);
    second = await testDb.openAnother!();
    mock = await startMockPushService();
    const secrets = await makeServerSecrets();
    for (const db of [testDb.db, second]) {
      const app = buildApp({
        db,
        secrets,
        config: TEST_APP_CONFIG,
        logger: false,
        rateLimits: LOOSE_RATE_LIMITS,
        // Small rounds, so the second instance finds items left to claim.
        pushScheduler: { batch: 5 },
      });
      await app.ready();
      apps.push(app);
    }
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await mock?.close();
    await testDb?.cleanup();
  });

  it("two instances on one PostgreSQL deliver each item exactly once", async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    // Hold every message until both instances have some in flight: each
    // has then claimed a round of its own.
    mock.answer = () => "hold";
    const at = new Date(Date.now() + 2000).toISOString();
    const sent = new Map<string, Buffer>();
    for (let d = 0; d < 4; d += 1) {
      const created = (await a.inject({ method: "POST", url: "/api/v1/push/devices" })).json() as {
        deviceId: string;
        secret: string;
      };
      const path = `/push/${randomUUID()}`;
      const items = Array.from({ length: 10 }, (_, i) => {
        const payload = fakeAes128gcmBody(64);
        sent.set(`${path}#${payload.toString("hex")}`, payload);
        return { id: `r${i}`, at, payload: payload.toString("base64url"), ttlSeconds: 600 };
      });
      const put = await (d % 2 === 0 ? a : b).inject({
        method: "PUT",
        url: `/api/v1/push/devices/${created.deviceId}/schedule`,
        headers: { authorization: `Bearer ${created.secret}` },
        payload: { endpoint: `${mock.url}${path}`, items },
      });
      expect(put.statusCode, put.body).toBe(204);
    }
    const deadline = Date.now() + 30_000;
    while (!(pushStats(a).inFlight > 0 && pushStats(b).inFlight > 0)) {
      if (Date.now() > deadline) throw new Error("Both instances never had items in flight.");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    mock.answer = () => 201;
    mock.release(201);

    const left = async () =>
      Number(
        (await testDb.db.query<{ n: unknown }>("SELECT count(*) AS n FROM push_items")).rows[0]!.n,
      );
    while ((await left()) > 0) {
      if (Date.now() > deadline) throw new Error("The queue never emptied.");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const received = mock.deliveries.map((d) => `${d.path}#${d.body.toString("hex")}`);
    expect(new Set(received).size).toBe(received.length); // none twice
    expect(new Set(received)).toEqual(new Set(sent.keys())); // none missing
    expect(pushStats(a).sent).toBeGreaterThan(0);
    expect(pushStats(b).sent).toBeGreaterThan(0);
    expect(pushStats(a).sent + pushStats(b).sent).toBe(sent.size);
  });
}
