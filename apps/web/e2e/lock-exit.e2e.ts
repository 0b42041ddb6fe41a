import { expect, type Page, test } from "@playwright/test";
import { nav, openFromMore, restore } from "./helpers.ts";
import { MARKER, recordWithMarkers } from "./lock-fixture.ts";
import { expectLockScreen, turnOnLock, unlock } from "./lock-helpers.ts";

test.use({ timezoneId: "America/New_York" });

const page_ = (page: Page) => page.getByRole("button", { name: "Blank page" });

/** After quick exit: the plain page, a plain title, nothing of the record or of Trellis. */
async function expectPlainPage(page: Page) {
  await expect(page_(page)).toBeVisible();
  await expect(page).toHaveTitle("Notes");
  const text = await page.evaluate(() => document.documentElement.innerText);
  expect(text.trim()).toBe("Notes");
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  expect(html).not.toContain(MARKER);
  expect(new URL(page.url()).pathname).toBe("/");
}

test("quick exit from Today, Journal and Settings shows a plain page, and Back does not bring the record", async ({
  page,
}) => {
  await restore(page, recordWithMarkers().file);
  const screens: [string, () => Promise<void>][] = [
    ["Today", () => nav(page, "Today")],
    ["Journal", () => nav(page, "Journal")],
    ["Settings", () => openFromMore(page, "Settings")],
  ];
  for (const [name, go] of screens) {
    await go();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.getByRole("button", { name: "Quick exit" }).click();
    await expectPlainPage(page);
    await page.goBack();
    await expect(page_(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MARKER);
    // With the lock off, a tap on the page brings the person back.
    await page_(page).click();
    await expect(page.getByRole("navigation")).toBeVisible();
    await expect(page).not.toHaveTitle("Notes");
  }
});

test("quick exit is one key press away, and Escape twice does it too", async ({ page }) => {
  await restore(page, recordWithMarkers().file);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Quick exit" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expectPlainPage(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("navigation")).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expectPlainPage(page);
});

test("with the lock on, quick exit locks: Back and a tap lead only to the lock screen", async ({
  page,
}) => {
  await restore(page, recordWithMarkers().file);
  await turnOnLock(page);
  await nav(page, "Journal");
  await expect(page.getByText(`${MARKER} journal`)).toBeVisible();
  await page.getByRole("button", { name: "Quick exit" }).click();
  await expectPlainPage(page);
  await page.goBack();
  await expect(page_(page)).toBeVisible();
  await page_(page).click();
  await expectLockScreen(page);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MARKER);
  await unlock(page);
  await nav(page, "Journal");
  await expect(page.getByText(`${MARKER} journal`)).toBeVisible();
});
