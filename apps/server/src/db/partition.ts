/**
 * The opt-in migration that hash-partitions `vault_events` by vault
 * (`sql/partition-vault-events.sql`, docs/scaling.md): run by an operator
 * with psql, or with `partitionVaultEvents(db)`. PostgreSQL and PGlite.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Queryable } from "./types.ts";

export const PARTITION_SQL_FILE = fileURLToPath(
  new URL("../../sql/partition-vault-events.sql", import.meta.url),
);

/** Partitions vault_events (a no-op when it already is). One statement, one transaction. */
export async function partitionVaultEvents(db: Queryable): Promise<void> {
  await db.query(readFileSync(PARTITION_SQL_FILE, "utf8"));
}

/** Whether vault_events is partitioned, and into how many partitions. */
export async function vaultEventsPartitions(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>(
    `SELECT count(i.inhrelid) AS n FROM pg_inherits i
      WHERE i.inhparent = to_regclass('vault_events')`,
  );
  return Number(rows[0]?.n ?? 0);
}
