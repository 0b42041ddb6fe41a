import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startServer } from "@trellis/server";
import { fetchTransport, LOOSE_RATE_LIMITS, TestClient } from "@trellis/server/testing/client";
import autocannon from "autocannon";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

const DURATION_S = Number(process.env.TRELLIS_BENCH_SECONDS ?? 8);

interface Target {
  readonly kind: string;
  readonly env: Record<string, string>;
  readonly cleanup: () => Promise<void>;
}

async function targets(): Promise<Target[]> {
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-http-"));
  const list: Target[] = [
    {
      kind: "pglite",
      env: { TRELLIS_DATA_DIR: join(dir, "data") },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const url = postgresUrl();
  if (url) {
    const scratch = await scratchPostgres(url);
    list.push({
      kind: "postgres",
      env: { TRELLIS_DATABASE_URL: scratch.url },
      cleanup: scratch.drop,
    });
  }
  return list;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * Server append throughput and pull latency over HTTP on loopback (autocannon),
 * with real accounts, sealed events and the per-vault ordering lock, on PGlite
 * and on PostgreSQL (issues 2 and 6).
 */
export async function benchHttp(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const target of await targets()) {
    const server = await startServer(loadConfig({ PORT: "0", HOST: "127.0.0.1", ...target.env }), {
      logger: false,
      rateLimits: LOOSE_RATE_LIMITS,
    });
    try {
      const client = new TestClient(fetchTransport(server.url));
      const owner = await client.register({ username: `bench-${target.kind}` });
      const vault = await client.createVault(owner);
      const path = `/api/v1/vaults/${vault.vaultId}/events`;
      const headers = {
        "content-type": "application/json",
        authorization: `Bearer ${owner.session.token}`,
      };
      const plaintext = new TextEncoder().encode(
        JSON.stringify({ type: "DoseLogged", padding: "x".repeat(300) }),
      );
      for (const batch of [1, 50]) {
        // Every request carries new events (an append of a known id is a cheap no-op).
        const bodies = Array.from({ length: 4000 }, () =>
          JSON.stringify({
            events: client.seal(
              vault,
              Array.from({ length: batch }, () => plaintext),
            ),
          }),
        );
        let next = 0;
        const result = await run({
          url: server.url,
          connections: 4,
          duration: DURATION_S,
          requests: [
            {
              method: "POST",
              path,
              headers,
              setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length]! }),
            },
          ],
        });
        const ok = result["2xx"];
        rows.push({
          section: `http ${target.kind}`,
          what: `append, ${batch} event${batch > 1 ? "s" : ""} per request`,
          value: `${count((ok * batch) / result.duration)} events/s (${count(result.requests.average)} req/s, ${result.non2xx} non-2xx)`,
        });
      }
      const stored = await client.pull(owner, vault.vaultId, 0, 1);
      const pull = await run({
        url: server.url,
        connections: 4,
        duration: DURATION_S,
        requests: [
          {
            method: "GET",
            path: `${path}?after=${Math.max(0, stored.next - 1000)}&limit=100`,
            headers: { authorization: headers.authorization },
          },
        ],
      });
      rows.push({
        section: `http ${target.kind}`,
        what: "pull 100 events: latency p50 / p99",
        value: `${ms(pull.latency.p50)} / ${ms(pull.latency.p99)} (${count(pull.requests.average)} req/s)`,
      });
    } finally {
      await server.close();
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
