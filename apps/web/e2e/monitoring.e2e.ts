import { expect, type Page, test } from "@playwright/test";
import { Recorder, Temporal } from "@trellis/domain";
import {
  choose,
  expectNoAxeViolations,
  maya,
  openCheck,
  restore,
  setUpJourney,
  shot,
} from "./helpers.ts";
import { mayaMidStimulation } from "./monitoring-fixture.ts";

async function restoreMaya(page: Page): Promise<string> {
  const { cycleId, file } = mayaMidStimulation();
  await restore(page, file);
  return cycleId;
}

async function openMonitoring(page: Page, cycleId: string): Promise<void> {
  await page.goto(`/cycle/${cycleId}/monitoring`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Scans and blood tests" }),
  ).toBeVisible();
}

/** Maya's cycle restored, and its monitoring page open. */
async function restoreOnMonitoring(page: Page): Promise<void> {
  await openMonitoring(page, await restoreMaya(page));
}

test("the monitoring page of a cycle that does not exist says so kindly", async ({ page }) => {
  await setUpJourney(page);
  await page.goto("/cycle/01890a5d-ac96-774b-bcce-b302099a8057/monitoring");
  await expect(page.getByRole("heading", { name: "This cycle was not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your cycles" })).toBeVisible();
  await expectNoAxeViolations(page, "monitoring, unknown cycle");
});

test("a restored cycle shows today's stim day, both charts with their numbers, and what is coming up", async ({
  page,
}) => {
  await restoreOnMonitoring(page);
  await expect(page.getByText("Antagonist (short) protocol")).toBeVisible();
  await expect(page.getByText("Today is stim day 10")).toBeVisible();

  const follicles = page.getByRole("figure", { name: /Follicle sizes in mm, by stim day/ });
  await expect(follicles).toBeVisible();
  await expect(follicles).toContainText(
    "Latest scan, stim day 9: lead follicle 17.5 mm; 11 follicles of 10 mm or more.",
  );
  await expect(follicles.getByText("17 to 18 mm: often the trigger size")).toBeVisible();
  // Screen readers get the numbers as a table.
  const table = follicles.getByRole("table", { name: "Follicle sizes at each scan" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").last()).toContainText("17.5, 16, 15, 14, 13, 11");
  // Left are circles, right are triangles: one symbol per follicle.
  await expect(follicles.locator(".recharts-scatter").first().locator("path")).toHaveCount(15);
  await expect(follicles.locator(".recharts-scatter").last().locator("path")).toHaveCount(12);

  // The E2 typed in pmol/L is drawn in the person's pg/mL (3600 / 3.671 = 981).
  const e2 = page.getByRole("figure", { name: /Estradiol \(E2\) in pg\/mL/ });
  await expect(e2).toContainText(
    "E2 went from 420 to 1,850 pg/mL between stim day 5 and stim day 9 (3 results).",
  );
  await expect(e2.getByRole("table").getByRole("row").nth(2)).toContainText("981");
  await shot(page, "monitoring-follicle-chart", { part: follicles, bothSchemes: true });
  await shot(page, "monitoring-e2-chart", { part: e2, bothSchemes: true });

  const results = page.getByRole("list").filter({ hasText: "LH" });
  await expect(results.getByRole("listitem").first()).toContainText("1,850 pg/mL");
  await expect(results.getByText("3,600 pmol/L")).toBeVisible();
  await expect(results.getByText("(981 pg/mL)")).toBeVisible();

  await expect(page.getByText("Scan and blood test", { exact: true })).toBeVisible();
  await expect(page.getByText("City Fertility, 3rd floor")).toBeVisible();
  await expectNoAxeViolations(page, "monitoring with a restored cycle");
});

test("a scan is typed as a list, read back, refused at the right follicle, then saved into the chart", async ({
  page,
}) => {
  await restoreOnMonitoring(page);
  await page.getByRole("button", { name: "Add a scan" }).click();
  const left = page.getByRole("textbox", { name: "Left ovary" });
  await left.fill("19, 42, 17");
  await expect(page.getByText("Understood: 3 follicles, 19, 42, 17 mm")).toBeVisible();
  await page.getByRole("textbox", { name: "Right ovary" }).fill("18 mm, 16");
  await page.getByRole("textbox", { name: "Lining" }).fill("9,5");
  await page.getByRole("button", { name: "Save scan" }).click();
  await expect(left).toHaveAttribute("aria-invalid", "true");
  await expect(left).toBeFocused();
  await expect(left).toHaveAccessibleDescription(
    /Left ovary, 2nd follicle: A follicle is not bigger than 40 mm\. Check the number\./,
  );

  await left.fill("19, 18, 17, a few small");
  await page.getByRole("button", { name: "Save scan" }).click();
  await expect(left).toHaveAccessibleDescription(/not sizes Trellis can read: “a”, “few”, “small”/);

  await left.fill("19, 18, 17");
  await page.getByRole("button", { name: "Save scan" }).click();
  await expect(page.getByRole("status").getByText("Scan saved.")).toBeVisible();
  await expect(page.getByRole("figure", { name: /Follicle sizes/ })).toContainText(
    "Latest scan, stim day 10: lead follicle 19 mm; 5 follicles of 10 mm or more.",
  );
  await page.getByText("All 4 scans, in numbers").click();
  await expect(page.getByText("9.5 mm", { exact: true })).toBeVisible();
});

test("a blood result shows in both units, can be marked as wrong and back, and deleting asks first", async ({
  page,
}) => {
  await restoreOnMonitoring(page);
  await page.getByRole("button", { name: "Add blood results" }).click();
  const which = page.getByRole("combobox", { name: "Which test" });
  await expect(which).toHaveValue("E2");
  await expect(page.getByText("E2 (estradiol): made by growing follicles")).toBeVisible();
  const unit = page.getByRole("combobox", { name: "Unit" });
  await expect(unit.getByRole("option")).toHaveText(["pg/mL", "pmol/L"]);
  await unit.selectOption("pmol/L");
  await page.getByRole("textbox", { name: "Result" }).fill("9,000");
  await expect(
    page.getByText("Understood: 9,000 pmol/L, which is 2,452 pg/mL in your unit"),
  ).toBeVisible();
  await page.getByRole("button", { name: "Save result" }).click();
  await expect(page.getByRole("status").getByText("E2 result saved.")).toBeVisible();
  const e2 = page.getByRole("figure", { name: /Estradiol/ });
  await expect(e2).toContainText("from 420 to 2,452 pg/mL between stim day 5 and stim day 10");

  await page.getByRole("button", { name: /^Mark the E2 of .*stim day 10/i }).click();
  await page.getByLabel("Why is it wrong?").fill("typed the wrong unit");
  await page.getByRole("button", { name: "Mark as wrong", exact: true }).click();
  await expect(
    page.getByText("Marked as wrong (typed the wrong unit), so it is not in the chart."),
  ).toBeVisible();
  await expect(e2).toContainText("from 420 to 1,850 pg/mL between stim day 5 and stim day 9");

  await page.getByRole("button", { name: /^Include the E2 of .*stim day 10/i }).click();
  await expect(e2).toContainText("stim day 10");

  await page.getByRole("button", { name: /^Delete the E2 of .*stim day 10/i }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this result?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(e2).toContainText("stim day 10");
  await page.getByRole("button", { name: /^Delete the E2 of .*stim day 10/i }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").getByText("E2 result deleted.")).toBeVisible();
  await expect(e2).toContainText("between stim day 5 and stim day 9");
});

test("an appointment can be added for the cycle and cancelled after confirming", async ({
  page,
}) => {
  await restoreOnMonitoring(page);
  const tomorrow = Temporal.Now.plainDateISO(maya.homeZone).add({ days: 1 }).toString();
  await page.getByRole("button", { name: "Add an appointment" }).click();
  await page.getByRole("combobox", { name: "What for" }).selectOption("retrieval");
  await page.getByLabel("Date", { exact: true }).fill(tomorrow);
  await page.getByRole("button", { name: "Save appointment" }).click();
  const time = page.getByLabel("Time", { exact: true });
  await expect(time).toBeFocused();
  await expect(time).toHaveAccessibleDescription("Add the time of the visit.");
  await time.fill("07:30");
  await page.getByLabel("Where").fill("Theatre 2");
  await page.getByRole("button", { name: "Save appointment" }).click();
  await expect(page.getByRole("status").getByText("Appointment saved.")).toBeVisible();
  await expect(page.getByText("Egg retrieval", { exact: true })).toBeVisible();
  await expect(page.getByText("Theatre 2")).toBeVisible();

  await page.getByRole("button", { name: /^Cancel the Egg retrieval of stim day 11/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("status").getByText("Appointment cancelled.")).toBeVisible();
  await expect(page.getByText("Egg retrieval", { exact: true })).toBeHidden();
});

test("monitoring has no accessibility violations in dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await restoreOnMonitoring(page);
  await page.getByRole("button", { name: "Add a scan" }).click();
  await page.getByRole("button", { name: "Add blood results" }).click();
  await expectNoAxeViolations(page, "monitoring, dark, forms open");
});

test("records a scan and a blood result and shows them in the charts", async ({ page }) => {
  // Starts the cycle through the cycle screens, then reaches monitoring from the cycle's page.
  await setUpJourney(page);
  await page.goto("/cycle/new");
  await page.getByRole("radio", { name: /Antagonist \(short\) protocol/ }).check();
  const start = Temporal.Now.plainDateISO(maya.homeZone).subtract({ days: 6 }).toString();
  await page.getByLabel("First day of stimulation injections (stim day 1)").fill(start);
  await page.getByRole("button", { name: "Start this cycle" }).click();
  await page.getByRole("link", { name: "Scans and blood tests" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Scans and blood tests" }),
  ).toBeVisible();
  await expect(page.getByText("Today is stim day 7")).toBeVisible();
  await expect(page.getByText(/A chart of how your follicles grow/)).toBeVisible();

  await page.getByRole("button", { name: "Add a scan" }).click();
  await page.getByRole("textbox", { name: "Left ovary" }).fill("14, 12.5, 11");
  await page.getByRole("textbox", { name: "Right ovary" }).fill("13, 10");
  await page.getByRole("button", { name: "Save scan" }).click();
  await expect(page.getByRole("figure", { name: /Follicle sizes/ })).toContainText(
    "Latest scan, stim day 7: lead follicle 14 mm; 5 follicles of 10 mm or more.",
  );

  await page.getByRole("button", { name: "Add blood results" }).click();
  await page.getByRole("textbox", { name: "Result" }).fill("780");
  await page.getByRole("button", { name: "Save result" }).click();
  await expect(page.getByRole("figure", { name: /Estradiol/ })).toContainText(
    "E2 was 780 pg/mL on stim day 7.",
  );
  await expectNoAxeViolations(page, "monitoring after a first scan and result");
});

test("the quick check saves how the person feels and says plainly to call the clinic, with why", async ({
  page,
}) => {
  const cycleId = await restoreMaya(page);
  const check = await openCheck(page);
  await check.getByRole("button", { name: "Save how I feel" }).click();
  await expect(check.getByText("Nothing is chosen yet.")).toBeVisible();

  const bloating = check.getByRole("group", { name: "Bloating" });
  await bloating.getByRole("radio", { name: "Moderate" }).check();
  await bloating.getByRole("checkbox", { name: "Getting worse" }).check();
  await choose(check, { "Nausea (feeling sick)": "Mild", Mood: "Low" });
  await check.getByLabel("Weight today (kg)").fill("64,5");
  await check.getByRole("button", { name: "Save how I feel" }).click();

  const answer = check.getByRole("heading", { name: "Call your clinic today" });
  await expect(answer).toBeFocused();
  await expect(check).toContainText(
    "Bloating that keeps increasing: this can mean fluid is collecting",
  );
  await expect(check).toContainText("Also worth keeping an eye on:");
  await expect(check).toContainText("Nausea: common after stimulation.");
  await expect(check).toContainText(
    "This is not a diagnosis; the people you call can check what is happening.",
  );

  // The same answer waits at the top of Today, politely (status, not alert), with its source a tap away.
  const notice = page.getByRole("status").filter({ hasText: "Call your clinic today" });
  await expect(notice).toBeVisible();
  await notice.getByText("Where this comes from").click();
  await expect(notice.getByText(/Mayo Clinic patient guidance on OHSS/)).toBeVisible();
  await expectNoAxeViolations(page, "Today with a call-the-clinic notice");

  // The check belongs to the active cycle: monitoring still opens for it.
  await openMonitoring(page, cycleId);
});

test("a sign that needs emergency care interrupts, and says to call the local emergency number", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await setUpJourney(page);
  await page.getByRole("button", { name: "Check in" }).click();
  await page.getByRole("checkbox", { name: "Short of breath" }).check();
  await page.getByRole("button", { name: "Save how I feel" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Seek emergency care now" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(
    "Short of breath: this can mean a blood clot in the lungs, or fluid around them.",
  );
  await expect(alert).toContainText("Call 911 now, or go to the nearest emergency department.");
  await expect(alert.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  await expectNoAxeViolations(page, "Today with an emergency notice, dark");
});

test("weight gain over a day is worked out from earlier checks and named in the person's unit", async ({
  page,
}) => {
  const { file } = mayaMidStimulation();
  // Yesterday evening's check: 132.3 lb.
  const yesterday = Temporal.Now.zonedDateTimeISO(maya.homeZone)
    .subtract({ hours: 20 })
    .round({ smallestUnit: "second" });
  const r = new Recorder("fixture02", 7);
  r.receive(file.events as never);
  r.record(
    "SymptomsChecked",
    {
      checkId: r.newId(yesterday.epochMilliseconds),
      at: yesterday.toString(),
      answers: { weight: { value: 132.3, unit: "lb" } },
    },
    yesterday.epochMilliseconds,
  );
  r.record("PreferencesUpdated", { weightUnit: "lb" }, yesterday.epochMilliseconds);
  await restore(page, { ...file, events: r.events });
  await page.getByRole("button", { name: "Check in" }).click();
  // 61.46 kg against 60.01 kg: triage rounds the gain to 1.5 kg, shown as 3.3 lb.
  await page.getByLabel("Weight today (lb)").fill("135.5");
  await page.getByRole("button", { name: "Save how I feel" }).click();
  await expect(
    page
      .getByRole("region", { name: "How do you feel?" })
      .getByText("3.3 lb gained in a day: sudden weight gain can mean your body is holding fluid."),
  ).toBeVisible();
});

test("units chosen in Settings are saved and used for the E2 chart", async ({ page }) => {
  const cycleId = await restoreMaya(page);
  await page.goto("/settings");
  const units = page.getByRole("region", { name: "Units" });
  await units.getByRole("button", { name: "Save units" }).click();
  await expect(page.getByRole("status").getByText("Nothing changed.")).toBeVisible();
  await units
    .getByRole("group", { name: "Estradiol (E2)" })
    .getByRole("radio", { name: "pmol/L" })
    .check();
  await units.getByRole("button", { name: "Save units" }).click();
  await expect(page.getByRole("status").getByText("Units saved.")).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Units" })
      .getByRole("group", { name: "Estradiol (E2)" })
      .getByRole("radio", { name: "pmol/L" }),
  ).toBeChecked();
  await expectNoAxeViolations(page, "Settings with units");

  await openMonitoring(page, cycleId);
  // 1,850 pg/mL x 3.671 = 6,791 pmol/L; the result entered in pmol/L shows as typed.
  await expect(page.getByRole("figure", { name: /Estradiol \(E2\) in pmol\/L/ })).toContainText(
    "E2 went from 1,542 to 6,791 pmol/L",
  );
  await expect(page.getByText("(6,791 pmol/L)")).toBeVisible();

  // Weight in pounds on this phone only: kept on the device, still after a reload.
  await page.goto("/settings");
  const here = page.getByRole("region", { name: "Units" });
  await here.getByRole("group", { name: "Weight" }).getByRole("radio", { name: "lb" }).check();
  await here.getByRole("checkbox", { name: "Use these units on this device only" }).check();
  await here.getByRole("button", { name: "Save units" }).click();
  await expect(page.getByRole("status").getByText("Units saved on this device.")).toBeVisible();
  await page.reload();
  const again = page.getByRole("region", { name: "Units" });
  await expect(
    again.getByRole("group", { name: "Weight" }).getByRole("radio", { name: "lb" }),
  ).toBeChecked();
  await expect(
    again.getByRole("checkbox", { name: "Use these units on this device only" }),
  ).toBeChecked();
  // Back to the record's units: the record now says pounds for everyone.
  await again.getByRole("checkbox", { name: "Use these units on this device only" }).uncheck();
  await again.getByRole("button", { name: "Save units" }).click();
  await expect(page.getByRole("status").getByText("Units saved.")).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Units" })
      .getByRole("checkbox", { name: "Use these units on this device only" }),
  ).not.toBeChecked();
  await expect(
    page
      .getByRole("region", { name: "Units" })
      .getByRole("group", { name: "Weight" })
      .getByRole("radio", { name: "lb" }),
  ).toBeChecked();
});
