/**
 * A Trellis server in its own process for the HTTP benches, so the load
 * generator (autocannon, the stream clients) does not share the server's
 * event loop. Config from the environment as `main.ts` reads it; loose rate
 * limits; `TRELLIS_BENCH_POOL` sets the PostgreSQL pool size. Prints one line
 * `listening <url>` and answers `memory` on stdin with `memory <rss> <heapUsed>`.
 * Run with `node --cpu-prof` to profile the server alone.
 */
import { createInterface } from "node:readline";
import { loadConfig, startServer } from "@trellis/server";
import { LOOSE_RATE_LIMITS } from "@trellis/server/testing/client";

const pool = Number(process.env.TRELLIS_BENCH_POOL ?? 0);
const server = await startServer(loadConfig(), {
  logger: false,
  rateLimits: LOOSE_RATE_LIMITS,
  ...(pool > 0 ? { dbPoolSize: pool } : {}),
});
console.log(`listening ${server.url}`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "memory") {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    console.log(`memory ${m.rss} ${m.heapUsed}`);
  }
});
