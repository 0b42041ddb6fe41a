/**
 * Remembrance after a recorded loss (issue 16): Maya records a miscarriage
 * after her frozen transfer; a remembrance page is offered, never pushed,
 * and opens filled in with the day and the weeks the record holds; the
 * yearly reminder is off until she sets it in her own words; a phone photo
 * with GPS tags is kept on the device, smaller and without EXIF; and the
 * keepsake PDF downloads with her words in it as real text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { phonePhoto } from "../../../packages/client/src/attachments/testing.ts";
import { mayaIn2015 } from "./dates-fixture.ts";
import { expectAxeBothSchemes, openFromMore, restore, shot } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

const fonts = `${join(
  dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
  "standard_fonts",
)}/`;

/** The PDF's text and how many pictures it paints, read with pdf.js. */
async function readPdf(bytes: Uint8Array) {
  const doc = await getDocument({ data: bytes, standardFontDataUrl: fonts }).promise;
  let text = "";
  let images = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const p = await doc.getPage(n);
    const content = await p.getTextContent();
    text += content.items.map((i) => ("str" in i ? i.str : "")).join("\n");
    images += (await p.getOperatorList()).fnArray.filter((f) => f === OPS.paintImageXObject).length;
  }
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { text, images, info };
}

/**
 * Keeps each blob the page turns into an object URL, so the test can read
 * the bytes of the photo shown (the app's CSP rightly forbids fetching them).
 */
async function keepObjectUrls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const blobs = new Map<string, Blob>();
    const make = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = make(blob);
      if (blob instanceof Blob) blobs.set(url, blob);
      return url;
    };
    (window as unknown as { keptBlobs: Map<string, Blob> }).keptBlobs = blobs;
  });
}

/** The bytes of the photo the page shows, from its object URL. */
async function shownPhoto(page: Page): Promise<{ bytes: number[]; w: number; h: number }> {
  const img = page.locator("img.remembrance-photo").first();
  await expect(img).toBeVisible();
  await expect
    .poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth))
    .toBeGreaterThan(0);
  return img.evaluate(async (el: HTMLImageElement) => {
    const blobs = (window as unknown as { keptBlobs: Map<string, Blob> }).keptBlobs;
    const bytes = new Uint8Array(await blobs.get(el.src)!.arrayBuffer());
    return { bytes: [...bytes], w: el.naturalWidth, h: el.naturalHeight };
  });
}

test("after a recorded loss the remembrance page is offered filled in, the reminder is off until chosen, a photo stays on the device, and the keepsake downloads", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: new Date("2015-09-20T20:00:00-04:00") });
  await keepObjectUrls(page);
  await restore(page, mayaIn2015().file);

  // The loss, recorded through the gentle flow: no weeks typed, so the record works them out.
  await openFromMore(page, "Transfers & outcomes");
  await page.getByRole("link", { name: "Transfer, Mon, Aug 10, 2015" }).click();
  await page.getByRole("button", { name: "Record what happened" }).click();
  await page.getByRole("radio", { name: /^Miscarriage/ }).check();
  await page.getByLabel("Date", { exact: true }).fill("2015-09-18");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "We are so sorry" })).toBeFocused();

  // Offered as a plain link among the care, not a button pressing for attention.
  const offer = page.getByRole("link", { name: "Make a remembrance page" });
  await expect(offer).toBeVisible();
  await offer.click();

  // Filled in from the record: the day of the loss, the transfer, 8 weeks 2 days (a day-5
  // blastocyst is 2w5d on transfer day, 39 days before). The due date waits to be asked for.
  await expect(page.getByRole("heading", { name: "A page for this pregnancy" })).toBeVisible();
  await expect(page.getByLabel("The day you remember (optional)")).toHaveValue("2015-09-18");
  await expect(page.getByLabel("Transfer day (optional)")).toHaveValue("2015-08-10");
  await expect(page.getByLabel("Weeks", { exact: true })).toHaveValue("8");
  await expect(page.getByLabel("Days", { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("Due date (optional)")).toHaveValue("");
  await expect(page.getByText("Photos stay on this device.", { exact: false })).toBeVisible();
  await shot(page, "remembrance-offered", { bothSchemes: true, slices: true });
  await expectAxeBothSchemes(page, "remembrance offered");

  await page.getByLabel("Name (optional)").fill("Little bean");
  await page.getByLabel("A place (optional)").fill("The maple in the garden");
  await page.getByLabel("A few words (optional)").fill("We planted a maple for you. Kochamy cię.");
  // A phone photo, 2400 x 1200 with GPS tags.
  const original = phonePhoto(2400, 1200);
  await page.locator('input[type="file"]').setInputFiles({
    name: "IMG_2041.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from(original),
  });
  const kept = await shownPhoto(page);
  expect([kept.w, kept.h]).toEqual([1600, 800]);
  const bytes = Buffer.from(kept.bytes);
  expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
  expect(bytes.includes(Buffer.from("TrellisCam"))).toBe(false);
  expect(bytes.includes(Buffer.from("Taken at the clinic"))).toBe(false);
  await page.getByLabel("What this photo shows (optional)").fill("The maple in autumn");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const card = page.getByRole("listitem").filter({ hasText: "Little bean" });
  await expect(card.getByRole("heading", { name: "Little bean" })).toBeVisible();
  await expect(card.getByText("Remembered on: Fri, Sep 18, 2015")).toBeVisible();
  await expect(card.getByText("How far along: 8 weeks 2 days")).toBeVisible();
  await expect(card.getByText("Place: The maple in the garden")).toBeVisible();
  await expect(card.getByRole("img", { name: "The maple in autumn" })).toBeVisible();
  await expect(card.getByText("Photos stay on this device.")).toBeVisible();
  await expect(card.getByText("Only on this device")).toBeVisible();
  // No account on this phone: nothing offers to share.
  await expect(page.getByRole("link", { name: "Share with a circle…" })).toHaveCount(0);

  // The yearly reminder is off until she chooses it, in her own words.
  await expect(
    card.getByText("Off. Trellis will not remind you unless you choose to."),
  ).toBeVisible();
  await card.getByRole("button", { name: "Set a yearly reminder" }).click();
  await card.getByLabel("What should it say?").fill("Thinking of Little bean");
  await card.getByRole("button", { name: "Turn on" }).click();
  await expect(
    card.getByText("On September 18 each year: “Thinking of Little bean”"),
  ).toBeVisible();
  await shot(page, "remembrance-page", { bothSchemes: true, slices: true });
  await expectAxeBothSchemes(page, "remembrance page");

  // The keepsake, made on the device.
  await card.getByLabel("Paper size").selectOption("a4");
  const download = page.waitForEvent("download");
  await card.getByRole("button", { name: "Download the keepsake" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^remembrance-2015-09-20\.pdf$/);
  const saved = readFileSync((await file.path())!);
  if (process.env.TRELLIS_SHOTS) writeFileSync(`${process.env.TRELLIS_SHOTS}/keepsake.pdf`, saved);
  const pdf = await readPdf(new Uint8Array(saved));
  for (const words of [
    "Little bean",
    "Remembered on: Fri, Sep 18, 2015",
    "Transfer: Mon, Aug 10, 2015",
    "How far along: 8 weeks 2 days",
    "Place: The maple in the garden",
    // Polish: set in the Unicode face the app fetches only for such words.
    "We planted a maple for you. Kochamy cię.",
    "The maple in autumn",
  ]) {
    expect(pdf.text).toContain(words);
  }
  expect(pdf.images).toBe(1);
  expect(pdf.info.Title).toBe("Remembering Little bean");
  expect(String(pdf.info.Language)).toMatch(/^en/);
});
