/**
 * The circle screens for everyone: axe in light and dark at phone width on
 * each (the section with and without an account, a circle's page with
 * someone waiting, writing a post with a photo, the join page, the wait,
 * the reader's home), the keyboard alone setting a status and sending a
 * post, and pictures to look at when `TRELLIS_SHOTS` names a folder.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { phonePhoto } from "../../../packages/client/src/attachments/testing.ts";
import { mayaWithTonightsDose, ownerWithAccount } from "./account-helpers.ts";
import { inviteLink, letIn, makeCircle, TEMPLATES } from "./circles-helpers.ts";
import { expectAxeBothSchemes, openFromMore, phone, restore, shot } from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

/** Presses Tab until the focused element is `target` (at most `limit` times). */
async function tabTo(page: Page, target: import("@playwright/test").Locator, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("Tab never reached the element");
}

test("without an account, the circle section says what circles need and links to the account screen", async ({
  page,
}) => {
  await restore(page, mayaWithTonightsDose().file);
  await openFromMore(page, "Circle");
  await expect(page).toHaveURL(/\/circle$/);
  await expect(page.getByRole("heading", { level: 1, name: "Circle" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Circles need an account" })).toBeVisible();
  await expect(page.getByText("Not built yet")).toHaveCount(0);
  await expect(page.getByText(/Your record stays private/)).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/account\/create$/);
  await page.goto("/circle");
  await expect(page.getByRole("heading", { name: "Circles need an account" })).toBeVisible();
  await expectAxeBothSchemes(page, "circle section without an account");
  await shot(page, "circle-no-account", { bothSchemes: true });
});

test("every circle screen passes axe in light and dark, and works from the keyboard", async ({
  page: maya,
  browser,
}) => {
  test.setTimeout(240_000);
  await ownerWithAccount(
    maya,
    mayaWithTonightsDose().file,
    join(tmpdir(), `look-${Date.now()}.json`),
  );
  await makeCircle(maya, "Parents");
  const link = await inviteLink(maya);
  const circlePage = new URL(maya.url()).pathname;

  // The reader's join page and the wait.
  const mother = await phone(browser);
  await mother.goto(link);
  await expect(
    mother.getByRole("heading", { level: 1, name: "You've been invited" }),
  ).toBeVisible();
  await expectAxeBothSchemes(mother, "join page");
  await shot(mother, "circle-join", { bothSchemes: true });
  await mother.getByRole("radio", { name: /^Make a reader account/ }).check();
  await expect(mother.getByRole("textbox", { name: "Password" })).toBeVisible();
  await expectAxeBothSchemes(mother, "join page, reader account");
  await mother.getByRole("radio", { name: /^Read on this device only/ }).check();
  // Joined from the keyboard.
  await tabTo(mother, mother.getByRole("button", { name: "Join", exact: true }));
  await mother.keyboard.press("Enter");
  await expect(mother.getByRole("heading", { name: "Waiting to be let in" })).toBeVisible({
    timeout: 15_000,
  });
  await mother.getByText("Compare a safety code (optional)").click();
  await expect(mother.locator("p.safety-code")).toHaveText(/^(\d{5}\s*){6}$/, { timeout: 15_000 });
  await expectAxeBothSchemes(mother, "waiting to be let in");
  await shot(mother, "circle-waiting", { bothSchemes: true });

  // Maya's circle page with someone waiting.
  await maya.goto(circlePage);
  await expect(maya.getByRole("heading", { name: "Waiting to be let in" })).toBeVisible({
    timeout: 15_000,
  });
  await maya.getByText("Compare a safety code (optional)").click();
  await expect(maya.locator("p.safety-code")).toHaveText(/^(\d{5}\s*){6}$/, { timeout: 15_000 });
  await expectAxeBothSchemes(maya, "a circle's page, someone waiting");
  await shot(maya, "circle-owner-waiting", { bothSchemes: true, slices: true });
  await letIn(maya, "Mum");

  // The status from the keyboard: one key on a template.
  const template = maya.getByRole("button", { name: TEMPLATES.inTreatment, exact: true });
  await template.focus();
  await maya.keyboard.press("Enter");
  await expect(template).toHaveAttribute("aria-pressed", "true", { timeout: 15_000 });
  await expect(maya.locator(".circle-status-text")).toHaveText(TEMPLATES.inTreatment);

  // Writing a post from the keyboard, with a photo.
  await maya.goto("/circle/post");
  const parents = maya.getByRole("checkbox", { name: "Parents" });
  await tabTo(maya, parents);
  await maya.keyboard.press("Space");
  await expect(parents).toBeChecked();
  await maya.keyboard.press("Tab");
  await maya.keyboard.type("Home from the clinic, resting.");
  await maya.getByLabel("Add a photo").setInputFiles({
    name: "IMG_2042.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from(phonePhoto(1200, 1600)),
  });
  await expect(maya.getByText("The photo as it will be sent (1200 × 1600 pixels)")).toBeVisible();
  await maya.getByLabel("Describe the photo (optional)").fill("A cup of tea on the windowsill");
  const replies = maya.getByRole("switch", { name: "Allow replies" });
  await expect(replies).toHaveAttribute("aria-checked", "false");
  await replies.focus();
  await maya.keyboard.press("Space");
  await expect(replies).toHaveAttribute("aria-checked", "true");
  await expectAxeBothSchemes(maya, "writing a post");
  await shot(maya, "circle-compose", { bothSchemes: true, slices: true });
  await maya.getByRole("button", { name: "Send", exact: true }).focus();
  await maya.keyboard.press("Enter");
  await expect(maya.getByRole("heading", { level: 1, name: "Parents" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(maya.getByRole("img", { name: "A cup of tea on the windowsill" })).toBeVisible({
    timeout: 20_000,
  });
  await expectAxeBothSchemes(maya, "a circle's page with a post");
  await shot(maya, "circle-owner", { bothSchemes: true, slices: true });

  await maya.goto("/circle");
  await expect(maya.getByRole("link", { name: /^Parents/ })).toBeVisible();
  await expectAxeBothSchemes(maya, "the circle section");
  await shot(maya, "circle-section", { bothSchemes: true });

  // The reader's home: the status first, the post and its photo, a reply where allowed.
  await expect(mother.getByRole("heading", { level: 1, name: "Your circles" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(mother.getByRole("img", { name: "A cup of tea on the windowsill" })).toBeVisible({
    timeout: 20_000,
  });
  const reply = mother.getByLabel("Reply");
  await reply.focus();
  await mother.keyboard.type("Thinking of you. Rest well.");
  await mother.keyboard.press("Tab");
  await mother.keyboard.press("Enter");
  await expect(mother.getByText("Reply sent.")).toBeVisible({ timeout: 15_000 });
  await expectAxeBothSchemes(mother, "the reader's home");
  await shot(mother, "circle-reader", { bothSchemes: true, slices: true });
  await mother.context().close();
});
