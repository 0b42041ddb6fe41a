import { expect, test } from "@playwright/test";
import { setUpJourney, waitForServiceWorker, writeNote } from "./helpers.ts";

// The service worker is on here (opening with the network cut is the service worker's work); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

test("with the network cut after the first load, the app still opens and still saves", async ({
  page,
  context,
}) => {
  await setUpJourney(page);
  await waitForServiceWorker(page);
  await writeNote(page, "Written while online.");

  const notes = page.getByRole("region", { name: "Your notes" });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
  await expect(page.getByText("Written while online.")).toBeVisible();

  await page.getByLabel("New note").fill("Written on the plane, no signal.");
  await page.getByRole("button", { name: "Save note" }).click();
  // Saved means listed under "Your notes" (and the box emptied): the box itself
  // holds the same words until then, so a reload any sooner could beat the save.
  await expect(notes.getByText("Written on the plane, no signal.")).toBeVisible();
  await expect(page.getByLabel("New note")).toHaveValue("");

  await page.reload();
  await expect(notes.getByText("Written on the plane, no signal.")).toBeVisible();
  // A section opened for the first time offline still works (served by the service worker).
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await context.setOffline(false);
});
