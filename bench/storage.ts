import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateVaultKey, ready, sealEvent } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { createVaultStore, type Db, migrate, openPgliteDb, openPostgresDb } from "@trellis/server";
import pg from "pg";
import { count, type Row } from "./table.ts";

const VAULT = "0190c4d2-1c3e-7abc-8def-0123456789ab";

export function postgresUrl(): string | undefined {
  return process.env.TRELLIS_BENCH_DATABASE_URL ?? process.env.TRELLIS_TEST_DATABASE_URL;
}

/** Each event as the server will hold it: sealed by the crypto package, padded to a size bucket. */
export async function sealAll(
  events: readonly TrellisEvent[],
): Promise<{ id: string; body: Uint8Array }[]> {
  await ready();
  const key = generateVaultKey(1);
  const encoder = new TextEncoder();
  return events.map((e) => ({
    id: e.id,
    body: sealEvent(
      { vaultId: VAULT, eventId: e.id, epoch: 1 },
      key,
      encoder.encode(JSON.stringify(e)),
    ),
  }));
}

/** A fresh PostgreSQL database for one bench run, dropped afterwards. */
export async function scratchPostgres(
  url: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `trellis_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function measure(
  kind: string,
  db: Db,
  sealed: { id: string; body: Uint8Array }[],
): Promise<Row[]> {
  await migrate(db);
  await db.query("INSERT INTO vaults (id) VALUES ($1)", [VAULT]);
  const store = createVaultStore(db);
  const t = performance.now();
  for (let i = 0; i < sealed.length; i += 500) await store.append(VAULT, sealed.slice(i, i + 500));
  const seconds = (performance.now() - t) / 1000;
  const size = await db.query<{ bytes: string | number; n: string | number }>(
    "SELECT pg_total_relation_size('vault_events') AS bytes, (SELECT count(*) FROM vault_events) AS n",
  );
  const bytes = Number(size.rows[0]!.bytes);
  const n = Number(size.rows[0]!.n);
  const cipher = sealed.reduce((s, e) => s + e.body.byteLength, 0) / sealed.length;
  return [
    { section: `storage ${kind}`, what: "events stored", value: count(n) },
    {
      section: `storage ${kind}`,
      what: "bytes per stored event (table + indexes)",
      value: count(bytes / n),
    },
    {
      section: `storage ${kind}`,
      what: "sealed body per event (padded)",
      value: `${count(cipher)} B`,
    },
    {
      section: `storage ${kind}`,
      what: "store append, batches of 500",
      value: `${count(n / seconds)} events/s`,
    },
  ];
}

/** Bytes per stored event and raw append rate, on PGlite and PostgreSQL. */
export async function benchStorage(events: readonly TrellisEvent[]): Promise<Row[]> {
  const sealed = await sealAll(events);
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-"));
  const lite = await openPgliteDb(join(dir, "pglite"));
  try {
    rows.push(...(await measure("pglite", lite, sealed)));
  } finally {
    await lite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = postgresUrl();
  if (url) {
    const scratch = await scratchPostgres(url);
    const db = openPostgresDb(scratch.url);
    try {
      rows.push(...(await measure("postgres", db, sealed)));
    } finally {
      await db.close();
      await scratch.drop();
    }
  } else {
    rows.push({
      section: "storage postgres",
      what: "not run",
      value: "set TRELLIS_BENCH_DATABASE_URL",
    });
  }
  return rows;
}
