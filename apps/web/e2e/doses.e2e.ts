import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ICAL from "ical.js";
import { expectAxeBothSchemes, shot as picture, restore } from "./helpers.ts";
import { mayaFirstCycle } from "./today-fixture.ts";

/**
 * A dose record that never loses a dose: Maya starts her antagonist cycle
 * in New York on 2 April 2015 and logs nothing that first evening (two
 * injections at 9 PM). The next morning Today still shows them, as not
 * logged; she logs one with the time she really took it and says the other
 * was skipped; the cycle's dose history shows both, and the evening after.
 * The browser's clock is set as in `today.e2e.ts`.
 */

test.use({ viewport: { width: 375, height: 812 }, timezoneId: "America/New_York" });

const shot = (page: Page, name: string) => picture(page, `doses-${name}`, { bothSchemes: true });

/** New York is on daylight time (UTC-4) all through April 2015. */
const ny = (date: string, time: string) => new Date(`${date}T${time}:00-04:00`);

async function openAt(page: Page, date: string, time: string) {
  await page.clock.install({ time: ny(date, time) });
  await restore(page, mayaFirstCycle().upTo(date, time));
}

test("a day not logged shows as missed the next morning, can be logged with its real time, and the dose history shows it", async ({
  page,
}) => {
  await openAt(page, "2015-04-03", "08:15");
  const yesterday = page.getByRole("region", { name: "From yesterday" });
  await expect(yesterday.getByRole("listitem")).toHaveCount(2);
  const follitropin = yesterday.getByRole("listitem").filter({ hasText: "Follitropin alfa" });
  const menotropins = yesterday.getByRole("listitem").filter({ hasText: "Menotropins" });
  await expect(follitropin).toContainText("Yesterday 9:00 PM: not logged");
  await expect(menotropins).toContainText("Yesterday 9:00 PM: not logged");
  // Tonight's doses are still to come, as before.
  const tonight = page.getByRole("region", { name: "Medicines today" });
  await expect(tonight.getByText("At 9:00 PM")).toHaveCount(2);
  await shot(page, "today-not-logged");
  await expectAxeBothSchemes(page, "Today with yesterday's doses not logged");

  // Log it: the form offers yesterday at 9 PM; a time still to come is refused.
  await follitropin.getByRole("button", { name: "Log Follitropin alfa from 9:00 PM" }).click();
  const form = page.getByRole("form", { name: "Log Follitropin alfa" });
  const when = form.getByLabel("Time taken");
  await expect(when).toHaveValue("2015-04-02T21:00");
  await when.fill("2015-04-03T21:40");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(form.getByText("This time has not come yet. Enter when you took it.")).toBeVisible();
  await expect(when).toBeFocused();
  await when.fill("2015-04-02T21:40");
  await shot(page, "log-it-form");
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByRole("status").getByText("Logged Follitropin alfa at 9:40 PM."),
  ).toBeVisible();
  await expect(yesterday.getByRole("listitem")).toHaveCount(1);

  // The other was skipped: one tap, no time asked.
  await menotropins
    .getByRole("button", { name: "Menotropins (hMG) at 9:00 PM was skipped" })
    .click();
  await expect(
    page.getByRole("status").getByText("Marked Menotropins (hMG) as skipped."),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "From yesterday" })).toHaveCount(0);

  // The dose history, from the cycle.
  await page.getByRole("link", { name: /^Antagonist/ }).click();
  await page.getByRole("link", { name: "Dose history" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dose history" })).toBeVisible();
  const day = page.getByRole("region", { name: "Thu, Apr 2 · Stim day 1" });
  const rows = day.getByRole("row");
  await expect(rows).toHaveText([
    /^PlannedMedicineWhat happened$/,
    /^9:00 PMFollitropin alfa.*Taken at 9:40 PM/,
    /^9:00 PMMenotropins \(hMG\).*Skipped$/,
  ]);
  await expect(page.getByRole("region", { name: "So far" })).toContainText("Taken: 1");
  await expect(page.getByRole("region", { name: "So far" })).toContainText("Skipped: 1");
  await shot(page, "history");
  await expectAxeBothSchemes(page, "Dose history");

  // The next morning: 3 April's evening went unlogged too; it shows here as not logged, and can be logged from here.
  await page.clock.setFixedTime(ny("2015-04-04", "07:30"));
  await page.reload();
  const third = page.getByRole("region", { name: "Fri, Apr 3 · Stim day 2" });
  await expect(third.getByRole("row")).toHaveText([
    /^PlannedMedicineWhat happened$/,
    /^9:00 PMFollitropin alfa.*Not logged/,
    /^9:00 PMMenotropins \(hMG\).*Not logged/,
  ]);
  await expect(page.getByRole("region", { name: "So far" })).toContainText("Not logged: 2");
  await shot(page, "history-not-logged");
  await third.getByRole("button", { name: "Log Menotropins (hMG) from 9:00 PM" }).click();
  const late = page.getByRole("form", { name: "Log Menotropins (hMG)" });
  await expect(late.getByLabel("Time taken")).toHaveValue("2015-04-03T21:00");
  await late.getByRole("radio", { name: "Taken in part" }).check();
  await late.getByLabel("Time taken").fill("2015-04-03T22:05");
  await late.getByLabel("Injection site").selectOption({ label: "Left thigh" });
  await late.getByRole("button", { name: "Save", exact: true }).click();
  await expect(third.getByRole("row").nth(2)).toHaveText(
    /^9:00 PMMenotropins \(hMG\).*Partly taken at 10:05 PM.*Left thigh/,
  );
  await expect(page.getByRole("region", { name: "So far" })).toContainText("Partly taken: 1");
});

test("Skipped asks no time, amount or site", async ({ page }) => {
  await openAt(page, "2015-04-02", "21:05");
  await page.getByRole("button", { name: /^More options for Follitropin alfa/ }).click();
  const form = page.getByRole("form", { name: "Log Follitropin alfa" });
  await expect(form.getByLabel("Time taken")).toBeVisible();
  await form.getByRole("radio", { name: "Skipped" }).check();
  await expect(form.getByLabel("Time taken")).toHaveCount(0);
  await expect(form.getByLabel(/^Amount taken/)).toHaveCount(0);
  await expect(form.getByLabel("Injection site")).toHaveCount(0);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(
    page.getByRole("status").getByText("Marked Follitropin alfa as skipped."),
  ).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Follitropin alfa" }).getByText("Skipped"),
  ).toBeVisible();
});

test("the calendar file holds one event for the two 9 PM injections", async ({ page }) => {
  await openAt(page, "2015-04-02", "10:00");
  await page.getByRole("link", { name: /^Antagonist/ }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add doses to a calendar" }).click(),
  ]);
  const ics = await readFile(await download.path(), "utf8");
  const starts = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .map((v) => `${v.getFirstPropertyValue("dtstart")} ${v.getFirstPropertyValue("summary")}`);
  const tonight = starts.filter((s) => s.startsWith("2015-04-02T21:00"));
  expect(tonight).toEqual(["2015-04-02T21:00:00 Reminder"]);
});

test("opened from a reminder, Today lands on that dose: scrolled into view and focused", async ({
  page,
}) => {
  await openAt(page, "2015-04-03", "08:15");
  const tonight = page.getByRole("region", { name: "Medicines today" });
  const menotropins = tonight.getByRole("listitem").filter({ hasText: "Menotropins" });
  const key = await menotropins.getAttribute("data-dose-key");
  expect(key).toBeTruthy();
  // Mostly below the fold on a phone when Today opens at the top.
  await expect(menotropins).not.toBeInViewport({ ratio: 0.5 });

  // As the service worker opens it when the notification is tapped.
  await page.goto(`/?dose=${encodeURIComponent(key!)}`);
  const called = page.locator(`[data-dose-key="${key}"]`);
  await expect(called).toBeFocused();
  await expect(called).toBeInViewport({ ratio: 0.95 });
  await expect(called).toContainText("Menotropins");
});
