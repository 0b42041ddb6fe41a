import { expect, type Locator, type Page, test } from "@playwright/test";
import { mayaIn2015 } from "./dates-fixture.ts";
import { expectNoAxeViolations, maya, shot as picture, restore } from "./helpers.ts";

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

/** A picture of one part of the page (the betas, a form), to look at. */
const shot = (page: Page, name: string, part: Locator) => picture(page, name, { part });

/** Maya's 2015 record restored with the clock at `now`, her transfer of 2015-08-10 open. */
async function openTheTransfer(
  page: Page,
  now: string,
  options?: Parameters<typeof mayaIn2015>[0],
): Promise<void> {
  await page.clock.install({ time: new Date(now) });
  const { file, t2 } = mayaIn2015(options);
  await restore(page, file);
  await page.goto(`/transfers/${t2}`);
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
  await openTheTransfer(page, "2015-08-21T19:00:00-04:00");
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
  await openTheTransfer(page, "2016-04-20T19:00:00-04:00");
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
  await openTheTransfer(page, "2015-10-01T19:00:00-04:00");
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
  await page.getByLabel("Home time zone").selectOption(maya.homeZone);
  const dob = page.getByLabel("Date of birth");
  await dob.fill("1890-11-30");
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(dob).toHaveAccessibleDescription(
    /Trellis is made for people between 16 and 60\. Check the year of birth\.$/,
  );
  await expect(dob).toBeFocused();
  await shot(page, "setup-age-refused", page.locator(".setup-card form").first());
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
    await page.emulateMedia({ colorScheme: scheme });
    await openTheTransfer(page, "2018-08-21T19:00:00-04:00", { old: true });
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
    await page.emulateMedia({ colorScheme: scheme });
    await openTheTransfer(page, "2015-08-24T19:00:00-04:00", { betas: true });
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
