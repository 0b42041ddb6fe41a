import { expect, test } from "@playwright/test";
import { nav, restore } from "./helpers.ts";
import { MARKER, recordWithMarkers } from "./lock-fixture.ts";
import { databaseNames, expectLockScreen, lockField, turnOnLock, unlock } from "./lock-helpers.ts";

test.use({ timezoneId: "America/New_York" });

const unlockButton = (page: import("@playwright/test").Page) =>
  page.getByRole("button", { name: "Unlock", exact: true });

async function wrongTry(page: import("@playwright/test").Page, n: number) {
  await lockField(page).fill(`not it ${n}`);
  await unlockButton(page).click();
  await expect(page.getByText("That did not open it. Please try again.")).toBeVisible();
  await expect(lockField(page)).toHaveValue("");
}

test("after four free tries the wait is said on screen and the button waits with it", async ({
  page,
}) => {
  await page.clock.install();
  await restore(page, recordWithMarkers().file);
  await turnOnLock(page);
  await page.reload();
  await expectLockScreen(page);
  for (let n = 1; n <= 4; n++) {
    await wrongTry(page, n);
    await expect(unlockButton(page)).toBeEnabled();
    await expect(page.getByRole("timer")).toHaveCount(0);
  }
  await wrongTry(page, 5);
  await expect(page.getByRole("timer")).toHaveText(/^You can try again in [12] seconds?\.$/);
  await expect(unlockButton(page)).toBeDisabled();
  // A reload does not forget the wait.
  await page.reload();
  await expect(unlockButton(page)).toBeDisabled();
  await page.clock.fastForward(2_000);
  await expect(unlockButton(page)).toBeEnabled();
  await expect(page.getByRole("timer")).toHaveCount(0);
  await unlock(page);
  await nav(page, "Journal");
  await expect(page.getByText(`${MARKER} journal`)).toBeVisible();
});

test("set to erase after 10 wrong tries, the tenth erases the record and says so calmly", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await restore(page, recordWithMarkers().file);
  await turnOnLock(page, undefined, { eraseAfter: "After 10 wrong tries in a row" });
  await page.reload();
  await expectLockScreen(page);
  for (let n = 1; n <= 9; n++) {
    await wrongTry(page, n);
    await expect(page.getByText(`${10 - n} more tr`)).toBeVisible();
    if (n >= 5) {
      await expect(unlockButton(page)).toBeDisabled();
      await page.clock.fastForward(2 ** (n - 4) * 1000);
    }
    await expect(unlockButton(page)).toBeEnabled();
  }
  await expect(page.getByText("1 more try before this device erases what it holds.")).toBeVisible();
  await lockField(page).fill("not it 10");
  await unlockButton(page).click();
  await expect(
    page.getByRole("heading", { name: "This device no longer holds your record" }),
  ).toBeVisible();
  await expect.poll(() => databaseNames(page)).toEqual([]);
  await page.getByRole("button", { name: "Start again" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Trellis" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.innerText)).not.toContain(MARKER);
});
