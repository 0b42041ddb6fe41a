/**
 * The first load, as a phone meets it: the built app served by the real
 * server (brotli/gzip files, cache headers, service worker), opened in
 * Chromium. For set-up (a new device) and for Today (a device with a record):
 * the LCP (largest-contentful-paint, from a PerformanceObserver in the page)
 * and the JavaScript the first screen loaded (files fetched before the screen
 * showed: gzip size of those files, bytes on the wire, bytes decoded).
 *
 * - cold: nothing cached (a fresh browser context; for Today, the service
 *   worker, Cache Storage and HTTP cache cleared, the record kept);
 * - warm: the second load, the service worker in control.
 * Each without throttling (localhost) and with a phone profile: CPU 4x slower
 * (CDP Emulation.setCPUThrottlingRate 4) on a Slow-4G-like network (CDP
 * Network.emulateNetworkConditions: 400 kbit/s down and up, 400 ms RTT).
 * Figures are medians of a few runs. TRELLIS_BENCH_LIST_JS=1 lists the
 * files of each cold load.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
} from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.ts";
import { serverProcess } from "./sync.ts";
import { ms, type Row } from "./table.ts";

/** The built app the server serves (TRELLIS_WEB_DIR, as the server reads it, to bench another build). */
const DIST = process.env.TRELLIS_WEB_DIR ?? "apps/web/dist";
const RUNS = 3;

interface Throttle {
  readonly name: string;
  readonly cpuRate: number;
  readonly network: {
    latency: number;
    downloadThroughput: number;
    uploadThroughput: number;
  } | null;
}

const LOCALHOST: Throttle = { name: "localhost", cpuRate: 1, network: null };
/** 400 kbit/s each way is 50,000 bytes/s; 400 ms round trip. */
export const PHONE: Throttle = {
  name: "4x CPU, Slow 4G (400 kbit/s, 400 ms RTT)",
  cpuRate: 4,
  network: { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 },
};

interface ScriptLoad {
  url: string;
  fromServiceWorker: boolean;
  transferred: number;
  decoded: number;
  done: boolean;
}

interface Load {
  lcp: number;
  scripts: ScriptLoad[];
}

/** Records the largest contentful paint of each page load. */
const LCP_OBSERVER = `
  globalThis.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__lcp = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

/** Watches the scripts a page fetches (CDP Network), one load at a time. */
async function watchScripts(page: Page, throttle: Throttle) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  if (throttle.network) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...throttle.network });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpuRate });
  let scripts = new Map<string, ScriptLoad>();
  cdp.on("Network.responseReceived", (e) => {
    if (e.type !== "Script") return;
    scripts.set(e.requestId, {
      url: e.response.url,
      fromServiceWorker: e.response.fromServiceWorker === true,
      transferred: 0,
      decoded: 0,
      done: false,
    });
  });
  cdp.on("Network.dataReceived", (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on("Network.loadingFinished", (e) => {
    const s = scripts.get(e.requestId);
    if (s) {
      s.transferred = s.fromServiceWorker ? 0 : e.encodedDataLength;
      s.done = true;
    }
  });
  return {
    cdp,
    /** Starts a new load's list. */
    reset() {
      scripts = new Map();
    },
    /** The scripts finished so far (those the screen shown needed). */
    finished: () => [...scripts.values()].filter((s) => s.done),
  };
}

/** Loads the page (go or reload) until `screen` shows; returns its LCP and scripts. */
async function measure(
  page: Page,
  watch: Awaited<ReturnType<typeof watchScripts>>,
  go: () => Promise<unknown>,
  screen: string,
): Promise<Load> {
  watch.reset();
  await go();
  await page.getByRole("heading", { level: 1, name: screen }).waitFor({ timeout: 120_000 });
  const scripts = watch.finished();
  // LCP is final once the screen is painted: two frames later.
  const lcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => resolve((globalThis as { __lcp?: number }).__lcp ?? 0)),
        ),
      ),
  );
  return { lcp, scripts };
}

async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), {
          once: true,
        }),
      );
    }
  });
}

async function newPhone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  await context.addInitScript(LCP_OBSERVER);
  return context;
}

/** Set-up, as on a new device: Welcome. Then Today, once a record is begun. */
async function setUp(page: Page): Promise<void> {
  await page.getByLabel("What should Trellis call you?").fill("Maya");
  await page.getByLabel("Date of birth").fill("1985-11-30");
  await page.getByLabel("Home time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Start my record" }).click();
  await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
}

interface Run {
  setupCold: Load;
  setupWarm: Load;
  todayCold: Load;
  todayWarm: Load;
}

/** One run of the four loads with a throttle profile, each in a fresh browser context. */
async function run(browser: Browser, baseURL: string, throttle: Throttle): Promise<Run> {
  const context = await newPhone(browser, baseURL);
  try {
    const page = await context.newPage();
    const watch = await watchScripts(page, throttle);
    const setupCold = await measure(
      page,
      watch,
      () => page.goto("/", { waitUntil: "commit" }),
      "Welcome to Trellis",
    );
    await serviceWorkerInControl(page);
    const setupWarm = await measure(
      page,
      watch,
      () => page.reload({ waitUntil: "commit" }),
      "Welcome to Trellis",
    );
    await watch.cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await setUp(page);
    await watch.cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle.cpuRate });
    const todayWarm = await measure(
      page,
      watch,
      () => page.reload({ waitUntil: "commit" }),
      "Today",
    );
    // A returning device after a new version: the record kept, every cached file gone.
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await watch.cdp.send("Network.clearBrowserCache");
    const todayCold = await measure(
      page,
      watch,
      () => page.reload({ waitUntil: "commit" }),
      "Today",
    );
    return { setupCold, setupWarm, todayCold, todayWarm };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The gzip size (level 9) of a served script: what a gzip-only browser would download. */
function gzipSize(url: string): number {
  return gzipSync(readFileSync(join(DIST, new URL(url).pathname)), { level: 9 }).length;
}

function jsFigures(load: Load) {
  const sum = (f: (s: ScriptLoad) => number) => load.scripts.reduce((n, s) => n + f(s), 0);
  return {
    files: load.scripts.length,
    gzip: sum((s) => gzipSize(s.url)),
    transferred: sum((s) => s.transferred),
    decoded: sum((s) => s.decoded),
  };
}

function jsText(load: Load): string {
  const f = jsFigures(load);
  return `${f.files} files, ${kB(f.gzip)} gzip; ${kB(f.transferred)} over the network, ${kB(f.decoded)} decoded`;
}

export async function benchFirstLoad(): Promise<Row[]> {
  const built = spawnSync(process.execPath, ["scripts/ensure-built.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("the web app did not build");
  const dir = mkdtempSync(join(tmpdir(), "trellis-bench-first-load-"));
  const server = await serverProcess({
    PORT: "0",
    HOST: "127.0.0.1",
    TRELLIS_DATA_DIR: join(dir, "data"),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const rows: Row[] = [];
    for (const throttle of [LOCALHOST, PHONE]) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(browser, server.url, throttle));
      const section = `first load, ${throttle.name}`;
      const lcp = (pick: (r: Run) => Load) => median(runs.map((r) => pick(r).lcp));
      const local = throttle === LOCALHOST;
      const first = runs[0]!;
      if (process.env.TRELLIS_BENCH_LIST_JS === "1") {
        for (const [name, load] of [
          ["set-up cold", first.setupCold],
          ["Today cold", first.todayCold],
        ] as const) {
          console.log(`${throttle.name}, ${name}:`);
          for (const s of load.scripts)
            console.log(`  ${new URL(s.url).pathname} ${kB(gzipSize(s.url))} gzip`);
        }
      }
      const screens = [
        { name: "set-up", cold: "setupCold", warm: "setupWarm", coldWords: "cold" },
        {
          name: "Today",
          cold: "todayCold",
          warm: "todayWarm",
          coldWords: "cold (caches cleared, record kept)",
        },
      ] as const;
      for (const screen of screens) {
        rows.push(
          {
            section,
            what: `${screen.name}, ${screen.coldWords}: JavaScript${screen.name === "set-up" ? " of the first screen" : ""}`,
            value: jsText(first[screen.cold]),
            expected: local ? "<= 150 kB gzip" : undefined,
          },
          {
            section,
            what: `${screen.name}, cold: LCP`,
            value: ms(lcp((r) => r[screen.cold])),
            expected: local ? "<= 500 ms" : "reported",
          },
          {
            section,
            what: `${screen.name}, warm (service worker): JavaScript`,
            value: jsText(first[screen.warm]),
          },
          { section, what: `${screen.name}, warm: LCP`, value: ms(lcp((r) => r[screen.warm])) },
        );
      }
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
