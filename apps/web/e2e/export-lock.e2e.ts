import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { openFromMore, setUpJourney, writeNote } from "./helpers.ts";

const passphrase = "blue kettle on the stove";
const marker = "Marker 5c1e: retrieval went well.";

test("an encrypted export restores on a fresh device with its passphrase, and a wrong one is refused with nothing changed", async ({
  page,
  browser,
}, testInfo) => {
  await setUpJourney(page);
  await writeNote(page, marker);
  await openFromMore(page, "Settings");

  // Two passphrases that differ, or a short one, are said beside the field, and nothing downloads.
  await page.getByLabel("Passphrase for the file").fill(passphrase);
  await page.getByLabel("The same passphrase again").fill(`${passphrase}!`);
  await page.getByRole("button", { name: "Export everything" }).click();
  await expect(page.getByText("The two passphrases are not the same.")).toBeVisible();
  await page.getByLabel("Passphrase for the file").fill("too short");
  await page.getByLabel("The same passphrase again").fill("too short");
  await page.getByRole("button", { name: "Export everything" }).click();
  await expect(page.getByText("A passphrase needs at least 10 characters.")).toBeVisible();

  await page.getByLabel("Passphrase for the file").fill(passphrase);
  await page.getByLabel("The same passphrase again").fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^trellis-export-.*\.trellis$/);
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 8).toString("latin1")).toBe("TRELLISX");
  expect(bytes.toString("latin1")).not.toContain("Marker 5c1e");
  expect(bytes.toString("latin1")).not.toContain("Maya");

  // A fresh device: the wrong passphrase is refused in plain words and nothing is restored.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/");
  await expect(other.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await other.locator('input[type="file"]').setInputFiles(path);
  await expect(other.getByText("This file is locked with a passphrase.")).toBeVisible();
  await other.getByLabel("The file's passphrase").fill("red kettle on the stove");
  await other.getByRole("button", { name: "Open and import" }).click();
  await expect(other.getByText("That passphrase does not open this file.")).toBeVisible();
  await other.reload();
  await expect(other.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await other.goto("/journal");
  await expect(other.getByText(marker)).toHaveCount(0);

  // The right passphrase restores everything.
  await other.goto("/");
  await other.locator('input[type="file"]').setInputFiles(path);
  await other.getByLabel("The file's passphrase").fill(passphrase);
  await other.getByRole("button", { name: "Open and import" }).click();
  await expect(other.getByText("Hello, Maya.")).toBeVisible();
  await other.goto("/journal");
  await expect(other.getByText(marker)).toBeVisible();
  await fresh.close();

  // In Settings too: a wrong passphrase adds nothing, the right one finds nothing new.
  await page.locator('input[type="file"][accept*=".trellis"]').setInputFiles(path);
  await page.getByLabel("The file's passphrase").fill("not the passphrase at all");
  await page.getByRole("button", { name: "Open and import" }).click();
  await expect(page.getByText("That passphrase does not open this file.")).toBeVisible();
  await expect(page.getByText(/kept in this browser on this device \(2 entries\)/)).toBeVisible();
  await page.getByLabel("The file's passphrase").fill(passphrase);
  await page.getByRole("button", { name: "Open and import" }).click();
  await expect(page.getByText("Nothing new in that file.")).toBeVisible();
});

test("the plain export stays available, under words that say anyone can read it", async ({
  page,
}) => {
  await setUpJourney(page);
  await page.goto("/settings");
  await expect(
    page.getByText(
      "anyone who gets it (a shared computer, an email, a cloud folder) can read everything",
    ),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export as a plain file, without a passphrase" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(file.format).toBe("trellis-export");
});
