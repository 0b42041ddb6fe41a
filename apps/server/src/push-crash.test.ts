/**
 * Faults in the push relay: the server process is killed (SIGKILL) while it
 * sends a due reminder (the mock push service holds the request open). A
 * new process on the same data sends it again, with the same bytes, and
 * the queue is then empty: no due item is lost (it may arrive twice:
 * at-least-once). On PGlite (a data directory) and on PostgreSQL.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPgliteDb } from "./db/pglite.ts";
import { openPostgresDb } from "./db/postgres.ts";
import { killChildren, startChild } from "./testing/child-server.ts";
import {
  describePostgres,
  makeTempDir,
  openTestPostgres,
  type TestDatabase,
} from "./testing/databases.ts";
import { fakeAes128gcmBody, startMockPushService } from "./testing/mock-push-service.ts";

afterAll(killChildren);

async function killedWhileSending(
  env: Record<string, string>,
  countQueued: () => Promise<number>,
): Promise<void> {
  const mock = await startMockPushService();
  const fullEnv = { ...env, TRELLIS_PUSH_ALLOW_HOSTS: "127.0.0.1" };
  try {
    const first = await startChild(fullEnv);
    const created = (await (
      await fetch(`${first.url}/api/v1/push/devices`, { method: "POST" })
    ).json()) as { deviceId: string; secret: string };
    const payload = fakeAes128gcmBody(300);
    const put = await fetch(`${first.url}/api/v1/push/devices/${created.deviceId}/schedule`, {
      method: "PUT",
      headers: { authorization: `Bearer ${created.secret}`, "content-type": "application/json" },
      body: JSON.stringify({
        endpoint: `${mock.url}/push/crash`,
        items: [
          {
            id: "evening",
            at: new Date(Date.now() + 1000).toISOString(),
            payload: payload.toString("base64url"),
            ttlSeconds: 3600,
          },
        ],
      }),
    });
    expect(put.status).toBe(204);

    // The first process sends it; the push service never answers; the process dies.
    mock.answer = () => "hold";
    await mock.waitFor((d) => d.path === "/push/crash", 60_000);
    first.proc.kill("SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    expect(mock.deliveries).toHaveLength(1);

    // A new process finds it in the queue and sends it again, once its claim has run out.
    mock.answer = () => 201;
    const second = await startChild(fullEnv);
    try {
      await mock.waitFor(() => mock.deliveries.length >= 2, 90_000);
      const again = mock.deliveries[1]!;
      expect(again.path).toBe("/push/crash");
      expect(again.body.equals(payload)).toBe(true);
      expect(again.headers["content-encoding"]).toBe("aes128gcm");
      // A clean stop finishes settling what was sent.
      second.proc.kill("SIGINT");
      expect((await second.exited).code).toBe(0);
    } finally {
      if (second.proc.exitCode === null) second.proc.kill("SIGKILL");
    }
    expect(await countQueued()).toBe(0);
  } finally {
    await mock.close();
  }
}

// Each start compiles TypeScript (tsx) and opens the database; the claim runs out after 20 s.
describe("SIGKILL while sending a push reminder", { timeout: 240_000 }, () => {
  it("on PGlite: a new process sends it again, same bytes; the queue is then empty", async () => {
    const dataDir = await makeTempDir("trellis-push-crash-");
    try {
      await killedWhileSending({ TRELLIS_DATA_DIR: dataDir }, async () => {
        const db = await openPgliteDb(join(dataDir, "pglite"));
        try {
          const { rows } = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM push_items");
          return Number(rows[0]!.n);
        } finally {
          await db.close();
        }
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describePostgres("SIGKILL while sending a push reminder (PostgreSQL)", (adminUrl) => {
  let testDb: TestDatabase | undefined;
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("on PostgreSQL: a new process sends it again, same bytes; the queue is then empty", {
    timeout: 240_000,
  }, async () => {
    testDb = await openTestPostgres(adminUrl);
    const url = testDb.url!;
    await killedWhileSending({ TRELLIS_DATABASE_URL: url }, async () => {
      const db = openPostgresDb(url);
      try {
        const { rows } = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM push_items");
        return Number(rows[0]!.n);
      } finally {
        await db.close();
      }
    });
  });
});
