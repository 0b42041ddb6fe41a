import { expect, test } from "@playwright/test";
import { nav, setUpJourney, writeNote } from "./helpers.ts";

test("a person sets up their journey, writes a note, and finds it again after a reload", async ({
  page,
}) => {
  await setUpJourney(page);
  await expect(page.getByText("Hello, Maya.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Nothing planned for today yet" })).toBeVisible();

  await writeNote(page, "Mixed the first powders at 9 pm. Sam held the vial.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
  await expect(page.getByText("Mixed the first powders at 9 pm. Sam held the vial.")).toBeVisible();

  // Closing the browser tab and coming back: a new page in the same profile.
  const again = await page.context().newPage();
  await page.close();
  await again.goto("/journal");
  await expect(
    again.getByText("Mixed the first powders at 9 pm. Sam held the vial."),
  ).toBeVisible();
  // Today shows the latest note too.
  await nav(again, "Today");
  await expect(
    again.getByText("Mixed the first powders at 9 pm. Sam held the vial."),
  ).toBeVisible();
});

test("a note can be edited, and a deleted note comes back with Undo", async ({ page }) => {
  await setUpJourney(page);
  await writeNote(page, "Baseline scan tomorrow 8:15.");
  await writeNote(page, "E2 was 180 today.");

  await page
    .getByRole("button", { name: /^Edit note from/ })
    .first()
    .click();
  const editor = page.getByRole("textbox", { name: /^Edit note from/ });
  await editor.fill("E2 was 182 today (clinic corrected it).");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // Until the edit is saved the box holds the same words; it closes when saved.
  await expect(editor).toHaveCount(0);
  await expect(page.getByText("E2 was 182 today (clinic corrected it).")).toBeVisible();
  await expect(page.getByText("edited")).toBeVisible();

  await page
    .getByRole("button", { name: /^Delete note from/ })
    .nth(1)
    .click();
  await expect(page.getByText("Baseline scan tomorrow 8:15.")).toHaveCount(0);
  await expect(page.getByText("Note deleted.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Baseline scan tomorrow 8:15.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Baseline scan tomorrow 8:15.")).toBeVisible();
  await expect(page.getByText("E2 was 182 today (clinic corrected it).")).toBeVisible();
  await expect(page.getByText("1 note")).toHaveCount(0);
  await expect(page.getByText("2 notes")).toBeVisible();
});

test("an empty note is refused with a message, and nothing is saved", async ({ page }) => {
  await setUpJourney(page);
  await nav(page, "Journal");
  await page.getByLabel("New note").fill("    ");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("This is needed.")).toBeVisible();
  await expect(page.getByLabel("New note")).toBeFocused();
  await expect(page.getByText("Your journal is empty.")).toBeVisible();
});

test("set-up refuses a missing or future date of birth and says which field", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(page.getByText("This is needed.")).toBeVisible();
  await expect(page.getByLabel("Date of birth")).toBeFocused();
  await page.getByLabel("Date of birth").fill("2090-01-01");
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(page.getByText("This date is in the future.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
});
