import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openJourneyFromServer, seedVault } from "@trellis/client/bench";
import { fetchTransport } from "@trellis/client/sync";
import { ready } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

/**
 * A new device opening a journey of 100,000 events from a real server (issue 6):
 * sign in (OPAQUE, real key stretching), fetch keys, pull, decrypt, validate, fold.
 * On PostgreSQL when a URL is set, otherwise PGlite.
 */
export async function benchNewDevice(events: readonly TrellisEvent[]): Promise<Row[]> {
  await ready();
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-sync-"));
  const pgUrl = postgresUrl();
  const scratch = pgUrl ? await scratchPostgres(pgUrl) : null;
  const kind = scratch ? "postgres" : "pglite";
  // The server runs in its own process, as it would on its own machine.
  const server = await serverProcess({
    PORT: "0",
    HOST: "127.0.0.1",
    ...(scratch ? { TRELLIS_DATABASE_URL: scratch.url } : { TRELLIS_DATA_DIR: join(dir, "data") }),
  });
  try {
    const transport = fetchTransport(server.url);
    const account = { username: "bench-new-device", password: "correct horse battery staple" };
    const seeded = await seedVault({ transport, ...account, events });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error.reason}`);
    // A new device starts with a fresh heap: collect the seeding's garbage first (npm run bench passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const opened = await openJourneyFromServer({ transport, ...account });
    if (!opened.ok) throw new Error(`opening failed: ${opened.error.reason}`);
    const t = opened.value.timings;
    const section = `new device ${kind}`;
    return [
      {
        section,
        what: "events pushed by the first device",
        value: `${count(seeded.value.pushed)} in ${ms(seeded.value.pushMs)}`,
      },
      { section, what: "sign in (OPAQUE) and fetch keys", value: ms(t.signInMs) },
      { section, what: "pull, 1,000 per page", value: ms(t.pullMs) },
      { section, what: "decrypt", value: ms(t.openMs) },
      { section, what: "validate", value: ms(t.parseMs) },
      { section, what: "fold", value: ms(t.foldMs) },
      {
        section,
        what: `open ${count(opened.value.events)} events in all (${opened.value.refused} refused)`,
        value: ms(t.totalMs),
        expected: "< 5 s",
      },
    ];
  } finally {
    await server.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The server in its own process, as it would run on its own machine. */
export async function serverProcess(
  env: Record<string, string>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    env: {
      ...process.env,
      // A 100k journey plus its snapshots is more than a day's default quota of entries.
      TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY: "10000000",
      TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY: "10000000",
      ...env,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
