import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, nav, openFromMore, setUpJourney, writeNote } from "./helpers.ts";

/** Sections reached from "More" on a phone (the last to be built: none is "not built yet" now). */
const fromMore = [["Costs", "/costs"]] as const;

test("every section is reachable from the navigation, and none says it is not built", async ({
  page,
}) => {
  await setUpJourney(page);
  for (const [name, path] of fromMore) {
    await nav(page, "More");
    await expect(page.getByRole("heading", { level: 1, name: "All sections" })).toBeVisible();
    await page.getByRole("main").getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Not built yet" })).toHaveCount(0);
  }
  await openFromMore(page, "Settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
});

test("the app can be used with a keyboard alone", async ({ page }) => {
  await setUpJourney(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  // Tab through the navigation to Journal and open it with Enter.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press("Tab");
    if (
      await page
        .getByRole("link", { name: "Journal", exact: true })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await expect(
    page.getByRole("navigation").getByRole("link", { name: "Journal", exact: true }),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("New note")).toBeFocused();
  await page.keyboard.type("Typed without a mouse.");
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("checkbox", { name: "Keep this note on this device only" }),
  ).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save note" })).toBeFocused();
  await page.keyboard.press("Enter");
  // In the list of notes (the box it was typed in may still hold it for a moment while it clears).
  await expect(
    page.getByRole("region", { name: "Your notes" }).getByText("Typed without a mouse."),
  ).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`screens pass axe in ${scheme} mode at phone width`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
    await expectNoAxeViolations(page, "set-up");
    await page.getByRole("button", { name: "Start my record" }).click();
    await expect(page.getByText("This is needed.")).toBeVisible();
    await expectNoAxeViolations(page, "set-up with an error");

    await setUpJourney(page);
    await expectNoAxeViolations(page, "today");
    await writeNote(page, "A note for the checker.");
    await expectNoAxeViolations(page, "journal");
    await page.getByRole("button", { name: /^Delete note from/ }).click();
    await expect(page.getByText("Note deleted.")).toBeVisible();
    await expectNoAxeViolations(page, "journal with undo message");
    for (const path of ["/settings", "/more", "/odds"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, path);
    }
  });
}

test("the layout fits a 375 px phone without sideways scrolling", async ({ page }) => {
  await setUpJourney(page);
  await writeNote(
    page,
    "A long line without spaces: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  );
  for (const path of ["/", "/journal", "/settings", "/more", "/cycle"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  // Tap targets in the bottom bar are at least 44 px.
  const sizes = await page
    .getByRole("navigation")
    .getByRole("link")
    .evaluateAll((links) =>
      links
        .filter((l) => (l as HTMLElement).offsetParent !== null)
        .map((l) => l.getBoundingClientRect().height),
    );
  expect(sizes.length).toBe(5);
  for (const h of sizes) expect(h).toBeGreaterThanOrEqual(44);
});
