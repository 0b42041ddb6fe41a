import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { type DoseLog, mayaJourney } from "@trellis/domain";
import { csvColumns, csvTables, planTables, toCsv, toFhirBundle } from "@trellis/exports";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { exportFile } from "./fixtures.ts";
import { expectAxeBothSchemes, phone, shot as picture, restore, setUpJourney } from "./helpers.ts";

/**
 * "Take your record with you", on Maya's long journey (2014-2024, restored
 * from an export as a new phone would be): the spreadsheets zip and the FHIR
 * file download and hold what the record holds; a dose log kept on paper and
 * typed into a spreadsheet comes in only when every row is right.
 */

test.use({ viewport: { width: 375, height: 812 }, timezoneId: "America/New_York" });

const shot = (page: Page, name: string) =>
  picture(page, `records-${name}`, { bothSchemes: true, slices: true });

/** Maya's journey, with the first eight doses of her 2015 cycle taken off: she kept them on paper. */
function mayaWithPaperDoses() {
  const maya = mayaJourney();
  const r = maya.recorder;
  const paper = [...r.state.doseLogs.values()]
    .filter((d) => !d.retracted)
    .sort((a, b) => Date.parse(a.takenAt.slice(0, 25)) - Date.parse(b.takenAt.slice(0, 25)))
    .slice(0, 8);
  const t = Date.parse("2024-02-01T12:00:00Z");
  for (const [i, d] of paper.entries())
    r.record("DoseLogRetracted", { doseId: d.id }, t + i * 1000);
  return { r, paper, file: exportFile(r, "2024-02-01T13:00:00Z") };
}

/** The paper log as a spreadsheet saves it: its own column names, in its own order. */
function sheet(r: ReturnType<typeof mayaWithPaperDoses>["r"], paper: DoseLog[], unitOfRow4 = "") {
  const lines = paper.map((d, i) => {
    const name = r.state.planItems.get(d.planItemId)!.medication.name;
    const unit = i === 2 && unitOfRow4 ? unitOfRow4 : (d.amount?.unit ?? "");
    return [
      d.slot.date,
      d.takenAt.slice(11, 16),
      `"${name}"`,
      d.amount?.value ?? "",
      unit,
      d.status === "skipped" ? "missed" : "given",
    ].join(",");
  });
  return Buffer.from(["Day,At,Drug,Amount,Unit,Given or missed", ...lines].join("\r\n"), "utf8");
}

const entries = (page: Page) =>
  page.getByText(/Your record is kept in this browser on this device \([\d,]+ entries\)/);

test("the spreadsheets zip holds the six tables with their headers, and the FHIR file the whole record", async ({
  page,
}, testInfo) => {
  const { r, file } = mayaWithPaperDoses();
  await restore(page, file);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Take your record with you" })).toBeVisible();

  const [zipDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download spreadsheets (CSV, zip)" }).click(),
  ]);
  expect(zipDownload.suggestedFilename()).toMatch(
    /^trellis-record-\d{4}-\d{2}-\d{2}-spreadsheets\.zip$/,
  );
  const zip = unzipSync(new Uint8Array(await readFile(await zipDownload.path())));
  expect(Object.keys(zip).sort()).toEqual(
    [
      "README.txt",
      ...planTables.map((t) => `${t}.csv`),
      ...csvTables.map((t) => `${t}.csv`),
    ].sort(),
  );
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  for (const table of csvTables) {
    const text = utf8.decode(zip[`${table}.csv`]!);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${csvColumns[table].join(",")}`);
    // The device made the same file from the same events as Node does.
    expect(text, table).toBe(toCsv(r.state, table));
  }
  expect(utf8.decode(zip["README.txt"]!)).toContain("Your Trellis record as spreadsheets");
  await expect(page.getByText("Saved to your downloads.")).toBeVisible();

  const [fhirDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download for a clinic's system (FHIR)" }).click(),
  ]);
  expect(fhirDownload.suggestedFilename()).toMatch(/\.fhir\.json$/);
  const bundle = JSON.parse(await readFile(await fhirDownload.path(), "utf8"));
  expect(bundle.resourceType).toBe("Bundle");
  expect(bundle.type).toBe("collection");
  const expected = toFhirBundle(r.state, { now: new Date(bundle.timestamp) });
  expect(bundle).toEqual(JSON.parse(JSON.stringify(expected)));
  const types = bundle.entry.map(
    (e: { resource: { resourceType: string } }) => e.resource.resourceType,
  );
  expect(types.filter((t: string) => t === "Procedure").length).toBeGreaterThanOrEqual(9);
  await testInfo.attach("fhir-entries", { body: String(types.length) });
});

test("a spreadsheet dose log with one bad row is refused with that row's reason and saves nothing; fixed, all its doses are saved", async ({
  page,
}) => {
  const { r, paper, file } = mayaWithPaperDoses();
  await restore(page, file);
  await page.goto("/settings");
  const before = await entries(page).textContent();

  const form = page.locator("form", {
    has: page.getByRole("heading", { name: "Bring in a dose log from a spreadsheet" }),
  });
  await form.locator('input[type="file"]').setInputFiles({
    name: "paper-log.csv",
    mimeType: "text/csv",
    buffer: sheet(r, paper, "spoonful"),
  });
  await expect(form.getByText("paper-log.csv: 8 rows")).toBeVisible();
  // The columns are guessed from the header's words; the person can change any of them.
  await expect(form.getByLabel("Column for Date (year-month-day)")).toHaveValue("0");
  await expect(form.getByLabel("Column for Medicine")).toHaveValue("2");
  await expect(form.getByLabel("Column for Dose")).toHaveValue("3");
  await expect(form.getByLabel("Column for Given or missed")).toHaveValue("5");
  await form.getByLabel("Column for Time").selectOption({ label: "Not in this file" });
  await form.getByLabel("Column for Time").selectOption({ label: "At" });
  await form.getByRole("button", { name: "Check and save" }).click();

  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("Nothing was saved. One row needs a change");
  await expect(refusal).toContainText(
    "Row 4: the unit “spoonful” is not one Trellis knows (IU, mg, mcg, mL, tablet, patch, spray, applicator).",
  );
  await expect(refusal.getByRole("listitem")).toHaveCount(1);
  await expect(entries(page)).toHaveText(before!);
  await expectAxeBothSchemes(page, "dose log refused");
  await shot(page, "dose-log-refused");

  // Fixed in the spreadsheet and picked again: every row is saved, in one go.
  await form.locator('input[type="file"]').setInputFiles({
    name: "paper-log.csv",
    mimeType: "text/csv",
    buffer: sheet(r, paper),
  });
  await form.getByRole("button", { name: "Check and save" }).click();
  await expect(form.getByText("8 doses saved from the spreadsheet.")).toBeVisible();
  const count = (text: string | null) =>
    Number(/\(([\d,]+) entries\)/.exec(text ?? "")![1]!.replace(/,/g, ""));
  await expect
    .poll(async () => count(await entries(page).textContent()))
    .toBe(count(before) + paper.length);
  await expectAxeBothSchemes(page, "dose log saved");

  // The doses are back in the record as they were taken.
  const [zipDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download spreadsheets (CSV, zip)" }).click(),
  ]);
  const zip = unzipSync(new Uint8Array(await readFile(await zipDownload.path())));
  const doses = new TextDecoder().decode(zip["doses.csv"]!);
  for (const d of paper) expect(doses).toContain(`,${d.slot.date},${d.slot.time},`);
});

test("the spreadsheets zip brings the record back on a fresh phone: the same doses, tests, scans, embryos, transfers, costs, cycles and medicines", async ({
  page,
  browser,
}) => {
  const { file } = mayaWithPaperDoses();
  await restore(page, file);
  await page.goto("/settings");
  const [fromOld] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download spreadsheets (CSV, zip)" }).click(),
  ]);
  const zipPath = await fromOld.path();
  const before = unzipSync(new Uint8Array(await readFile(zipPath)));

  const other = await phone(browser);
  await setUpJourney(other);
  await other.goto("/settings");
  await other.getByText("Choose the spreadsheets zip").waitFor();
  await other.locator('input[type="file"][accept=".zip,application/zip"]').setInputFiles(zipPath);
  await expect(
    other.getByText(/[\d,]+ entries brought back from the spreadsheets\./),
  ).toBeVisible();

  // A second time is refused whole: those cycles are already here, and nothing more is saved.
  const count = async () =>
    Number(
      /\(([\d,]+) entries\)/
        .exec((await entries(other).textContent()) ?? "")![1]!
        .replace(/,/g, ""),
    );
  const after = await count();
  await other.locator('input[type="file"][accept=".zip,application/zip"]').setInputFiles(zipPath);
  await expect(other.getByRole("alert")).toContainText("Nothing was saved.");
  expect(await count()).toBe(after);
  await expectAxeBothSchemes(other, "spreadsheets brought back, then refused");

  const [fromNew] = await Promise.all([
    other.waitForEvent("download"),
    other.getByRole("button", { name: "Download spreadsheets (CSV, zip)" }).click(),
  ]);
  const again = unzipSync(new Uint8Array(await readFile(await fromNew.path())));
  const text = (zip: Record<string, Uint8Array>, name: string) =>
    new TextDecoder().decode(zip[name]);
  for (const name of [
    "doses.csv",
    "labs.csv",
    "scans.csv",
    "embryos.csv",
    "transfers.csv",
    "cycles.csv",
    "medicines.csv",
    "retrievals.csv",
  ])
    expect(text(again, name), name).toBe(text(before, name));
  // The receipt photo stays sealed on the phone it was added on; everything else about the costs came back.
  const noReceipt = (csv: string) => {
    const rows = parse(csv, { bom: true }) as string[][];
    const i = rows[0]!.indexOf("receipt");
    return rows.map((r) => r.filter((_, j) => j !== i));
  };
  expect(noReceipt(text(again, "costs.csv"))).toEqual(noReceipt(text(before, "costs.csv")));
  await other.context().close();
});
