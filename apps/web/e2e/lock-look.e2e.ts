import { expect, test } from "@playwright/test";
import { openSettings } from "./account-helpers.ts";
import { expectAxeBothSchemes, restore, shot } from "./helpers.ts";
import { recordWithMarkers } from "./lock-fixture.ts";
import { expectLockScreen, lockCard, lockField, turnOnLock, unlock } from "./lock-helpers.ts";

test.use({ timezoneId: "America/New_York" });

test("the App lock card, off and on, and the lock screen, with a wrong try, pass axe in light and dark", async ({
  page,
}) => {
  await page.clock.install();
  await restore(page, recordWithMarkers().file);
  await openSettings(page);
  await lockCard(page).scrollIntoViewIfNeeded();
  await expectAxeBothSchemes(page, "Settings, lock off");
  await shot(page, "lock-card-off", { part: lockCard(page), bothSchemes: true });

  await turnOnLock(page, undefined, { lockAfter: "1 minute away" });
  await lockCard(page).getByText("Change the passphrase").click();
  await lockCard(page).getByText("Turn off the lock").first().click();
  await expectAxeBothSchemes(page, "Settings, lock on");
  await shot(page, "lock-card-on", { part: lockCard(page), bothSchemes: true });

  await page.reload();
  await expectLockScreen(page);
  await expectAxeBothSchemes(page, "lock screen");
  await shot(page, "lock-screen", { bothSchemes: true });
  for (let n = 1; n <= 5; n++) {
    await lockField(page).fill(`not it ${n}`);
    await page.getByRole("button", { name: "Unlock", exact: true }).click();
    await expect(lockField(page)).toHaveValue("");
  }
  await expect(page.getByRole("timer")).toBeVisible();
  await expectAxeBothSchemes(page, "lock screen, waiting");
  await shot(page, "lock-screen-wait", { bothSchemes: true });
  await page.clock.fastForward(2_000);
  await unlock(page);

  await page.getByRole("button", { name: "Quick exit" }).click();
  await expect(page.getByRole("button", { name: "Blank page" })).toBeVisible();
  await expectAxeBothSchemes(page, "quick exit's page");
  await shot(page, "lock-quick-exit", { bothSchemes: true });
});
