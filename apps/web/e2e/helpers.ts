import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const maya = {
  displayName: "Maya",
  dateOfBirth: "1985-11-30",
  homeZone: "America/New_York",
  partnerName: "Sam",
};

/** Goes through first-run set-up the way a person does, and lands on Today. */
export async function setUpJourney(page: Page, who = maya): Promise<void> {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  await page.getByLabel("What should Trellis call you?").fill(who.displayName);
  await page.getByLabel("Date of birth").fill(who.dateOfBirth);
  await page.getByLabel("Home time zone").selectOption(who.homeZone);
  await page.getByLabel("Partner's name").fill(who.partnerName);
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
}

export async function writeNote(page: Page, text: string): Promise<void> {
  await page.getByRole("navigation").getByRole("link", { name: "Journal", exact: true }).click();
  await page.getByLabel("New note").fill(text);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("list").getByText(text)).toBeVisible();
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
