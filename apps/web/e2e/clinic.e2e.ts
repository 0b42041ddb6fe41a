import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  expectAxeBothSchemes,
  expectNoAxeViolations,
  shot as picture,
  setUpJourney,
} from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

/** A part of the screen in light and in dark, to look at. */
const shot = (page: Page, name: string, part: Locator) =>
  picture(page, name, { part, bothSchemes: true });

const supportLines = (page: Page) =>
  page.locator("section.support-lines").filter({
    has: page.getByRole("heading", { name: "Support lines" }),
  });

test("a clinic saved once in Settings is chosen for a new cycle, and its 24-hour line is a link to call in the support lines, beside the person's own line", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await setUpJourney(page);

  // Settings: no clinic yet; add one, with a number typed wrong first.
  await page.goto("/settings");
  const card = page.locator("section#clinics");
  await expect(card.getByRole("heading", { name: "Your clinics" })).toBeVisible();
  await expect(card.getByText("No clinic saved yet.")).toBeVisible();
  await card.getByRole("button", { name: "Add a clinic" }).click();
  await card.getByLabel("Clinic name").fill("Hudson Fertility");
  await card.getByRole("textbox", { name: "24-hour line" }).fill("(212) 555-O123");
  await card.getByLabel("Patient portal (optional)").fill("http://portal.hudsonfertility.example");
  await card.getByRole("button", { name: "Save clinic" }).click();
  await expect(
    card.getByText("A phone number holds only digits, spaces and + - ( ) . /."),
  ).toBeVisible();
  await expect(card.getByText(/Use the address that starts with https:\/\//)).toBeVisible();
  // The first field that is wrong has the focus, and says why.
  await expect(card.getByRole("textbox", { name: "24-hour line" })).toBeFocused();
  await expect(card.getByRole("textbox", { name: "24-hour line" })).toHaveAccessibleDescription(
    /A phone number holds only digits/,
  );
  await expect(card.getByText("Hudson Fertility")).toHaveCount(0);

  await card.getByRole("textbox", { name: "24-hour line" }).fill("(212) 555-0123");
  await card.getByLabel("Nurse line (optional)").fill("212-555-0150");
  await card.getByLabel("Address (optional)").fill("44 Hudson Street, New York, NY 10013");
  await card.getByLabel("Patient portal (optional)").fill("portal.hudsonfertility.example");
  await card.getByLabel("Notes (optional)").fill("After hours, press 2 for the nurse on call.");
  await card.getByRole("button", { name: "Save clinic" }).click();
  await expect(page.getByText("Clinic saved.")).toBeVisible();
  await expect(card.getByRole("heading", { name: "Hudson Fertility", level: 3 })).toBeVisible();
  await expect(
    card.getByRole("link", { name: "Call the 24-hour line of Hudson Fertility, (212) 555-0123" }),
  ).toHaveAttribute("href", "tel:2125550123");
  await expect(
    card.getByRole("link", { name: "Call the nurse line of Hudson Fertility, 212-555-0150" }),
  ).toHaveAttribute("href", "tel:2125550150");
  const portal = card.getByRole("link", { name: /^Patient portal of Hudson Fertility/ });
  await expect(portal).toHaveAttribute("href", "https://portal.hudsonfertility.example");
  await expect(portal).toHaveAttribute("target", "_blank");
  await shot(page, "clinic-settings", card);
  await expectAxeBothSchemes(page, "Settings with a clinic");

  // A new cycle starts with it, without being asked.
  await page.goto("/cycle/new");
  const choice = page.getByLabel("Clinic", { exact: true });
  await expect(choice.locator("option:checked")).toHaveText("Hudson Fertility");
  await page.getByRole("radio", { name: /Antagonist \(short\) protocol/ }).check();
  await page.getByRole("button", { name: "Start this cycle" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Antagonist (short) protocol" }),
  ).toBeVisible();
  await expect(page.getByText(/ · Hudson Fertility$/)).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Call the 24-hour line of Hudson Fertility, (212) 555-0123" }),
  ).toHaveAttribute("href", "tel:2125550123");

  // The support lines (Remembrance): the clinic first, then the lines for the US with their websites.
  await page.goto("/remembrance");
  const lines = supportLines(page);
  await expect(lines.getByRole("heading", { name: "Your own clinic" })).toBeVisible();
  const call = lines.getByRole("link", {
    name: "Call the 24-hour line of Hudson Fertility, (212) 555-0123",
  });
  await expect(call).toHaveAttribute("href", "tel:2125550123");
  await expect(
    lines.getByRole("link", { name: /^Website of 988 Suicide & Crisis Lifeline/ }),
  ).toHaveAttribute("href", "https://988lifeline.org");
  await expect(
    lines.getByRole("link", { name: "Call 988, 988 Suicide & Crisis Lifeline" }),
  ).toHaveAttribute("href", "tel:988");
  // The clinic comes before every line Trellis knows.
  const order = await lines
    .getByRole("link", { name: /^Call / })
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(order[0]).toBe("tel:2125550123");

  // A line of their own: a counsellor, first with a number that cannot be one.
  await expect(
    lines.getByText("Add someone you can call: a counsellor, a friend, a group."),
  ).toBeVisible();
  await lines.getByRole("button", { name: "Add a line" }).click();
  await lines.getByLabel("Name").fill("Dr Ana Ruiz, counsellor");
  await lines.getByLabel("Phone number").fill("55");
  await lines.getByRole("button", { name: "Save line" }).click();
  await expect(lines.getByText("This has 2 digits; a phone number has at least 3.")).toBeVisible();
  await lines.getByLabel("Phone number").fill("+1 646 555 0199");
  await lines.getByLabel("Website (optional)").fill("anaruiz-counselling.example");
  await lines.getByLabel("Note (optional)").fill("Tuesdays. She knows our story.");
  await lines.getByRole("button", { name: "Save line" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(lines.getByRole("heading", { name: "Your own lines" })).toBeVisible();
  await expect(
    lines.getByRole("link", { name: "Call Dr Ana Ruiz, counsellor, +1 646 555 0199" }),
  ).toHaveAttribute("href", "tel:+16465550199");
  await expect(
    lines.getByRole("link", {
      name: /^Website of Dr Ana Ruiz, counsellor: anaruiz-counselling\.example/,
    }),
  ).toHaveAttribute("href", "https://anaruiz-counselling.example");
  await shot(page, "clinic-support-lines", lines);
  await expectAxeBothSchemes(page, "support lines with a clinic and an own line");

  // It stays after a reload (it is in the record), and can be changed and taken away.
  await page.reload();
  const again = supportLines(page);
  await again.getByRole("button", { name: "Change Dr Ana Ruiz, counsellor" }).click();
  await again.getByLabel("Phone number").fill("");
  await again.getByLabel("Website (optional)").fill("");
  await again.getByRole("button", { name: "Save line" }).click();
  await expect(
    again.getByText("Add a phone number or a website, so the line can be reached."),
  ).toBeVisible();
  await again.getByLabel("Phone number").fill("646 555 0100");
  await again.getByRole("button", { name: "Save line" }).click();
  await expect(
    again.getByRole("link", { name: "Call Dr Ana Ruiz, counsellor, 646 555 0100" }),
  ).toHaveAttribute("href", "tel:6465550100");
  await again.getByRole("button", { name: "Take away Dr Ana Ruiz, counsellor" }).click();
  await page
    .getByRole("dialog", { name: "Take Dr Ana Ruiz, counsellor off your lines?" })
    .getByRole("button", { name: "Take away" })
    .click();
  await expect(page.getByText("Taken away.")).toBeVisible();
  await expect(again.getByText("Dr Ana Ruiz, counsellor")).toHaveCount(0);
});

test("a new clinic added from the new-cycle form, by keyboard, is chosen for the cycle and keeps everything typed in the form", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setUpJourney(page);
  await page.goto("/cycle/new");
  await page.getByRole("radio", { name: /Antagonist \(short\) protocol/ }).check();
  await page.getByLabel("First day of stimulation injections (stim day 1)").fill("2026-03-02");
  await page.getByRole("button", { name: "Remove Menotropins (hMG)" }).click();
  await expect(page.getByRole("group", { name: "Menotropins (hMG)" })).toHaveCount(0);
  await expect(
    page.getByText("Save your clinic's 24-hour line once, and each new cycle starts with it."),
  ).toBeVisible();

  const add = page.getByRole("button", { name: "Add a new clinic" });
  await add.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "A new clinic" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Clinic name")).toBeFocused();
  await page.keyboard.type("Riverside Fertility");
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("textbox", { name: "24-hour line" })).toBeFocused();
  await page.keyboard.type("+1 212 555 0188");
  await expectNoAxeViolations(page, "the add-a-clinic dialog");
  await shot(page, "clinic-dialog", dialog);
  // Enter saves the clinic, not the cycle.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText("Riverside Fertility is saved and chosen for this cycle."),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/cycle\/new$/);

  const choice = page.getByLabel("Clinic", { exact: true });
  await expect(choice).toBeFocused();
  await expect(choice.locator("option:checked")).toHaveText("Riverside Fertility");
  await shot(page, "clinic-cycle-form", page.locator(".clinic-picker"));
  await expect(page.getByLabel("First day of stimulation injections (stim day 1)")).toHaveValue(
    "2026-03-02",
  );
  await expect(page.getByRole("group", { name: "Menotropins (hMG)" })).toHaveCount(0);
  await page.getByRole("button", { name: "Start this cycle" }).click();
  await expect(page.getByText(/ · Riverside Fertility$/)).toBeVisible();

  // Escape closes the dialog and changes nothing.
  await page.goto("/cycle/new");
  await page.getByRole("button", { name: "Add a new clinic" }).click();
  await page
    .getByRole("dialog", { name: "A new clinic" })
    .getByLabel("Clinic name")
    .fill("Never saved");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "A new clinic" })).toBeHidden();
  await expect(page.getByLabel("Clinic", { exact: true }).locator("option")).toHaveText([
    "Riverside Fertility",
    "No clinic",
  ]);
});

test("with no clinic saved, the support lines say so calmly and add one right there; a cycle can change its clinic later", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await setUpJourney(page);
  await page.goto("/remembrance");
  const lines = supportLines(page);
  await expect(
    lines.getByText("Your clinic's numbers are not saved yet. Saved once, they show here"),
  ).toBeVisible();
  await lines.getByRole("button", { name: "Add your clinic" }).click();
  await lines.getByLabel("Clinic name").fill("Hudson Fertility");
  await lines.getByRole("textbox", { name: "24-hour line" }).fill("212 555 0123 212 555 0123");
  await lines.getByRole("button", { name: "Save clinic" }).click();
  await expect(lines.getByText(/^This has 20 digits; a phone number has at most 15/)).toBeVisible();
  await lines.getByRole("textbox", { name: "24-hour line" }).fill("212 555 0123");
  await lines.getByRole("button", { name: "Save clinic" }).click();
  await expect(
    lines.getByRole("link", { name: "Call the 24-hour line of Hudson Fertility, 212 555 0123" }),
  ).toHaveAttribute("href", "tel:2125550123");
  await expect(lines.getByText(/numbers are not saved yet/)).toHaveCount(0);

  // A second clinic, made current in Settings: the next cycle starts with it; the first cycle keeps its own.
  await page.goto("/cycle/new");
  await page.getByRole("button", { name: "Start this cycle" }).click();
  await expect(page.getByText(/ · Hudson Fertility$/)).toBeVisible();
  const firstCycle = page.url();
  await page.goto("/settings");
  const card = page.locator("section#clinics");
  await card.getByRole("button", { name: "Add a clinic" }).click();
  await card.getByLabel("Clinic name").fill("Bayside IVF");
  await card.getByRole("textbox", { name: "24-hour line" }).fill("718 555 0144");
  await expect(card.getByRole("checkbox", { name: "This is my current clinic" })).not.toBeChecked();
  await card.getByRole("button", { name: "Save clinic" }).click();
  await card.getByRole("button", { name: "Make Bayside IVF your current clinic" }).click();
  await expect(page.getByText("Bayside IVF is now your current clinic.")).toBeVisible();
  await expect(card.getByRole("heading", { level: 3 }).first()).toHaveText(/^Bayside IVF/);
  await page.goto("/cycle/new");
  await expect(page.getByLabel("Clinic", { exact: true }).locator("option:checked")).toHaveText(
    "Bayside IVF",
  );

  // The first cycle still names Hudson; it can be moved to Bayside from its page.
  await page.goto(firstCycle);
  const clinicCard = page.locator("section.cycle-clinic");
  await expect(clinicCard.getByText("Hudson Fertility")).toBeVisible();
  await clinicCard.getByRole("button", { name: "Change the clinic" }).click();
  await clinicCard.getByLabel("Clinic", { exact: true }).selectOption({ label: "Bayside IVF" });
  await clinicCard.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The cycle's clinic is saved.")).toBeVisible();
  await expect(
    clinicCard.getByRole("link", { name: "Call the 24-hour line of Bayside IVF, 718 555 0144" }),
  ).toBeVisible();
  await shot(page, "clinic-cycle-card", clinicCard);
  await page.goto("/settings");
  // Settings' code arrives on demand: check the screen, not the wait before it.
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await shot(page, "clinic-settings-two", page.locator("section#clinics"));
  await expectAxeBothSchemes(page, "Settings with two clinics");
});
