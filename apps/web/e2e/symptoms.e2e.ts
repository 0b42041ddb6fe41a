import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  choose,
  expectAxeBothSchemes,
  maya,
  nav,
  openCheck,
  shot as picture,
  restore,
} from "./helpers.ts";
import { mayaMidStimulation } from "./monitoring-fixture.ts";
import { mayaAfterTransfer } from "./symptoms-fixture.ts";

test.use({ timezoneId: maya.homeZone });

/** The page in light and in dark, whole and in screen-high parts, to look at. */
const shot = (page: Page, name: string) => picture(page, name, { bothSchemes: true, slices: true });

/** The day after a loss at 20 weeks (a transfer 122 days ago was 2 weeks 5 days). */
const afterLoss = () =>
  mayaAfterTransfer({
    transferDaysAgo: 122,
    outcome: { kind: "miscarriage", daysAgo: 1, weeks: 20 },
  });

/** The check, opened on Today the day after that loss. */
async function checkAfterLoss(page: Page): Promise<Locator> {
  await restore(page, afterLoss());
  return openCheck(page);
}

test("after a recorded loss, the check asks about recovery and never about a pregnancy", async ({
  page,
}) => {
  const check = await checkAfterLoss(page);
  await expect(check).toContainText("Questions about how your body is recovering");

  const bleeding = check.getByRole("group", { name: "Bleeding" });
  for (const answer of [
    "None",
    "Spotting",
    "Light",
    "Heavy, like a period",
    "Soaking a pad in an hour",
  ])
    await expect(bleeding.getByRole("radio", { name: answer, exact: true })).toBeVisible();
  for (const sign of [
    "Clots the size of an egg or bigger",
    "Fever or shivering",
    "Discharge that smells bad",
    "Dizzy or light-headed",
    "Fainted",
    "Pain, redness or swelling in a leg",
    "Short of breath",
    "Chest pain",
    "Thoughts of harming myself, or of not wanting to live",
  ])
    await expect(check.getByRole("checkbox", { name: sign })).toBeVisible();
  await expect(check.getByRole("group", { name: "Pain or cramps in your belly" })).toBeVisible();
  await expect(check.getByRole("group", { name: "Mood" })).toBeVisible();

  // Nothing about a pregnancy, and none of the stimulation questions.
  for (const text of [/baby/i, /waters/i, /fluid leaking/i, /bloating/i, /weight today/i, /OHSS/])
    await expect(check.getByText(text)).toHaveCount(0);

  await expectAxeBothSchemes(page, "the check after a loss");
  await shot(page, "check-after-loss");
});

test("the day after a loss at 20 weeks, heavy bleeding and very low mood is an emergency, never 'nothing needs a call'", async ({
  page,
}) => {
  const check = await checkAfterLoss(page);
  await choose(check, { Bleeding: "Heavy, like a period", Mood: "Very low, hard to cope" });
  await check.getByRole("button", { name: "Save how I feel" }).click();

  await expect(check.getByRole("heading", { name: "Seek emergency care now" })).toBeFocused();
  await expect(check).not.toContainText("Nothing here needs a call today");
  await expect(check).toContainText(
    "Heavy bleeding, or bleeding getting heavier: this can be a lot of blood loss and needs checking straight away.",
  );
  const calls = check.locator('a[href^="tel:"]');
  await expect(calls.first()).toHaveAttribute("href", "tel:911");
});

test("after a loss, soaking a pad in an hour says to call the emergency number now, as a link", async ({
  page,
}) => {
  const check = await checkAfterLoss(page);
  await choose(check, { Bleeding: "Soaking a pad in an hour" });
  await check.getByRole("button", { name: "Save how I feel" }).click();

  const answer = check.getByRole("heading", { name: "Seek emergency care now" });
  await expect(answer).toBeFocused();
  await expect(check).toContainText(
    "Soaking a pad in an hour or less: this is a lot of blood loss and needs checking straight away.",
  );
  await expect(check).toContainText("Call 911 now, or go to the nearest emergency department.");
  await expect(check.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
  await expect(check).toContainText("Tell them about your recent loss and when it was.");

  // The same answer interrupts at the top of Today.
  const alert = page.getByRole("alert").filter({ hasText: "Seek emergency care now" });
  await expect(alert.getByRole("link", { name: "Call 911" })).toBeVisible();
  await alert.getByText("Where this comes from").click();
  await expect(alert).toContainText("AWHONN POST-BIRTH warning signs; NICE CG37");

  await expectAxeBothSchemes(page, "an emergency answer after a loss");
  await shot(page, "check-after-loss-emergency");
});

test("low mood shows the support lines and the clinic, with nothing to call about", async ({
  page,
}) => {
  const check = await checkAfterLoss(page);
  await choose(check, { Mood: "Low" });
  await check.getByRole("button", { name: "Save how I feel" }).click();

  await expect(
    check.getByRole("heading", { name: "Nothing here needs a call today" }),
  ).toBeFocused();
  await expect(check).toContainText(
    "Feeling low: this is common in treatment and after hard news.",
  );
  await expect(check).toContainText("Your clinic or GP can help with how you feel too.");
  const lines = check.getByRole("region", { name: "Support lines" });
  await expect(lines).toBeVisible();
  await expect(lines.getByText("Your own clinic")).toBeVisible();
  await expect(
    lines.getByRole("link", { name: "Call 988, 988 Suicide & Crisis Lifeline" }),
  ).toBeVisible();
  await expect(check).not.toContainText("this is normal");

  await expectAxeBothSchemes(page, "low mood with support lines");
  await shot(page, "check-low-mood");
});

test("thoughts of self-harm show the crisis line first, then the emergency number; the country chosen in Settings decides which", async ({
  page,
}) => {
  const check = await checkAfterLoss(page);
  await check
    .getByRole("checkbox", { name: "Thoughts of harming myself, or of not wanting to live" })
    .check();
  await check.getByRole("button", { name: "Save how I feel" }).click();

  await expect(check.getByRole("heading", { name: "Please talk to someone now" })).toBeFocused();
  // New York: the US 988 line first, then 911.
  const calls = check.locator('a[href^="tel:"]');
  await expect(calls.first()).toHaveText("Call 988 Suicide & Crisis Lifeline: 988");
  await expect(calls.first()).toHaveAttribute("href", "tel:988");
  const hrefs = await calls.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(hrefs.indexOf("tel:911")).toBeGreaterThan(hrefs.indexOf("tel:988"));
  await expect(check).toContainText(
    "If you have acted on these thoughts, or feel you might, call 911 now.",
  );
  await expectAxeBothSchemes(page, "a crisis answer");
  await shot(page, "check-self-harm");

  // Living in Ireland: Samaritans first, and 112.
  await page.goto("/settings");
  const country = page.getByRole("region", { name: "Your country" });
  await expect(country.getByLabel("Country")).toHaveValue("");
  await expect(country).toContainText("Emergency number: 911.");
  await country.getByLabel("Country").selectOption({ label: "Ireland" });
  await country.getByRole("button", { name: "Save country" }).click();
  await expect(page.getByRole("status").getByText("Country saved.")).toBeVisible();
  await expect(country).toContainText("Emergency number: 112 (999 works too).");
  await expectAxeBothSchemes(page, "Settings with the country");
  await shot(page, "settings-country");

  await nav(page, "Today");
  const notice = page.getByRole("alert").filter({ hasText: "Please talk to someone now" });
  await expect(notice.locator('a[href^="tel:"]').first()).toHaveText("Call Samaritans: 116 123");
  await expect(notice).toContainText("call 112 now");
});

test("during stimulation, moderate pain with nausea and some vomiting calls the clinic (RCOG moderate OHSS)", async ({
  page,
}) => {
  await restore(page, mayaMidStimulation().file);
  const check = await openCheck(page);
  await expect(check).toContainText("Questions for the days of stimulation injections.");
  await choose(check, {
    "Pain in your belly": "Moderate",
    "Nausea (feeling sick)": "Moderate",
    "Vomiting (being sick)": "Some",
  });
  await check.getByRole("button", { name: "Save how I feel" }).click();

  await expect(check.getByRole("heading", { name: "Call your clinic today" })).toBeFocused();
  await expect(check).toContainText(
    "Moderate belly pain with feeling sick or being sick: this can be moderate OHSS",
  );
  // Until the clinic card gives a number, the words say which number to use.
  await expect(check).toContainText("Call your clinic’s 24-hour number");
  await expect(
    page.getByRole("status").filter({ hasText: "Call your clinic today" }),
  ).toBeVisible();
  await expectAxeBothSchemes(page, "a call-the-clinic answer during stimulation");
  await shot(page, "check-stimulation-moderate-ohss");

  // Once her clinic card has a 24-hour line, the answer on Today is a link to call it.
  await page.goto("/settings");
  const card = page.locator("section#clinics");
  await card.getByRole("button", { name: "Add a clinic" }).click();
  await card.getByLabel("Clinic name").fill("Hudson Fertility");
  await card.getByRole("textbox", { name: "24-hour line" }).fill("(212) 555-0123");
  await card.getByRole("button", { name: "Save clinic" }).click();
  await expect(card.getByRole("heading", { name: "Hudson Fertility" })).toBeVisible();
  await nav(page, "Today");
  const notice = page.getByRole("status").filter({ hasText: "Call your clinic today" });
  const call = notice.getByRole("link", { name: "Call Hudson Fertility: (212) 555-0123" });
  await expect(call).toBeVisible();
  await expect(call).toHaveAttribute("href", "tel:2125550123");
  await expect(notice).not.toContainText("Call your clinic’s 24-hour number");
});

test("at 30 weeks the check asks about the baby's movements; less movement with bleeding is an emergency", async ({
  page,
}) => {
  // A day-5 transfer 191 days ago: 30 weeks today.
  await restore(
    page,
    mayaAfterTransfer({ transferDaysAgo: 191, outcome: { kind: "ongoing", daysAgo: 120 } }),
  );
  const check = await openCheck(page);
  await expect(check).not.toContainText("shoulder");
  await check.getByRole("checkbox", { name: "Baby moving less than usual" }).check();
  await choose(check, { Bleeding: "Spotting" });
  await check.getByRole("button", { name: "Save how I feel" }).click();
  await expect(check.getByRole("heading", { name: "Seek emergency care now" })).toBeFocused();
  await expect(check).toContainText("Your baby moving less, with pain or bleeding");
  await expect(check).toContainText("Tell them you are pregnant.");
  await expectAxeBothSchemes(page, "an emergency answer in pregnancy");
});
