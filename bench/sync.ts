import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  openFromSnapshotOnServer,
  openJourneyFromServer,
  sameState,
  seedVault,
} from "@trellis/client/bench";
import { fetchTransport } from "@trellis/client/sync";
import { ready } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { count, ms, type Row } from "./table.ts";

/** A new device finds the newest snapshot this many entries from the end, on average (half of N). */
const TAIL = 2_500;

/**
 * The first device pushing 100,000 events, and a new device opening them from
 * a real server (issues 6 and 15), the server in its own process. The first
 * device seals a snapshot `TAIL` entries before the end; the new device signs
 * in (OPAQUE, real key stretching, reported apart), opens from the snapshot
 * and the tail, then pulls the whole history as the engine does in the
 * background. For comparison, a device opening everything from the start
 * (what the history costs). On PostgreSQL when a URL is set, otherwise PGlite.
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
    const seeded = await seedVault({
      transport,
      ...account,
      events,
      snapshotAfter: events.length - TAIL,
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error.reason}`);
    // A new device starts with a fresh heap: collect the seeding's garbage first (npm run bench passes --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const fromSnapshot = await openFromSnapshotOnServer({ transport, ...account, pullLimit: 5000 });
    if (!fromSnapshot.ok) throw new Error(`opening failed: ${fromSnapshot.error.reason}`);
    (globalThis as { gc?: () => void }).gc?.();
    const opened = await openJourneyFromServer({ transport, ...account, pullLimit: 5000 });
    if (!opened.ok) throw new Error(`opening failed: ${opened.error.reason}`);
    const s = fromSnapshot.value.timings;
    const t = opened.value.timings;
    const snap = seeded.value.snapshot!;
    const section = `new device ${kind}`;
    // On the device: snapshot + tail against the full fold once the history is in.
    const matches = sameState(fromSnapshot.value.state, fromSnapshot.value.wholeState);
    return [
      {
        section,
        what: "first device pushes the events (2,000 a request, sealing the next while one is sent)",
        value: `${count(seeded.value.pushed)} in ${ms(seeded.value.pushMs)}`,
        expected: "<= 3 s",
      },
      {
        section,
        what: `its snapshot: ${snap.entries} entries, ${(snap.bytes / 1e6).toFixed(1)} MB sealed`,
        value: ms(snap.ms),
      },
      {
        section,
        what: "new device: sign in (OPAQUE stretching) and fetch keys",
        value: ms(s.signInMs),
      },
      {
        section,
        what: `read the end of the log (${count(TAIL)} entries and the snapshot's, decrypt, check signatures)`,
        value: ms(s.readMs),
      },
      { section, what: "unpack and decode the snapshot", value: ms(s.decodeMs) },
      { section, what: "fold and store the tail", value: ms(s.tailMs) },
      {
        section,
        what: `opens ${count(events.length)} entries from snapshot + tail (screens usable; same state as full fold: ${matches ? "yes" : "NO"})`,
        value: ms(s.openMs),
        expected: "<= 1 s",
      },
      { section, what: "then the whole history, in the background", value: ms(s.historyMs) },
      { section, what: "from scratch, for comparison: pull, 5,000 per page", value: ms(t.pullMs) },
      { section, what: "from scratch: decrypt and check signatures", value: ms(t.openMs) },
      { section, what: "from scratch: validate", value: ms(t.parseMs) },
      { section, what: "from scratch: fold", value: ms(t.foldMs) },
      {
        section,
        what: `from scratch: ${count(opened.value.events)} events in all (${opened.value.refused} refused), sign in included`,
        value: ms(t.totalMs),
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
