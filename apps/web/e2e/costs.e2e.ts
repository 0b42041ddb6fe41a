/**
 * The Costs section in a real browser: costs entered through the form across
 * two cycles and two currencies (US and Australian dollars, with coverage)
 * give the totals worked out by hand below; storage fees paid with the
 * embryo bank are counted once; a receipt photo (a phone JPEG with GPS tags)
 * attaches, opens full size and is kept without its metadata; a bad amount
 * is refused in words and saves nothing; a cost can be added with the
 * keyboard alone; axe finds nothing in light or dark.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { phonePhoto } from "../../../packages/client/src/attachments/testing.ts";
import { mayaForCosts } from "./costs-fixture.ts";
import { expectNoAxeViolations, restore, shot } from "./helpers.ts";
import { storedEvents } from "./nonsense-checks.ts";

test.use({ timezoneId: "America/New_York", locale: "en-US" });

const NOW = new Date("2026-03-20T19:00:00-04:00");
const usd = (v: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(v);
const aud = (v: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "AUD" }).format(v);

async function openCosts(page: Page) {
  await page.clock.install({ time: NOW });
  const { file, names } = mayaForCosts();
  await restore(page, file);
  await page.goto("/costs");
  await expect(page.getByRole("heading", { level: 1, name: "Costs" })).toBeVisible();
  return names;
}

interface CostInput {
  description: string;
  amount: string;
  currency?: string;
  category?: string;
  date: string;
  cycle?: string;
  due?: { on: string; remind?: string };
  coverage?: { kind: string; source?: string; value: string; received?: boolean }[];
}

async function chooseOption(select: Locator, text: string) {
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value ?? "");
}

async function fillCost(form: Locator, c: CostInput) {
  await form.getByLabel("What it was for").fill(c.description);
  await form.getByLabel("Amount", { exact: true }).fill(c.amount);
  if (c.currency) await chooseOption(form.getByLabel("Currency"), `${c.currency} ·`);
  if (c.category) await form.getByLabel("Kind of cost").selectOption({ label: c.category });
  await form.getByLabel("Date", { exact: true }).fill(c.date);
  if (c.cycle) await chooseOption(form.getByLabel("Cycle"), c.cycle);
  else await form.getByLabel("Cycle").selectOption({ label: "Not tied to a cycle" });
  if (c.due) {
    await form.getByRole("radio", { name: "Still due" }).check();
    await form.getByLabel("Due date").fill(c.due.on);
    if (c.due.remind) await form.getByLabel(/many days before/).fill(c.due.remind);
  }
  for (const [i, line] of (c.coverage ?? []).entries()) {
    await form.getByRole("button", { name: "Add who covered part of it" }).click();
    const row = form.getByRole("group", { name: `Coverage line ${i + 1}` });
    await row.getByLabel("Covered by").selectOption({ label: line.kind });
    if (line.source) await row.getByLabel("Name (optional)").fill(line.source);
    await row.getByLabel(/^How much/).fill(line.value);
    if (line.received) await row.getByLabel("Received").check();
  }
}

async function addCost(page: Page, c: CostInput) {
  await page.getByRole("button", { name: "Add a cost" }).click();
  const form = page.locator("form.cost-form");
  await fillCost(form, c);
  await form.getByRole("button", { name: "Save the cost" }).click();
  await expect(page.getByText("Cost saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 4, name: c.description })).toBeVisible();
}

/** The figure in a row of one of the totals tables of a currency's card. */
function figure(page: Page, currency: string, table: string, row: string) {
  return page
    .getByRole("article", { name: `In ${currency}` })
    .getByRole("table", { name: table })
    .getByRole("row", { name: new RegExp(`^${row}`) })
    .getByRole("cell");
}

test("costs across two cycles and two currencies give the totals worked out by hand", async ({
  page,
}) => {
  const names = await openCosts(page);
  await expect(page.getByText(/No costs yet/)).toBeVisible();
  // Before any cost is entered, the storage fee paid with the bank is already counted.
  await expect(figure(page, "USD", "Everything so far", "Total")).toHaveText(usd(600));

  await addCost(page, {
    description: "Clinic invoice 2291",
    amount: "8,500",
    currency: "USD",
    category: "Egg retrieval",
    date: "2025-03-20",
    cycle: names.retrieval,
    coverage: [{ kind: "Insurance", source: "Aetna", value: "5000", received: true }],
  });
  await addCost(page, {
    description: "Stimulation medicines",
    amount: "3200.50",
    currency: "USD",
    category: "Medication",
    date: "2025-03-05",
    cycle: names.retrieval,
    coverage: [{ kind: "Employer benefit", source: "Progyny", value: "1200.25" }],
  });
  await addCost(page, {
    description: "Legal advice",
    amount: "450",
    currency: "USD",
    category: "Legal",
    date: "2026-01-15",
  });
  await addCost(page, {
    description: "Transfer fee",
    amount: "4100",
    currency: "AUD",
    category: "Transfer",
    date: "2026-02-10",
    cycle: names.fet,
    coverage: [{ kind: "Refund", source: "Medicare", value: "1650.40", received: true }],
  });
  await addCost(page, {
    description: "Pathology",
    amount: "350",
    currency: "AUD",
    category: "Monitoring",
    date: "2026-03-01",
    cycle: names.fet,
    due: { on: "2026-04-15", remind: "7" },
  });

  // US dollars, by hand: 8,500 + 3,200.50 + 450 entered, and the bank's storage fee of 600.
  const usdTotal = 8500 + 3200.5 + 450 + 600; // 12,750.50
  const usdCovered = 5000 + 1200.25; // 6,200.25 (Progyny's not received yet, still covered)
  expect(usdTotal).toBe(12750.5);
  await expect(figure(page, "USD", "Everything so far", "Total")).toHaveText(usd(12750.5));
  await expect(figure(page, "USD", "Everything so far", "Covered")).toHaveText(usd(6200.25));
  await expect(figure(page, "USD", "Everything so far", "Out of pocket")).toHaveText(
    usd(usdTotal - usdCovered),
  );
  // This year (2026) only the legal advice.
  await expect(figure(page, "USD", "This year (2026)", "Total")).toHaveText(usd(450));
  await expect(figure(page, "USD", "This year (2026)", "Out of pocket")).toHaveText(usd(450));
  const usdCard = page.getByRole("article", { name: "In USD" });
  await expect(usdCard.getByText(/storage fees paid, from the embryo bank/)).toContainText(
    usd(600),
  );

  // Australian dollars, kept apart: 4,100 + 350 (due), 1,650.40 refunded.
  await expect(figure(page, "AUD", "Everything so far", "Total")).toHaveText(aud(4450));
  await expect(figure(page, "AUD", "Everything so far", "Covered")).toHaveText(aud(1650.4));
  await expect(figure(page, "AUD", "Everything so far", "Out of pocket")).toHaveText(
    aud(4450 - 1650.4),
  );
  await expect(figure(page, "AUD", "Everything so far", "Still due")).toHaveText(aud(350));

  // Per retrieval: the retrieval cycle's costs over its one retrieval. Per transfer: everything
  // so far over the one transfer, each currency on its own.
  await expect(usdCard).toContainText(
    `Per egg retrieval: ${usd(8500 + 3200.5)}, ${usd(8500 + 3200.5 - usdCovered)} out of pocket (1 retrieval`,
  );
  await expect(usdCard).toContainText(
    `Per transfer: ${usd(usdTotal)}, ${usd(usdTotal - usdCovered)} out of pocket (1 transfer`,
  );
  const audCard = page.getByRole("article", { name: "In AUD" });
  await expect(audCard).toContainText(
    `Per transfer: ${aud(4450)}, ${aud(4450 - 1650.4)} out of pocket (1 transfer`,
  );
  await expect(audCard).not.toContainText("Per egg retrieval");
  await expect(audCard).toContainText(`Due next: Pathology, ${aud(350)},`);
  await expect(usdCard).toContainText(`${usd(1200.25)} of coverage not received yet.`);

  // Per cycle: the retrieval cycle in USD, the transfer cycle in AUD.
  const retrieval = page.getByRole("region", { name: names.retrieval });
  await expect(retrieval).toContainText(
    `${usd(11700.5)} in all, ${usd(11700.5 - 6200.25)} out of pocket`,
  );
  const fet = page.getByRole("region", { name: names.fet });
  await expect(fet).toContainText(`${aud(4450)} in all, ${aud(4450 - 1650.4)} out of pocket`);
  await expect(page.getByRole("region", { name: "Not tied to a cycle" })).toContainText(
    "Legal advice",
  );
  await expect(page.getByRole("region", { name: /Storage fees/ })).toContainText(usd(600));

  // What is due, with its date.
  const due = page.getByRole("region", { name: "Due" });
  await expect(due).toContainText(`Pathology: ${aud(350)}, due`);
  await expect(due).toContainText("2026");

  // The chart's table says the same as the bars.
  const chartTable = usdCard.getByRole("table", { name: /by year/ });
  await expect(chartTable.getByRole("row", { name: /^2025/ })).toContainText(usd(12300.5));

  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "costs", { bothSchemes: true, slices: true });

  // Paid today: no longer due.
  await page.getByRole("button", { name: `Mark Pathology, ${aud(350)} as paid today` }).click();
  await expect(page.getByText("Marked as paid.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Due" })).toHaveCount(0);
  await expect(figure(page, "AUD", "Everything so far", "Still due")).toHaveCount(0);

  // Changed: the legal advice was 500. Then removed: the totals follow.
  const legal = page.getByRole("listitem").filter({ hasText: "Legal advice" });
  await legal.getByRole("button", { name: /^Change Legal advice/ }).click();
  await page.locator("form.cost-form").getByLabel("Amount", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Save the change" }).click();
  await expect(page.getByText("Cost changed.")).toBeVisible();
  await expect(figure(page, "USD", "This year (2026)", "Total")).toHaveText(usd(500));
  await page.getByRole("button", { name: /^Remove Legal advice/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Cost removed.")).toBeVisible();
  await expect(figure(page, "USD", "Everything so far", "Total")).toHaveText(usd(12300.5));
});

test("a bad amount is refused in words beside it, and nothing is saved", async ({ page }) => {
  await openCosts(page);
  await page.getByRole("button", { name: "Add a cost" }).click();
  const form = page.locator("form.cost-form");
  const before = await storedEvents(page);
  const amount = form.getByLabel("Amount", { exact: true });
  for (const [typed, words] of [
    ["twelve", "Write the amount as a number, like 1250 or 1250.50."],
    ["-40", "Write the amount as a number, like 1250 or 1250.50."],
    ["", "This is needed."],
    ["999999999", "That is more than one cost could be. Check the amount."],
  ] as const) {
    await fillCost(form, { description: "Clinic invoice", amount: typed, date: "2026-03-02" });
    await form.getByRole("button", { name: "Save the cost" }).click();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expect(form.getByText(words)).toBeVisible();
  }
  // Cents the currency does not have, and coverage above the amount: the record says no, in words.
  await fillCost(form, { description: "Clinic invoice", amount: "12.345", date: "2026-03-02" });
  await form.getByRole("button", { name: "Save the cost" }).click();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  const decimals = await form.locator(".error").first().innerText();
  expect(decimals).toMatch(/decimal|cent/i);
  expect(decimals).not.toMatch(/payload|amount\.value|expected/);
  await fillCost(form, {
    description: "Clinic invoice",
    amount: "100",
    date: "2026-03-02",
    coverage: [{ kind: "Insurance", value: "150" }],
  });
  await form.getByRole("button", { name: "Save the cost" }).click();
  await expect(form.locator(".error").first()).toBeVisible();
  expect(await form.locator(".error").first().innerText()).not.toMatch(/payload|coverage\./);
  expect(await storedEvents(page)).toBe(before);
  await expect(page.getByRole("article", { name: /^In / })).toHaveCount(1);
  await expect(figure(page, "USD", "Everything so far", "Total")).toHaveText(usd(600));
});

test("a receipt photo attaches without its metadata and opens full size", async ({ page }) => {
  const names = await openCosts(page);
  await page.getByRole("button", { name: "Add a cost" }).click();
  const form = page.locator("form.cost-form");
  await fillCost(form, {
    description: "Pharmacy bill",
    amount: "612.80",
    currency: "USD",
    category: "Medication",
    date: "2026-03-18",
    cycle: names.fet,
  });
  const photo = phonePhoto(2400, 1800);
  await form.getByLabel("Receipt (optional)").setInputFiles({
    name: "receipt.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from(photo),
  });
  await expect(form.getByText(/Receipt attached/)).toBeVisible();
  await form.getByRole("button", { name: "Save the cost" }).click();
  await expect(page.getByText("Cost saved.")).toBeVisible();

  // Kept sealed on the device: no GPS, no camera, not even the JPEG's markers in clear.
  const kept = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("trellis-attachments");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("sealed").objectStore("sealed").getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as Uint8Array[]).map((b) =>
                Array.from(b.subarray(0, 4096), (x) => String.fromCharCode(x)).join(""),
              ),
            );
        };
      }),
  );
  expect(kept).toHaveLength(1);
  expect(kept[0]).not.toContain("TrellisCam");
  expect(kept[0]).not.toContain("Exif");

  await page.getByRole("button", { name: /^View the receipt for Pharmacy bill/ }).click();
  const dialog = page.getByRole("dialog", { name: /Receipt: Pharmacy bill/ });
  const image = dialog.getByRole("img", { name: /Receipt for Pharmacy bill/ });
  await expect(image).toBeVisible();
  const size = await image.evaluate((img: HTMLImageElement) => [
    img.naturalWidth,
    img.naturalHeight,
  ]);
  expect(size).toEqual([1600, 1200]);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();

  // Removing the cost deletes the receipt from the device.
  await page.getByRole("button", { name: /^Remove Pharmacy bill/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Cost removed.")).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open("trellis-attachments");
            open.onsuccess = () => {
              const n = open.result.transaction("sealed").objectStore("sealed").count();
              n.onsuccess = () => resolve(n.result);
            };
          }),
      ),
    )
    .toBe(0);
});

test("a cost can be added with the keyboard alone", async ({ page }) => {
  await openCosts(page);
  const add = page.getByRole("button", { name: "Add a cost" });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if (await add.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(add).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What it was for")).toBeFocused();
  await page.keyboard.type("Blood tests");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Amount", { exact: true })).toBeFocused();
  await page.keyboard.type("185");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Currency")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Kind of cost")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Kind of cost")).toHaveValue("monitoring");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Cost saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 4, name: "Blood tests" })).toBeVisible();
  await expect(figure(page, "USD", "Everything so far", "Total")).toHaveText(usd(185 + 600));
});

for (const scheme of ["light", "dark"] as const) {
  test(`the Costs screen and its form pass axe in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const names = await openCosts(page);
    await expectNoAxeViolations(page, `costs, empty (${scheme})`);
    await addCost(page, {
      description: "Clinic invoice",
      amount: "2400",
      currency: "USD",
      date: "2026-02-02",
      cycle: names.fet,
      due: { on: "2026-04-01" },
      coverage: [{ kind: "Grant", source: "Baby Quest", value: "1000" }],
    });
    await page.getByRole("button", { name: "Add a cost" }).click();
    await page.locator("form.cost-form").getByRole("button", { name: "Save the cost" }).click();
    await expect(page.getByText("This is needed.").first()).toBeVisible();
    await expectNoAxeViolations(page, `costs with a form in error (${scheme})`);
  });
}

test("a cost due soon is on Today with its amount and date, until it is paid", async ({ page }) => {
  // Five days before the pathology bill is due; its reminder is seven days before.
  await page.clock.install({ time: new Date("2026-04-10T09:00:00-04:00") });
  await restore(page, mayaForCosts({ withCosts: true }).file);
  const card = page.getByRole("region", { name: "Payment due" });
  await expect(card).toContainText(`Pathology: ${aud(350)}, due Wed, Apr 15, 2026`);
  await expectNoAxeViolations(page, "today with a cost due");
  await card.getByRole("button", { name: `Mark Pathology, ${aud(350)} as paid today` }).click();
  await expect(page.getByText("Marked as paid.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Payment due" })).toHaveCount(0);
  await page.goto("/costs");
  await expect(page.getByRole("region", { name: "Due" })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Pathology" })).toContainText(
    "Paid Fri, Apr 10, 2026",
  );
});
