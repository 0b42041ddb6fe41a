/**
 * Sharing a remembrance page with a circle is a choice (issue 16): a plain
 * link to the circles' compose screen, shown only on a device with an
 * account, and nothing is shared by having it. Without an account there is
 * no link at all.
 */
import { expect, type Page, test } from "@playwright/test";
import { ownerWithAccount } from "./account-helpers.ts";
import { recordOnDates } from "./fixtures.ts";
import { expectNoAxeViolations, phone, restore } from "./helpers.ts";

const ZONE = "America/New_York";
test.use({ timezoneId: ZONE });

/** Maya with one remembrance page, kept on her phone. */
function mayaWithAPage() {
  const { journeyCreated, rec, id, file } = recordOnDates("fixture16", 16, ZONE);
  journeyCreated("2026-01-05");
  const remembranceId = id("2026-03-01");
  rec(
    "RemembranceAdded",
    {
      remembranceId,
      name: "Little bean",
      date: "2026-02-20",
      place: "The maple in the garden",
      private: true,
    },
    "2026-03-01",
  );
  return { file: file("2026-03-01T20:00:00-05:00"), remembranceId };
}

async function openRemembrance(page: Page) {
  await page.goto("/remembrance");
  await expect(page.getByRole("heading", { name: "Little bean" })).toBeVisible();
}

test("no account: no share link; with an account: a plain link to the circles' compose screen", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const { file, remembranceId } = mayaWithAPage();

  await restore(page, file);
  await openRemembrance(page);
  await expect(page.getByText("Place: The maple in the garden")).toBeVisible();
  await expect(page.getByRole("link", { name: "Share with a circle…" })).toHaveCount(0);

  // The same record on a phone with an account.
  const withAccount = await phone(browser, ZONE);
  await ownerWithAccount(withAccount, file, testInfo.outputPath("maya.json"));
  await openRemembrance(withAccount);
  const share = withAccount.getByRole("link", { name: "Share with a circle…" });
  await expect(share).toHaveAttribute("href", `/circle/post?remembrance=${remembranceId}`);
  await expect(share).not.toHaveClass(/button/);
  await expect(
    withAccount.getByText(
      "Only if you want to. Nothing is shared until you choose a circle and send it.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(withAccount, "remembrance with an account");

  // Following it opens the compose screen with the page's words to change; nothing is sent.
  await share.click();
  await expect(withAccount).toHaveURL(new RegExp(`/circle/post\\?remembrance=${remembranceId}$`));
  const words = withAccount.getByRole("textbox", { name: "What would you like to say?" });
  await expect(words).toHaveValue(/Little bean/);
  await expect(words).toHaveValue(/The maple in the garden/);
});
