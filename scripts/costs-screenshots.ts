/**
 * The README's pictures of the Costs screen: Maya's costs across two cycles
 * in US and Australian dollars (`mayaWithCosts` in the browser tests'
 * fixture), restored through set-up, photographed at phone size in light
 * and dark.
 *   npx tsx scripts/costs-screenshots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { loadConfig, startServer } from "@trellis/server";
import { mayaForCosts } from "../apps/web/e2e/costs-fixture.ts";
import { chromiumArgs } from "../playwright.config.ts";

const out = process.argv[2] ?? "docs/screenshots";
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "trellis-shots-"));
const exportPath = join(dir, "maya.json");
writeFileSync(exportPath, JSON.stringify(mayaForCosts({ withCosts: true }).file));
const server = await startServer(loadConfig({ PORT: "0", TRELLIS_DATA_DIR: join(dir, "data") }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
try {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      colorScheme: scheme,
      timezoneId: "America/New_York",
      locale: "en-US",
    });
    await context.clock.install({ time: new Date("2026-03-20T19:00:00-04:00") });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('input[type="file"]').setInputFiles(exportPath);
    await page.getByRole("heading", { level: 1, name: "Today" }).waitFor();
    await page.goto(`${server.url}/costs`);
    await page.getByRole("article", { name: "In USD" }).waitFor();
    // The first screen: the totals of the currency used most, and its chart.
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, scheme === "light" ? "costs.png" : "costs-dark.png") });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`screenshots written to ${out}`);
