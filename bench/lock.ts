/**
 * The app lock's cost, in the real browser: the same 100,000 events stored
 * in the plain database and in the sealed one (the lock on), then opened as
 * the app opens them, in Chromium. Two mixes: a device that received most of
 * its record by sync (pages of 500) and recorded 20,000 here (one record
 * each), and a device without an account, where everything was recorded
 * here. Also: turning the lock on over the whole record, and unlocking.
 *
 * Events are handed to storage 500 at a time. The plain database stores
 * local events one record each whatever the batch; the sealed one stores a
 * batch as one page, and events recorded one by one end in the same shape:
 * small pages are merged into pages of up to 1,000 once 50 pile up
 * (lock/sealed-layout.ts), so at most 49 small pages sit beside the merged
 * ones. Run alone: `npm run bench -- lock`.
 */
import { chromium, type Page } from "@playwright/test";
import type { TrellisEvent } from "@trellis/domain";
import { build } from "esbuild";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.ts";
import type { Kind, LockBench } from "./lock-page.ts";
import { count, ms, type Row } from "./table.ts";

/** Loopback, so the page is a secure context; nothing listens there: the bench answers every request. */
const ORIGIN = "http://127.0.0.1:9";
const RUNS = 5;
const SECTION = "app lock (Chromium)";

async function pageScript(): Promise<string> {
  const out = await build({
    entryPoints: [new URL("./lock-page.ts", import.meta.url).pathname],
    bundle: true,
    format: "iife",
    platform: "browser",
    minify: true,
    write: false,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return out.outputFiles[0]!.text;
}

const call = <K extends keyof LockBench>(page: Page, name: K, ...args: Parameters<LockBench[K]>) =>
  page.evaluate(
    ([n, a]) =>
      (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n]!(
        ...a,
      ),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<LockBench[K]>>>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ratio = (on: number, off: number) => `${(on / off).toFixed(2)}×`;

async function mix(page: Page, name: string, local: number): Promise<Row[]> {
  await call(page, "clear");
  for (const kind of ["plain", "sealed"] as Kind[]) await call(page, "store", kind, local);
  const times: Record<Kind, { read: number[]; client: number[] }> = {
    plain: { read: [], client: [] },
    sealed: { read: [], client: [] },
  };
  let events = 0;
  for (let run = 0; run <= RUNS; run++) {
    // Alternating, after one warm-up round, so neither pays for a cold start alone.
    for (const kind of ["plain", "sealed"] as Kind[]) {
      const t = await call(page, "open", kind);
      events = t.events;
      if (run === 0) continue;
      times[kind].read.push(t.read);
      times[kind].client.push(t.client);
    }
  }
  const [offRead, onRead] = [median(times.plain.read), median(times.sealed.read)];
  const [offClient, onClient] = [median(times.plain.client), median(times.sealed.client)];
  const rows: Row[] = [
    { section: SECTION, what: `${name}: events`, value: count(events) },
    { section: SECTION, what: `${name}: read storage, lock off`, value: ms(offRead) },
    { section: SECTION, what: `${name}: read storage, lock on`, value: ms(onRead) },
    {
      section: SECTION,
      what: `${name}: read storage, on / off`,
      value: ratio(onRead, offRead),
      expected: "≤ 1.20×",
    },
    {
      section: SECTION,
      what: `${name}: open (read, validate, fold), lock off`,
      value: ms(offClient),
    },
    {
      section: SECTION,
      what: `${name}: open (read, validate, fold), lock on`,
      value: ms(onClient),
    },
    {
      section: SECTION,
      what: `${name}: open, on / off`,
      value: ratio(onClient, offClient),
      expected: "≤ 1.20×",
    },
  ];
  return rows;
}

export async function benchLock(events: readonly TrellisEvent[]): Promise<Row[]> {
  const script = await pageScript();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) =>
      route.request().url().endsWith("/bench.js")
        ? route.fulfill({ contentType: "text/javascript", body: script })
        : route.fulfill({
            contentType: "text/html",
            body: '<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>',
          }),
    );
    await page.goto(`${ORIGIN}/`);
    for (let i = 0; i < events.length; i += 10_000) {
      await call(page, "stage", events.slice(i, i + 10_000) as TrellisEvent[]);
    }
    const rows = [
      ...(await mix(page, "20k recorded here, 80k received", 20_000)),
      ...(await mix(page, "all recorded here", events.length)),
    ];
    // The last mix left a plain record of 100k local events: turn the lock on over it.
    const { turnOn, unlock } = await call(page, "turnOn");
    rows.push(
      {
        section: SECTION,
        what: "turn the lock on over 100k events recorded here (seal and copy)",
        value: ms(turnOn),
      },
      {
        section: SECTION,
        what: "unlock with the passphrase (Argon2id, 64 MiB)",
        value: ms(unlock),
      },
    );
    return rows;
  } finally {
    await browser.close();
  }
}
