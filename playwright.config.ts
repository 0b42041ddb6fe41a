import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests run in Debian's Chromium, never a downloaded browser. If it is
 * missing the run fails here, loudly, instead of skipping.
 */
const chromiumPath = process.env.TRELLIS_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromiumPath)) {
  throw new Error(
    `No Chromium at ${chromiumPath}. Browser tests need it: apt-get install -y chromium (or set TRELLIS_CHROMIUM).`,
  );
}

/**
 * A free port picked once by the runner (workers inherit it through the
 * environment), so two runs side by side never fight over a fixed port.
 */
function freePort(): number {
  const r = spawnSync(
    process.execPath,
    [
      "-e",
      "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: "utf8" },
  );
  const port = Number(r.stdout);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`Could not find a free port: ${r.stderr}`);
  return port;
}
process.env.TRELLIS_E2E_PORT ??= String(freePort());
const port = Number(process.env.TRELLIS_E2E_PORT);
// Workers load this file again; they inherit the runner's environment, so the
// server's data dir is made once and tests can read it (privacy.e2e.ts).
const dataDir = process.env.TRELLIS_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), "trellis-e2e-"));
process.env.TRELLIS_E2E_DATA_DIR = dataDir;

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "apps/web/e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    // A service worker precaches the whole app (some 4 MB) in every fresh
    // context: a quarter of the suite's time on two cores. It is off unless a
    // test is about what it does (offline, install, push, notifications, the
    // lock's look at Cache Storage, HTTPS): those files turn it on.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    {
      name: "phone",
      use: { ...devices["Desktop Chrome"], viewport: { width: 375, height: 812 }, hasTouch: true },
    },
  ],
  webServer: {
    command: "npx tsx apps/server/src/main.ts",
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Push tests use a mock push service over plain HTTP on loopback (apps/web/e2e/push.e2e.ts).
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      TRELLIS_DATA_DIR: dataDir,
      TRELLIS_PUSH_ALLOW_HOSTS: "127.0.0.1",
    },
    stdout: "pipe",
  },
});
