import { randomUUID } from "node:crypto";
import {
  createVaultStore,
  migrate,
  openPostgresDb,
  partitionVaultEvents,
  vaultEventsPartitions,
} from "@trellis/server";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

/** Simulated vaults (issue 15: a million), one small event each; bounded to a few minutes. */
const VAULTS = Number(process.env.TRELLIS_BENCH_PARTITION_VAULTS ?? 1_000_000);
const SAMPLE = 500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The opt-in partitioning of vault_events (sql/partition-vault-events.sql)
 * on a million simulated vaults in PostgreSQL: how long filling and
 * migrating take, and a pull and an append before and after.
 */
export async function benchPartition(): Promise<Row[]> {
  const url = postgresUrl();
  if (!url)
    return [{ section: "partition", what: "not run", value: "set TRELLIS_BENCH_DATABASE_URL" }];
  const scratch = await scratchPostgres(url);
  const db = openPostgresDb(scratch.url);
  const rows: Row[] = [];
  const section = "partition postgres";
  try {
    await migrate(db);
    let t = performance.now();
    await db.query(
      "INSERT INTO vaults (id) SELECT gen_random_uuid() FROM generate_series(1, $1::integer)",
      [VAULTS],
    );
    await db.query(
      `INSERT INTO vault_events (vault_id, event_id, ciphertext, size_bucket)
       SELECT id, gen_random_uuid(), decode(repeat(md5(id::text), 4), 'hex'), 256 FROM vaults`,
    );
    await db.query("ANALYZE vaults, vault_events");
    rows.push({
      section,
      what: `fill: ${count(VAULTS)} vaults, one event each`,
      value: ms(performance.now() - t),
    });
    const { rows: picked } = await db.query<{ id: string }>(
      "SELECT id FROM vaults TABLESAMPLE SYSTEM (1) LIMIT $1",
      [SAMPLE],
    );
    const vaults = picked.map((r) => r.id);
    const store = createVaultStore(db);
    const hotPaths = async (label: string) => {
      const pulls: number[] = [];
      for (const vault of vaults) {
        const s = performance.now();
        await store.pull(vault, 0, 100);
        pulls.push(performance.now() - s);
      }
      const appends: number[] = [];
      for (const vault of vaults) {
        const s = performance.now();
        await store.append(vault, [{ id: randomUUID(), body: new Uint8Array(600).fill(3) }]);
        appends.push(performance.now() - s);
      }
      rows.push({
        section,
        what: `${label}: pull / append of one vault, median of ${vaults.length}`,
        value: `${ms(median(pulls))} / ${ms(median(appends))}`,
      });
    };
    await hotPaths("unpartitioned");
    t = performance.now();
    await partitionVaultEvents(db);
    const seconds = (performance.now() - t) / 1000;
    const { rows: n } = await db.query<{ n: unknown }>("SELECT count(*) AS n FROM vault_events");
    rows.push({
      section,
      what: `migrate to ${await vaultEventsPartitions(db)} hash partitions by vault`,
      value: `${ms(seconds * 1000)} for ${count(Number(n[0]!.n))} rows (${count(Number(n[0]!.n) / seconds)} rows/s)`,
      expected: "a few minutes at most",
    });
    await db.query("ANALYZE vault_events");
    await hotPaths("partitioned");
  } finally {
    await db.close();
    await scratch.drop();
  }
  return rows;
}
