import { expect, type Page, test } from "@playwright/test";
import { Temporal } from "@trellis/domain";
import {
  createAccount,
  expectSynced,
  makeAccount,
  mayaWithTonightsDose,
  openSettings,
  ownerWithAccount,
  PASSWORD,
  safetyCodeOn,
  signIn,
  syncLine,
  uniqueUsername,
  writeNoteHere,
} from "./account-helpers.ts";
import { expectNoAxeViolations, nav, phone, shot } from "./helpers.ts";

// The service worker is on here (after the flight the app opens pages with the network cut); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

const ZONE = "America/New_York";
test.use({ timezoneId: ZONE });

async function goTo(page: Page, section: "Today" | "Journal") {
  await nav(page, section);
  await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
}

test("a partner joins by link and safety code; both log doses and notes live, and converge after a flight", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const maya = await phone(browser);
  const sam = await phone(browser);
  const { file, medicine } = mayaWithTonightsDose();
  await ownerWithAccount(maya, file, testInfo.outputPath("maya.json"));

  // Maya invites Sam as a partner.
  await maya.getByRole("link", { name: "Back to Settings" }).click();
  await maya.getByRole("link", { name: "Share with your partner" }).click();
  await expect(maya.getByRole("radio", { name: /See and add entries/ })).toBeChecked();
  await maya.getByRole("button", { name: "Create an invite link" }).click();
  const link = await maya.getByRole("textbox", { name: "Invite link" }).inputValue();
  expect(link).toMatch(/\/invite#v=[0-9a-f-]{36}&i=[0-9a-f-]{36}&t=[\w-]+&o=[\w-]+$/);
  await shot(maya, "sharing-invite");
  await expectNoAxeViolations(maya, "invite");
  await maya.getByRole("link", { name: "Compare the safety code" }).click();
  await expect(maya.getByText("Nobody else shares this record yet.")).toBeVisible();

  // Sam opens the link on his phone, makes an account, and joins.
  await sam.goto(link);
  await expect(sam.getByRole("heading", { name: "Join a shared record" })).toBeVisible();
  await shot(sam, "sharing-accept");
  await expectNoAxeViolations(sam, "accept an invite");
  await createAccount(sam, uniqueUsername("sam"));
  await sam.getByRole("button", { name: "Join this record" }).click();
  await expect(sam.getByRole("heading", { name: "Compare the safety code" })).toBeVisible();
  const samsCode = await safetyCodeOn(sam);
  await shot(sam, "sharing-code-partner");

  // Maya sees him waiting, with the same code; they match, so she shares.
  await expect(maya.getByText("Waiting for you to compare the safety code")).toBeVisible({
    timeout: 10_000,
  });
  expect(await safetyCodeOn(maya)).toBe(samsCode);
  await shot(maya, "sharing-members-pending");
  await expectNoAxeViolations(maya, "members with someone waiting");
  await maya.getByRole("button", { name: "The codes match — share" }).click();
  await expect(maya.getByText("Shared. They will see the record in a moment.")).toBeVisible();

  await expect(sam.getByRole("heading", { name: "You're in" })).toBeVisible({ timeout: 15_000 });
  await sam.getByRole("link", { name: "Go to Today" }).click();
  // Sam's phone greets Sam, not the person whose record it is.
  await expect(sam.getByText("Hello, Sam.")).toBeVisible();
  await expect(sam.getByText("Hello, Maya.")).toHaveCount(0);
  await expectSynced(sam);

  // Sam gives tonight's injection; Maya's phone shows it within seconds.
  await goTo(maya, "Today");
  const logButton = (page: Page) =>
    page.getByRole("button", { name: new RegExp(`^Log ${medicine} .* as taken now$`) });
  await expect(logButton(maya)).toBeVisible();
  await logButton(sam).click();
  await expect(sam.getByText(new RegExp(`^Logged ${medicine} at`))).toBeVisible();
  await expect(maya.getByText(/^Taken at/)).toBeVisible({ timeout: 5_000 });
  await expect(logButton(maya)).toHaveCount(0);
  // Maya sees who gave it; Sam's own phone does not tell him he did.
  await expect(maya.getByText(/^Taken at .* · logged by Sam$/)).toBeVisible();
  await expect(sam.getByText(/logged by/)).toHaveCount(0);

  // Notes both ways.
  await goTo(maya, "Journal");
  await goTo(sam, "Journal");
  await writeNoteHere(sam, "Sam mixed the powder and gave the 8 pm shot.");
  await expect(maya.getByText("Sam mixed the powder and gave the 8 pm shot.")).toBeVisible({
    timeout: 5_000,
  });
  await expect(
    maya
      .getByRole("listitem")
      .filter({ hasText: "Sam mixed the powder" })
      .getByText("logged by Sam", { exact: false }),
  ).toBeVisible();
  await writeNoteHere(maya, "Thank you for tonight.");
  await expect(sam.getByText("Thank you for tonight.")).toBeVisible({ timeout: 5_000 });

  // Sam keeps one note to himself: it stays on his phone, marked so, and never reaches Maya.
  await sam.getByLabel("New note").fill("I was scared tonight. Not telling her yet.");
  await sam.getByRole("checkbox", { name: "Keep this note on this device only" }).check();
  await sam.getByRole("button", { name: "Save note" }).click();
  const samsOwn = sam.getByRole("listitem").filter({ hasText: "I was scared tonight." });
  await expect(samsOwn.getByText("only on this device")).toBeVisible();
  await writeNoteHere(sam, "Pharmacy delivery comes Tuesday.");
  await expect(maya.getByText("Pharmacy delivery comes Tuesday.")).toBeVisible({ timeout: 5_000 });
  await expect(maya.getByText("I was scared tonight.", { exact: false })).toHaveCount(0);

  // Sam flies: he keeps writing offline; Maya writes meanwhile.
  await sam.context().setOffline(true);
  await writeNoteHere(sam, "Written on the plane.");
  await expect(syncLine(sam)).toContainText("Offline", { timeout: 10_000 });
  await shot(sam, "sync-offline");
  await writeNoteHere(maya, "Clinic called: scan moved to Thursday.");
  await expectSynced(maya);
  await expect(sam.getByText("Clinic called: scan moved to Thursday.")).toHaveCount(0);

  // Landing: everything arrives on both phones, once.
  await sam.context().setOffline(false);
  await expect(maya.getByText("Written on the plane.")).toBeVisible({ timeout: 15_000 });
  await expect(sam.getByText("Clinic called: scan moved to Thursday.")).toBeVisible({
    timeout: 15_000,
  });
  await expectSynced(sam);
  await expectSynced(maya);
  for (const [page, notes] of [
    [maya, "5 notes"],
    [sam, "6 notes"],
  ] as const) {
    await page.reload();
    await expect(page.getByText(notes)).toBeVisible();
    await expect(page.getByText("Written on the plane.")).toHaveCount(1);
  }
  await expect(maya.getByText("I was scared tonight.", { exact: false })).toHaveCount(0);

  // Maya stops sharing: Sam sees nothing new from then on.
  await openSettings(maya);
  await maya.getByRole("link", { name: "People sharing this record" }).click();
  await maya.getByRole("button", { name: /^Remove the Partner who joined/ }).click();
  await maya.getByRole("dialog").getByRole("button", { name: "Stop sharing" }).click();
  await expect(maya.getByText("Sharing stopped. New entries use a new key.")).toBeVisible();
  await expect(maya.getByText("Nobody else shares this record yet.")).toBeVisible();
  await writeNoteHere(maya, "Private again after removal.");
  await expectSynced(maya);
  await expect(syncLine(sam)).toHaveText("This record is no longer shared with you", {
    timeout: 30_000,
  });
  await expect(sam.getByText("Private again after removal.")).toHaveCount(0);
  await sam.context().close();
  await maya.context().close();
});

test("a second device signs in and the record appears; the recovery key brings it back after a forgotten password", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const phoneOne = await phone(browser);
  const { file } = mayaWithTonightsDose();
  const { username, key } = await ownerWithAccount(phoneOne, file, testInfo.outputPath("m.json"));
  await shot(phoneOne, "account-created");
  await writeNoteHere(phoneOne, "Egg retrieval is booked for Monday.");
  await expectSynced(phoneOne);

  // A laptop: set-up offers to sign in instead.
  const laptop = await phone(browser);
  await laptop.goto("/");
  await laptop.getByRole("link", { name: "Sign in" }).click();
  await expect(laptop.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await shot(laptop, "account-sign-in");
  await expectNoAxeViolations(laptop, "sign in");
  await laptop.getByLabel("Username").fill(username);
  await laptop.getByLabel("Password", { exact: true }).fill("not the password");
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByRole("alert")).toHaveText(
    "That username and password don't match. Please check both.",
  );
  await laptop.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await laptop.getByRole("button", { name: "Sign in" }).click();
  await expect(laptop.getByRole("link", { name: "Go to Today" })).toBeVisible({ timeout: 15_000 });
  await laptop.getByRole("link", { name: "Go to Today" }).click();
  await expect(laptop.getByText("Hello, Maya.")).toBeVisible();
  await goTo(laptop, "Journal");
  await expect(laptop.getByText("Egg retrieval is booked for Monday.")).toBeVisible();
  await expectSynced(laptop);

  // Devices: both are listed.
  await openSettings(laptop);
  await laptop.getByRole("link", { name: "Devices" }).click();
  // The screen's code arrives on demand: wait for the screen, then read it.
  await expect(laptop.getByRole("heading", { level: 1, name: "Your devices" })).toBeVisible();
  await expect(laptop.getByText("This device")).toBeVisible();
  await expect(laptop.getByRole("button", { name: /^Sign out / })).toHaveCount(1);
  await shot(laptop, "account-devices");

  // Changing the password asks for the current one: a wrong one is said beside it, and
  // nothing changes; the right one changes it (a stolen sign-in alone could not).
  await openSettings(laptop);
  await laptop.getByRole("link", { name: "Change password" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Change password" })).toBeVisible();
  const current = laptop.getByLabel("Your current password");
  await current.fill("not the password at all");
  await laptop.getByLabel("New password").fill("an even longer new password");
  await laptop.getByLabel("Password again").fill("an even longer new password");
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(current).toHaveAccessibleDescription(
    /That is not your current password\. Please check it and try again\./,
  );
  await expect(laptop.getByText("Your password is changed.")).toHaveCount(0);
  await current.fill(PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("Your password is changed.")).toBeVisible({ timeout: 15_000 });

  // Password forgotten: a new phone uses the recovery key.
  const newPhone = await phone(browser);
  await newPhone.goto("/account/recover");
  await newPhone.getByLabel("Username").fill(username);
  await newPhone.getByLabel("Recovery key").fill(key.toLowerCase());
  await newPhone.getByLabel("New password").fill("a brand new long password");
  await newPhone.getByLabel("Password again").fill("a brand new long password");
  await shot(newPhone, "account-recover");
  await newPhone.getByRole("button", { name: "Set the new password and sign in" }).click();
  await expect(newPhone.getByRole("link", { name: "Go to Today" })).toBeVisible({
    timeout: 15_000,
  });
  await newPhone.goto("/journal");
  await expect(newPhone.getByText("Egg retrieval is booked for Monday.")).toBeVisible();

  // Recovery signed the other devices out; they say so, and keep what they have.
  await writeNoteHere(laptop, "Written on the laptop after the reset.");
  await expect(syncLine(laptop)).toHaveText("Signed out on this device — sign in again to sync", {
    timeout: 15_000,
  });
  for (const page of [phoneOne, laptop, newPhone]) await page.context().close();
});

test("a record kept before accounts existed opens unchanged, and goes to the server whole when an account is made", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await phone(browser);
  const { recorder } = mayaWithTonightsDose();
  const at = Date.now();
  recorder.record(
    "JournalNoteAdded",
    {
      noteId: recorder.newId(at),
      text: "Kept since the very first version.",
      writtenAt: Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(ZONE).toString(),
    },
    at,
  );
  // The first version's database: only `events` and `meta`, no outbox.
  await page.goto("/favicon.svg");
  await page.evaluate(async (events) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open("trellis", 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore("events", { keyPath: "id" });
        open.result.createObjectStore("meta");
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction(["events", "meta"], "readwrite");
        for (const e of events) tx.objectStore("events").put(e);
        tx.objectStore("meta").put("0123456789abcdef", "device");
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, recorder.events);

  await page.goto("/journal");
  await expect(page.getByText("Kept since the very first version.")).toBeVisible();
  await openSettings(page);
  await expect(page.getByText(/kept in this browser on this device \(4 entries\)/)).toBeVisible();
  const { username } = await makeAccount(page, "early");
  await expectSynced(page);

  const other = await phone(browser);
  await signIn(other, username);
  await openSettings(other);
  await expect(other.getByText(/kept in this browser on this device \(4 entries\)/)).toBeVisible();
  await other.goto("/journal");
  await expect(other.getByText("Kept since the very first version.")).toBeVisible();
  for (const p of [page, other]) await p.context().close();
});
