import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  bankOdds,
  bankOddsInput,
  describeProblem,
  fold,
  oddsFromRecord,
  retrievalPlan,
  Temporal,
  type TrellisEvent,
} from "@trellis/domain";
import {
  expectNoAxeViolations,
  maya,
  openFromMore,
  shot as picture,
  restore,
  setUpJourney,
} from "./helpers.ts";
import { mayaBanked } from "./odds-fixture.ts";

test.use({ timezoneId: maya.homeZone });

/** The whole page, and in screen-high parts that are easier to look at. */
const shot = (page: Page, name: string) => picture(page, name, { slices: true });

async function restoreMaya(
  page: Page,
  options?: Parameters<typeof mayaBanked>[0],
): Promise<TrellisEvent[]> {
  const { file, events } = mayaBanked(options);
  await restore(page, file);
  return events;
}

async function openOdds(page: Page): Promise<void> {
  await openFromMore(page, "Odds");
  await expect(page.getByRole("heading", { level: 1, name: "Odds" })).toBeVisible();
}

/** What the engine says about the restored bank today, as the screen should word it. */
function expectedBankSentence(events: TrellisEvent[]): string {
  const today = Temporal.Now.plainDateISO(maya.homeZone).toString();
  const record = oddsFromRecord(fold(events), { today });
  const odds = bankOdds(bankOddsInput(record)!);
  if (!odds.ok) throw new Error(describeProblem(odds.error));
  const n = Math.round(odds.value.atLeastOne.central * 100);
  return `Of 100 people with a bank like yours, about ${n} would have at least one baby from it; about ${100 - n} would not.`;
}

/** The engine's "these answers run high" caveat, in its own words (they may change with the model). */
function hopefulCaveat(): string {
  const plan = retrievalPlan({ age: 34, retrievals: 1, tested: false, bank: [] });
  if (!plan.ok) throw new Error(describeProblem(plan.error));
  const note = plan.value.notes.find((n) => n.id === "hopeful-side");
  if (!note) throw new Error("the engine no longer gives the hopeful-side caveat");
  return note.text;
}

/**
 * A projection as the screen must say it: in the conditional, from both
 * sides adding up to 100, the 80% range in the next sentence, and (for plans
 * and frozen eggs) the caveat beside it, visible, not folded away.
 */
async function expectProjection(
  chance: Locator,
  start: RegExp,
  options: { caveat: boolean },
): Promise<void> {
  const sentence = chance.locator(".odds-sentence");
  await expect(sentence).toHaveText(start);
  const text = (await sentence.textContent()) ?? "";
  const both = text.match(/about (\d+) would have .+; about (\d+) would not\.$/);
  expect(both, text).not.toBeNull();
  expect(Number(both![1]) + Number(both![2])).toBe(100);
  expect(text).not.toMatch(/\bhad\b|between/);
  await expect(chance.locator(".odds-range-sentence")).toHaveText(
    /^We cannot be exact\. Your own chance is most likely (between about \d+ and \d+|about \d+) in 100: the studies leave some things uncertain, and people differ from one another\.$/,
  );
  const caveat = chance.getByRole("note");
  if (options.caveat) {
    await expect(caveat).toBeVisible();
    await expect(caveat).toHaveText(hopefulCaveat());
  } else {
    await expect(caveat).toHaveCount(0);
  }
}

/** The "about N would have" count of a projection sentence. */
async function countWouldHave(sentence: Locator): Promise<number> {
  const text = (await sentence.textContent()) ?? "";
  const m = text.match(/about (\d+) would have/);
  expect(m, text).not.toBeNull();
  return Number(m![1]);
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
  await expectProjection(
    bank.locator(".odds-chance").first(),
    /^Of 100 people with a bank like yours, about \d+ would have at least one baby from it;/,
    { caveat: false },
  );
  await expect(
    bank.getByText(
      /^Of 100 people with a bank like yours, about \d+ would have at least two babies from it; about \d+ would not\.$/,
    ),
  ).toBeVisible();
  await expect(bank.getByText(/would have at least three babies/)).toBeVisible();
  await expect(
    bank.getByText(/^For you, most likely between about \d+ and \d+ in 100\.$/),
  ).toHaveCount(2);
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
  await picture(page, "odds-embryo-chart", { part: embryos, bothSchemes: true });
  await picture(page, "odds-icon-array", {
    part: bank.locator(".odds-icons").first(),
    bothSchemes: true,
  });

  // Planning ahead: one more retrieval unless she asks for more, the bank as it is first.
  const plan = page.getByRole("region", { name: "Planning ahead" });
  await expect(plan.getByLabel("Age at the retrievals")).toHaveValue(/^4\d$/);
  await expect(plan.getByText("From your record: 10 pmol/L, taken")).toBeVisible();
  await expect(plan.getByLabel("Retrievals to plan for")).toHaveValue("1");
  await expectProjection(
    plan.locator(".odds-chance"),
    /^Of 100 people aged 4\d with a bank like yours who plan 1 more retrieval, about \d+ would have at least one baby;/,
    { caveat: true },
  );
  const chart = plan.getByRole("figure", {
    name: /Chance of at least one baby by the number of retrievals/,
  });
  await expect(chart.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(chart.getByRole("table").getByRole("row").nth(1)).toContainText(
    "0 (the bank as it is)",
  );
  await expect(chart.getByRole("columnheader", { name: /From your own results/ })).toHaveCount(1);
  await plan.getByLabel("Retrievals to plan for").selectOption({ label: "5 retrievals" });
  await expect(chart.getByRole("table").getByRole("row")).toHaveCount(7);
  await expectProjection(
    plan.locator(".odds-chance"),
    /^Of 100 people aged 4\d with a bank like yours who plan 5 more retrievals, about \d+ would have at least one baby;/,
    { caveat: true },
  );
  await expect(
    plan.getByText(
      /^Learning from your own 3 retrievals: of 100 people with results like yours, about \d+ would have at least one baby; about \d+ would not\.$/,
    ),
  ).toBeVisible();
  await expect(plan.getByRole("table", { name: "One retrieval, typical and yours" })).toBeVisible();
  await picture(page, "odds-plan-chart", { part: chart, bothSchemes: true });

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
    // One retrieval by default: the least hopeful figure, a single answer with no curve to draw.
    await expect(plan.getByLabel("Retrievals to plan for")).toHaveValue("1");
    await expect(plan.getByRole("radio", { name: "People like me" })).toBeChecked();
    await expect(plan.getByText(/^People like me: everyone in your place/)).toBeVisible();
    await expectProjection(
      plan.locator(".odds-chance"),
      /^Of 100 people aged 4\d who plan 1 retrieval, about \d+ would have at least one baby;/,
      { caveat: true },
    );
    await expect(plan.getByRole("figure", { name: /by the number of retrievals/ })).toHaveCount(0);
    await shot(page, `odds-plan-${scheme}`);

    // More retrievals, and the other question.
    await plan.getByLabel("Retrievals to plan for").selectOption({ label: "3 retrievals" });
    const table = plan
      .getByRole("figure", { name: /by the number of retrievals/ })
      .getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row").nth(1).getByRole("rowheader")).toHaveText("1");
    await expect(plan.locator(".odds-sentence")).toHaveText(
      /^Of 100 people aged 4\d who plan 3 retrievals, about \d+ would have/,
    );
    const likeMe = await countWouldHave(plan.locator(".odds-sentence"));
    await plan.getByRole("radio", { name: "If I keep going" }).check();
    await expect(plan.locator(".odds-sentence")).toHaveText(/who do all 3 retrievals/);
    // Everyone going on to all three is a more hopeful question than people like her, some of whom stop.
    expect(await countWouldHave(plan.locator(".odds-sentence"))).toBeGreaterThan(likeMe);
    await expectProjection(
      plan.locator(".odds-chance"),
      /^Of 100 people aged 4\d who do all 3 retrievals, about \d+ would have at least one baby;/,
      { caveat: true },
    );
    // A what-if: younger, with an AMH.
    await plan.getByLabel("Age at the retrievals").fill("34");
    await plan.getByLabel("AMH, if you know it (ng/mL)").fill("2,1");
    await plan.getByRole("radio", { name: "Tested", exact: true }).check();
    await expect(plan.getByText(/^Of 100 people aged 34 who do all 3 retrievals/)).toBeVisible();
    await plan.getByLabel("Age at the retrievals").fill("12");
    await expect(plan.getByText("Use a whole number of years from 18 to 50.")).toBeVisible();
    await plan.getByLabel("Age at the retrievals").fill("34");
    await expect(plan.getByText(/^Of 100 people aged 34 who do all 3 retrievals/)).toBeVisible();

    const eggs = page.getByRole("region", { name: "Frozen eggs" });
    await eggs.getByText("If you froze eggs: try the egg-freezing calculator").click();
    await eggs.getByLabel("Age when the eggs were frozen").fill("34");
    await eggs.getByLabel("Mature eggs frozen").fill("21");
    await expectProjection(
      eggs.locator(".odds-chance").first(),
      /^Of 100 people who froze 21 mature eggs at 34, about \d+ would have at least one baby from them;/,
      { caveat: true },
    );
    await expect(
      eggs.getByText(/^Each mature egg frozen: about \d+ in 100 would become a baby\./),
    ).toBeVisible();
    await eggs.getByText(/^Where these numbers come from/).click();
    await expect(eggs.getByText(/^Cobo et al. 2016/)).toBeVisible();

    await expectNoAxeViolations(page, `odds from age alone, ${scheme}`);
    await shot(page, `odds-empty-${scheme}`);
  });
}

test("quiet mode hides every number, and showing them again asks first", async ({ page }) => {
  await restoreMaya(page);
  await openFromMore(page, "Settings");
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
    page.getByText(/^Of 100 people with a bank like yours, about \d+ would have at least one baby/),
  ).toBeVisible();
  await openFromMore(page, "Settings");
  await expect(page.getByRole("switch", { name: "Quiet mode" })).toHaveAttribute(
    "aria-checked",
    "false",
  );
});

const askTitle = "Numbers about chances are here when you want them";

/** The Odds screen asking first: the question and one button, and not a single number. */
async function expectAskFirst(page: Page): Promise<Locator> {
  const ask = page.getByRole("region", { name: askTitle });
  await expect(ask).toBeVisible();
  await expect(ask.getByText(/^After a loss, Trellis keeps chances out of sight/)).toBeVisible();
  await expect(page.getByText(/Of 100|in 100|\d+%/)).toHaveCount(0);
  await expect(page.getByRole("figure")).toHaveCount(0);
  await expect(page.getByRole("img")).toHaveCount(0);
  return ask;
}

test("after a recorded loss the Odds screen asks first; yes shows the numbers; a later loss asks again", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date("2026-03-20T19:00:00-04:00") });
  await restoreMaya(page, { outcomes: true });
  await openOdds(page);
  const ask = await expectAskFirst(page);
  await expectNoAxeViolations(page, "odds asking first, light");
  await shot(page, "odds-ask-light");

  await ask.getByRole("button", { name: "Show the numbers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Odds" })).toBeFocused();
  await expect(
    page.getByText(/^Of 100 people with a bank like yours, about \d+ would have at least one baby/),
  ).toBeVisible();
  const plan = page.getByRole("region", { name: "Planning ahead" });
  await expect(plan.getByRole("note")).toHaveText(hopefulCaveat());
  // The yes is in the record: it holds after a reload.
  await page.reload();
  await expect(page.getByRole("region", { name: "Planning ahead" })).toBeVisible();
  await expect(page.getByRole("region", { name: askTitle })).toHaveCount(0);

  // A transfer of B1 today, and a miscarriage a month later.
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Plan a transfer" }).click();
  await page.getByRole("checkbox", { name: /^B1 · / }).check();
  await page.getByRole("button", { name: "Save the transfer" }).click();
  const title = "Transfer, Fri, Mar 20, 2026";
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.clock.setFixedTime(new Date("2026-04-20T19:00:00-04:00"));
  await page.reload();
  await page.getByRole("button", { name: "Record what happened" }).click();
  await page.getByRole("radio", { name: /^Miscarriage/ }).check();
  await page.getByLabel("Weeks", { exact: true }).fill("7");
  await page.getByLabel("Days", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "We are so sorry" })).toBeFocused();

  await openOdds(page);
  await expectAskFirst(page);
  await page.getByRole("button", { name: "Show the numbers" }).click();
  await expect(page.getByRole("region", { name: "Planning ahead" })).toBeVisible();
  // The bank's answer learns from her own transfers, the miscarriage among them, beside the typical one.
  await expect(
    page.getByText(
      /^Learning from your own \d+ transfers: of 100 people with a bank like yours and results like yours, about \d+ would have at least one baby from it; about \d+ would not\.$/,
    ),
  ).toBeVisible();
});

test("asking first passes axe in dark mode at 375 px", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await restoreMaya(page, { outcomes: true });
  await openOdds(page);
  await expectAskFirst(page);
  await expectNoAxeViolations(page, "odds asking first, dark");
  await shot(page, "odds-ask-dark");
});

test("after a loss with quiet mode on, quiet mode hides the odds; choosing to see them is the yes", async ({
  page,
}) => {
  await restoreMaya(page, { outcomes: true, quietMode: true });
  await openOdds(page);
  await expect(
    page.getByRole("heading", { name: "Odds are hidden while quiet mode is on" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: askTitle })).toHaveCount(0);
  await expect(page.getByText(/Of 100/)).toHaveCount(0);

  await page.getByRole("button", { name: "Show the odds" }).click();
  await page.getByRole("button", { name: "Turn quiet mode off" }).click();
  await expect(
    page.getByText(/^Of 100 people with a bank like yours, about \d+ would have at least one baby/),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: askTitle })).toHaveCount(0);
});
