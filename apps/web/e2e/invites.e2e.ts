import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  createAccount,
  expectSynced,
  makeAccount,
  openSettings,
  PASSWORD,
  signIn,
  syncLine,
  uniqueUsername,
  writeNoteHere,
} from "./account-helpers.ts";
import {
  expectAxeBothSchemes,
  expectNoAxeViolations,
  phone,
  setUpJourney,
  shot,
} from "./helpers.ts";

test.use({ timezoneId: "America/New_York" });

/** Maya starts her record and makes an account for it; her phone is in step with the server. */
async function mayaWithAccount(browser: Browser): Promise<{ page: Page; username: string }> {
  const page = await phone(browser);
  await setUpJourney(page);
  const { username } = await makeAccount(page);
  await expectSynced(page);
  return { page, username };
}

test("the owner sees an invite link listed, revokes it, and whoever opens the link is told it was withdrawn", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: maya } = await mayaWithAccount(browser);

  // Maya makes a link for her partner...
  await openSettings(maya);
  await maya.getByRole("link", { name: "Share with your partner" }).click();
  await maya.getByRole("button", { name: "Create an invite link" }).click();
  const link = await maya.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite#v=[0-9a-f-]{36}&i=[0-9a-f-]{36}&t=[\w-]+&o=[\w-]+$/);

  // ...and finds it among her invite links, working for a week.
  await maya.getByRole("link", { name: "Compare the safety code" }).click();
  await expect(maya.getByRole("heading", { level: 2, name: "Invite links" })).toBeVisible();
  const invites = maya.getByRole("region", { name: "Invite links" });
  const row = invites.getByRole("listitem", { name: "For a partner, who sees and adds entries" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Made \w{3}, \w{3} \d+, \d{4}, .+Works until \w{3}, /);
  await shot(maya, "sharing-invites");
  await expectAxeBothSchemes(maya, "members with an invite link");

  // She sent it to the wrong person. Revoking asks first; Escape leaves it as it was.
  const revoke = row.getByRole("button", { name: /^Revoke the invite link made / });
  await revoke.click();
  const dialog = maya.getByRole("dialog", { name: "Revoke this invite link?" });
  await expect(dialog).toBeVisible();
  await shot(maya, "sharing-invite-revoke");
  await expectNoAxeViolations(maya, "revoke an invite link");
  await maya.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Works until");

  await revoke.click();
  await dialog.getByRole("button", { name: "Revoke the link" }).click();
  await expect(maya.getByText("Invite link revoked. It no longer works.")).toBeVisible();
  await expect(row).toContainText("Revoked: the link no longer works");
  await expect(row).not.toContainText("Works until");
  await expect(row.getByRole("button")).toHaveCount(0);
  await shot(maya, "sharing-invite-revoked");
  await expectNoAxeViolations(maya, "members with a revoked invite link");

  // Whoever got the link makes an account, tries to join, and is told kindly.
  const stranger = await phone(browser);
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { name: "Join a shared record" })).toBeVisible();
  await createAccount(stranger, uniqueUsername("someone"));
  await stranger.getByRole("button", { name: "Join this record" }).click();
  await expect(stranger.getByRole("alert")).toHaveText(
    "The person who sent this invite link has withdrawn it, so it no longer works. If you were expecting to join, please ask them for a new one.",
  );
  await shot(stranger, "sharing-accept-revoked");
  await expectNoAxeViolations(stranger, "a revoked invite link");

  // Nobody joined Maya's record.
  await expect(maya.getByText("Nobody else shares this record yet.")).toBeVisible();
  for (const p of [maya, stranger]) await p.context().close();
});

const NEW_PASSWORD = "a new and longer password";

test("a phone whose sign-in ended says so, keeps what is written meanwhile, and sends it after signing in again", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page: maya, username } = await mayaWithAccount(browser);

  // On her laptop, Maya signs in and changes her password, signing her other devices
  // out: the phone's sign-in ends as when it ages out (it is not erased, as a device
  // signed out from the Devices list is: signed-out-elsewhere.e2e.ts).
  const laptop = await phone(browser);
  await signIn(laptop, username, "Laptop");
  await laptop.getByRole("link", { name: "Go to Today" }).click();
  await openSettings(laptop);
  await laptop.getByRole("link", { name: "Change password" }).click();
  await laptop.getByLabel("Your current password").fill(PASSWORD);
  await laptop.getByLabel("New password").fill(NEW_PASSWORD);
  await laptop.getByLabel("Password again").fill(NEW_PASSWORD);
  await laptop.getByLabel("Also sign out my other devices").check();
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("Your password is changed.")).toBeVisible({ timeout: 15_000 });

  // The phone keeps recording, and says honestly that nothing syncs until she signs in.
  await writeNoteHere(maya, "Written while the phone was signed out.");
  await expect(syncLine(maya)).toHaveText("Signed out on this device — sign in again to sync", {
    timeout: 15_000,
  });
  await openSettings(maya);
  await expect(maya.getByText("1 entry waits on this device to be synced.")).toBeVisible();
  await shot(maya, "account-sign-in-ended");
  await expectNoAxeViolations(maya, "settings after the sign-in ended");
  await maya.getByRole("link", { name: "Sign in again" }).click();

  // Only the password is asked for again.
  await expect(maya.getByLabel("Username")).toHaveValue(username);
  await shot(maya, "account-sign-in-again");
  await expectNoAxeViolations(maya, "signing in again");
  await maya.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await maya.getByRole("button", { name: "Sign in" }).click();
  await maya.getByRole("link", { name: "Go to Today" }).click();
  await expectSynced(maya);

  // What was written while signed out reaches the laptop.
  await laptop.goto("/journal");
  await expect(laptop.getByText("Written while the phone was signed out.")).toBeVisible({
    timeout: 15_000,
  });
  for (const p of [maya, laptop]) await p.context().close();
});
