import { expect, test } from "@playwright/test";
import { setUpJourney, waitForServiceWorker, writeNote } from "./helpers.ts";

test("with the network cut after the first load, the app still opens and still saves", async ({
  page,
  context,
}) => {
  await setUpJourney(page);
  await waitForServiceWorker(page);
  await writeNote(page, "Written while online.");

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
  await expect(page.getByText("Written while online.")).toBeVisible();

  await page.getByLabel("New note").fill("Written on the plane, no signal.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Written on the plane, no signal.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Written on the plane, no signal.")).toBeVisible();
  // A section opened for the first time offline still works (served by the service worker).
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await context.setOffline(false);
});
