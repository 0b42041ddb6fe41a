import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { Recorder, Temporal } from "@trellis/domain";
import ICAL from "ical.js";
import { antagonistCycle, eveningInjection, exportFile, recordAt } from "./fixtures.ts";
import { maya, openFromMore, restore } from "./helpers.ts";

// The service worker is on here (a notification while the app is open is shown through the service worker); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

/**
 * Names off (the default), nothing a reminder or the calendar file says tells
 * a stranger what it is for; names on, they say it all.
 */

const zone = maya.homeZone;
test.use({ timezoneId: zone });

/** Noon on stim day 5; an injection of Follitropin alfa every evening at 20:00, a scan tomorrow. */
const now = Temporal.ZonedDateTime.from(`2026-03-10T12:00:00[${zone}]`);

function stimulation() {
  const r = new Recorder("fixture13", 13);
  const at = (days: number, time: string) =>
    now.toPlainDate().add({ days }).toZonedDateTime({ timeZone: zone, plainTime: time });
  const created = at(-20, "20:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);
  const started = at(-5, "19:00");
  const cycleId = r.newId(started.epochMilliseconds);
  r.record(
    "CycleStarted",
    antagonistCycle(cycleId, at(-4, "00:00").toPlainDate().toString(), zone, {
      clinic: "City Fertility",
    }),
    started.epochMilliseconds,
  );
  recordAt(r, at(-4, "19:00"), "MedicationPlanned", (planItemId) =>
    eveningInjection(
      { cycleId, planItemId },
      at(-4, "00:00").toPlainDate().toString(),
      "Follitropin alfa",
    ),
  );
  recordAt(r, at(-1, "12:00"), "AppointmentScheduled", (appointmentId) => ({
    appointmentId,
    cycleId,
    at: at(1, "08:00").toString(),
    kind: "scan-and-bloods",
    place: "City Fertility, 12 Elm Street",
  }));
  return exportFile(r, at(-1, "12:00").toString());
}

/** Words that tell a stranger what the entry is for. */
const forbidden =
  /follitropin|150 IU|trigger|retrieval|insemination|transfer|scan|blood|fertility|city|elm street|clinic|medicine|injection/i;

/** Every value the calendar file holds, unfolded (property names such as TRIGGER are the format's). */
const values = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map((line) => line.slice(line.indexOf(":") + 1))
    .join("\n");

async function downloadCalendar(page: Page): Promise<string> {
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Reminders" }) });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "Add doses to a calendar" }).click(),
  ]);
  return readFile(await download.path(), "utf8");
}

const summaries = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .map((v) => String(v.getFirstPropertyValue("summary")));

/** Records each notification the app shows, instead of showing it. */
async function catchNotifications(page: Page) {
  await page.context().grantPermissions(["notifications"]);
  await page.addInitScript(() => {
    const shown: { title: string; body: string }[] = [];
    (window as unknown as { shown: typeof shown }).shown = shown;
    ServiceWorkerRegistration.prototype.showNotification = async (title, options) => {
      shown.push({ title, body: options?.body ?? "" });
    };
  });
}

const shownNotifications = (page: Page) =>
  page.evaluate(() => (window as unknown as { shown: { title: string; body: string }[] }).shown);

test("names off, the calendar file, a notification and the preview say only Reminder and Appointment; names on, they name it all", async ({
  page,
}) => {
  await catchNotifications(page);
  await page.clock.install({ time: new Date(now.epochMilliseconds) });
  await restore(page, stimulation());
  await openFromMore(page, "Settings");
  const showNames = page.getByRole("checkbox", { name: "Show medicine names in reminders" });
  await expect(showNames).not.toBeChecked();

  // Settings says what this choice shows, and shows it.
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Reminders" }) });
  await expect(
    card.getByText(/^Off: every reminder says only “Trellis: a reminder”/),
  ).toBeVisible();
  const preview = card.locator("dl");
  await expect(preview).toContainText("Trellis: a reminder");
  await expect(preview).toContainText("Reminder · Appointment");
  expect(await preview.innerText()).not.toMatch(forbidden);

  // The calendar file: only "Reminder" and "Appointment", no place, no notes.
  const off = await downloadCalendar(page);
  expect(values(off)).not.toMatch(forbidden);
  expect(off).not.toMatch(/^LOCATION/m);
  expect(off).not.toMatch(/^DESCRIPTION(?!:Reminder|:Appointment)/m);
  const offSummaries = summaries(off);
  expect(offSummaries).toContain("Reminder");
  expect(offSummaries).toContain("Appointment");
  expect(new Set(offSummaries)).toEqual(new Set(["Reminder", "Appointment"]));

  // Tonight's 20:00 dose: a notification 15 minutes before, in the same bland words.
  await page.clock.runFor(7.9 * 3600_000);
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([{ title: "Trellis: a reminder", body: "Open Trellis to see it." }]);

  // Names on: the preview, the file and the next notification name the medicine and the place.
  await showNames.check();
  await expect(card.getByText(/^On: reminders name the medicine/)).toBeVisible();
  await expect(preview).toContainText("Follitropin alfa 150 IU");
  await expect(preview).toContainText("Clinic appointment (Your clinic, 12 Main Street)");
  await card.getByRole("button", { name: "Save reminder settings" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();

  const on = await downloadCalendar(page);
  expect(summaries(on)).toContain("Follitropin alfa 150 IU");
  expect(summaries(on)).toContain("Clinic appointment");
  expect(on).toMatch(/^LOCATION:City Fertility\\, 12 Elm Street/m);

  // The same dose at 20:00: the notification names it.
  await page.clock.runFor(10 * 60_000);
  await expect
    .poll(() => shownNotifications(page))
    .toEqual([
      { title: "Trellis: a reminder", body: "Open Trellis to see it." },
      { title: "Follitropin alfa 150 IU", body: "Open Trellis to log it." },
    ]);
});
