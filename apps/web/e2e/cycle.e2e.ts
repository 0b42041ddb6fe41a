import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import ICAL from "ical.js";
import { expectNoAxeViolations, nav, setUpJourney, shot } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

async function takeAll(page: Page, names: string[]) {
  for (const name of names) {
    await page.getByRole("button", { name: new RegExp(`^Log ${name} .* as taken now$`) }).click();
    await expect(page.getByText(new RegExp(`^Logged ${name} at`))).toBeVisible();
  }
}

test("an antagonist cycle: plan, three days of doses, a dose change, supplies, trigger and retrieval, calendar", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: new Date("2026-03-02T20:55:00-05:00") });
  await setUpJourney(page);

  // Start from the antagonist template, on today's date.
  await nav(page, "Cycle");
  await expect(page.getByRole("heading", { name: "No cycle yet" })).toBeVisible();
  await page.getByRole("link", { name: "Start a cycle" }).click();
  await page.getByRole("radio", { name: /Antagonist \(short\) protocol/ }).check();
  await page.getByLabel("First day of stimulation injections (stim day 1)").fill("2026-03-02");
  await expect(page.getByRole("group", { name: "Follitropin alfa" })).toBeVisible();
  await shot(page, "start-cycle");
  await expectNoAxeViolations(page, "start a cycle");
  await page.getByRole("button", { name: "Start this cycle" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Antagonist (short) protocol" }),
  ).toBeVisible();
  await expect(page.getByText("Stim day 1", { exact: false })).toBeVisible();

  // Supplies: one 900 IU pen of follitropin alfa.
  await page.getByRole("link", { name: "Medicines and supplies" }).click();
  await page.getByLabel("Medicine").selectOption({ label: "Follitropin alfa" });
  await page.getByLabel("Total amount").fill("900");
  await page.getByRole("button", { name: "Add supply" }).click();
  await expect(page.getByText("900 IU left").first()).toBeVisible();

  // Day 1: two evening injections, each one tap.
  await nav(page, "Today");
  await expect(page.getByText("Antagonist (short) protocol · Stim day 1")).toBeVisible();
  await shot(page, "today-due");
  await takeAll(page, ["Follitropin alfa", "Menotropins \\(hMG\\)"]);
  await expect(page.getByText(/^Taken at/)).toHaveCount(2);
  await shot(page, "today-taken");
  await expectNoAxeViolations(page, "today with doses");

  // Days 2 and 3.
  for (const day of ["2026-03-03", "2026-03-04"]) {
    await page.clock.setFixedTime(new Date(`${day}T21:02:00-05:00`));
    await page.reload();
    await expect(page.getByRole("button", { name: /^Log Follitropin alfa/ })).toBeVisible();
    await takeAll(page, ["Follitropin alfa", "Menotropins \\(hMG\\)"]);
  }

  // Undo works: log and undo a dose on day 3 again is not possible (already logged) – the row offers undo instead.
  await expect(page.getByRole("button", { name: "Undo this log" })).toHaveCount(2);

  // Supplies went down: 900 - 3 x 225 = 225 IU left, which lasts one more day.
  await page.goto("/supplies");
  await expect(page.getByText("225 IU left").first()).toBeVisible();
  await expect(page.getByText(/Runs out on Fri, Mar 6/)).toBeVisible();
  await shot(page, "supplies");

  // The clinic says: 300 IU from tomorrow.
  await nav(page, "Cycle");
  const fsh = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "Follitropin alfa" }) });
  await fsh.getByRole("button", { name: "Change from a day" }).click();
  await fsh.getByLabel("From", { exact: true }).fill("2026-03-05");
  await fsh.getByLabel("New dose").fill("300");
  await fsh.getByRole("button", { name: "Save the change" }).click();
  await expect(fsh.getByText(/^300 IU/)).toHaveCount(0); // today is still 225
  await expect(page.getByText("From Thu, Mar 5, Follitropin alfa is 300 IU.")).toBeVisible();
  await page.clock.setFixedTime(new Date("2026-03-05T20:00:00-05:00"));
  await page.reload();
  await nav(page, "Today");
  await expect(
    page.getByRole("listitem").filter({ hasText: "Follitropin alfa" }).getByText("300 IU"),
  ).toBeVisible();
  // Day 7 (after the clocks change on 8 March) still shows 300 IU at 21:00.
  await page.clock.setFixedTime(new Date("2026-03-09T12:00:00-04:00"));
  await page.reload();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Follitropin alfa" }).getByText("At 9:00 PM"),
  ).toBeVisible();

  // The trigger: planned for 12 March at 21:30; retrieval 36 hours later.
  await nav(page, "Cycle");
  await page.getByLabel("Date of the trigger").fill("2026-03-12");
  await page.getByLabel("Exact time").fill("21:30");
  await page.getByRole("button", { name: "Save the trigger time" }).click();
  await expect(page.getByText("Retrieval Sat, Mar 14, 2026, 9:30 AM")).toBeVisible();
  await shot(page, "cycle-trigger");
  await expectNoAxeViolations(page, "cycle with trigger");

  // Trigger night: logged at 21:34. The clinic times the retrieval from the plan, so it stays at
  // 9:30, and four minutes is on time: nothing to tell the clinic.
  await page.clock.setFixedTime(new Date("2026-03-12T21:34:00-04:00"));
  await page.reload();
  await nav(page, "Today");
  await page.getByRole("button", { name: /^Log Choriogonadotropin alfa/ }).click();
  await expect(page.getByText(/^Logged Choriogonadotropin alfa .* at 9:34 PM/)).toBeVisible();
  await expect(page.getByText("Retrieval Sat, Mar 14, 2026, 9:30 AM")).toBeVisible();
  await expect(page.getByText(/Your trigger was logged/)).toHaveCount(0);
  await shot(page, "today-retrieval");

  // A calendar file with the retrieval and reminders, read back by a real ICS parser.
  await nav(page, "Cycle");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Add doses to a calendar" }).click(),
  ]);
  const text = await readFile(await download.path(), "utf8");
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone"))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  // Names off (the default): the retrieval is an "Appointment" at its time, with its alarms.
  const retrieval = events.find(
    (e) => e.startDate.toJSDate().toISOString() === "2026-03-14T13:30:00.000Z",
  );
  expect(retrieval?.summary).toBe("Appointment");
  expect(retrieval!.component.getAllSubcomponents("valarm").length).toBeGreaterThan(0);
  // Medicine names and procedures stay private unless the person chooses otherwise.
  expect(text).not.toContain("Follitropin");
  expect(text).not.toMatch(/retrieval|procedure|trigger shot/i);
});
