import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";

/**
 * What every browser test shares: getting a record onto the page (set-up or a
 * restored export), moving about, axe in both colour schemes, and the
 * pictures taken when `TRELLIS_SHOTS` names a folder.
 */

export const maya = {
  displayName: "Maya",
  dateOfBirth: "1985-11-30",
  homeZone: "America/New_York",
  partnerName: "Sam",
};

const welcome = (page: Page) => page.getByRole("heading", { name: "Welcome to Trellis" });
const today = (page: Page) => page.getByRole("heading", { level: 1, name: "Today" });

/** Goes through first-run set-up the way a person does, and lands on Today. */
export async function setUpJourney(page: Page, who = maya): Promise<void> {
  await page.goto("/");
  await expect(welcome(page)).toBeVisible();
  await page.getByLabel("What should Trellis call you?").fill(who.displayName);
  await page.getByLabel("Date of birth").fill(who.dateOfBirth);
  await page.getByLabel("Home time zone").selectOption(who.homeZone);
  await page.getByLabel("Partner's name").fill(who.partnerName);
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(today(page)).toBeVisible();
}

/**
 * Restores a record through set-up, as someone moving from another device
 * does, and lands on Today: an export (the object, sent as a file) or the
 * path of an export file on disk.
 */
export async function restore(page: Page, file: object | string): Promise<void> {
  await page.goto("/");
  await expect(welcome(page)).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles(
    typeof file === "string"
      ? file
      : {
          name: "trellis-export.json",
          mimeType: "application/json",
          buffer: Buffer.from(JSON.stringify(file)),
        },
  );
  await expect(today(page)).toBeVisible();
}

/** A phone of its own: a separate browser profile, as a second person's phone is. */
export async function phone(browser: Browser, timezoneId = maya.homeZone): Promise<Page> {
  const context = await browser.newContext({
    timezoneId,
    viewport: { width: 375, height: 812 },
    hasTouch: true,
  });
  return context.newPage();
}

/** Follows a link in the navigation bar ("Today", "Cycle", "Journal", "More"...). */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
}

/** Opens a section listed under "More" ("Odds", "Settings", "Transfers & outcomes"...). */
export async function openFromMore(page: Page, name: string): Promise<void> {
  await nav(page, "More");
  await page.getByRole("main").getByRole("link", { name }).click();
}

export async function writeNote(page: Page, text: string): Promise<void> {
  await nav(page, "Journal");
  await page.getByLabel("New note").fill(text);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("list").getByText(text)).toBeVisible();
}

/** Opens "How do you feel?" from Today: the check's region. */
export async function openCheck(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: "Check in" }).click();
  const check = page.getByRole("region", { name: "How do you feel?" });
  await expect(check.getByRole("button", { name: "Save how I feel" })).toBeVisible();
  return check;
}

/** Picks one answer in each named question of the check: `{ Mood: "Low" }`. */
export async function choose(check: Locator, answers: Record<string, string>): Promise<void> {
  for (const [question, answer] of Object.entries(answers))
    await check
      .getByRole("group", { name: question })
      .getByRole("radio", { name: answer, exact: true })
      .check();
}

/** Waits until the service worker controls the page, so a reload can be served offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), {
          once: true,
        }),
      );
    }
  });
}

export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

type Scheme = "light" | "dark";
const schemes = ["light", "dark"] as const;

/** The colour scheme the page is in now, so a detour through both can put it back. */
async function schemeOf(page: Page): Promise<Scheme> {
  const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
  return dark ? "dark" : "light";
}

/** Runs `look` in light and then in dark, and leaves the page in the scheme it was in. */
async function inBothSchemes(page: Page, look: (scheme: Scheme) => Promise<void>): Promise<void> {
  const was = await schemeOf(page);
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    await look(colorScheme);
  }
  await page.emulateMedia({ colorScheme: was });
}

/** axe in light and in dark, at the phone width the config sets (375 px). */
export async function expectAxeBothSchemes(page: Page, label: string): Promise<void> {
  expect(page.viewportSize()?.width).toBe(375);
  await inBothSchemes(page, (scheme) => expectNoAxeViolations(page, `${label} (${scheme})`));
}

const shots = process.env.TRELLIS_SHOTS;
/** The height of a slice: about one phone screen. */
const SLICE = 800;

export interface ShotOptions {
  /** One part of the page (a chart, a card, a form) instead of the whole page. */
  readonly part?: Locator;
  /** Light and dark, as `<name>-light.png` and `<name>-dark.png`; else the scheme the page is in. */
  readonly bothSchemes?: boolean;
  /** The whole page in screen-high slices as well (`<name>-1.png`...), easier to look at closely. */
  readonly slices?: boolean;
}

/**
 * With `TRELLIS_SHOTS` set to a folder, pictures of the page to look at,
 * once its charts have loaded; without it, nothing.
 */
export async function shot(page: Page, name: string, options: ShotOptions = {}): Promise<void> {
  if (!shots) return;
  await expect(page.locator(".chart-loading")).toHaveCount(0);
  if (options.bothSchemes)
    await inBothSchemes(page, (scheme) => picture(page, `${name}-${scheme}`, options));
  else await picture(page, name, options);
}

async function picture(page: Page, name: string, { part, slices }: ShotOptions): Promise<void> {
  if (part) {
    await part.screenshot({ path: `${shots}/${name}.png` });
    return;
  }
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  if (!slices) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const { width } = page.viewportSize()!;
  for (let y = 0, i = 1; y < height; y += SLICE, i++) {
    await page.screenshot({
      path: `${shots}/${name}-${i}.png`,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(SLICE, height - y) },
    });
  }
}
