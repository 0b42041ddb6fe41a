import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchTransport, type TestAccount, TestClient } from "@trellis/server/testing/client";
import { inParallel } from "./http.ts";
import { startServerChild } from "./server-child.ts";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

/** Streams to open (issue 15: 10,000 idle on one instance). */
const STREAMS = Number(process.env.TRELLIS_BENCH_STREAMS ?? 10_000);
/** Devices (sessions) holding them: STREAMS / DEVICES streams each. */
const DEVICES = 20;
/** Appends whose fan-out is timed, one after the other. */
const APPENDS = 30;
/** Longest wait for every stream to hear one append. */
const FAN_OUT_TIMEOUT_MS = 15_000;
/** Longest wait for all the streams to open. */
const OPEN_TIMEOUT_MS = 120_000;

function fdLimit(): number {
  try {
    return Number(execFileSync("sh", ["-c", "ulimit -n"]).toString().trim());
  } catch {
    return Number.NaN;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface OpenStream {
  /** Highest seq this stream has been told about. */
  upTo: number;
  readonly request: http.ClientRequest;
}

/**
 * Many idle live streams on one instance (issue 15): opens STREAMS SSE
 * streams of one vault over loopback (raw http.request, a keep-alive agent),
 * measures the server's memory per stream, then appends APPENDS times and
 * times how long each append takes to reach every stream. Everything is
 * bounded: opening, each fan-out, and the count (capped below the fd limit;
 * raise it with `ulimit -n` for more).
 */
export async function benchStreams(): Promise<Row[]> {
  const limit = fdLimit();
  // Each stream is a socket in this process and one in the server's.
  const wanted = Number.isFinite(limit) ? Math.min(STREAMS, limit - 500) : STREAMS;
  const perDevice = Math.ceil(wanted / DEVICES);
  const url = postgresUrl();
  const scratch = url ? await scratchPostgres(url) : undefined;
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-streams-"));
  const kind = scratch ? "postgres" : "pglite";
  const section = `streams ${kind}`;
  const server = await startServerChild({
    ...(scratch
      ? { TRELLIS_DATABASE_URL: scratch.url }
      : { TRELLIS_DATA_DIR: join(dir, "data"), TRELLIS_DATABASE_URL: "" }),
    TRELLIS_QUOTA_STREAMS_PER_SESSION: String(perDevice),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const streams: OpenStream[] = [];
  const rows: Row[] = [];
  try {
    const client = new TestClient(fetchTransport(server.url));
    const owner = await client.register({ username: "bench-streams" });
    const vault = await client.createVault(owner);
    const devices: Pick<TestAccount, "session">[] = [
      owner,
      ...(await inParallel(DEVICES - 1, 4, () =>
        client.login({ username: owner.username, password: owner.password }),
      )),
    ];
    const target = new URL(server.url);
    let waiter:
      | { seq: number; t0: number; seen: number; delays: number[]; done: () => void }
      | undefined;

    const open = (token: string) =>
      new Promise<void>((resolve, reject) => {
        const request = http.request({
          host: target.hostname,
          port: target.port,
          path: `/api/v1/vaults/${vault.vaultId}/stream?after=0`,
          headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
          agent,
        });
        const stream: OpenStream = { upTo: 0, request };
        request.on("response", (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`stream answered ${response.statusCode}`));
            response.resume();
            return;
          }
          streams.push(stream);
          resolve();
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            for (const match of chunk.matchAll(/"upTo":(\d+)/g)) {
              const upTo = Number(match[1]);
              if (upTo <= stream.upTo) continue;
              const before = stream.upTo;
              stream.upTo = upTo;
              const w = waiter;
              if (w && before < w.seq && upTo >= w.seq) {
                w.delays.push(performance.now() - w.t0);
                w.seen += 1;
                if (w.seen === streams.length) w.done();
              }
            }
          });
          response.on("error", () => {});
        });
        request.on("error", reject);
        request.end();
      });

    const before = await server.memory();
    const t = performance.now();
    const deadline = Date.now() + OPEN_TIMEOUT_MS;
    await inParallel(wanted, 200, async (i) => {
      if (Date.now() > deadline) return;
      await open(devices[i % devices.length]!.session.token);
    });
    const opened = performance.now() - t;
    // Let the server settle (timers, buffers) before measuring.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await server.memory();
    rows.push({
      section,
      what: `idle live streams open on one instance (fd limit ${limit})`,
      value: `${count(streams.length)} in ${ms(opened)}`,
      expected: "10,000",
    });
    rows.push({
      section,
      what: "server memory per idle stream: RSS / V8 heap",
      value: `${count((after.rss - before.rss) / streams.length)} B / ${count((after.heap - before.heap) / streams.length)} B`,
    });

    const lastDelays: number[] = [];
    const allDelays: number[] = [];
    let missed = 0;
    for (let k = 0; k < APPENDS; k++) {
      const t0 = performance.now();
      const sent = client.append(owner, vault.vaultId, client.seal(vault, [`note ${k}`]));
      const { results } = await sent;
      const seq = results[0]!.seq;
      const already = streams.filter((s) => s.upTo >= seq).length;
      const w = { seq, t0, seen: already, delays: [] as number[], done: () => {} };
      const all = new Promise<void>((resolve) => {
        w.done = resolve;
      });
      waiter = w;
      if (w.seen < streams.length) {
        await Promise.race([
          all,
          new Promise((resolve) => setTimeout(resolve, FAN_OUT_TIMEOUT_MS)),
        ]);
      }
      waiter = undefined;
      missed += streams.length - w.seen;
      allDelays.push(...w.delays);
      lastDelays.push(w.delays.length > 0 ? Math.max(...w.delays) : 0);
    }
    lastDelays.sort((a, b) => a - b);
    allDelays.sort((a, b) => a - b);
    rows.push({
      section,
      what: `fan-out of an append to every stream (${APPENDS} appends): last stream p50 / p99`,
      value: `${ms(percentile(lastDelays, 50))} / ${ms(percentile(lastDelays, 99))}${missed ? ` (${missed} not reached in ${FAN_OUT_TIMEOUT_MS / 1000} s)` : ""}`,
      expected: "p99 <= 100 ms",
    });
    rows.push({
      section,
      what: "fan-out, each stream: p50 / p99",
      value: `${ms(percentile(allDelays, 50))} / ${ms(percentile(allDelays, 99))}`,
    });
  } finally {
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await server.stop();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
