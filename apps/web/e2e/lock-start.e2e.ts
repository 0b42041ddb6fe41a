import { expect, test } from "@playwright/test";
import { maya, restore } from "./helpers.ts";
import { MARKER, recordWithMarkers } from "./lock-fixture.ts";
import { expectLockScreen, lockCard, PASSPHRASE, turnOnLock, unlock } from "./lock-helpers.ts";

test.use({ timezoneId: "America/New_York" });

test("set-up offers the lock, and a record begun behind it opens only with the passphrase", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  const offer = page.locator("details", { hasText: "Lock Trellis on this device (optional)" });
  await offer.locator("summary").click();
  await offer.getByLabel("Passphrase or PIN").fill(PASSPHRASE);
  await offer.getByLabel("The same again").fill(PASSPHRASE);
  await offer.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByText("The lock is on: Trellis will ask")).toBeVisible();
  await page.getByLabel("What should Trellis call you?").fill(`${MARKER} set-up`);
  await page.getByLabel("Date of birth").fill(maya.dateOfBirth);
  await page.getByLabel("Home time zone").selectOption(maya.homeZone);
  await page.getByRole("button", { name: "Start my record" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await page.reload();
  await expectLockScreen(page);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MARKER);
  await unlock(page);
  await expect(page.getByText(`${MARKER} set-up`).first()).toBeVisible();
});

test("another tab follows the lock: locked when it is turned on here, open when it is turned off", async ({
  page,
  context,
}) => {
  await restore(page, recordWithMarkers().file);
  const other = await context.newPage();
  await other.goto("/journal");
  await expect(other.getByText(`${MARKER} journal`)).toBeVisible();

  await turnOnLock(page);
  await expectLockScreen(other);
  await unlock(other);
  await expect(other.getByText(`${MARKER} journal`)).toBeVisible();

  const card = lockCard(page);
  await card.locator("summary", { hasText: "Turn off the lock" }).click();
  await card.getByLabel("Passphrase or PIN", { exact: true }).fill(PASSPHRASE);
  await card.getByRole("button", { name: "Turn off the lock" }).click();
  await expect(card.getByText("Off. With the lock on")).toBeVisible();
  // The other tab reloads into the record, with no lock screen on the way.
  await expect(other.getByText(`${MARKER} journal`)).toBeVisible();
  await other.reload();
  await expect(other.getByText(`${MARKER} journal`)).toBeVisible();
  await expect(other.getByRole("button", { name: "Unlock", exact: true })).toHaveCount(0);
});
