import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { seedVault } from "@trellis/client/bench";
import { fetchTransport } from "@trellis/client/sync";
import { ready } from "@trellis/crypto";
import type { TrellisEvent } from "@trellis/domain";
import { postgresUrl, scratchPostgres } from "./storage.ts";
import { serverProcess } from "./sync.ts";
import { count, ms, type Row } from "./table.ts";

export const CHROMIUM = process.env.TRELLIS_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The same journey opened the way a person meets it: the real app in
 * Chromium (a phone-sized window) signs in on a new device, opens from the
 * newest snapshot and the entries after it, stores them in IndexedDB, and says
 * "Synced" (the history follows in the background). Timed from tapping Sign
 * in: to the OPAQUE finish (key stretching, reported apart), to "Synced", and
 * to Today greeting her. With
 * TRELLIS_BENCH_PROFILE=<file> the page's CPU profile over that time is saved
 * (open it in Chromium's DevTools).
 */
export async function benchNewBrowser(events: readonly TrellisEvent[]): Promise<Row[]> {
  await ready();
  // The server serves the built app: build it first if it is missing or stale.
  const built = spawnSync(process.execPath, ["scripts/ensure-built.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the web app did not build");
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-browser-"));
  const pgUrl = postgresUrl();
  const scratch = pgUrl ? await scratchPostgres(pgUrl) : null;
  const kind = scratch ? "postgres" : "pglite";
  const server = await serverProcess({
    PORT: "0",
    HOST: "127.0.0.1",
    // The journey is one vault's 100k entries in one day: above the daily quotas.
    TRELLIS_QUOTA_VAULT_ENTRIES_PER_DAY: "1000000",
    TRELLIS_QUOTA_ACCOUNT_ENTRIES_PER_DAY: "1000000",
    ...(scratch ? { TRELLIS_DATABASE_URL: scratch.url } : { TRELLIS_DATA_DIR: join(dir, "data") }),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const account = { username: "bench-new-browser", password: "correct horse battery staple" };
    // The first device sealed a snapshot 2,500 entries before the end (as bench/sync.ts).
    const seeded = await seedVault({
      transport: fetchTransport(server.url),
      ...account,
      events,
      snapshotAfter: events.length - 2_500,
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error.reason}`);
    (globalThis as { gc?: () => void }).gc?.();

    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Username").fill(account.username);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    const cdp = process.env.TRELLIS_BENCH_PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
    }
    // The OPAQUE key stretching runs in the page between the two sign-in requests.
    const stretched = page
      .waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/v1/sessions/finish"), {
        timeout: 300_000,
      })
      .then(() => performance.now());
    const started = performance.now();
    await page.getByRole("button", { name: "Sign in" }).click();
    const status = page.locator(".sync-line [role=status]");
    // "Synced", or "Synced · 2 entries could not be read": the journey's last two
    // events are stamped in 2030 and are held until the clocks catch up, as they should be.
    await status.filter({ hasText: /^Synced/ }).waitFor({ timeout: 300_000 });
    const synced = performance.now();
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(process.env.TRELLIS_BENCH_PROFILE!, JSON.stringify(profile));
    }
    await page.getByRole("navigation").getByRole("link", { name: "Today", exact: true }).click();
    await page.getByText("Hello, Maya.").waitFor({ timeout: 60_000 });
    const today = performance.now();
    const signedIn = await stretched;
    const section = `new browser ${kind}`;
    return [
      {
        section,
        what: "events in the journey (a snapshot 2,500 from the end)",
        value: count(seeded.value.pushed),
      },
      {
        section,
        what: "Chromium: tap Sign in until the OPAQUE finish is sent (key stretching)",
        value: ms(signedIn - started),
      },
      {
        section,
        what: "then until 'Synced' (keys, snapshot + tail opened, stored in IndexedDB)",
        value: ms(synced - signedIn),
      },
      { section, what: "then Today shown", value: ms(today - synced) },
      {
        section,
        what: "Sign in to Today, without the OPAQUE stretching",
        value: ms(today - signedIn),
        expected: "<= 2.5 s",
      },
      { section, what: "Sign in to Today in all", value: ms(today - started) },
    ];
  } finally {
    await browser.close();
    await server.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
