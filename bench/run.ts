/**
 * `npm run bench`: speed and size, as figures in one table (never asserted in
 * tests). Sections: fold, schedule/today, storage (PGlite and, when
 * TRELLIS_BENCH_DATABASE_URL or TRELLIS_TEST_DATABASE_URL is set, PostgreSQL),
 * http (append and pull over 1,000 vaults, beside raw PostgreSQL INSERTs),
 * streams (10,000 idle live streams on one instance), partition (the
 * event log partitioned by vault, on a million simulated vaults), sync (a new device opening 100k events in Node) and browser (the same
 * in the real app in Chromium, storing into IndexedDB) and lock (opening 100k
 * events with the app lock on and off, in Chromium) and firstload (LCP and the
 * first screen's JavaScript in Chromium, cold and warm, with and without a
 * phone's CPU and network) and exports (the clinic summary PDF, the CSV zip
 * and the FHIR bundle of Maya's long journey, `mayaJourney()`).
 * Pick sections with arguments: `npm run bench -- fold schedule`.
 */
import { benchNewBrowser } from "./browser.ts";
import { benchFold, benchSchedule } from "./core.ts";
import { benchExports } from "./exports.ts";
import { benchFirstLoad } from "./first-load.ts";
import { benchHttp } from "./http.ts";
import { benchLock } from "./lock.ts";
import { benchOdds } from "./odds.ts";
import { benchPartition } from "./partition.ts";
import { benchStorage } from "./storage.ts";
import { benchStreams } from "./streams.ts";
import { benchNewDevice } from "./sync.ts";
import { printTable, type Row } from "./table.ts";

const wanted = new Set(process.argv.slice(2));
const on = (name: string) => wanted.size === 0 || wanted.has(name);
const rows: Row[] = [];

console.log(`Trellis bench on Node ${process.version}, ${new Date().toISOString()}`);
const folded =
  on("fold") || on("storage") || on("sync") || on("browser") || on("lock") ? benchFold() : null;
if (folded && on("fold")) rows.push(...folded.rows);
if (on("schedule")) rows.push(...(await benchSchedule()));
if (on("odds")) rows.push(...benchOdds());
if (on("exports")) rows.push(...(await benchExports()));
if (on("storage") && folded) rows.push(...(await benchStorage(folded.events)));
if (on("http")) rows.push(...(await benchHttp()));
if (on("streams")) rows.push(...(await benchStreams()));
if (on("partition")) rows.push(...(await benchPartition()));
if (on("sync") && folded) rows.push(...(await benchNewDevice(folded.events)));
if (on("browser") && folded) rows.push(...(await benchNewBrowser(folded.events)));
if (on("lock") && folded) rows.push(...(await benchLock(folded.events)));
if (on("firstload")) rows.push(...(await benchFirstLoad()));
printTable(rows);
