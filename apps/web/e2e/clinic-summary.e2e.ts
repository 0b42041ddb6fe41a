/**
 * "Share with my clinic": a long record restored, the summary chosen from
 * Settings (parts, details, paper) and from a section (that section chosen),
 * made on the device and downloaded; the PDF read back with pdf.js holds the
 * medicines, their dates and what was asked for, and leaves losses out when
 * asked. Axe-clean in both colour schemes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { mayaJourney } from "@trellis/domain";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { mayaWholeJourney } from "./embryos-fixture.ts";
import { exportFile } from "./fixtures.ts";
import { expectAxeBothSchemes, openFromMore, restore, shot } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

const fonts = `${join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts",
)}/`;

/** The PDF's text, page sizes and title, read with pdf.js. */
async function readPdf(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes.slice(), standardFontDataUrl: fonts }).promise;
  let text = "";
  const sizes: number[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const content = await p.getTextContent();
    text += `${content.items.map((i) => ("str" in i ? i.str : "")).join("\n")}\n`;
    sizes.push(p.view.slice(2).map(Math.round));
  }
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { text, sizes, info };
}

/** Makes the PDF with the screen's button and reads the download. */
async function download(page: Page, name: string) {
  const waiting = page.waitForEvent("download");
  await page.getByRole("button", { name: "Make the PDF" }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toMatch(/^clinic-summary-\d{4}-\d{2}-\d{2}\.pdf$/);
  const bytes = readFileSync((await file.path())!);
  if (process.env.TRELLIS_SHOTS) writeFileSync(`${process.env.TRELLIS_SHOTS}/${name}.pdf`, bytes);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await expect(
    page.getByText(
      "The PDF is in your downloads. It was made on this device, and nothing was sent.",
    ),
  ).toBeVisible();
  return readPdf(new Uint8Array(bytes));
}

test("from Settings: the parts and details chosen, on Letter paper, with every medicine and its dates, nothing sent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date("2024-02-01T19:00:00+11:00") });
  // Maya's long journey (2014-2024), as the domain's shared fixture records it.
  const { recorder, state } = mayaJourney();
  await restore(page, exportFile(recorder, "2024-02-01T12:00:00+11:00[Australia/Sydney]"));
  const requests: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("blob:") && !r.url().includes("/assets/")) requests.push(r.url());
  });

  await openFromMore(page, "Settings");
  await page.getByRole("link", { name: "Share with my clinic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Share with my clinic" })).toBeVisible();
  const parts = page.getByRole("group", { name: "What goes in" });
  // Nothing chosen: said beside the parts, nothing made.
  for (const box of await parts.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Make the PDF" }).click();
  await expect(page.getByText("Choose at least one part to put in the PDF.")).toBeVisible();

  for (const part of ["Details about you", "Treatment history", "Monitoring", "Medicines"]) {
    await parts.getByRole("checkbox", { name: new RegExp(`^${part}`) }).check();
  }
  const details = page.getByRole("group", { name: "Which details about you" });
  await details.getByRole("checkbox", { name: "Your name" }).check();
  await details.getByRole("checkbox", { name: "Your date of birth" }).check();
  await page.getByLabel("Paper size").selectOption("letter");
  await shot(page, "clinic-summary-screen", { bothSchemes: true, slices: true });
  await expectAxeBothSchemes(page, "share with my clinic");

  requests.length = 0;
  const pdf = await download(page, "clinic-summary");
  expect(requests, "nothing sent while making the PDF").toEqual([]);
  expect(pdf.sizes.every(([w, h]) => w === 612 && h === 792)).toBe(true);
  expect(pdf.info.Title).toBe("Treatment summary: Maya");
  for (const words of [
    "Treatment summary: Maya",
    "Date of birth:",
    "Nov 30, 1985",
    "Treatment history",
    "Monitoring",
    "Medicines",
    "Estradiol (E2)",
  ]) {
    expect(pdf.text).toContain(words);
  }
  expect(pdf.text).not.toContain("Partner");
  expect(pdf.text).not.toContain("Embryo bank");
  // Every medicine planned, by name, and the days its doses were given.
  for (const item of state.planItems.values()) {
    expect(pdf.text).toContain(item.medication.name.split(" ")[0]);
  }
  const givenOn = (planItemId: string) =>
    [...state.doseLogs.values()]
      .filter((l) => l.planItemId === planItemId && l.status !== "skipped")
      .map((l) => l.takenAt.slice(0, 10))
      .sort();
  const given = [...state.planItems.values()].map((i) => givenOn(i.id)).find((g) => g.length > 1)!;
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en-US", {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${iso}T12:00:00Z`));
  expect(pdf.text).toContain(`${day(given[0]!)} to ${day(given.at(-1)!)}`);
});

test("from a section: that part chosen, and losses left out when asked", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date("2024-06-13T19:00:00-04:00") });
  await restore(page, mayaWholeJourney().file);
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Share with my clinic" }).click();
  const parts = page.getByRole("group", { name: "What goes in" });
  await expect(parts.getByRole("checkbox", { checked: true })).toHaveCount(1);
  await expect(parts.getByRole("checkbox", { name: /^Transfers and outcomes/ })).toBeChecked();

  const all = await download(page, "clinic-summary-transfers");
  expect(all.text).toContain("Transfers and outcomes");
  expect(all.text).toContain("Stillbirth");
  expect(all.text).toContain("Biochemical pregnancy");
  expect(all.text).not.toContain("Embryo bank");

  await page.getByRole("checkbox", { name: "Leave out pregnancies that ended in a loss" }).check();
  await shot(page, "clinic-summary-losses");
  await expectAxeBothSchemes(page, "share with my clinic, losses");
  const without = await download(page, "clinic-summary-no-losses");
  expect(without.text).toContain("Transfers and outcomes");
  expect(without.text).toContain("Birth");
  for (const loss of ["Stillbirth", "Biochemical", "Miscarriage"]) {
    expect(without.text).not.toContain(loss);
  }
});
