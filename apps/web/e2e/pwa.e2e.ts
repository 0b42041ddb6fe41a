import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test } from "@playwright/test";
import { chromiumArgs } from "../../../playwright.config.ts";
import {
  expectAxeBothSchemes,
  openFromMore,
  setUpJourney,
  shot,
  waitForServiceWorker,
} from "./helpers.ts";
import { lockField, turnOnLock } from "./lock-helpers.ts";

// The service worker is on here (installing and working offline are the service worker's work); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

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

test("the discreet install: the manifest, icon and every title say only Notes, and it stays after a reload", async ({
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), "trellis-pwa-discreet-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TRELLIS_CHROMIUM ?? "/usr/bin/chromium",
    args: chromiumArgs,
    viewport: { width: 375, height: 812 },
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await setUpJourney(page);
    await waitForServiceWorker(page);
    await openFromMore(page, "Settings");
    const toggle = page.getByRole("switch", { name: "Discreet install" });
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(page).toHaveTitle("Notes");
    const card = page.getByRole("region", { name: "How Trellis shows on this device" });
    await expectAxeBothSchemes(page, "settings with the discreet install");
    await shot(page, "discreet-install", { part: card, bothSchemes: true });

    const cdp = await context.newCDPSession(page);
    const manifestNow = async () => {
      const m = await cdp.send("Page.getAppManifest");
      expect(m.errors).toEqual([]);
      return { url: m.url, data: JSON.parse(m.data ?? "{}") as Record<string, unknown> };
    };
    await expect.poll(async () => (await manifestNow()).url).toMatch(/\/discreet\.webmanifest$/);
    const discreet = await manifestNow();
    expect(discreet.data).toMatchObject({
      name: "Notes",
      short_name: "Notes",
      display: "standalone",
    });
    expect(JSON.stringify(discreet.data)).not.toMatch(/trellis|fertility|ivf|treatment/i);
    expect(
      (discreet.data.icons as { src: string }[]).every((i) => i.src.includes("/icons/discreet-")),
    ).toBe(true);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

    // Every screen's title, after a reload too: only "Notes".
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page).toHaveTitle("Notes");
    await page.goto("/embryos");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle("Notes");
    expect(await page.locator('link[rel="icon"]').getAttribute("href")).toBe("/icons/discreet.svg");

    // And back: the app's own name and manifest again.
    await page.goto("/settings");
    await page.getByRole("switch", { name: "Discreet install" }).click();
    await expect(page).toHaveTitle(/· Trellis$/);
    await expect.poll(async () => (await manifestNow()).url).toMatch(/\/manifest\.webmanifest$/);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test("with the discreet install, the lock screen and quick exit say only Notes", async ({
  page,
}) => {
  await setUpJourney(page);
  await openFromMore(page, "Settings");
  await page.getByRole("switch", { name: "Discreet install" }).click();
  await turnOnLock(page);
  await page.reload();
  await expect(lockField(page)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notes");
  await expect(page).toHaveTitle("Notes");
  await expect(page.locator("body")).not.toContainText("Trellis");
});
