import { expect, type Page, test } from "@playwright/test";
import { expectAxeBothSchemes, nav, shot as picture, restore } from "./helpers.ts";
import { type Journey, mayaFirstCycle, priyaEggFreezing } from "./today-fixture.ts";

/**
 * Today knows the stage: the browser's clock is set to a moment in a whole
 * journey, the record up to then is restored, and Today is read as the
 * person would read it, at phone width, in light and dark.
 */

test.use({ viewport: { width: 375, height: 812 } });

/** Today in light and in dark, to look at. */
const shot = (page: Page, name: string) => picture(page, `today-${name}`, { bothSchemes: true });

/** Sets the clock to a moment of the journey and restores what was recorded by then. */
async function openAt(page: Page, journey: Journey, zone: string, date: string, time: string) {
  await page.clock.install({ time: instant(zone, date, time) });
  await restore(page, journey.upTo(date, time));
}

async function moveTo(page: Page, zone: string, date: string, time: string) {
  await page.clock.setFixedTime(instant(zone, date, time));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
}

/** Adds an appointment on the monitoring page that is open: what for, the day and the time. */
async function addAppointment(page: Page, kind: string, date: string, time: string) {
  await page.getByRole("button", { name: "Add an appointment" }).click();
  await page.getByRole("combobox", { name: "What for" }).selectOption(kind);
  await page.getByLabel("Date", { exact: true }).fill(date);
  await page.getByLabel("Time", { exact: true }).fill(time);
  await page.getByRole("button", { name: "Save appointment" }).click();
  await expect(page.getByRole("status").getByText("Appointment saved.")).toBeVisible();
}

/** A JavaScript Date for a wall time in a zone (the offsets of these dates are fixed below). */
function instant(zone: string, date: string, time: string): Date {
  const offsets: Record<string, (d: string) => string> = {
    // New York is on daylight time from 8 March to 1 November 2015.
    "America/New_York": () => "-04:00",
    // London: GMT until 31 March 2024, then BST.
    "Europe/London": (d) => (d < "2024-03-31" ? "+00:00" : "+01:00"),
  };
  return new Date(`${date}T${time}:00${offsets[zone]!(date)}`);
}

test.describe("Maya, New York 2015", () => {
  const NY = "America/New_York";
  test.use({ timezoneId: NY });

  test("the retrieval day shows the booked time and what to expect, then the after-retrieval check", async ({
    page,
  }) => {
    const maya = mayaFirstCycle();
    await openAt(page, maya, NY, "2015-04-15", "06:45");
    const retrieval = page.getByRole("region", { name: "Retrieval Wed, Apr 15, 2015, 9:30 AM" });
    await expect(retrieval).toBeVisible();
    await expect(retrieval.getByText("The time your clinic booked.")).toBeVisible();
    await expect(retrieval.getByRole("heading", { name: "What to expect" })).toBeVisible();
    await expect(retrieval.getByRole("listitem")).toHaveText([
      /^Eating and drinking: stop when your clinic says/,
      /someone to take you home/,
      "Cramping, bloating and light spotting are common for a few days afterwards.",
      /^Call your clinic the same day if the pain keeps getting worse/,
      "For trouble breathing, chest pain or fainting, call your local emergency number.",
    ]);
    // The trigger was logged a minute after plan: nothing to tell the clinic.
    await expect(page.getByText(/Your trigger was logged/)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "After the retrieval" })).toHaveCount(0);
    await shot(page, "retrieval-day");
    await expectAxeBothSchemes(page, "Today on the retrieval day");

    // That afternoon: the retrieval is over, and the check for after it is offered.
    await moveTo(page, NY, "2015-04-15", "14:00");
    await expect(page.getByRole("region", { name: /^Retrieval/ })).toHaveCount(0);
    const after = page.getByRole("region", { name: "After the retrieval" });
    await expect(after).toBeVisible();
    await expect(page.getByRole("heading", { name: "How do you feel?" })).toHaveCount(0);
    await shot(page, "after-retrieval");
    await expectAxeBothSchemes(page, "Today after the retrieval");
    await after.getByRole("button", { name: "Check in" }).click();
    await expect(page.locator(".symptom-check")).toBeVisible();
  });

  test("transfer day shows, then the wait with the booked test, then test day", async ({
    page,
  }) => {
    const maya = mayaFirstCycle();
    await openAt(page, maya, NY, "2015-04-20", "15:00");
    const transfer = page.getByRole("region", { name: "Transfer day" });
    await expect(transfer.getByText("Your transfer is today.")).toBeVisible();
    await expect(
      transfer.getByText(
        "The transfer is recorded. Take the rest of the day as gently as you like.",
      ),
    ).toBeVisible();
    // No blood test booked yet: the typical days, said as typical.
    await expect(
      transfer.getByText(
        "Clinics usually do the blood test (beta hCG) about 9 to 11 days after a transfer like this one: around Wed, Apr 29 to Fri, May 1. Your clinic will tell you the day.",
      ),
    ).toBeVisible();
    await expect(transfer.getByRole("link", { name: "Open Transfers" })).toHaveAttribute(
      "href",
      `/transfers/${maya.ids.transferId}`,
    );
    await shot(page, "transfer-day");
    await expectAxeBothSchemes(page, "Today on transfer day");

    // The next day the clinic books the beta, and Maya adds it to her appointments.
    await moveTo(page, NY, "2015-04-21", "20:00");
    await page.goto(`/cycle/${maya.ids.cycleId}/monitoring`);
    await addAppointment(page, "bloods", "2015-04-29", "08:00");

    // Three days on, Today says when, gently, with no countdown.
    await moveTo(page, NY, "2015-04-24", "19:00");
    const wait = page.getByRole("region", { name: "After your transfer" });
    await expect(
      wait.getByText("Your blood test (beta hCG) is booked for Wed, Apr 29, 2015, 8:00 AM."),
    ).toBeVisible();
    await expect(wait.getByText(/The days of waiting can feel long/)).toBeVisible();
    await expect(page.getByText(/days? (left|to go)/)).toHaveCount(0);
    await shot(page, "two-week-wait");
    await expectAxeBothSchemes(page, "Today in the wait after a transfer");

    await moveTo(page, NY, "2015-04-29", "06:30");
    const testDay = page.getByRole("region", { name: "Test day" });
    await expect(
      testDay.getByText("Your blood test (beta hCG) is today at 8:00 AM."),
    ).toBeVisible();
    await expect(
      testDay.getByText("Whatever it shows, you can record it in Transfers when you are ready."),
    ).toBeVisible();
    await shot(page, "test-day");
    await expectAxeBothSchemes(page, "Today on test day");
  });

  test("after a recorded loss, the main action is not “Start a cycle”: remembrance and support are offered", async ({
    page,
  }) => {
    const maya = mayaFirstCycle();
    await openAt(page, maya, NY, "2015-06-15", "20:00");
    await expect(page.getByRole("link", { name: "Start a cycle" })).toHaveCount(0);
    await expect(page.locator(".button-primary")).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Nothing planned for today yet" })).toHaveCount(
      0,
    );
    const card = page.getByRole("region", { name: "Here when you need it" });
    await expect(
      card.getByText("There is nothing you need to do today.", { exact: false }),
    ).toBeVisible();
    await expect(card.getByRole("link", { name: "Open Remembrance" })).toHaveAttribute(
      "href",
      "/remembrance",
    );
    // Nothing about tests, waiting or pregnancy, and no cheer, shown or hidden.
    await expect(
      page
        .getByRole("main")
        .getByText(/test day|beta|pregnan|due date|weeks|congratulations|good news|!/i),
    ).toHaveCount(0);
    await shot(page, "after-loss");
    await card.getByText("Someone to talk to").click();
    await expect(card.getByRole("heading", { name: "Support lines" })).toBeVisible();
    await expectAxeBothSchemes(page, "Today after a loss, support lines open");

    // Starting again is still there, as a quiet link.
    await card.getByRole("link", { name: "Start a new cycle" }).click();
    await expect(page).toHaveURL(/\/cycle\/new$/);
  });
});

test.describe("Priya, London 2024", () => {
  const LDN = "Europe/London";
  test.use({ timezoneId: LDN });

  test("a trigger logged 40 minutes late says how late, and the retrieval keeps the clinic's booked time", async ({
    page,
  }) => {
    const priya = priyaEggFreezing();
    await openAt(page, priya, LDN, "2024-03-15", "09:00");
    // Nothing booked yet: the planned trigger plus 36 hours, not the logged minute.
    const retrieval = page.getByRole("region", { name: /^Retrieval/ });
    await expect(retrieval.getByRole("heading")).toHaveText([
      "Retrieval Sat, Mar 16, 2024, 9:30 AM",
      "What to expect",
    ]);
    await expect(
      retrieval.getByText(
        "Your trigger was logged 40 minutes after the planned time. Let your clinic know: they time the retrieval from it.",
      ),
    ).toBeVisible();
    await shot(page, "late-trigger");
    await expectAxeBothSchemes(page, "Today with a late trigger");

    // The clinic books 09:00; Priya adds it, and Today shows their time.
    await retrieval.getByRole("link", { name: "Add the clinic's time" }).click();
    await addAppointment(page, "retrieval", "2024-03-16", "09:00");
    await nav(page, "Today");
    const booked = page.getByRole("region", { name: "Retrieval Sat, Mar 16, 2024, 9:00 AM" });
    await expect(booked.getByText("The time your clinic booked.")).toBeVisible();
    await expect(booked.getByText(/^Your trigger was logged 40 minutes after/)).toBeVisible();
  });

  test("a cycle 14 days past its retrieval asks “Is this cycle over?”; “Not yet” waits a week; ending it works", async ({
    page,
  }) => {
    const priya = priyaEggFreezing();
    await openAt(page, priya, LDN, "2024-03-29", "20:00");
    await expect(page.getByRole("heading", { name: "Is this cycle over?" })).toHaveCount(0);

    await moveTo(page, LDN, "2024-03-30", "09:00");
    const question = page.getByRole("region", { name: "Is this cycle over?" });
    await expect(
      question.getByText(
        "Nothing new has been recorded in Egg freezing (antagonist) since Sat, Mar 16. If it has ended, you can close it here. Everything you recorded stays.",
      ),
    ).toBeVisible();
    await shot(page, "cycle-over");
    await expectAxeBothSchemes(page, "Today asking whether the cycle is over");
    await question.getByRole("button", { name: "Not yet" }).click();
    await expect(
      page.getByRole("status").getByText("Trellis will ask again in a week."),
    ).toBeVisible();
    await expect(question).toHaveCount(0);

    await moveTo(page, LDN, "2024-04-05", "09:00");
    await expect(page.getByRole("heading", { name: "Is this cycle over?" })).toHaveCount(0);
    await moveTo(page, LDN, "2024-04-06", "09:00");
    await question.getByRole("button", { name: "Yes, it finished" }).click();
    await expect(
      page.getByRole("status").getByText("Closed. Your record of this cycle stays as it is."),
    ).toBeVisible();
    await expect(question).toHaveCount(0);
    // Nothing is going on now, and there was no loss: starting a cycle is offered.
    await expect(page.getByRole("link", { name: "Start a cycle" })).toBeVisible();
    await page.goto(`/cycle/${priya.ids.cycleId}`);
    await expect(page.getByText(/Finished/)).toBeVisible();
  });
});
