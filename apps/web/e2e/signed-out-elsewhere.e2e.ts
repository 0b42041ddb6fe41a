/**
 * "I lost my phone": a device signed out from another device of the account
 * erases what it held, at its next start (before its record is opened) and
 * also while it is running, and says so calmly. Each device is its own
 * browser context (its own IndexedDB).
 */
import { expect, type Page, test } from "@playwright/test";
import {
  expectSynced,
  mayaWithTonightsDose,
  openSettings,
  ownerWithAccount,
  signIn,
  writeNoteHere,
} from "./account-helpers.ts";
import { phone } from "./helpers.ts";
import { expectLockScreen, lockField, turnOnLock } from "./lock-helpers.ts";

const ERASED =
  "This device was signed out from another of your devices, so Trellis erased what it held here.";

/** The names of the Trellis databases this browser context holds. */
function trellisDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((d) => d.name ?? "")
      .filter((name) => name.startsWith("trellis"))
      .sort(),
  );
}

/**
 * Every record in every store of the plain database, as JSON text; "absent"
 * when there is no such database (looking never creates it).
 */
function plainDatabaseText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open("trellis");
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? resolve("absent") : reject(open.error));
        open.onsuccess = async () => {
          const db = open.result;
          const out: Record<string, unknown[]> = {};
          for (const name of Array.from(db.objectStoreNames)) {
            out[name] = await new Promise<unknown[]>((done) => {
              const all = db.transaction(name).objectStore(name).getAll();
              all.onsuccess = () => done(all.result);
            });
          }
          db.close();
          resolve(JSON.stringify(out));
        };
      }),
  );
}

/** Signs out the device named `name` from the Settings device list of `page`. */
async function signOutFromSettings(page: Page, name: string): Promise<void> {
  await openSettings(page);
  await page.getByRole("link", { name: "Devices" }).click();
  await expect(page.getByText(/^Signing a device out erases everything/)).toBeVisible();
  await page.getByRole("button", { name: `Sign out ${name} and erase what it holds` }).click();
  const dialog = page.getByRole("dialog", { name: `Sign out ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("it erases everything Trellis holds on it");
  await expect(dialog).toContainText("moved to a new key");
  await dialog.getByRole("button", { name: "Sign out and erase" }).click();
  await expect(page.getByText(`${name} is signed out.`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(name, { exact: true })).toHaveCount(0);
}

test("a device signed out from another one erases itself at its next start, and while running", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  // Device A: Maya's phone, with her record and the account.
  const a = await phone(browser);
  const { file } = mayaWithTonightsDose();
  const { username } = await ownerWithAccount(a, file, testInfo.outputPath("maya.json"));
  await writeNoteHere(a, "Written on the phone that gets lost.");
  await expectSynced(a);
  const contextA = a.context();
  expect(await trellisDatabases(a)).toEqual(["trellis", "trellis-lock", "trellis-signout"]);

  // Device B: her laptop.
  const b = await phone(browser);
  await signIn(b, username, "Laptop");
  await b.goto("/journal");
  await expect(b.getByText("Written on the phone that gets lost.")).toBeVisible();
  await expectSynced(b);

  // The phone is lost (closed); the laptop signs it out.
  await a.close();
  await signOutFromSettings(b, "My phone");

  // The phone's next start: the erased screen, and nothing of Trellis left in its storage.
  const again = await contextA.newPage();
  await again.goto("/");
  await expect(again.getByRole("heading", { name: "This device was signed out" })).toBeVisible({
    timeout: 15_000,
  });
  await expect(again.getByText(ERASED)).toBeVisible();
  await expect(again.getByText("Written on the phone that gets lost.")).toHaveCount(0);
  await expect(again.getByText(/Maya/)).toHaveCount(0);
  expect(await trellisDatabases(again)).toEqual([]);
  expect(await plainDatabaseText(again)).toBe("absent");

  // Starting again is a fresh device: set-up, no record.
  await again.getByRole("button", { name: "Start again" }).click();
  await expect(again.getByRole("link", { name: "Sign in" })).toBeVisible({ timeout: 15_000 });
  const fresh = await plainDatabaseText(again);
  expect(fresh).not.toContain("Written on the phone");
  expect(fresh).not.toContain("sync-account");
  expect(fresh).not.toContain(username);

  // The laptop's record is untouched.
  await b.goto("/journal");
  await expect(b.getByText("Written on the phone that gets lost.")).toBeVisible();

  // Running: a tablet, open while the laptop signs it out, learns it at its next call.
  const c = await phone(browser);
  await signIn(c, username, "Tablet");
  await c.goto("/journal");
  await expect(c.getByText("Written on the phone that gets lost.")).toBeVisible();
  await expectSynced(c);
  await signOutFromSettings(b, "Tablet");
  await c.getByLabel("New note").fill("Written after being signed out.");
  await c.getByRole("button", { name: "Save note" }).click();
  await expect(c.getByText(ERASED)).toBeVisible({ timeout: 15_000 });
  await expect(c.getByText("Written after being signed out.")).toHaveCount(0);
  await expect.poll(() => trellisDatabases(c), { timeout: 15_000 }).toEqual([]);

  for (const page of [again, b, c]) await page.context().close();
});

test("with the app lock on, a device signed out from elsewhere erases itself before asking for the passphrase", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const a = await phone(browser);
  const { file } = mayaWithTonightsDose();
  const { username } = await ownerWithAccount(a, file, testInfo.outputPath("maya.json"));
  await writeNoteHere(a, "Written on the locked phone.");
  await expectSynced(a);
  await turnOnLock(a);
  const contextA = a.context();
  expect(await trellisDatabases(a)).toEqual(["trellis-lock", "trellis-sealed", "trellis-signout"]);
  // Its next start, before being signed out, asks for the passphrase.
  await a.reload();
  await expectLockScreen(a);
  await a.close();

  const b = await phone(browser);
  await signIn(b, username, "Laptop");
  await expectSynced(b);
  await signOutFromSettings(b, "My phone");

  // Locked or not: the erased screen, no lock screen, and nothing of Trellis left.
  const again = await contextA.newPage();
  await again.goto("/");
  await expect(again.getByText(ERASED)).toBeVisible({ timeout: 15_000 });
  await expect(lockField(again)).toHaveCount(0);
  expect(await trellisDatabases(again)).toEqual([]);

  for (const page of [again, b]) await page.context().close();
});
