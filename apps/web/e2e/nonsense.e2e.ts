import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { createAccount, PASSWORD, uniqueUsername } from "./account-helpers.ts";
import { openCheck, restore, setUpJourney } from "./helpers.ts";
import { turnOnLock } from "./lock-helpers.ts";
import {
  expectPlainWords,
  expectRefused,
  nonsense as N,
  storedEvents,
  watch,
} from "./nonsense-checks.ts";
import { mayaWithEverything, NOW } from "./nonsense-fixture.ts";

/**
 * Nonsense, typed into every form that records something, the way a tired
 * thumb might: numbers below zero, zero, a billion (also as "1e9"), words
 * where a number goes, the year 1900 and the year 2999, a required field left
 * empty or holding only spaces, an emoji, a line longer than anything is
 * kept. Each time the form must say no, in words about what was typed (never
 * a field path, "payload", "expected", a schema library's phrase or a bound
 * written like "<=45"; see `nonsense-checks.ts`), beside the field or on its
 * own line, and this device's store must hold nothing more. A few odd things
 * a person may mean (an emoji note) are kept, in plain words too.
 *
 * `forms` is the table: every form that records through the kit
 * (`useForm`), by file, with what is tried there, or why nothing can be
 * typed into it. The last test fails when a feature gains a form the table
 * does not name. Forms run in groups, each from Maya's record restored
 * (`nonsense-fixture.ts`: something behind every form), in the table's order.
 * `NONSENSE_EXPLORE=1` runs each typed form alone and prints what it said
 * instead of failing: a start for the rows of a new form.
 */

test.use({ timezoneId: "America/New_York" });

type Ids = ReturnType<typeof mayaWithEverything>["ids"];
type Group =
  | "set-up"
  | "treatment"
  | "monitoring"
  | "embryology"
  | "pregnancy"
  | "everyday"
  | "lock"
  | "account";

/** A form a person types into: where it is, and the nonsense tried there. */
interface Typed {
  readonly file: string;
  readonly form: string;
  readonly group: Group;
  readonly tries: (page: Page, ids: Ids) => Promise<void>;
}

/** A form with nothing to type (a button, a choice from a list): nonsense cannot reach it. */
interface NothingToType {
  readonly file: string;
  readonly form: string;
  readonly why: string;
}

const explore = Boolean(process.env.NONSENSE_EXPLORE);

/**
 * Saves `form` with its `save` button, waits until it is done (the button
 * says `save` again), and expects a refusal in plain words, the form still
 * open, and nothing more in this device's store.
 */
async function refused(page: Page, form: Locator, save: string, what: string): Promise<void> {
  const before = await storedEvents(page);
  const button = form.getByRole("button", { name: save, exact: true });
  await button.click();
  await expect(button, `${what}: the form is gone, as after saving`).toBeEnabled();
  if (explore) {
    const said = await form.locator("p.error, [role=alert]").allInnerTexts();
    const after = await storedEvents(page);
    console.log(
      `[${what}] ${after > before ? "SAVED " : ""}${said.length ? `refused: ${said.join(" | ")}` : "NO REFUSAL"}`,
    );
    const leaks = (await expectPlainWords(page, what).catch((e: Error) => e.message)) ?? "";
    if (leaks) console.log(`LEAK [${what}] ${leaks.slice(0, 600)}`);
    return;
  }
  await expectRefused(form);
  expect(await storedEvents(page), `nothing saved: ${what}`).toBe(before);
  await expectPlainWords(page, what);
}

/**
 * Saves `form` with its `save` button where what was typed is odd but a
 * person's own (an emoji, a line the box stops short): it is kept and shows
 * as `shown`, and the screen is still in plain words.
 */
async function kept(page: Page, form: Locator, save: string, shown: RegExp, what: string) {
  const before = await storedEvents(page);
  await form.getByRole("button", { name: save, exact: true }).click();
  await expect(page.getByText(shown).first()).toBeVisible();
  expect(await storedEvents(page), `saved: ${what}`).toBe(before + 1);
  await expectPlainWords(page, what);
}

/** The form inside `page` whose text has `text` (its heading, a label). */
const formWith = (page: Page | Locator, text: string | RegExp) =>
  page.locator("form").filter({ hasText: text });

const open = async (page: Page, button: string) =>
  page.getByRole("button", { name: button, exact: true }).click();

const forms: readonly (Typed | NothingToType)[] = [
  // Set-up and the person's details
  {
    file: "journey/JourneyForm.tsx",
    form: "Set-up (and Your details in Settings)",
    group: "set-up",
    tries: async (page) => {
      const form = formWith(page, "What should Trellis call you?");
      await form.getByLabel("What should Trellis call you?").fill(N.spaces);
      await form.getByLabel("Date of birth").fill("");
      await refused(page, form, "Start my record", "set-up, no date of birth");
      await form.getByLabel("Date of birth").fill(N.farPast);
      await refused(page, form, "Start my record", "set-up, born 1900");
      await form.getByLabel("Date of birth").fill(N.farFuture);
      await refused(page, form, "Start my record", "set-up, born 2999");
    },
  },

  {
    file: "journey/Setup.tsx",
    form: "Restore from an export file, at set-up",
    group: "set-up",
    tries: async (page) => {
      const restoring = page.locator("section.restore");
      const file = (name: string, text: string) =>
        restoring.locator('input[type="file"]').setInputFiles({
          name,
          mimeType: "application/json",
          buffer: Buffer.from(text),
        });
      const export_ = (events: unknown[], version = 1) =>
        JSON.stringify({
          format: "trellis-export",
          version,
          exportedAt: "2026-03-20T19:00:00-04:00[America/New_York]",
          device: "lots",
          events,
        });
      const note = {
        id: "lots",
        hlc: "lots",
        device: "lots",
        type: "JournalNoteAdded",
        schemaVersion: 1,
        payload: { text: N.spaces },
      };
      for (const [text, said] of [
        [N.words, "That file could not be read as a Trellis export."],
        [JSON.stringify({ format: "lots" }), "This file is not a Trellis export."],
        [export_([], 99), "This export comes from a newer Trellis."],
        [export_([]), "This export has nothing in it to import."],
        [export_([note]), "Entry 1 of the file can't be read."],
      ] as const) {
        await file("trellis-export.json", text);
        await expect(restoring.getByRole("alert")).toContainText(said);
        await expectPlainWords(page, `restoring ${text.slice(0, 60)}`);
        await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
      }
    },
  },

  // Treatment
  {
    file: "treatment/StartCycle.tsx",
    form: "Start a cycle",
    group: "treatment",
    tries: async (page) => {
      await page.goto("/cycle/new");
      const form = formWith(page, "Which protocol is closest to yours?");
      const date = form.getByLabel("First day of stimulation injections (stim day 1)");
      await date.fill("");
      await refused(page, form, "Start this cycle", "new cycle, no start");
      await date.fill("2026-03-21");
      const first = form.locator("fieldset.plan-item").first();
      await first.getByLabel("Dose", { exact: true }).fill(N.negative);
      await refused(page, form, "Start this cycle", "new cycle, dose -5");
      await first.getByLabel("Dose", { exact: true }).fill(N.huge);
      await refused(page, form, "Start this cycle", "new cycle, dose 1e9");
      await first.getByLabel("Dose", { exact: true }).fill("");
      await refused(page, form, "Start this cycle", "new cycle, no dose");
      await first.getByLabel("Dose", { exact: true }).fill("150");
      await date.fill(N.farFuture);
      await refused(page, form, "Start this cycle", "new cycle, starting 2999");
      await date.fill(N.farPast);
      await refused(page, form, "Start this cycle", "new cycle, starting 1900");
    },
  },
  {
    file: "treatment/TriggerCard.tsx",
    form: "Set the trigger time; hours from trigger to procedure",
    group: "treatment",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}`);
      const form = formWith(page, "Set the trigger time");
      await form.getByLabel("Date of the trigger").fill("");
      await form.getByLabel("Exact time").fill("");
      await refused(page, form, "Save the trigger time", "trigger, empty");
      await form.getByLabel("Exact time").fill("21:30");
      await form.getByLabel("Date of the trigger").fill(N.farPast);
      await refused(page, form, "Save the trigger time", "trigger, 1900");
      await form.getByLabel("Date of the trigger").fill(N.farFuture);
      await refused(page, form, "Save the trigger time", "trigger, 2999");

      await page.goto(`/cycle/${ids.first}`);
      const hours = formWith(page, "Hours from trigger to procedure");
      for (const typed of [N.negative, N.zero, N.huge, N.scientific, ""]) {
        await hours.getByLabel("Hours from trigger to procedure").fill(typed);
        await refused(page, hours, "Save", `trigger hours, "${typed}"`);
      }
    },
  },
  {
    file: "treatment/PlanList.tsx",
    form: "Change a medicine from a day; stop it after a day",
    group: "treatment",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}`);
      const row = page
        .getByRole("listitem")
        .filter({ has: page.getByRole("heading", { name: "Follitropin alfa" }) });
      await row.getByRole("button", { name: "Change from a day" }).click();
      const change = formWith(row, "New dose");
      for (const [from, dose] of [
        ["", "300"],
        ["2026-03-22", N.negative],
        ["2026-03-22", N.zero],
        ["2026-03-22", N.huge],
        ["2026-03-22", ""],
        [N.farPast, "300"],
        [N.farFuture, "300"],
      ] as const) {
        await change.getByLabel("From", { exact: true }).fill(from);
        await change.getByLabel("New dose").fill(dose);
        await refused(page, change, "Save the change", `change dose from "${from}" to "${dose}"`);
      }
      await change.getByRole("button", { name: "Cancel" }).click();
      await row.getByRole("button", { name: "Stop after a day" }).click();
      const stop = formWith(row, "Last day to take it");
      for (const last of ["", N.farPast, N.farFuture]) {
        await stop.getByLabel("Last day to take it").fill(last);
        await refused(page, stop, "Stop it then", `stop on "${last}"`);
      }
    },
  },
  {
    file: "treatment/CycleDetail.tsx",
    form: "This cycle is over",
    group: "treatment",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}`);
      await open(page, "This cycle is over");
      const form = formWith(page, "It finished");
      for (const on of ["", N.farPast, N.farFuture]) {
        await form.getByLabel("On", { exact: true }).fill(on);
        await refused(page, form, "Save", `cycle over on "${on}"`);
      }
    },
  },
  {
    file: "treatment/DoseForm.tsx",
    form: "A dose: More on Today (and Log it for a dose not logged)",
    group: "treatment",
    tries: async (page) => {
      await page.goto("/");
      await page.getByRole("button", { name: /^More options for Follitropin alfa/ }).click();
      const form = page.getByRole("form", { name: "Log Follitropin alfa" });
      const when = form.getByLabel("Time taken");
      const today = (await when.inputValue()).slice(0, 10);
      for (const typed of ["", `${N.farPast}T20:00`, `${N.farFuture}T20:00`, `${today}T23:59`]) {
        await when.fill(typed);
        await refused(page, form, "Save", `dose taken at "${typed}"`);
      }
      await when.fill(`${today}T00:01`);
      for (const amount of [N.negative, N.zero, N.huge, ""]) {
        await form.getByLabel(/^Amount taken/).fill(amount);
        await refused(page, form, "Save", `dose, amount "${amount}"`);
      }
    },
  },
  {
    file: "treatment/DoseRow.tsx",
    form: "A dose on Today: Taken, It was skipped, Undo",
    why: "Buttons; More and Log it open the dose form (DoseForm.tsx).",
  },
  {
    file: "treatment/DoseHistory.tsx",
    form: "Dose history: Log it",
    why: "A button per dose not logged; it opens the dose form (DoseForm.tsx).",
  },
  {
    file: "treatment/Supplies.tsx",
    form: "Add a supply; count what is left",
    group: "treatment",
    tries: async (page) => {
      await page.goto("/supplies");
      const add = formWith(page, "Add a supply");
      for (const [total, count, expiry] of [
        ["", "1", ""],
        [N.negative, "1", ""],
        [N.zero, "1", ""],
        [N.huge, "1", ""],
        ["900", N.zero, ""],
        ["900", N.huge, ""],
        ["900", "1", N.farPast],
        ["900", "1", N.farFuture],
      ] as const) {
        await add.getByLabel("Total amount").fill(total);
        await add.getByLabel("How many pens, vials or boxes").fill(count);
        await add.getByLabel("Expiry date").fill(expiry);
        await refused(
          page,
          add,
          "Add supply",
          `supply "${total}" in "${count}", expiring "${expiry}"`,
        );
      }
      await page.getByRole("button", { name: "Count what is left" }).click();
      const recount = formWith(page, "Amount left now");
      for (const left of [N.negative, N.huge, ""]) {
        await recount.getByLabel(/^Amount left now/).fill(left);
        await refused(page, recount, "Save count", `recount "${left}"`);
      }
    },
  },
  {
    file: "treatment/CycleClinic.tsx",
    form: "The clinic of a cycle",
    why: "A clinic is chosen from the person's own list.",
  },
  {
    file: "treatment/CycleOverQuestion.tsx",
    form: "Is this cycle over? (on Today)",
    why: "Three buttons.",
  },

  // Monitoring
  {
    file: "monitoring/ScanForm.tsx",
    form: "Add a scan",
    group: "monitoring",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}/monitoring`);
      await open(page, "Add a scan");
      const form = formWith(page, "New scan");
      const when = form.getByLabel("Date and time of the scan");
      await when.fill("");
      await form.getByRole("textbox", { name: "Left ovary" }).fill("14, 12");
      await refused(page, form, "Save scan", "scan, no time");
      await when.fill("2026-03-20T08:00");
      for (const [left, lining] of [
        [`${N.negative}, 12`, ""],
        [N.zero, ""],
        [N.huge, ""],
        ["14", N.zero],
        ["14", N.huge],
        ["14", N.scientific],
        ["", ""],
      ] as const) {
        await form.getByRole("textbox", { name: "Left ovary" }).fill(left);
        await form.getByRole("textbox", { name: "Lining" }).fill(lining);
        await refused(page, form, "Save scan", `scan, left "${left}", lining "${lining}"`);
      }
      await form.getByRole("textbox", { name: "Left ovary" }).fill("14");
      for (const at of [`${N.farPast}T08:00`, `${N.farFuture}T08:00`]) {
        await when.fill(at);
        await refused(page, form, "Save scan", `scan at ${at}`);
      }
    },
  },
  {
    file: "monitoring/LabForm.tsx",
    form: "Add blood results",
    group: "monitoring",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}/monitoring`);
      await open(page, "Add blood results");
      const form = formWith(page, "New blood result");
      const when = form.getByLabel("When the blood was taken");
      await when.fill("2026-03-20T07:30");
      for (const value of ["", N.negative, N.huge, N.words]) {
        await form.getByRole("textbox", { name: "Result" }).fill(value);
        await refused(page, form, "Save result", `lab value "${value}"`);
      }
      await form.getByRole("textbox", { name: "Result" }).fill("900");
      for (const at of ["", `${N.farPast}T07:30`, `${N.farFuture}T07:30`]) {
        await when.fill(at);
        await refused(page, form, "Save result", `lab drawn at "${at}"`);
      }
    },
  },
  {
    file: "monitoring/Appointments.tsx",
    form: "Add an appointment",
    group: "monitoring",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}/monitoring`);
      await open(page, "Add an appointment");
      const form = formWith(page, "New appointment");
      for (const [date, time] of [
        ["", ""],
        ["2026-03-23", ""],
        [N.farPast, "08:00"],
        [N.farFuture, "08:00"],
      ] as const) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await form.getByLabel("Time", { exact: true }).fill(time);
        await refused(page, form, "Save appointment", `appointment "${date}" at "${time}"`);
      }
    },
  },
  {
    file: "monitoring/LabList.tsx",
    form: "Mark a blood result as wrong",
    group: "monitoring",
    tries: async (page, ids) => {
      await page.goto(`/cycle/${ids.cycleId}/monitoring`);
      await page.getByRole("button", { name: /^Mark the E2 of/ }).click();
      const form = formWith(page, "Why is it wrong?");
      // Any reason is a reason: the box keeps its first 300 characters.
      await form.getByLabel("Why is it wrong?").fill(N.long);
      await kept(
        page,
        form,
        "Mark as wrong",
        /^Marked as wrong \(a very long line/,
        "marked wrong, a long reason",
      );
    },
  },
  {
    file: "monitoring/ScanList.tsx",
    form: "Delete a scan",
    why: "A button that asks first.",
  },

  // Embryology
  {
    file: "embryology/RecordRetrieval.tsx",
    form: "Record a retrieval",
    group: "embryology",
    tries: async (page) => {
      await page.goto("/embryos/new");
      const form = formWith(page, "Eggs retrieved");
      for (const [date, eggs, mature] of [
        ["2026-03-20", "", ""],
        ["2026-03-20", N.words, ""],
        ["2026-03-20", N.negative, ""],
        ["2026-03-20", "12", "999"],
        ["", "12", ""],
        [N.farFuture, "12", ""],
        [N.farPast, "12", ""],
      ] as const) {
        await form.getByLabel("Date of the retrieval").fill(date);
        await form.getByLabel("Eggs retrieved").fill(eggs);
        await form.getByLabel("Mature eggs (MII)").fill(mature);
        await refused(
          page,
          form,
          "Save the retrieval",
          `retrieval on "${date}": "${eggs}" eggs, "${mature}" mature`,
        );
      }
    },
  },
  {
    file: "embryology/Day1Form.tsx",
    form: "A retrieval's day-1 report",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r2}`);
      await open(page, "Add the day-1 report");
      const form = formWith(page, "Normally fertilized (2PN)");
      for (const [date, fertilized] of [
        ["2025-06-11", ""],
        ["2025-06-11", N.words],
        ["2025-06-11", "999"],
        ["", "2"],
        [N.farPast, "2"],
        [N.farFuture, "2"],
      ] as const) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await form.getByLabel("Normally fertilized (2PN)").fill(fertilized);
        await refused(page, form, "Save", `day 1 on "${date}": "${fertilized}" fertilized`);
      }
    },
  },
  {
    file: "embryology/Day3Form.tsx",
    form: "A retrieval's day-3 report",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r2}`);
      await open(page, "Add the day-3 report");
      const form = formWith(page, "Embryos still developing");
      for (const [developing, frozen] of [
        ["", "0"],
        ["999", "0"],
        ["2", N.negative],
        ["2", "999"],
      ] as const) {
        await form.getByLabel("Embryos still developing").fill(developing);
        await form.getByLabel("Frozen on day 3").fill(frozen);
        await refused(page, form, "Save", `day 3: "${developing}" developing, "${frozen}" frozen`);
      }
    },
  },
  {
    file: "embryology/BlastocystForm.tsx",
    form: "A retrieval's blastocyst report",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r1}`);
      await open(page, "Add blastocysts");
      const form = formWith(page, "Day of development");
      for (const grade of ["", N.emoji, "9ZZ", N.spaces]) {
        await form.getByLabel("Grade").fill(grade);
        await refused(page, form, "Save the report", `blastocyst graded "${grade}"`);
      }
      await form.getByLabel("Grade").fill("4AA");
      for (const date of [N.farPast, N.farFuture, ""]) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await refused(page, form, "Save the report", `blastocysts on "${date}"`);
      }
    },
  },
  {
    file: "embryology/PgtForm.tsx",
    form: "A retrieval's test results",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r1}`);
      await open(page, "Add test results");
      const form = formWith(page, "Which test");
      await refused(page, form, "Save", "test results, none chosen");
      await form
        .getByRole("combobox", { name: /^Result for B1/ })
        .selectOption({ label: "Euploid" });
      for (const date of [N.farPast, N.farFuture, ""]) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await refused(page, form, "Save", `test results on "${date}"`);
      }
    },
  },
  {
    file: "embryology/FreezeEggsForm.tsx",
    form: "Eggs frozen from a retrieval",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r2}`);
      await open(page, "Record eggs frozen from this retrieval");
      const form = formWith(page, "Mature eggs frozen");
      for (const count of ["", N.zero, "999", N.words]) {
        await form.getByLabel("Mature eggs frozen").fill(count);
        await refused(page, form, "Save", `eggs frozen: "${count}"`);
      }
      await form.getByLabel("Mature eggs frozen").fill("1");
      for (const date of [N.farPast, N.farFuture]) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await refused(page, form, "Save", `eggs frozen on "${date}"`);
      }
    },
  },
  {
    file: "embryology/CorrectForm.tsx",
    form: "Correct a count",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r1}`);
      await open(page, "Correct a count");
      const form = formWith(page, "Eggs retrieved");
      for (const eggs of ["", N.zero, N.words, "999"]) {
        await form.getByLabel("Eggs retrieved").fill(eggs);
        await refused(page, form, "Save", `corrected eggs "${eggs}"`);
      }
    },
  },
  {
    file: "embryology/FrozenEggs.tsx",
    form: "Add frozen eggs; thaw frozen eggs",
    group: "embryology",
    tries: async (page) => {
      await page.goto("/embryos/eggs/new");
      const add = formWith(page, "Mature eggs frozen");
      for (const [date, count] of [
        ["", "3"],
        [N.farFuture, "3"],
        [N.farPast, "3"],
        ["2024-05-01", N.zero],
        ["2024-05-01", N.words],
      ] as const) {
        await add.getByLabel("Date the eggs were frozen").fill(date);
        await add.getByLabel("Mature eggs frozen").fill(count);
        await refused(page, add, "Save", `eggs frozen on "${date}": "${count}"`);
      }
      await page.goto("/embryos/eggs/thaw");
      const thaw = formWith(page, "Eggs that survived the thaw");
      for (const [date, batch, survived] of [
        ["2026-03-20", N.zero, "1"],
        ["2026-03-20", "999", "1"],
        ["2026-03-20", "2", "999"],
        ["2026-03-20", "2", ""],
        [N.farPast, "2", "1"],
        [N.farFuture, "2", "1"],
      ] as const) {
        await thaw.getByLabel("Date of the thaw").fill(date);
        await thaw.getByLabel(/^Eggs from .*: how many thawed/).fill(batch);
        await thaw.getByLabel("Eggs that survived the thaw").fill(survived);
        await refused(
          page,
          thaw,
          "Save the thaw",
          `thaw on "${date}": "${batch}" thawed, "${survived}" survived`,
        );
      }
    },
  },
  {
    file: "embryology/FeeForm.tsx",
    form: "Add a storage fee",
    group: "embryology",
    tries: async (page) => {
      await page.goto("/embryos/fees");
      await open(page, "Add a storage fee");
      const form = formWith(page, "Next due date");
      for (const [clinic, amount, due, remind] of [
        [N.spaces, "800", "2026-06-11", "30"],
        ["Hudson Fertility", N.words, "2026-06-11", "30"],
        ["Hudson Fertility", N.negative, "2026-06-11", "30"],
        ["Hudson Fertility", N.huge, "2026-06-11", "30"],
        ["Hudson Fertility", "800", "", "30"],
        ["Hudson Fertility", "800", N.farPast, "30"],
        ["Hudson Fertility", "800", N.farFuture, "30"],
        ["Hudson Fertility", "800", "2026-06-11", "999"],
        [N.long, "800", "2026-06-11", "30"],
      ] as const) {
        await form.getByLabel("Clinic").fill(clinic);
        await form.getByLabel("Amount").fill(amount);
        await form.getByLabel("Next due date").fill(due);
        await form.getByLabel("Show on Today this many days before").fill(remind);
        await refused(
          page,
          form,
          "Save the fee",
          `fee "${amount}" due "${due}", remind "${remind}"`,
        );
      }
    },
  },
  {
    file: "embryology/EmbryoActions.tsx",
    form: "Record a change to an embryo",
    group: "embryology",
    tries: async (page, ids) => {
      await page.goto(`/embryos/retrieval/${ids.r1}`);
      const card = page
        .locator(".embryo-card")
        .filter({ has: page.getByRole("heading", { name: /^B1/ }) });
      await card.locator("summary", { hasText: "Record a change" }).click();
      const form = card.locator("form").filter({ hasText: "Record a change" });
      await form.getByRole("radio", { name: "Thawed" }).check();
      for (const date of ["", N.farPast, N.farFuture]) {
        await form.getByLabel("On", { exact: true }).fill(date);
        await refused(page, form, "Save", `embryo thawed on "${date}"`);
      }
      await form.getByRole("radio", { name: "Moved" }).check();
      await form.getByLabel("On", { exact: true }).fill("2026-03-20");
      await form.getByLabel("Tank, canister or straw").fill(N.long);
      await refused(page, form, "Save", "embryo moved to a long place");
    },
  },
  {
    file: "embryology/CohortDetail.tsx",
    form: "Remove a retrieval",
    why: "A button that asks first.",
  },
  { file: "embryology/MarkPaid.tsx", form: "A storage fee paid", why: "One button." },
  { file: "embryology/StorageFees.tsx", form: "End a storage fee", why: "One button." },

  // Costs
  {
    file: "costs/CostForm.tsx",
    form: "Add a cost (and change one)",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/costs");
      await open(page, "Add a cost");
      const form = formWith(page, "What it was for");
      const amount = form.getByLabel("Amount", { exact: true });
      for (const [description, typed, date] of [
        [N.spaces, "800", "2026-03-02"],
        ["Clinic invoice", N.words, "2026-03-02"],
        ["Clinic invoice", N.negative, "2026-03-02"],
        ["Clinic invoice", N.huge, "2026-03-02"],
        ["Clinic invoice", N.scientific, "2026-03-02"],
        ["Clinic invoice", "12.345", "2026-03-02"],
        ["Clinic invoice", "800", ""],
        ["Clinic invoice", "800", N.farPast],
        ["Clinic invoice", "800", N.farFuture],
      ] as const) {
        await form.getByLabel("What it was for").fill(description);
        await amount.fill(typed);
        await form.getByLabel("Date", { exact: true }).fill(date);
        await refused(page, form, "Save the cost", `cost "${typed}" on "${date}"`);
      }
      await amount.fill("800");
      await form.getByLabel("Date", { exact: true }).fill("2026-03-02");
      await form.getByRole("radio", { name: "Still due" }).check();
      await refused(page, form, "Save the cost", "cost still due, no due date");
      await form.getByLabel("Due date").fill("2026-04-02");
      await form.getByLabel(/many days before/).fill("999");
      await refused(page, form, "Save the cost", "cost due, remind 999 days before");
      await form.getByLabel(/many days before/).fill("");
      await form.getByRole("button", { name: "Add who covered part of it" }).click();
      const line = form.getByRole("group", { name: "Coverage line 1" });
      for (const covered of [N.words, N.negative, "900"]) {
        await line.getByLabel(/^How much/).fill(covered);
        await refused(page, form, "Save the cost", `cost 800, covered "${covered}"`);
      }
    },
  },
  { file: "costs/CostsDue.tsx", form: "A cost due, paid today (on Today)", why: "One button." },
  {
    file: "costs/CostCard.tsx",
    form: "A cost paid today, or removed",
    why: "Buttons (removing asks first); changing a cost opens the cost form.",
  },

  // Pregnancy
  {
    file: "pregnancy/NewTransfer.tsx",
    form: "Plan a transfer",
    group: "pregnancy",
    tries: async (page) => {
      await page.goto("/transfers/new");
      const form = formWith(page, "Which embryos");
      await form.getByLabel("Date of the transfer").fill("2026-03-20");
      await refused(page, form, "Save the transfer", "transfer, no embryo");
      await form.getByRole("checkbox").first().check();
      for (const lining of [N.words, N.negative, N.zero, N.huge]) {
        await form.getByLabel("Lining at the last scan, mm").fill(lining);
        await refused(page, form, "Save the transfer", `transfer, lining "${lining}"`);
      }
      await form.getByLabel("Lining at the last scan, mm").fill("");
      await form.getByRole("radio", { name: "A gestational carrier" }).check();
      await form.getByLabel("Carrier's name").fill(N.spaces);
      await refused(page, form, "Save the transfer", "transfer, carrier without a name");
      await form.getByRole("radio", { name: "Me", exact: true }).check();
      for (const date of ["", N.farPast]) {
        await form.getByLabel("Date of the transfer").fill(date);
        await refused(page, form, "Save the transfer", `transfer on "${date}"`);
      }
      await form.getByLabel("Date of the transfer").fill(N.farFuture);
      await refused(page, form, "Save the plan", `transfer on "${N.farFuture}"`);
    },
  },
  {
    file: "pregnancy/TransferDetail.tsx",
    form: "A planned transfer: it happened",
    group: "pregnancy",
    tries: async (page, ids) => {
      await page.goto(`/transfers/${ids.t2}`);
      const form = formWith(page, "Date it happened");
      for (const [date, lining] of [
        ["2026-03-20", N.words],
        ["2026-03-20", N.zero],
        ["2026-03-20", N.huge],
        ["", ""],
        [N.farPast, ""],
        [N.farFuture, ""],
      ] as const) {
        await form.getByLabel("Date it happened").fill(date);
        await form.getByLabel("Lining at the last scan, mm").fill(lining);
        await refused(
          page,
          form,
          "It happened: mark as done",
          `transfer done on "${date}", lining "${lining}"`,
        );
      }
    },
  },
  {
    file: "pregnancy/Betas.tsx",
    form: "Add a beta",
    group: "pregnancy",
    tries: async (page, ids) => {
      await page.goto(`/transfers/${ids.t1}`);
      await open(page, "Add a beta");
      const form = formWith(page, "New beta");
      await form.getByLabel("Date of the blood test").fill("2025-10-12");
      for (const value of ["", N.words, N.negative, N.huge, N.scientific]) {
        await form.getByLabel("Beta hCG, mIU/mL").fill(value);
        await refused(page, form, "Save beta", `beta "${value}"`);
      }
      await form.getByLabel("Beta hCG, mIU/mL").fill("250");
      for (const date of ["", N.farPast, N.farFuture, "2026-03-20"]) {
        await form.getByLabel("Date of the blood test").fill(date);
        await refused(page, form, "Save beta", `beta drawn on "${date}"`);
      }
    },
  },
  {
    file: "pregnancy/Outcome.tsx",
    form: "Record what happened",
    group: "pregnancy",
    tries: async (page, ids) => {
      await page.goto(`/transfers/${ids.t1}`);
      await open(page, "Record what happened");
      const form = page.getByRole("form", { name: "Record what happened" });
      await form.getByLabel("Date", { exact: true }).fill("2025-12-01");
      await refused(page, form, "Save", "outcome, nothing chosen");
      await form.getByRole("radio", { name: /^Miscarriage/ }).check();
      for (const [weeks, days] of [
        ["999", ""],
        [N.negative, ""],
        [N.words, ""],
        ["8", "9"],
      ] as const) {
        await form.getByLabel("Weeks", { exact: true }).fill(weeks);
        await form.getByLabel("Days", { exact: true }).fill(days);
        await refused(page, form, "Save", `outcome at "${weeks}" weeks "${days}" days`);
      }
      await form.getByLabel("Weeks", { exact: true }).fill("");
      await form.getByLabel("Days", { exact: true }).fill("");
      for (const date of ["", N.farPast, N.farFuture]) {
        await form.getByLabel("Date", { exact: true }).fill(date);
        await refused(page, form, "Save", `outcome on "${date}"`);
      }
    },
  },
  {
    file: "pregnancy/Paths.tsx",
    form: "Start a path; add a step",
    group: "pregnancy",
    tries: async (page, ids) => {
      await page.goto("/transfers/paths");
      await open(page, "Start a path");
      const start = formWith(page, "Which path");
      for (const [name, started] of [
        [N.spaces, "2026-03-01"],
        [N.long, "2026-03-01"],
        ["Ana", ""],
        ["Ana", N.farPast],
        ["Ana", N.farFuture],
      ] as const) {
        await start.getByLabel("Carrier's name").fill(name);
        await start.getByLabel("Started on").fill(started);
        await refused(page, start, "Save", `path "${name.slice(0, 20)}" started "${started}"`);
      }
      await page.goto(`/transfers/paths/${ids.path}`);
      await open(page, "Add a step");
      const step = formWith(page, "New step");
      await step.getByLabel("Step", { exact: true }).selectOption("other");
      await step.getByLabel("What happened").fill(N.spaces);
      await refused(page, step, "Save", "path step, other with no words");
      await step.getByLabel("What happened").fill("Met the agency");
      for (const on of ["", N.farPast, N.farFuture]) {
        await step.getByLabel("Date", { exact: true }).fill(on);
        await refused(page, step, "Save", `path step on "${on}"`);
      }
    },
  },
  {
    file: "pregnancy/RemembranceForm.tsx",
    form: "Add a remembrance",
    group: "pregnancy",
    tries: async (page) => {
      await page.goto("/remembrance");
      await open(page, "Add a remembrance");
      const form = formWith(page, "Name (optional)");
      const day = form.getByLabel("The day you remember (optional)");
      for (const [name, date, note] of [
        [N.spaces, "", N.spaces],
        [N.long, "", ""],
        ["", N.farPast, ""],
        ["", N.farFuture, ""],
      ] as const) {
        await form.getByLabel("Name (optional)").fill(name);
        await day.fill(date);
        await form.getByLabel("A few words (optional)").fill(note);
        await refused(page, form, "Save", `remembrance "${name.slice(0, 20)}" on "${date}"`);
      }
      await form.getByLabel("Name (optional)").fill("Pip");
      await day.fill("");
      await form.getByLabel("A few words (optional)").fill("");
      for (const [weeks, days] of [
        ["45", ""],
        ["x", ""],
        ["8", "9"],
      ] as const) {
        await form.getByLabel("Weeks", { exact: true }).fill(weeks);
        await form.getByLabel("Days", { exact: true }).fill(days);
        await refused(page, form, "Save", `remembrance at ${weeks} weeks ${days} days`);
      }
      await form.getByLabel("Weeks", { exact: true }).fill("");
      await form.getByLabel("Days", { exact: true }).fill("");
      for (const on of [N.farPast, N.farFuture]) {
        await form.getByLabel("Transfer day (optional)").fill(on);
        await refused(page, form, "Save", `remembrance with a transfer on "${on}"`);
      }
      await form.getByLabel("Transfer day (optional)").fill("");
      await form.getByLabel("A place (optional)").fill(N.long);
      await refused(page, form, "Save", "remembrance with a very long place");
    },
  },
  {
    file: "pregnancy/RemembranceYearly.tsx",
    form: "A yearly reminder",
    group: "pregnancy",
    tries: async (page) => {
      await page.goto("/remembrance");
      await open(page, "Add a remembrance");
      const add = formWith(page, "Name (optional)");
      await add.getByLabel("Name (optional)").fill("Pip");
      await add.getByLabel("The day you remember (optional)").fill("2020-05-01");
      await add.getByRole("button", { name: "Save", exact: true }).click();
      await page.getByRole("button", { name: "Set a yearly reminder" }).first().click();
      const form = formWith(page, "What should it say?");
      for (const words of [N.spaces, N.long]) {
        await form.getByLabel("What should it say?").fill(words);
        await refused(page, form, "Turn on", `yearly reminder saying "${words.slice(0, 20)}"`);
      }
    },
  },
  {
    file: "pregnancy/RemembrancePhotoList.tsx",
    form: "A photo on a remembrance page",
    group: "pregnancy",
    tries: async (page) => {
      await page.goto("/remembrance");
      await open(page, "Add a remembrance");
      const form = formWith(page, "Name (optional)");
      await form.locator('input[type="file"]').setInputFiles({
        name: "IMG_0001.jpg",
        mimeType: "image/jpeg",
        buffer: Buffer.from(N.long),
      });
      await expect(form.getByRole("alert")).toHaveText(
        "This file could not be read as a photo. Try a JPEG or PNG.",
      );
      await expect(form.locator("img")).toHaveCount(0);
      await form.getByLabel("Name (optional)").fill(N.spaces);
      await refused(page, form, "Save", "remembrance with only a file that is not a photo");
    },
  },
  { file: "pregnancy/RemembranceCard.tsx", form: "Take a remembrance away", why: "One button." },
  { file: "pregnancy/Dating.tsx", form: "Dates of a pregnancy: show them", why: "One button." },
  { file: "pregnancy/LossCare.tsx", form: "Quiet mode after a loss", why: "One button." },
  {
    file: "pregnancy/shared.tsx",
    form: "Remove an entry (a beta, an outcome, a step)",
    why: "One button.",
  },

  // Everyday: journal, clinics, how I feel, settings
  {
    file: "journal/Journal.tsx",
    form: "A new note; a note changed",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/journal");
      const add = formWith(page, "New note");
      await add.getByLabel("New note").fill(N.spaces);
      await refused(page, add, "Save note", "note of spaces");
      await add.getByLabel("New note").fill("");
      await refused(page, add, "Save note", "empty note");
      await page.getByRole("button", { name: /^Edit note from/ }).click();
      const edit = page.locator("li.note form");
      await edit.getByRole("textbox").fill(N.spaces);
      await refused(page, edit, "Save", "note changed to spaces");
      await edit.getByRole("button", { name: "Cancel" }).click();
      // Emoji and a line longer than the box: the box stops at its length, and the note is kept.
      await add.getByLabel("New note").fill(`${N.emoji} ${N.long}`);
      await kept(
        page,
        add,
        "Save note",
        /^🌱🙃🌱 a very long line/,
        "a note of emoji and a long line",
      );
    },
  },
  {
    file: "clinics/ClinicForm.tsx",
    form: "A clinic's name and numbers",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/settings");
      await open(page, "Add a clinic");
      const form = formWith(page, "Clinic name");
      for (const [name, phone, portal] of [
        [N.spaces, "", ""],
        ["Lakeside", N.emoji, ""],
        ["Lakeside", N.words, ""],
        ["Lakeside", "1", ""],
        ["Lakeside", "12345678901234567890", ""],
        ["Lakeside", "", N.words],
        ["Lakeside", "", "http://lakeside.example"],
        [N.long, "", ""],
      ] as const) {
        await form.getByLabel("Clinic name").fill(name);
        await form.getByLabel("24-hour line").fill(phone);
        await form.getByLabel("Patient portal (optional)").fill(portal);
        await refused(
          page,
          form,
          "Save clinic",
          `clinic "${name.slice(0, 20)}", phone "${phone}", portal "${portal}"`,
        );
      }
    },
  },
  {
    file: "clinics/Clinics.tsx",
    form: "A clinic's name and numbers, in Settings",
    why: "Its form is the clinic form above; the rest are buttons.",
  },
  {
    file: "clinics/OwnSupportLines.tsx",
    form: "A support line of your own",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/remembrance");
      await open(page, "Add a line");
      const form = formWith(page, "Phone number");
      for (const [name, phone, website] of [
        [N.spaces, "988", ""],
        ["Ana", "", ""],
        ["Ana", N.emoji, ""],
        ["Ana", "", "ftp://ana.example"],
        ["Ana", "", N.spaces],
        [N.long, "988", ""],
      ] as const) {
        await form.getByLabel("Name", { exact: true }).fill(name);
        await form.getByLabel("Phone number").fill(phone);
        await form.getByLabel("Website (optional)").fill(website);
        await refused(
          page,
          form,
          "Save line",
          `support line "${name.slice(0, 20)}", phone "${phone}", website "${website}"`,
        );
      }
    },
  },
  {
    file: "wellbeing/SymptomCheck.tsx",
    form: "How do you feel?",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/");
      const check = await openCheck(page);
      const form = check.locator("form");
      await refused(page, form, "Save how I feel", "a check with no answers");
      for (const weight of [N.negative, N.zero, N.huge, N.words]) {
        await form.getByLabel(/^Weight today/).fill(weight);
        await refused(page, form, "Save how I feel", `weight "${weight}"`);
      }
    },
  },
  {
    file: "settings/ReminderSettings.tsx",
    form: "Reminder settings",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/settings");
      const form = formWith(page, "Remind me before a dose (minutes)");
      for (const [lead, warn] of [
        [N.negative, "3"],
        [N.huge, "3"],
        ["", "3"],
        ["15", N.negative],
        ["15", N.huge],
        ["15", ""],
      ] as const) {
        await form.getByLabel("Remind me before a dose (minutes)").fill(lead);
        await form.getByLabel("Warn this many days before a medicine runs out").fill(warn);
        await refused(
          page,
          form,
          "Save reminder settings",
          `reminders "${lead}" minutes, "${warn}" days`,
        );
        // Beside the number it is about, not on the form's line as "This…".
        await expect(form.getByRole("alert")).toHaveCount(0);
        await expect(
          form.getByLabel(
            lead === "15"
              ? "Warn this many days before a medicine runs out"
              : "Remind me before a dose (minutes)",
          ),
        ).toHaveAttribute("aria-invalid", "true");
      }
    },
  },
  {
    file: "journey/JourneyForm.tsx",
    form: "Your details, in Settings",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/settings");
      const form = formWith(page, "Date of birth");
      for (const born of ["", N.farFuture, N.farPast]) {
        await form.getByLabel("Date of birth").fill(born);
        await refused(page, form, "Save", `born "${born}", in Settings`);
      }
    },
  },
  { file: "settings/CountrySetting.tsx", form: "Country", why: "A choice from a list." },
  { file: "settings/QuietMode.tsx", form: "Quiet mode", why: "One switch." },
  {
    file: "settings/PushReminders.tsx",
    form: "Reminders when Trellis is closed",
    why: "Two switches; nothing is typed.",
  },
  {
    file: "settings/ReaderName.tsx",
    form: "What should this device call you?",
    why: "Any name is the person's to choose: the box stops at 80 characters, and empty or spaces go back to the record's name.",
  },
  { file: "settings/UnitPreferences.tsx", form: "Units", why: "Choices from lists." },
  {
    file: "clinic-summary/ClinicSummary.tsx",
    form: "Share with my clinic (the clinic summary PDF)",
    why: "Boxes to tick and a paper size; no part ticked is refused in words (clinic-summary.e2e.ts). It records nothing.",
  },
  {
    file: "records-export/RecordImport.tsx",
    form: "Bring back your spreadsheets (the CSV zip)",
    why: "A file is picked; every row of every file is checked, and one bad row saves nothing, each named by file and row (records-export.e2e.ts, import-record.test.ts).",
  },
  {
    file: "records-export/DoseLogImport.tsx",
    form: "Bring in a dose log from a spreadsheet",
    why: "Columns are chosen from lists and a file is picked; every row of the file is checked, and one bad row saves nothing (records-export.e2e.ts, import-doses.test.ts).",
  },
  {
    file: "settings/ExportData.tsx",
    form: "Export everything, locked with a passphrase",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/settings");
      const form = formWith(page, "The same passphrase again");
      for (const [passphrase, again] of [
        ["", ""],
        [N.spaces, N.spaces],
        ["short", "short"],
        ["a long enough passphrase", "a different passphrase"],
      ] as const) {
        await form.getByLabel("Passphrase for the file", { exact: true }).fill(passphrase);
        await form.getByLabel("The same passphrase again").fill(again);
        await refused(page, form, "Export everything", `export passphrase "${passphrase}"`);
      }
    },
  },
  {
    file: "lock/TurnOnLock.tsx",
    form: "Turn on the app lock",
    group: "everyday",
    tries: async (page) => {
      await page.goto("/settings");
      const form = formWith(page, "The same again");
      for (const [passphrase, again] of [
        ["", ""],
        [N.spaces, N.spaces],
        ["abc", "abc"],
        ["seven green apples", "seven green pears"],
      ] as const) {
        await form.getByLabel("Passphrase or PIN").fill(passphrase);
        await form.getByLabel("The same again").fill(again);
        await refused(page, form, "Turn on the lock", `lock passphrase "${passphrase}"`);
      }
    },
  },
  {
    file: "lock/AppLockCard.tsx",
    form: "The app lock: a new passphrase; turning it off",
    group: "lock",
    tries: async (page) => {
      await turnOnLock(page);
      const card = page.getByRole("region", { name: "App lock" });
      await card.getByText("Change the passphrase").click();
      const change = formWith(card, "The same again");
      for (const [passphrase, again] of [
        ["", ""],
        [N.spaces, N.spaces],
        ["abc", "abc"],
        ["seven green apples", "seven green pears"],
      ] as const) {
        await change.getByLabel("New passphrase or PIN").fill(passphrase);
        await change.getByLabel("The same again").fill(again);
        await refused(page, change, "Save the new passphrase", `new passphrase "${passphrase}"`);
      }
      await card.locator("summary", { hasText: "Turn off the lock" }).click();
      const off = formWith(card, "Type your passphrase to turn the lock off.");
      // Wrong ones count as tries: four are free.
      for (const passphrase of ["", N.spaces, N.emoji, "seven green pears"]) {
        await off.getByLabel("Passphrase or PIN", { exact: true }).fill(passphrase);
        await refused(page, off, "Turn off the lock", `turning off with "${passphrase}"`);
      }
    },
  },
  { file: "odds/Odds.tsx", form: "Show the odds after a loss", why: "One button." },

  // Account and sharing
  {
    file: "account/AccountForm.tsx",
    form: "Create an account; sign in; use the recovery key",
    group: "account",
    tries: async (page) => {
      await page.goto("/account/create");
      const create = formWith(page, "Password again");
      for (const [username, password, again, device, server] of [
        [N.spaces, "short", "short", "My phone", ""],
        ["maya", PASSWORD, `${PASSWORD}!`, "My phone", ""],
        ["maya", PASSWORD, PASSWORD, N.spaces, ""],
        ["maya", PASSWORD, PASSWORD, "My phone", N.words],
      ] as const) {
        await create.getByLabel("Username").fill(username);
        await create.getByLabel("Password", { exact: true }).fill(password);
        await create.getByLabel("Password again").fill(again);
        await create.getByLabel("Name for this device").fill(device);
        if (server) {
          await create.locator("summary").click();
          await create.getByLabel("Trellis server").fill(server);
        }
        await refused(
          page,
          create,
          "Continue",
          `new account "${username}", device "${device}", server "${server}"`,
        );
      }
      await create.getByLabel("Trellis server").fill(new URL(page.url()).origin);
      // A name the server would not take comes back to the first step, said beside the name.
      for (const [username, device] of [
        [N.emoji, "My phone"],
        ["Maya Smith", "My phone"],
        [N.long, "My phone"],
        ["maya", N.long],
      ] as const) {
        await create.getByLabel("Username").fill(username);
        await create.getByLabel("Name for this device").fill(device);
        await create.getByRole("button", { name: "Continue" }).click();
        await page.getByLabel("I have saved my recovery key somewhere safe").check();
        await page.getByRole("button", { name: "Create my account" }).click();
        await expectRefused(create);
        await expectPlainWords(
          page,
          `new account "${username.slice(0, 20)}", device "${device.slice(0, 20)}"`,
        );
      }

      await page.goto("/account/sign-in");
      const signIn = formWith(page, "Name for this device");
      for (const [username, password] of [
        [N.spaces, ""],
        [N.emoji, N.words],
        ["nobody-here", N.words],
      ] as const) {
        await signIn.getByLabel("Username").fill(username);
        await signIn.getByLabel("Password", { exact: true }).fill(password);
        await refused(page, signIn, "Sign in", `sign in as "${username}"`);
      }

      await page.goto("/account/recover");
      const recover = formWith(page, "Recovery key");
      await recover.getByLabel("Username").fill("maya");
      await recover.getByLabel("New password").fill(PASSWORD);
      await recover.getByLabel("Password again").fill(PASSWORD);
      for (const key of ["", N.words, N.emoji, "ABCD-".repeat(14)]) {
        await recover.getByLabel("Recovery key").fill(key);
        await refused(page, recover, "Set the new password and sign in", `recovery key "${key}"`);
      }
    },
  },
  {
    file: "sharing/AcceptInvite.tsx",
    form: "Join with an invite link",
    group: "account",
    tries: async (page) => {
      // A link with every part, each made up: an account first, then the join is refused.
      await page.goto("/invite#v=1&i=lots&t=lots&o=lots");
      await createAccount(page, uniqueUsername("nonsense"));
      const join = page.getByRole("main").locator("form");
      await refused(page, join, "Join this record", "join with a made-up link");
      // Half a link, pasted anew.
      await page.goto("/invite#lots");
      await page.reload();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectPlainWords(page, "an invite link cut short");
    },
  },
  { file: "account/AccountSync.tsx", form: "Sign out; sync now", why: "Buttons." },
  {
    file: "account/DeleteAccount.tsx",
    form: "Delete the account (and change the password)",
    group: "account",
    tries: async (page) => {
      // Signed in by the row above; a record makes these screens reachable.
      await setUpJourney(page);
      await page.goto("/account/password");
      const change = formWith(page, "New password");
      for (const [password, again] of [
        ["short", "short"],
        [PASSWORD, N.words],
        [N.spaces, N.spaces],
      ] as const) {
        await change.getByLabel("New password").fill(password);
        await change.getByLabel("Password again").fill(again);
        await refused(page, change, "Change password", `new password "${password}" / "${again}"`);
      }
      await page.goto("/account/delete");
      const remove = formWith(page, /To confirm, type your username/);
      for (const typed of [N.words, N.spaces, N.emoji]) {
        await remove.getByLabel(/^To confirm, type your username/).fill(typed);
        await refused(page, remove, "Delete my account", `delete, typed "${typed}"`);
      }
    },
  },
  {
    file: "account/calls.ts",
    form: "Lists the server keeps (devices, members, invites)",
    why: "Buttons on each item.",
  },
  {
    file: "sharing/Invite.tsx",
    form: "Make an invite link",
    why: "A choice of two roles, then one button.",
  },
  {
    file: "sharing/CostsSharing.tsx",
    form: "Show costs to people who can see only",
    why: "One switch, on or off (costs-viewer.e2e.ts).",
  },
  { file: "sharing/InviteList.tsx", form: "Invites: take one back", why: "One button per invite." },
  { file: "sharing/Members.tsx", form: "Members: confirm, remove", why: "Buttons per member." },
  // Circles: free words that are the person's own (only empty is refused, beside the
  // field; boxes stop at their length), checked in features/circles/*.test.tsx.
  {
    file: "circles/NewCircle.tsx",
    form: "Make a circle",
    why: "A name of the person's own or a suggestion: empty or spaces are refused beside the field; the box stops short.",
  },
  {
    file: "circles/StatusCard.tsx",
    form: "A circle's status",
    why: "Three one-tap templates, or the person's own words (empty refused beside the field); clear is a button.",
  },
  {
    file: "circles/HelpNote.tsx",
    form: "How they can help",
    why: "The person's own note: any words; the box stops at 1,000 characters.",
  },
  {
    file: "circles/PostItem.tsx",
    form: "Change or take back a post; react",
    why: "The post's own words (empty without a photo refused), two switches, buttons.",
  },
  {
    file: "circles/ReplyBox.tsx",
    form: "A reader's reply",
    why: "A reader's own words: empty refused beside the field; the box stops at 1,000 characters.",
  },
  {
    file: "circles/Members.tsx",
    form: "Let someone in, remove them",
    why: "A name of the person's own for them (empty refused beside the field), buttons.",
  },
  { file: "circles/InviteCard.tsx", form: "A circle's invite link", why: "One button." },
  {
    file: "circles/CircleScreen.tsx",
    form: "Delete or leave a circle",
    why: "Buttons that ask first.",
  },
  {
    file: "circles/StopReading.tsx",
    form: "Stop reading on this phone",
    why: "Buttons that ask first.",
  },
  {
    file: "circles/Compose.tsx",
    form: "Write a post",
    why: "The person's own words to circles they tick: no circle, or no words and no photo, refused beside the field.",
  },
  {
    file: "circles/PhotoPicker.tsx",
    form: "A photo for a post",
    why: "A file picker: a file that is no photo is refused in plain words beside it.",
  },
  {
    file: "circles/LossOffer.tsx",
    form: "Words to send after a loss",
    why: "The person's own words to circles they tick: no circle, or no words, refused beside the field.",
  },
  {
    file: "circles/JoinCircle.tsx",
    form: "Join a circle",
    why: "Read on this device (nothing typed), or a reader account: an empty username or a short password is refused beside the field, the server's refusals of a username beside it too.",
  },
];

/** Each group starts from Maya's record (set-up starts from nothing), then tries its forms in order. */
async function begin(page: Page, group: Group): Promise<Ids> {
  // The server keeps its own time: the account forms meet it on today's date.
  if (group !== "account") await page.clock.install({ time: NOW });
  const { file, ids } = mayaWithEverything();
  if (group === "set-up" || group === "account") await page.goto("/");
  else await restore(page, file);
  return ids;
}

const typed = forms.filter((f): f is Typed => "tries" in f);
const groups = [...new Set(typed.map((f) => f.group))];

if (explore) {
  for (const f of typed) {
    test(`explore: ${f.form}`, async ({ page }) => {
      test.setTimeout(120_000);
      const seen = watch(page);
      const ids = await begin(page, f.group);
      await f.tries(page, ids);
      console.log(`problems [${f.form}]`, seen.problems());
    });
  }
} else {
  for (const group of groups) {
    test(`nonsense typed into the ${group} forms is refused in plain words`, async ({ page }) => {
      const seen = watch(page);
      const ids = await begin(page, group);
      for (const f of typed.filter((x) => x.group === group))
        await test.step(f.form, () => f.tries(page, ids));
      expect(seen.problems()).toEqual([]);
    });
  }
}

test("every form that records through the kit is in the list above", () => {
  const root = fileURLToPath(new URL("../src/features", import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
    );
  const withForms = files(root)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /\buseForm\s*[<(]/.test(readFileSync(f, "utf8")))
    .map((f) => relative(root, f))
    .sort();
  const listed = new Set(forms.map((f) => f.file));
  expect(
    withForms.filter((f) => !listed.has(f)),
    "forms the list above does not name",
  ).toEqual([]);
  // And nothing listed that is gone (a form moved or renamed is listed under its new name).
  expect(
    [...listed].filter((f) => !existsSync(join(root, f))),
    "listed, but not there",
  ).toEqual([]);
});
