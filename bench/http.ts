import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  fetchTransport,
  type TestAccount,
  TestClient,
  type TestVault,
} from "@trellis/server/testing/client";
import autocannon from "autocannon";
import pg from "pg";
import { startServerChild } from "./server-child.ts";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

const DURATION_S = Number(process.env.TRELLIS_BENCH_SECONDS ?? 8);
/** The load: appends spread over this many vaults, by this many connections. */
const VAULTS = Number(process.env.TRELLIS_BENCH_VAULTS ?? 1000);
const CONNECTIONS = 32;
/** PostgreSQL pool of the server and of the raw-insert comparison. */
export const POOL = Number(process.env.TRELLIS_BENCH_POOL ?? 16);
/** One account (a person) per vault, as in life; fewer make each account's daily counter a hot row. */
const ACCOUNTS = Number(process.env.TRELLIS_BENCH_ACCOUNTS ?? VAULTS);
const ENTRY_BYTES = 600;

interface Target {
  readonly kind: string;
  readonly env: Record<string, string>;
  /** The database itself, for the raw-insert comparison (PostgreSQL only). */
  readonly url?: string;
  readonly cleanup: () => Promise<void>;
}

/** The daily entry quotas are not what is measured: the batch rows alone store ~100k entries in one vault. */
const NO_DAILY_QUOTAS = {
  TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY: "100000000",
  TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY: "100000000",
};

export async function targets(): Promise<Target[]> {
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-http-"));
  const list: Target[] = [
    {
      kind: "pglite",
      env: { TRELLIS_DATA_DIR: join(dir, "data"), TRELLIS_DATABASE_URL: "", ...NO_DAILY_QUOTAS },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const url = postgresUrl();
  if (url) {
    const scratch = await scratchPostgres(url);
    list.push({
      kind: "postgres",
      env: {
        TRELLIS_DATABASE_URL: scratch.url,
        TRELLIS_BENCH_POOL: String(POOL),
        ...NO_DAILY_QUOTAS,
      },
      url: scratch.url,
      cleanup: scratch.drop,
    });
  }
  // TRELLIS_BENCH_TARGETS=postgres (or pglite) runs one of them.
  const only = process.env.TRELLIS_BENCH_TARGETS?.split(",");
  for (const t of list) if (only && !only.includes(t.kind)) await t.cleanup();
  return only ? list.filter((t) => only.includes(t.kind)) : list;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Runs `jobs` with at most `width` at once. */
export async function inParallel<T>(
  n: number,
  width: number,
  job: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/** A plaintext entry whose sealed body is about ENTRY_BYTES. */
const plaintext = new TextEncoder().encode(
  JSON.stringify({ type: "DoseLogged", padding: "x".repeat(ENTRY_BYTES - 80) }),
);

interface Fleet {
  readonly client: TestClient;
  readonly vaults: { vault: TestVault; owner: TestAccount }[];
}

/** ACCOUNTS real accounts owning `vaults` real vaults between them, round-robin. */
async function makeFleet(url: string, kind: string, vaults: number): Promise<Fleet> {
  const client = new TestClient(fetchTransport(url));
  const owners = await inParallel(Math.min(ACCOUNTS, vaults), 8, (i) =>
    client.register({ username: `bench-${kind}-${i}` }),
  );
  const list = await inParallel(vaults, 8, async (i) => {
    const owner = owners[i % owners.length]!;
    return { vault: await client.createVault(owner), owner };
  });
  return { client, vaults: list };
}

/** Appends of one entry each, round-robin over the fleet's vaults; entries/s stored. */
async function appendRun(
  url: string,
  fleet: Fleet,
  connections: number,
  vaultCount: number,
  batch = 1,
): Promise<{ perSecond: number; result: autocannon.Result }> {
  const supply = Math.max(2000, Math.ceil((DURATION_S * 8000) / batch));
  const requests = Array.from({ length: supply }, (_, i) => {
    const { vault, owner } = fleet.vaults[i % vaultCount]!;
    return {
      path: `/api/v1/vaults/${vault.vaultId}/events`,
      authorization: `Bearer ${owner.session.token}`,
      body: JSON.stringify({
        events: fleet.client.seal(
          vault,
          Array.from({ length: batch }, () => plaintext),
        ),
      }),
    };
  });
  let next = 0;
  // Large batches: exactly the requests prepared, once each (a repeat is an
  // idempotent no-op, cheaper than a real append, and would flatter the figure).
  const length = batch > 1 ? { amount: supply } : { duration: DURATION_S };
  const result = await run({
    url,
    connections,
    ...length,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const r = requests[next++ % requests.length]!;
          return {
            ...req,
            path: r.path,
            body: r.body,
            headers: { "content-type": "application/json", authorization: r.authorization },
          };
        },
      },
    ],
  });
  if (next > requests.length) console.warn(`http bench: ${next} requests > ${supply} prepared`);
  return { perSecond: (result["2xx"] * batch) / result.duration, result };
}

/** Raw PostgreSQL: single-row INSERTs of a 600-byte row, `CONNECTIONS` at once over a pool of POOL. */
async function rawInserts(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  try {
    await pool.query(
      "CREATE TABLE raw_insert_bench (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, vault_id uuid NOT NULL, body bytea NOT NULL)",
    );
    const body = Buffer.alloc(ENTRY_BYTES, 7);
    const ids = Array.from({ length: VAULTS }, () => crypto.randomUUID());
    const until = performance.now() + DURATION_S * 1000;
    let done = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, c) => {
        let i = c;
        while (performance.now() < until) {
          await pool.query("INSERT INTO raw_insert_bench (vault_id, body) VALUES ($1, $2)", [
            ids[i++ % ids.length],
            body,
          ]);
          done += 1;
        }
      }),
    );
    return done / ((performance.now() - t) / 1000);
  } finally {
    await pool.end();
  }
}

/**
 * Server append throughput and pull latency over HTTP on loopback
 * (autocannon against a server in its own process), with real accounts,
 * sealed entries and the per-vault ordering, on PGlite and PostgreSQL. The
 * headline (issue 15): 1 entry of ~600 bytes per request over 1,000 vaults
 * with 32 connections, next to raw PostgreSQL INSERTs in the same run.
 */
export async function benchHttp(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const target of await targets()) {
    const section = `http ${target.kind}`;
    const server = await startServerChild(target.env);
    try {
      const t = performance.now();
      const fleet = await makeFleet(server.url, target.kind, VAULTS);
      rows.push({
        section,
        what: `set-up: ${ACCOUNTS} accounts, ${count(VAULTS)} vaults`,
        value: `${ms(performance.now() - t)}`,
      });
      const spread = await appendRun(server.url, fleet, CONNECTIONS, VAULTS);
      rows.push({
        section,
        what: `append, 1 entry (~${ENTRY_BYTES} B) per request, ${count(VAULTS)} vaults, ${CONNECTIONS} connections`,
        value: `${count(spread.perSecond)} entries/s (p99 ${ms(spread.result.latency.p99)}, ${spread.result.non2xx} non-2xx)`,
        expected: target.kind === "postgres" ? ">= 3,000/s" : "",
      });
      if (target.url) {
        const raw = await rawInserts(target.url);
        rows.push({
          section,
          what: `raw PostgreSQL INSERT of a ${ENTRY_BYTES} B row, ${CONNECTIONS} at once, pool ${POOL}`,
          value: `${count(raw)} rows/s; server/raw = ${(spread.perSecond / raw).toFixed(2)}`,
        });
      }
      const one = await appendRun(server.url, fleet, 4, 1);
      rows.push({
        section,
        what: "append, 1 entry per request, 1 vault, 4 connections",
        value: `${count(one.perSecond)} entries/s (${one.result.non2xx} non-2xx)`,
      });
      const fifty = await appendRun(server.url, fleet, 4, 1, 50);
      rows.push({
        section,
        what: "append, 50 entries per request, 1 vault, 4 connections",
        value: `${count(fifty.perSecond)} entries/s (${fifty.result.non2xx} non-2xx)`,
      });
      const { vault, owner } = fleet.vaults[0]!;
      const stored = await fleet.client.pull(owner, vault.vaultId, 0, 1);
      const pull = await run({
        url: server.url,
        connections: 4,
        duration: DURATION_S,
        requests: [
          {
            method: "GET",
            path: `/api/v1/vaults/${vault.vaultId}/events?after=${stored.events[0]?.seq ?? 0}&limit=100`,
            headers: { authorization: `Bearer ${owner.session.token}` },
          },
        ],
      });
      rows.push({
        section,
        what: "pull 100 entries: latency p50 / p99",
        value: `${ms(pull.latency.p50)} / ${ms(pull.latency.p99)} (${count(pull.requests.average)} req/s)`,
      });
    } finally {
      await server.stop();
      await target.cleanup();
    }
  }
  if (!postgresUrl())
    rows.push({
      section: "http postgres",
      what: "not run",
      value: "set TRELLIS_BENCH_DATABASE_URL",
    });
  return rows;
}
