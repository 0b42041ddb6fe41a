import { expect, type Page, test } from "@playwright/test";
import {
  bankOdds,
  bankOddsInput,
  fold,
  oddsFromRecord,
  Temporal,
  type TrellisEvent,
} from "@trellis/domain";
import { expectNoAxeViolations, maya, setUpJourney } from "./helpers.ts";
import { mayaBanked } from "./odds-fixture.ts";

test.use({ timezoneId: maya.homeZone });

const shots = process.env.TRELLIS_SHOTS;
/** A full-page screenshot, and the same page in screen-high parts that are easier to look at. */
async function shot(page: Page, name: string) {
  if (!shots) return;
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width } = page.viewportSize()!;
  for (let y = 0, part = 1; y < height; y += 800, part++) {
    await page.screenshot({
      path: `${shots}/${name}-${part}.png`,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(800, height - y) },
    });
  }
}

async function restoreMaya(page: Page): Promise<TrellisEvent[]> {
  const { file, events } = mayaBanked();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({
    name: "trellis-export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  return events;
}

async function openOdds(page: Page): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "More", exact: true }).click();
  await page.getByRole("main").getByRole("link", { name: "Odds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Odds" })).toBeVisible();
}

/** What the engine says about the restored bank today, as the screen should word it. */
function expectedBankSentence(events: TrellisEvent[]): string {
  const today = Temporal.Now.plainDateISO(maya.homeZone).toString();
  const record = oddsFromRecord(fold(events), { today });
  const odds = bankOdds(bankOddsInput(record)!);
  if (!odds.ok) throw new Error(odds.error.message);
  const e = odds.value.atLeastOne;
  const [n, low, high] = [e.central, e.low, e.high].map((x) => Math.round(x * 100));
  return `Of 100 people with a bank like yours, about ${n} had at least one baby (between ${low} and ${high} for someone like you).`;
}

const notAdvice = "This is not medical advice; your clinic knows things this model does not.";

test("with embryos in the bank: the chance in 100 figures, each embryo, the sources, and a plan that learns from her retrievals", async ({
  page,
}) => {
  const events = await restoreMaya(page);
  await openOdds(page);
  await expect(page.getByText(notAdvice).first()).toBeVisible();

  const bank = page.getByRole("region", { name: "With the embryos in your bank" });
  await expect(
    bank.getByText("Counting 4 embryos frozen or in culture: 3 euploid, 1 mosaic."),
  ).toBeVisible();
  await expect(bank.getByText(expectedBankSentence(events))).toBeVisible();
  await expect(
    bank.getByText(/^Of 100 people with a bank like yours, about \d+ had at least two babies/),
  ).toBeVisible();
  await expect(bank.getByText(/had at least three babies/)).toBeVisible();
  await expect(
    bank.getByText(/^\d+% \(80% range \d+% to \d+%\), from this bank$/).first(),
  ).toBeVisible();
  await expect(bank.getByText(/^The model does not know your diagnosis/).first()).toBeVisible();

  // The sources are one tap away, each with how it was read, in words.
  const sources = bank.getByText(/^Where these numbers come from \(\d+ sources\)/);
  const citation = bank.getByText(/^Munné et al\. 2019 \(STAR trial\)/);
  await expect(citation).toBeHidden();
  await sources.click();
  await expect(citation).toBeVisible();
  await expect(bank.getByText("read against the original study.")).toBeVisible();
  await expect(
    bank.locator(".odds-source-list li").filter({ hasText: "STAR trial" }),
  ).toContainText("Checked");
  await expect(
    bank.getByText(/^typical practice or our own assumption; read it as typical/),
  ).toBeVisible();
  await expect(bank.getByText(notAdvice)).toBeVisible();

  // Each embryo: one bar with its range, and a table row for screen readers.
  const embryos = page.getByRole("figure", {
    name: /Chance of a baby per transfer, of 100 transfers, for each embryo/,
  });
  await expect(embryos).toContainText("The lines show each 80% range.");
  const embryoTable = embryos.getByRole("table");
  await expect(embryoTable.getByRole("row")).toHaveCount(5);
  await expect(embryoTable.getByRole("row").filter({ hasText: "C2" })).toContainText(
    "mosaic, day 5, grade 4BB, eggs collected at 36",
  );
  await expect(embryos.locator(".recharts-bar-rectangle")).toHaveCount(4);

  // Planning ahead: one row per number of retrievals, the bank as it is first.
  const plan = page.getByRole("region", { name: "Planning ahead" });
  await expect(plan.getByLabel("Age at the retrievals")).toHaveValue(/^4\d$/);
  await expect(plan.getByText("From your record: 10 pmol/L, taken")).toBeVisible();
  const chart = plan.getByRole("figure", {
    name: /Chance of at least one baby by the number of retrievals/,
  });
  await expect(chart.getByRole("table").getByRole("row")).toHaveCount(5);
  await expect(chart.getByRole("table").getByRole("row").nth(1)).toContainText(
    "0 (the bank as it is)",
  );
  await expect(chart.getByRole("columnheader", { name: /From your own results/ })).toHaveCount(1);
  await plan.getByLabel("Retrievals to plan for").selectOption({ label: "up to 5 retrievals" });
  await expect(chart.getByRole("table").getByRole("row")).toHaveCount(7);
  await expect(
    plan.getByText(
      /^Of 100 people aged 4\d with a bank like yours who do 5 more retrievals, about \d+ had at least one baby/,
    ),
  ).toBeVisible();
  await expect(
    plan.getByText(/^Learning from your own 3 retrievals: about \d+ of 100/),
  ).toBeVisible();
  await expect(plan.getByRole("table", { name: "One retrieval, typical and yours" })).toBeVisible();

  await plan.getByRole("radio", { name: "Two children" }).check();
  await expect(
    plan.getByRole("figure", { name: /Chance of at least two babies by the number of retrievals/ }),
  ).toBeVisible();

  await expectNoAxeViolations(page, "odds with a bank, light");
  await shot(page, "odds-bank-light");
});

test("odds with a bank have no accessibility violations in dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await restoreMaya(page);
  await openOdds(page);
  await page
    .getByRole("region", { name: "With the embryos in your bank" })
    .getByText(/^Where these numbers come from/)
    .click();
  await expect(page.getByRole("figure", { name: /for each embryo/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: /by the number of retrievals/ })).toBeVisible();
  await expectNoAxeViolations(page, "odds with a bank, dark");
  await shot(page, "odds-bank-dark");
});

for (const scheme of ["light", "dark"] as const) {
  test(`with no embryos yet (${scheme}): the plan works from age alone, and so does the egg-freezing calculator`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await setUpJourney(page);
    await openOdds(page);
    await expect(page.getByText(notAdvice).first()).toBeVisible();
    await expect(
      page.getByText(/^When embryos are frozen or in culture, this shows/),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to Embryos" })).toBeVisible();

    const plan = page.getByRole("region", { name: "Planning ahead" });
    await expect(
      plan.getByText("Without it, the typical number of eggs for your age is used."),
    ).toBeVisible();
    const table = plan
      .getByRole("figure", { name: /by the number of retrievals/ })
      .getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row").nth(1).getByRole("rowheader")).toHaveText("1");
    await expect(
      plan.getByText(
        /^Of 100 people aged 4\d who do 3 retrievals, about \d+ had at least one baby \(between \d+ and \d+ for someone like you\)\.$/,
      ),
    ).toBeVisible();
    // A what-if: younger, with an AMH.
    await plan.getByLabel("Age at the retrievals").fill("34");
    await plan.getByLabel("AMH, if you know it (ng/mL)").fill("2,1");
    await plan.getByRole("radio", { name: "Tested", exact: true }).check();
    await expect(plan.getByText(/^Of 100 people aged 34 who do 3 retrievals/)).toBeVisible();
    await plan.getByLabel("Age at the retrievals").fill("12");
    await expect(plan.getByText("Use a whole number of years from 18 to 50.")).toBeVisible();
    await plan.getByLabel("Age at the retrievals").fill("34");
    await expect(plan.getByText(/^Of 100 people aged 34 who do 3 retrievals/)).toBeVisible();

    const eggs = page.getByRole("region", { name: "Frozen eggs" });
    await eggs.getByText("If you froze eggs: try the egg-freezing calculator").click();
    await eggs.getByLabel("Age when the eggs were frozen").fill("34");
    await eggs.getByLabel("Mature eggs frozen").fill("21");
    await expect(
      eggs.getByText(
        /^Of 100 people who froze 21 mature eggs at 34, about \d+ had at least one baby \(between \d+ and \d+ for someone like you\)\.$/,
      ),
    ).toBeVisible();
    await expect(
      eggs.getByText(/^Each mature egg frozen: about \d+ in 100 became a baby/),
    ).toBeVisible();
    await eggs.getByText(/^Where these numbers come from/).click();
    await expect(eggs.getByText(/^Egg survival after thawing about 90%/)).toBeVisible();

    await expectNoAxeViolations(page, `odds from age alone, ${scheme}`);
    await shot(page, `odds-empty-${scheme}`);
  });
}

test("quiet mode hides every number, and showing them again asks first", async ({ page }) => {
  await restoreMaya(page);
  await page.getByRole("navigation").getByRole("link", { name: "More", exact: true }).click();
  await page.getByRole("main").getByRole("link", { name: "Settings" }).click();
  await page.getByRole("switch", { name: "Quiet mode" }).click();
  await expect(page.getByRole("switch", { name: "Quiet mode" })).toHaveAttribute(
    "aria-checked",
    "true",
  );

  await openOdds(page);
  await expect(
    page.getByRole("heading", { name: "Odds are hidden while quiet mode is on" }),
  ).toBeVisible();
  await expect(page.getByText(/Of 100 people/)).toHaveCount(0);
  await expect(page.getByRole("figure")).toHaveCount(0);
  await expect(page.getByRole("img")).toHaveCount(0);
  await expectNoAxeViolations(page, "odds in quiet mode");
  await shot(page, "odds-quiet-light");

  await page.getByRole("button", { name: "Show the odds" }).click();
  const question = page.getByText(/^Showing the odds turns quiet mode off everywhere/);
  await expect(question).toBeFocused();
  await page.getByRole("button", { name: "Keep quiet mode on" }).click();
  await expect(question).toBeHidden();
  await expect(page.getByText(/Of 100 people/)).toHaveCount(0);

  await page.getByRole("button", { name: "Show the odds" }).click();
  await page.getByRole("button", { name: "Turn quiet mode off" }).click();
  await expect(page.getByRole("status").getByText(/^Quiet mode is off/)).toBeVisible();
  await expect(
    page.getByText(/^Of 100 people with a bank like yours, about \d+ had at least one baby/),
  ).toBeVisible();
  await page.getByRole("navigation").getByRole("link", { name: "More", exact: true }).click();
  await page.getByRole("main").getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("switch", { name: "Quiet mode" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
});
