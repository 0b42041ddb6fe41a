import { expect, type Locator, type Page, test } from "@playwright/test";
import {
  createAccount,
  expectSynced,
  openSettings,
  ownerWithAccount,
  safetyCodeOn,
  uniqueUsername,
} from "./account-helpers.ts";
import { expectNoAxeViolations, phone, shot } from "./helpers.ts";
import { mayaSecondCycle } from "./viewer-fixture.ts";

test.use({ timezoneId: "America/New_York" });

const NOTE = "You can see everything here. Only Maya and partners can add or change entries.";

type Record = ReturnType<typeof mayaSecondCycle>;

/**
 * Each screen a viewer reads: how to get there, what of Maya's it shows, and
 * the controls that would record something there.
 */
interface Screen {
  readonly name: string;
  open(page: Page): Promise<void>;
  /** Maya's entries, seen by everyone. */
  entries(page: Page): Locator[];
  /** What would record or change something: there for Maya, absent for a viewer. */
  controls(page: Page): Locator[];
}

const button = (page: Page, name: string | RegExp) =>
  page.getByRole("button", { name, exact: typeof name === "string" });
const link = (page: Page, name: string) => page.getByRole("link", { name, exact: true });

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

function screens(record: Record): Screen[] {
  const { medicine, note, cycleId } = record;
  return [
    {
      name: "Today",
      open: (page) => visit(page, "/", "Today"),
      entries: (page) => [
        page.locator(".dose-name", { hasText: medicine }),
        page.getByText(note),
        page.getByText(/^Embryos at City Fertility: \$600\.00, due/),
      ],
      controls: (page) => [
        button(page, new RegExp(`^Log ${medicine} .* as taken now$`)),
        button(page, /^More options for /),
        button(page, /^Mark the fee at City Fertility due .* as paid$/),
        button(page, "Check in"),
      ],
    },
    {
      name: "Journal",
      open: (page) => visit(page, "/journal", "Journal"),
      entries: (page) => [page.getByText(note)],
      controls: (page) => [
        page.getByLabel("New note"),
        button(page, "Save note"),
        button(page, /^Edit note from /),
        button(page, /^Delete note from /),
      ],
    },
    {
      name: "Cycle",
      open: (page) => visit(page, "/cycle", "Antagonist (short) protocol"),
      entries: (page) => [
        page.getByRole("heading", { level: 3, name: medicine }),
        page.getByRole("link", { name: "Call the 24-hour line of City Fertility, (212) 555-0123" }),
      ],
      controls: (page) => [
        button(page, "Change the clinic"),
        button(page, "Change from a day"),
        button(page, "Stop after a day"),
        button(page, "Save the trigger time"),
        button(page, "This cycle is over"),
        link(page, "Start a cycle"),
      ],
    },
    {
      name: "Scans and blood tests",
      open: (page) => visit(page, `/cycle/${cycleId}/monitoring`, "Scans and blood tests"),
      entries: (page) => [
        page.getByText("City Fertility, 3rd floor"),
        page.getByText("All 2 scans, in numbers"),
        page.getByText("2 results, newest first"),
      ],
      controls: (page) => [
        button(page, "Add a scan"),
        button(page, "Add blood results"),
        button(page, "Add an appointment"),
        button(page, /^Mark the E2 .* as wrong$/),
        button(page, /^Delete the E2 /),
        button(page, /^Cancel the /),
      ],
    },
    {
      name: "Embryos",
      open: (page) => visit(page, "/embryos", "Embryos"),
      entries: (page) => [
        page.locator(".embryo-name", { hasText: "4BB" }),
        link(page, "Storage fees"),
      ],
      controls: (page) => [
        link(page, "Record a retrieval"),
        link(page, "Add eggs frozen earlier"),
        page.locator("summary", { hasText: "Record a change" }),
        button(page, /^Mark the fee at City Fertility due .* as paid$/),
      ],
    },
    {
      name: "Retrieval",
      open: async (page) => {
        await visit(page, "/embryos", "Embryos");
        await link(page, "Lab reports and details").click();
        await expect(page.getByRole("heading", { level: 1, name: /^Retrieval, / })).toBeVisible();
      },
      entries: (page) => [page.getByRole("heading", { name: "Days 5 to 7 · Blastocysts" })],
      controls: (page) => [button(page, "Add blastocysts"), button(page, "Correct a count")],
    },
    {
      name: "Transfers",
      open: (page) => visit(page, "/transfers", "Transfers & outcomes"),
      entries: (page) => [page.getByRole("link", { name: /^Transfer, / })],
      controls: (page) => [link(page, "Plan a transfer")],
    },
    {
      name: "Transfer",
      open: async (page) => {
        await visit(page, "/transfers", "Transfers & outcomes");
        await page.getByRole("link", { name: /^Transfer, / }).click();
        await expect(page.getByRole("heading", { level: 1, name: /^Transfer, / })).toBeVisible();
        // The words after a negative test are folded on later visits.
        await page.getByText("Someone to talk to").click();
      },
      entries: (page) => [
        page.locator(".beta-record", { hasText: ": 2 mIU/mL" }),
        page.locator(".outcome-line"),
        page.getByRole("heading", { name: "Support lines" }),
        page.getByRole("link", { name: "Call the 24-hour line of City Fertility, (212) 555-0123" }),
        page.getByRole("link", { name: "Call Dr Lee, counsellor, 212-555-0142" }),
      ],
      controls: (page) => [
        button(page, "Add a line"),
        button(page, "Change Dr Lee, counsellor"),
        button(page, "Take away Dr Lee, counsellor"),
        button(page, "Add a beta"),
        button(page, /^Delete the beta of /),
        button(page, /^Remove the outcome recorded for /),
        button(page, "Remove this transfer (entered by mistake)"),
        button(page, "Turn on quiet mode"),
      ],
    },
    {
      name: "Supplies",
      open: (page) => visit(page, "/supplies", "Medicines and supplies"),
      entries: (page) => [page.getByRole("heading", { level: 2, name: medicine })],
      controls: (page) => [
        button(page, "Count what is left"),
        button(page, "Remove"),
        button(page, "Add supply"),
      ],
    },
    {
      name: "Settings",
      open: (page) => openSettings(page),
      entries: (page) => [
        button(page, "Export everything"),
        page.getByRole("heading", { name: "Quiet mode", level: 2 }),
        // Quiet mode is the viewer's own, on her own phone: she has the switch.
        page.getByRole("switch", { name: "Quiet mode" }),
        // And units for her own phone.
        button(page, "Save units"),
        page.getByRole("heading", { name: "City Fertility", level: 3 }),
        page.getByRole("link", { name: "Call the nurse line of City Fertility, 212-555-0150" }),
      ],
      controls: (page) => [
        button(page, "Add a clinic"),
        button(page, "Change City Fertility"),
        button(page, "Remove City Fertility"),
        button(page, "Save"),
        button(page, "Save reminder settings"),
        button(page, "Import from a file"),
      ],
    },
  ];
}

/** Every element Tab reaches inside the screen, from its heading on. */
async function tabStopsInMain(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body && el.closest("main") ? el.tagName : null;
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

test("someone invited to see only reads every screen of Maya's record with no way to change it; Maya keeps every control", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const record = mayaSecondCycle();
  const maya = await phone(browser);
  await ownerWithAccount(maya, record.file, testInfo.outputPath("maya.json"));

  // Maya invites her mother to see only.
  await openSettings(maya);
  await maya.getByRole("link", { name: "Share with your partner" }).click();
  await maya.getByRole("radio", { name: /See only/ }).check();
  await maya.getByRole("button", { name: "Create an invite link" }).click();
  const invite = await maya.getByRole("textbox", { name: "Invite link" }).inputValue();
  await maya.getByRole("link", { name: "Compare the safety code" }).click();

  const ruth = await phone(browser);
  await ruth.goto(invite);
  await expect(ruth.getByRole("heading", { name: "Join a shared record" })).toBeVisible();
  await createAccount(ruth, uniqueUsername("ruth"));
  await ruth.getByRole("button", { name: "Join this record" }).click();
  const code = await safetyCodeOn(ruth);
  await expect(maya.getByText("Waiting for you to compare the safety code")).toBeVisible({
    timeout: 15_000,
  });
  expect(await safetyCodeOn(maya)).toBe(code);
  await maya.getByRole("button", { name: "The codes match — share" }).click();
  await expect(ruth.getByRole("heading", { name: "You're in" })).toBeVisible({ timeout: 20_000 });
  await ruth.getByRole("link", { name: "Go to Today" }).click();
  await expectSynced(ruth);
  // Ruth's phone is Ruth's: it greets no one by Maya's name (she may give her own in Settings).
  await expect(ruth.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(ruth.getByText("Hello, Maya.")).toHaveCount(0);

  // Maya, the owner, has every control, and no read-only note.
  for (const screen of screens(record)) {
    await test.step(`Maya on ${screen.name}`, async () => {
      await screen.open(maya);
      for (const entry of screen.entries(maya)) await expect(entry.first()).toBeVisible();
      for (const control of screen.controls(maya)) await expect(control.first()).toBeVisible();
      await expect(maya.getByText(NOTE)).toHaveCount(0);
    });
  }

  // Her mother reads the same entries; nothing that would record is on screen.
  for (const screen of screens(record)) {
    await test.step(`the viewer on ${screen.name}`, async () => {
      await screen.open(ruth);
      for (const entry of screen.entries(ruth)) await expect(entry.first()).toBeVisible();
      await expect(ruth.getByText(NOTE)).toBeVisible();
      for (const control of screen.controls(ruth)) await expect(control).toHaveCount(0);
      await shot(ruth, `viewer-${screen.name.toLowerCase().replaceAll(" ", "-")}`, {
        bothSchemes: true,
      });
    });
  }

  const [today, , cycle, monitoring] = screens(record);

  // What a control would have set says so in words instead.
  await cycle!.open(ruth);
  await expect(ruth.getByText("No trigger time is set yet.")).toBeVisible();
  await expect(button(ruth, "Add doses to a calendar")).toBeVisible();
  await openSettings(ruth);
  await expect(ruth.getByRole("switch", { name: "Quiet mode" })).toHaveAttribute(
    "aria-checked",
    "false",
  );

  // Reading stays complete: the scans in numbers.
  await monitoring!.open(ruth);
  await ruth.getByText("All 2 scans, in numbers").click();
  await expect(ruth.locator(".record-when").first()).toBeVisible();
  await expectNoAxeViolations(ruth, "scans and blood tests, for a viewer");

  await today!.open(ruth);
  await expectNoAxeViolations(ruth, "Today, for a viewer");

  // A screen that only records, reached by a link, says so instead of showing a form.
  await visit(ruth, "/cycle/new", "Start a cycle");
  await expect(ruth.getByText(NOTE)).toBeVisible();
  await expect(button(ruth, "Start this cycle")).toHaveCount(0);
  await visit(ruth, "/embryos/new", "Record a retrieval");
  await expect(ruth.getByText(NOTE)).toBeVisible();
  await expect(ruth.getByLabel("Eggs retrieved")).toHaveCount(0);

  // By keyboard, the journal holds nothing to operate for a viewer; for Maya, the note comes first.
  expect(await tabStopsInMain(maya, "/journal")).toContain("TEXTAREA");
  expect(await tabStopsInMain(ruth, "/journal")).toEqual([]);

  await ruth.context().close();
  await maya.context().close();
});
