/**
 * Screenshots for the README and for looking at screens: starts a server on a
 * scratch data dir, restores a fictional journey (Maya, stim day 10) through
 * set-up, and photographs the main screens at phone width in light and dark.
 *   npx tsx scripts/screenshots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import {
  draftPlanFromTemplate,
  protocolTemplate,
  Recorder,
  Temporal,
  type TrellisEvent,
} from "@trellis/domain";
import { loadConfig, startServer } from "@trellis/server";
import { mayaMidStimulation } from "../apps/web/e2e/monitoring-fixture.ts";
import { chromiumArgs } from "../playwright.config.ts";

const out = process.argv[2] ?? "docs/screenshots";
mkdirSync(out, { recursive: true });

// The monitoring fixture, plus the medicines of the antagonist plan and today's morning dose.
const { cycleId, file } = mayaMidStimulation();
const r = new Recorder("fixture01", 42);
r.receive(file.events as TrellisEvent[]);
const zone = "America/New_York";
const start = r.state.cycles.get(cycleId)!.startDate;
const planned = Temporal.PlainDate.from(start)
  .subtract({ days: 1 })
  .toZonedDateTime({ timeZone: zone, plainTime: "19:05" });
const items = draftPlanFromTemplate(protocolTemplate("antagonist")!).map((d) =>
  r.record(
    "MedicationPlanned",
    { ...d, times: [...d.times], cycleId, planItemId: r.newId(planned.epochMilliseconds) },
    planned.epochMilliseconds,
  ),
);
const today = Temporal.Now.plainDateISO(zone);
const morning = today.toZonedDateTime({ timeZone: zone, plainTime: "08:06" });
const ganirelix = items[2]!.payload.planItemId;
r.record(
  "DoseLogged",
  {
    doseId: r.newId(morning.epochMilliseconds),
    planItemId: ganirelix,
    slot: { date: today.toString(), time: "08:00" },
    takenAt: morning.toString(),
    status: "taken",
    amount: { value: 250, unit: "mcg" },
    site: "thigh-left",
  },
  morning.epochMilliseconds,
);
const note = today.toZonedDateTime({ timeZone: zone, plainTime: "07:30" });
r.record(
  "JournalNoteAdded",
  {
    noteId: r.newId(note.epochMilliseconds),
    text: "Scan went well. Bloated but okay. Sam is mixing the Menopur tonight.",
    writtenAt: note.toString(),
  },
  note.epochMilliseconds,
);

const dir = mkdtempSync(join(tmpdir(), "trellis-shots-"));
const exportPath = join(dir, "maya.json");
writeFileSync(exportPath, JSON.stringify({ ...file, events: r.events }));
const server = await startServer(loadConfig({ PORT: "0", TRELLIS_DATA_DIR: join(dir, "data") }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
try {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      colorScheme: scheme,
      timezoneId: zone,
      locale: "en-US",
    });
    await context.clock.install({
      time: today.toZonedDateTime({ timeZone: zone, plainTime: "20:50" }).epochMilliseconds,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('input[type="file"]').setInputFiles(exportPath);
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    const snap = async (name: string) =>
      page.screenshot({ path: join(out, `${name}-${scheme}.png`) });
    await snap("today");
    await page.goto(`${server.url}/cycle/${cycleId}/monitoring`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.locator("figure").first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await snap("monitoring");
    await page.goto(`${server.url}/cycle`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await snap("cycle");
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
