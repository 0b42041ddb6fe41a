/**
 * The opt-in partitioning of the event log by vault (sql/partition-vault-events.sql):
 * on a log of a few thousand vaults every row survives, seqs go on from
 * where they were, and the hot-path queries work, each on one partition.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "./db/migrations.ts";
import { partitionVaultEvents, vaultEventsPartitions } from "./db/partition.ts";
import type { Db } from "./db/types.ts";
import {
  describePostgres,
  openTestPglite,
  openTestPostgres,
  type TestDatabase,
} from "./testing/databases.ts";
import { createVaultStore, PULL_PAGE } from "./vault/store.ts";

/** A fingerprint of every row: count and a sum of per-row hashes of all columns. */
async function fingerprint(db: Db): Promise<{ n: number; h: string; maxSeq: number }> {
  const { rows } = await db.query<{ n: unknown; h: unknown; max_seq: unknown }>(
    `SELECT count(*) AS n, max(seq) AS max_seq,
            sum(hashtextextended(vault_id::text || ':' || seq || ':' || event_id || ':' ||
                md5(ciphertext) || ':' || size_bucket || ':' || received_at, 0))::text AS h
       FROM vault_events`,
  );
  return { n: Number(rows[0]!.n), h: String(rows[0]!.h), maxSeq: Number(rows[0]!.max_seq) };
}

function definePartitionSuite(open: () => Promise<TestDatabase>, vaults: number): void {
  let testDb: TestDatabase;
  const db = () => testDb.db;
  const some: string[] = [];

  beforeAll(async () => {
    testDb = await open();
    await migrate(db());
    // `vaults` vaults with three sealed-looking events each, written in bulk...
    await db().query(
      `INSERT INTO vaults (id) SELECT gen_random_uuid() FROM generate_series(1, $1::integer)`,
      [vaults],
    );
    await db().query(
      `INSERT INTO vault_events (vault_id, event_id, ciphertext, size_bucket)
       SELECT v.id, gen_random_uuid(), sha256(convert_to(v.id::text || k, 'UTF8')), 256
         FROM vaults v, generate_series(1, 3) AS k`,
    );
    // ...and a few through the store, as the server appends.
    const { rows } = await db().query<{ id: string }>("SELECT id FROM vaults ORDER BY id LIMIT 5");
    some.push(...rows.map((r) => r.id));
    const store = createVaultStore(db());
    for (const vault of some)
      await store.append(vault, [{ id: randomUUID(), body: new Uint8Array(300).fill(7) }]);
  }, 120_000);
  afterAll(async () => testDb?.cleanup());

  it("keeps every row, continues the seqs, and serves the hot paths from one partition", async () => {
    const before = await fingerprint(db());
    expect(before.n).toBe(vaults * 3 + some.length);
    expect(await vaultEventsPartitions(db())).toBe(0);

    await partitionVaultEvents(db());
    expect(await vaultEventsPartitions(db())).toBe(16);
    expect(await fingerprint(db())).toEqual(before);

    const store = createVaultStore(db());
    const vault = some[0]!;
    const first = await store.pull(vault, 0, 100);
    expect(first.events.map((e) => e.body.byteLength)).toEqual([32, 32, 32, 300]);
    const again = { id: first.events[3]!.id, body: first.events[3]!.body };
    const fresh = { id: randomUUID(), body: new Uint8Array(400).fill(1) };
    const results = await store.append(vault, [again, fresh]);
    expect(results[0]).toEqual({ id: again.id, seq: first.events[3]!.seq, stored: false });
    expect(results[1]!.stored).toBe(true);
    expect(results[1]!.seq).toBeGreaterThan(before.maxSeq);
    expect(await store.latestSeq(vault)).toBe(results[1]!.seq);
    const after = await store.pull(vault, first.next, 100);
    expect(after.events.map((e) => e.id)).toEqual([fresh.id]);

    const plan = await db().query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${PULL_PAGE}`, [
      vault,
      0,
      10,
    ]);
    const scanned = new Set(
      JSON.stringify(plan.rows[0]!["QUERY PLAN"]).match(/vault_events_p\d+/g),
    );
    expect(scanned.size).toBe(1);

    // Deleting a vault still takes its events with it.
    await db().query("DELETE FROM vaults WHERE id = $1", [some[1]]);
    expect((await store.pull(some[1]!, 0, 10)).events).toEqual([]);
  });

  it("running it again changes nothing", async () => {
    const before = await fingerprint(db());
    await partitionVaultEvents(db());
    expect(await vaultEventsPartitions(db())).toBe(16);
    expect(await fingerprint(db())).toEqual(before);
  });
}

describe("partitioning the event log on PGlite", { timeout: 120_000 }, () => {
  definePartitionSuite(openTestPglite, 300);
});

describePostgres("partitioning the event log on PostgreSQL", (url) => {
  definePartitionSuite(() => openTestPostgres(url), 3000);
});
