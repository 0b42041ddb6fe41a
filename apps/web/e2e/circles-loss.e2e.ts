/**
 * After a recorded loss, the circle section offers words Maya may send to
 * the circles she chooses, once: never while quiet mode is on, nothing
 * ticked for her, and, sent or declined, not again on this device.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { ownerWithAccount } from "./account-helpers.ts";
import { makeCircle } from "./circles-helpers.ts";
import { expectAxeBothSchemes, shot } from "./helpers.ts";
import { mayaAfterTransfer } from "./symptoms-fixture.ts";

test.use({ timezoneId: "America/New_York" });

const WORDS = "We lost our baby. We don't want to talk about it yet, but we wanted you to know.";

const offer = (page: Page) => page.getByRole("form", { name: "If you want to tell people" });

async function quietMode(page: Page, on: boolean): Promise<void> {
  await page.goto("/settings");
  const toggle = page.getByRole("switch", { name: "Quiet mode" });
  if ((await toggle.getAttribute("aria-checked")) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", String(on));
}

test("after a loss, words to send are offered once, never in quiet mode, and sent only to the circles ticked", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const file = mayaAfterTransfer({
    transferDaysAgo: 40,
    outcome: { kind: "miscarriage", daysAgo: 2 },
  });
  await ownerWithAccount(page, file, join(tmpdir(), `loss-${Date.now()}.json`));
  await makeCircle(page, "Close friends");
  await makeCircle(page, "Work");

  await page.goto("/circle");
  await expect(offer(page)).toBeVisible({ timeout: 15_000 });
  await expect(offer(page).getByLabel("Your words")).toHaveValue(WORDS);
  await expect(offer(page).getByRole("checkbox", { name: "Close friends" })).not.toBeChecked();
  await expect(offer(page).getByRole("checkbox", { name: "Work" })).not.toBeChecked();
  await expectAxeBothSchemes(page, "the offer after a loss");
  await shot(page, "circle-loss-offer", { bothSchemes: true });

  // Quiet mode pauses it.
  await quietMode(page, true);
  await page.goto("/circle");
  await expect(page.getByRole("link", { name: /^Close friends/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(offer(page)).toHaveCount(0);
  await quietMode(page, false);

  // Changed, and sent to Close friends only.
  await page.goto("/circle");
  await offer(page).getByLabel("Your words").fill(`${WORDS} Thank you for being there.`);
  await offer(page).getByRole("checkbox", { name: "Close friends" }).check();
  await offer(page).getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Sent. Nothing more will be asked.")).toBeVisible({
    timeout: 15_000,
  });
  await expect(offer(page)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("link", { name: /^Close friends/ })).toBeVisible({
    timeout: 15_000,
  });
  await expect(offer(page)).toHaveCount(0);
  await page.getByRole("link", { name: /^Close friends/ }).click();
  await expect(page.getByText(`${WORDS} Thank you for being there.`)).toBeVisible({
    timeout: 15_000,
  });
  await page.goto("/circle");
  await page.getByRole("link", { name: /^Work/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Work" })).toBeVisible();
  await expect(page.getByText("Nothing sent to this circle yet.")).toBeVisible({
    timeout: 15_000,
  });
});
