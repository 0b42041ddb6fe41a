import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { chromiumArgs } from "../../../playwright.config.ts";
import { waitForServiceWorker } from "./helpers.ts";

test("Chromium finds the app installable: manifest, icons and a service worker in control", async ({
  baseURL,
}) => {
  // Installability is judged only in a normal (persistent) profile, not an incognito-like context.
  const profile = mkdtempSync(join(tmpdir(), "trellis-pwa-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TRELLIS_CHROMIUM ?? "/usr/bin/chromium",
    args: chromiumArgs,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseURL!);
    await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.errors).toEqual([]);
    expect(JSON.parse(manifest.data ?? "{}")).toMatchObject({
      name: "Trellis",
      display: "standalone",
      description: "A private notebook.",
    });
    // Nothing an app list or a home screen shows says what the app is for.
    expect(manifest.data ?? "").not.toMatch(/fertility|ivf|treatment/i);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
