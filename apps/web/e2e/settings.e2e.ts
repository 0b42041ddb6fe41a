import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { openFromMore, restore, setUpJourney, writeNote } from "./helpers.ts";

test("export everything as a plain file, then import it on a fresh device: the same record appears", async ({
  page,
  browser,
}) => {
  await setUpJourney(page);
  await writeNote(page, "Retrieval: 14 eggs, 11 mature.");
  await openFromMore(page, "Settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export as a plain file, without a passphrase" }).click(),
  ]);
  const path = await download.path();
  const file = JSON.parse(await readFile(path, "utf8"));
  expect(file.format).toBe("trellis-export");
  expect(file.events.map((e: { type: string }) => e.type)).toEqual([
    "JourneyCreated",
    "JournalNoteAdded",
  ]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await restore(other, path);
  await expect(other.getByText("Hello, Maya.")).toBeVisible();
  await other.goto("/journal");
  await expect(other.getByText("Retrieval: 14 eggs, 11 mature.")).toBeVisible();
  await fresh.close();
});

test("importing the same export again adds nothing", async ({ page }) => {
  await setUpJourney(page);
  await page.goto("/settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export as a plain file, without a passphrase" }).click(),
  ]);
  await page.locator('input[type="file"][accept*=".trellis"]').setInputFiles(await download.path());
  await expect(page.getByText("Nothing new in that file.")).toBeVisible();
});

test("a broken import file is refused with a reason and changes nothing", async ({
  page,
}, testInfo) => {
  await setUpJourney(page);
  await page.goto("/settings");
  const bad = testInfo.outputPath("not-trellis.json");
  await import("node:fs/promises").then((fs) =>
    fs.writeFile(bad, JSON.stringify({ hello: "world" })),
  );
  await page.locator('input[type="file"][accept*=".trellis"]').setInputFiles(bad);
  await expect(
    page.getByText("Nothing was imported: this file is not a Trellis export"),
  ).toBeVisible();
  await expect(page.getByText(/kept in this browser on this device \(1 entry\)/)).toBeVisible();
});

test("changing details in Settings keeps them after a reload", async ({ page }) => {
  await setUpJourney(page);
  await page.goto("/settings");
  await page.getByLabel("Partner's name").fill("Sam R.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Your details are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Partner's name")).toHaveValue("Sam R.");
});

test("erasing the device asks first, then returns to set-up", async ({ page }) => {
  await setUpJourney(page);
  await writeNote(page, "To be erased.");
  await page.goto("/settings");
  await page.getByRole("button", { name: "Erase everything on this device" }).click();
  const dialog = page.getByRole("dialog", { name: "Erase your record from this device?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "Erase everything on this device" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Erase everything" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
});
