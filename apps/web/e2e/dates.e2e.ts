import { expect, type Locator, type Page, test } from "@playwright/test";
import { Recorder, Temporal, type TrellisEvent } from "@trellis/domain";
import { expectNoAxeViolations, maya } from "./helpers.ts";

/**
 * Dates and values that cannot be (issue 10, item 5): refused in words next
 * to the date field, nothing saved; and charts whose axes stay sane even for
 * results stored before the guards existed.
 *
 * Betas are entered as dates in the app, so two betas are always a day or
 * more apart there: the "no minimal-rise judgement under 24 hours" rule is
 * covered by the domain's unit tests (clinical/beta.test.ts), not here.
 */

test.use({ timezoneId: "America/New_York" });

const shots = process.env.TRELLIS_SHOTS;
/** With TRELLIS_SHOTS set, a picture of one part of the page (the betas, a form) to look at. */
async function shot(page: Page, name: string, part: Locator) {
  if (!shots) return;
  await expect(page.locator(".chart-loading")).toHaveCount(0);
  await part.screenshot({ path: `${shots}/${name}.png` });
}

const zone = maya.homeZone;
const at = (date: string, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: time });

/**
 * Maya (clinical reference A.1) in 2015: a retrieval, and the medicated frozen
 * transfer of the 4AB on 2015-08-10, with nothing after it yet. With
 * `betas`, its betas 180 -> 410 -> 950 two days apart. With `old`, those
 * and what an older Trellis let through: a beta four months on, and one
 * three years later at 1,900,000 mIU/mL. Scaled from 950 over four months,
 * the slowest usual rise would be some 20 billion: the axis the old chart
 * drew.
 */
function mayaIn2015({ betas = false, old = false } = {}) {
  const r = new Recorder("fixture05", 1985);
  const ms = (date: string) => at(date).epochMilliseconds;
  const id = (date: string) => r.newId(ms(date));
  r.record("JourneyCreated", { ...maya, createdAt: at("2014-03-01").toString() }, ms("2014-03-01"));
  const r1 = id("2015-04-15");
  r.record(
    "RetrievalRecorded",
    { retrievalId: r1, retrievedOn: "2015-04-15", clinic: "Hudson Fertility", eggsRetrieved: 14 },
    ms("2015-04-15"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
    ms("2015-04-16"),
  );
  const ab = id("2015-04-20");
  r.record(
    "BlastocystsReported",
    {
      cohortId: r1,
      day: 5,
      reportedOn: "2015-04-20",
      blastocysts: [{ embryoId: ab, grade: "4AB", biopsied: false, fate: "frozen" }],
    },
    ms("2015-04-20"),
  );
  const t2 = id("2015-08-10");
  r.record(
    "TransferRecorded",
    {
      transferId: t2,
      transferredOn: "2015-08-10",
      embryoIds: [ab],
      recipient: { kind: "self" },
      protocol: "medicated",
    },
    ms("2015-08-10"),
  );
  const events: TrellisEvent[] = [...r.events];
  if (betas || old) {
    for (const [date, value] of [
      ["2015-08-19", 180],
      ["2015-08-21", 410],
      ["2015-08-23", 950],
    ] as const) {
      r.record(
        "BetaRecorded",
        { betaId: id(date), transferId: t2, drawnOn: date, value },
        ms(date),
      );
    }
    events.push(...r.events.slice(events.length));
  }
  if (old) {
    // Stored by an older Trellis (schema version 1), before the date guards.
    for (const [date, value, recorded] of [
      ["2015-12-20", 20, "2015-12-21"],
      ["2018-08-19", 1_900_000, "2018-08-20"],
    ] as const) {
      const stamp = ms(recorded);
      events.push({
        id: r.newId(stamp),
        hlc: `${stamp.toString(16).padStart(12, "0")}-00000000-${r.device}`,
        device: r.device,
        type: "BetaRecorded",
        schemaVersion: 1,
        payload: { betaId: r.newId(stamp), transferId: t2, drawnOn: date, value },
      } as TrellisEvent);
    }
  }
  const file = {
    format: "trellis-export",
    version: 1,
    exportedAt: at("2018-08-20").toString(),
    device: r.device,
    events,
  };
  return { file, t2 };
}

async function restore(page: Page, file: object) {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: "trellis-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
}

async function addBeta(page: Page, date: string, value: string) {
  await page.getByRole("button", { name: "Add a beta" }).click();
  await page.getByLabel("Date of the blood test").fill(date);
  await page.getByLabel("Beta hCG, mIU/mL").fill(value);
  await page.getByRole("button", { name: "Save beta" }).click();
}

test("a beta dated before its transfer is refused in words next to the date field, and nothing is saved", async ({
  page,
}) => {
  await page.clock.install({ time: new Date("2015-08-21T19:00:00-04:00") });
  const { file, t2 } = mayaIn2015();
  await restore(page, file);
  await page.goto(`/transfers/${t2}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "Transfer, Mon, Aug 10, 2015" }),
  ).toBeVisible();

  await addBeta(page, "2015-08-03", "180");
  const date = page.getByLabel("Date of the blood test");
  const words =
    "This date is before the transfer on Mon, Aug 10, 2015. Check the date on the lab's report.";
  await expect(date).toHaveAccessibleDescription(words);
  await expect(date).toHaveAttribute("aria-invalid", "true");
  // Nothing saved: no beta, no chart; the form keeps what was typed to correct it.
  await expect(page.getByText("No betas yet.", { exact: false })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Beta hCG/ })).toHaveCount(0);
  await expect(page.getByLabel("Beta hCG, mIU/mL")).toHaveValue("180");
  await shot(page, "beta-refused", page.getByRole("region", { name: "Beta hCG results" }));
  await expectNoAxeViolations(page, "a beta refused for its date");

  // A day still to come is refused too, in words.
  await date.fill("2015-08-25");
  await page.getByRole("button", { name: "Save beta" }).click();
  await expect(date).toHaveAccessibleDescription(
    "This date has not come yet. Check the date on the lab's report.",
  );
  await expect(page.getByText("No betas yet.", { exact: false })).toBeVisible();

  // Corrected, it is saved.
  await date.fill("2015-08-19");
  await page.getByRole("button", { name: "Save beta" }).click();
  await expect(page.getByText("Wed, Aug 19, 2015: 180 mIU/mL")).toBeVisible();
  await expect(page.getByText("No betas yet.", { exact: false })).toHaveCount(0);
});

test("a beta after the recorded birth, and a birth dated before a beta, are refused in words", async ({
  page,
}) => {
  await page.clock.install({ time: new Date("2016-04-20T19:00:00-04:00") });
  const { file, t2 } = mayaIn2015();
  await restore(page, file);
  await page.goto(`/transfers/${t2}`);
  await addBeta(page, "2015-08-19", "180");
  await expect(page.getByText("Wed, Aug 19, 2015: 180 mIU/mL")).toBeVisible();

  // A birth dated before that beta: a slip of the date.
  await page.getByRole("button", { name: "Record what happened" }).click();
  await page.getByRole("radio", { name: /^Birth/ }).check();
  const on = page.getByLabel("Date", { exact: true });
  await on.fill("2015-08-18");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(on).toHaveAccessibleDescription(
    "There is a beta on Wed, Aug 19, 2015, after this date. Check the date, or delete that beta first if it was entered by mistake.",
  );
  await on.fill("2016-04-14");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Born on Thu, Apr 14, 2016")).toBeVisible();

  await addBeta(page, "2016-04-18", "5");
  await expect(page.getByLabel("Date of the blood test")).toHaveAccessibleDescription(
    "This date is after what you recorded for this transfer on Thu, Apr 14, 2016 (birth). Check the date on the lab's report.",
  );
  await expect(page.getByText(/: 5 mIU\/mL/)).toHaveCount(0);
});

test("weeks of pregnancy above 44 are refused in the outcome form", async ({ page }) => {
  await page.clock.install({ time: new Date("2015-10-01T19:00:00-04:00") });
  const { file, t2 } = mayaIn2015();
  await restore(page, file);
  await page.goto(`/transfers/${t2}`);
  await page.getByRole("button", { name: "Record what happened" }).click();
  await page.getByRole("radio", { name: /^Miscarriage/ }).check();
  await page.getByLabel("Weeks", { exact: true }).fill("45");
  await page.getByLabel("Days", { exact: true }).fill("7");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Weeks", { exact: true })).toHaveAccessibleDescription(
    "Weeks of pregnancy run from 0 to 44. Check the number.",
  );
  await expect(page.getByLabel("Days", { exact: true })).toHaveAccessibleDescription(
    "Days run from 0 to 6: 7 days make another week.",
  );
  await expect(page.getByText("Nothing recorded yet.")).toBeVisible();
});

test("a birth year of 1890 is refused at set-up, in words, and nothing is saved", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await page.getByLabel("Home time zone").selectOption(zone);
  const dob = page.getByLabel("Date of birth");
  await dob.fill("1890-11-30");
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(dob).toHaveAccessibleDescription(
    /Trellis is made for people between 16 and 60\. Check the year of birth\.$/,
  );
  await expect(dob).toBeFocused();
  await shot(page, "setup-age-refused", page.locator(".setup-card form"));
  await expectNoAxeViolations(page, "set-up with a refused year of birth");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await dob.fill(maya.dateOfBirth);
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`betas stored before the guards never stretch the chart (${scheme}, 375 px)`, async ({
    page,
  }) => {
    await page.clock.install({ time: new Date("2018-08-21T19:00:00-04:00") });
    await page.emulateMedia({ colorScheme: scheme });
    const { file, t2 } = mayaIn2015({ old: true });
    await restore(page, file);
    await page.goto(`/transfers/${t2}`);
    const chart = page.getByRole("figure", { name: /Beta hCG in mIU\/mL/ });
    await expect(chart).toBeVisible();
    // Months apart, no rise is called slower than usual: the two late intervals get no verdict.
    await expect(
      page.getByText(/too far apart to compare with the slowest usual rise/),
    ).toHaveCount(2);
    await expect(page.getByText(/slower than usual/)).toHaveCount(0);
    const tickValues = chart.locator(".recharts-cartesian-axis-tick-value");
    await expect(tickValues).not.toHaveCount(0);
    // Every result is listed; the one three years on is in words, not on the axes.
    await expect(page.getByText("Sun, Aug 19, 2018: 1,900,000 mIU/mL")).toBeVisible();
    await expect(
      chart.getByText(
        "1 result is dated more than 20 weeks after the transfer, so it is listed here but not drawn.",
      ),
    ).toBeVisible();
    // Ticks of the value axis sit right-aligned beside it; those of the day axis are centred.
    const ticks = await tickValues.evaluateAll((nodes) =>
      nodes.map((n) => [n.getAttribute("text-anchor"), n.textContent ?? ""] as const),
    );
    const yTicks = ticks.filter(([anchor]) => anchor === "end").map(([, text]) => text);
    const xTicks = ticks.filter(([anchor]) => anchor === "middle").map(([, text]) => text);
    // 20 to 950 mIU/mL spans more than ten times: a log axis in powers of ten, nothing in billions.
    expect(yTicks).toEqual(["10", "100", "1K"]);
    expect(Math.max(...xTicks.map(Number))).toBeLessThanOrEqual(140);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(
      page,
      `beta-chart-clamped-${scheme}`,
      page.getByRole("region", { name: "Beta hCG results" }),
    );
    await shot(page, `beta-chart-clamped-figure-${scheme}`, chart);
    await expectNoAxeViolations(page, `beta chart from old data (${scheme})`);
  });
}

for (const scheme of ["light", "dark"] as const) {
  test(`Maya's betas 180 -> 410 -> 950 draw on a plain axis from 0 to 1,000 (${scheme}, 375 px)`, async ({
    page,
  }) => {
    await page.clock.install({ time: new Date("2015-08-24T19:00:00-04:00") });
    await page.emulateMedia({ colorScheme: scheme });
    const { file, t2 } = mayaIn2015({ betas: true });
    await restore(page, file);
    await page.goto(`/transfers/${t2}`);
    const chart = page.getByRole("figure", { name: /Beta hCG in mIU\/mL/ });
    await expect(chart).toBeVisible();
    const values = chart.locator(".recharts-cartesian-axis-tick-value[text-anchor='end']");
    await expect(values).toHaveText(["0", "250", "500", "750", "1K"]);
    await expect(chart.getByText(/Up: beta hCG in mIU\/mL\.$/)).toBeVisible();
    // Both rises have their slowest-usual-rise mark.
    await expect(chart.getByText("Slowest usual rise from the value before")).toBeVisible();
    await shot(page, `beta-chart-${scheme}`, chart);
    await expectNoAxeViolations(page, `beta chart (${scheme})`);
  });
}
