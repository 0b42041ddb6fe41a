/**
 * Faults: the server process is killed (SIGKILL, no chance to clean up) in
 * the middle of a burst of appends, then started again on the same data.
 * Every append the client saw acknowledged (a 200) must be there, and no
 * event twice; resending what was in flight (as the app's outbox does) must
 * store each of those events exactly once. On PGlite (a data directory) and
 * on PostgreSQL.
 */
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { killChildren, startChild } from "./testing/child-server.ts";
import {
  fetchTransport,
  type SealedTestEvent,
  type TestAccount,
  TestClient,
  type TestVault,
} from "./testing/client.ts";
import {
  describePostgres,
  makeTempDir,
  openTestPostgres,
  type TestDatabase,
} from "./testing/databases.ts";

afterAll(killChildren);

/**
 * Writers append small batches as fast as they can until the server goes
 * away. Returns the ids acknowledged (200 received) and the batches that
 * were sent but not acknowledged (in flight when the server died).
 */
async function burst(
  client: TestClient,
  account: TestAccount,
  vault: TestVault,
  onAcknowledged: (total: number) => void,
): Promise<{ acknowledged: string[]; inFlight: SealedTestEvent[][] }> {
  const acknowledged: string[] = [];
  const inFlight: SealedTestEvent[][] = [];
  await Promise.all(
    Array.from({ length: 8 }, async (_, writer) => {
      for (let n = 0; ; n += 1) {
        const batch = client.seal(
          vault,
          Array.from({ length: 1 + ((writer + n) % 3) }, (_, i) => `dose ${writer}.${n}.${i}`),
        );
        try {
          const { results } = await client.append(account, vault.vaultId, batch);
          expect(results.map((r) => r.id)).toEqual(batch.map((e) => e.id));
          acknowledged.push(...batch.map((e) => e.id));
          onAcknowledged(acknowledged.length);
        } catch {
          inFlight.push(batch); // no answer: maybe stored, maybe not
          return;
        }
      }
    }),
  );
  return { acknowledged, inFlight };
}

async function crashDuringBurst(env: Record<string, string>): Promise<void> {
  const first = await startChild(env);
  const client = new TestClient(fetchTransport(first.url));
  const maya = await client.register({ username: "maya" });
  const vault = await client.createVault(maya);

  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    first.proc.kill("SIGKILL");
  };
  // Kill after a good number of acknowledged appends (or after 3 s whatever happened).
  const timer = setTimeout(kill, 3_000);
  const { acknowledged, inFlight } = await burst(client, maya, vault, (total) => {
    if (total >= 150) kill();
  });
  clearTimeout(timer);
  expect((await first.exited).signal).toBe("SIGKILL");
  expect(acknowledged.length).toBeGreaterThan(20);
  expect(inFlight.length).toBeGreaterThan(0);

  const second = await startChild(env);
  try {
    const again = new TestClient(fetchTransport(second.url));
    const { events } = await again.pullAll(maya, vault.vaultId);
    const ids = events.map((e) => e.id);
    // Nothing acknowledged is lost; nothing is there twice; order is intact.
    expect(new Set(ids).size).toBe(ids.length);
    const present = new Set(ids);
    expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.seq).toBeGreaterThan(events[i - 1]!.seq);
    }
    // Whatever is there beyond the acknowledged came from in-flight batches.
    const sent = new Set([...acknowledged, ...inFlight.flat().map((e) => e.id)]);
    expect(ids.filter((id) => !sent.has(id))).toEqual([]);
    // Every stored event still opens.
    expect(again.open(vault, events)).toHaveLength(events.length);

    // The outbox resends what was in flight: each is stored exactly once.
    for (const batch of inFlight) {
      const { results } = await again.append(maya, vault.vaultId, batch);
      for (const result of results) expect(result.stored).toBe(!present.has(result.id));
    }
    const after = (await again.pullAll(maya, vault.vaultId)).events.map((e) => e.id);
    expect(new Set(after).size).toBe(after.length);
    expect(new Set(after)).toEqual(sent);

    second.proc.kill("SIGINT");
    expect((await second.exited).code).toBe(0);
  } finally {
    if (second.proc.exitCode === null) second.proc.kill("SIGKILL");
  }
}

// Each start compiles TypeScript (tsx) and opens the database: allow for a busy machine.
describe("SIGKILL during a burst of appends", { timeout: 240_000 }, () => {
  it("on PGlite: every acknowledged append is there after a restart, none twice", async () => {
    const dataDir = await makeTempDir("trellis-crash-");
    try {
      await crashDuringBurst({ TRELLIS_DATA_DIR: dataDir });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describePostgres("SIGKILL during a burst of appends (PostgreSQL)", (adminUrl) => {
  let testDb: TestDatabase | undefined;
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("on PostgreSQL: every acknowledged append is there after a restart, none twice", {
    timeout: 240_000,
  }, async () => {
    testDb = await openTestPostgres(adminUrl);
    await crashDuringBurst({ TRELLIS_DATABASE_URL: testDb.url! });
  });
});
