import { expect, test } from "@playwright/test";
import { makeAccount } from "./account-helpers.ts";
import { nav, openFromMore, restore, writeNote } from "./helpers.ts";
import { MARKER, recordWithMarkers } from "./lock-fixture.ts";
import {
  databaseNames,
  dumpStorage,
  expectLockScreen,
  foundIn,
  lockCard,
  secretForms,
  textForms,
  turnOnLock,
  unlock,
} from "./lock-helpers.ts";

// The service worker is on here (the lock test reads Cache Storage too, which the service worker fills); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

// WebAuthn refuses an IP address as the site: this file runs on localhost.
test.use({
  baseURL: `http://localhost:${process.env.TRELLIS_E2E_PORT}`,
  timezoneId: "America/New_York",
});

/** The account this device signed in to, as the plain database keeps it before the lock. */
async function storedAccount(page: import("@playwright/test").Page) {
  return page.evaluate(
    () =>
      new Promise<{ token: string; rootKey: string }>((resolve, reject) => {
        const open = indexedDB.open("trellis");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("meta").objectStore("meta").get("sync-account");
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

test("with the lock on, nothing the device keeps holds the record, the token or the root key; the passphrase and this device unlock it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await restore(page, recordWithMarkers().file);
  await writeNote(page, `${MARKER} typed note`);
  await makeAccount(page);
  const account = await storedAccount(page);
  expect(account.token.length).toBeGreaterThan(20);
  expect(account.rootKey.length).toBeGreaterThan(20);
  const secrets = {
    marker: textForms(MARKER),
    token: secretForms(account.token),
    rootKey: secretForms(account.rootKey),
  };
  // The dump finds them while the lock is off: it would see them if they stayed.
  const before = foundIn(await dumpStorage(page), secrets);
  expect(before).toEqual(expect.arrayContaining(["marker: text", "token: text", "rootKey: text"]));

  await turnOnLock(page);
  expect(await databaseNames(page)).not.toContain("trellis");
  const dump = await dumpStorage(page);
  expect(dump.length).toBeGreaterThan(10_000);
  expect(foundIn(dump, secrets)).toEqual([]);

  await page.reload();
  await expectLockScreen(page);
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  const text = await page.evaluate(() => document.documentElement.innerText);
  expect(html).not.toContain(MARKER);
  expect(text).not.toContain(MARKER);

  await unlock(page);
  await nav(page, "Journal");
  await expect(page.getByText(`${MARKER} typed note`)).toBeVisible();
  await expect(page.getByText(`${MARKER} journal`)).toBeVisible();

  // Unlock with this device: a virtual platform authenticator with PRF.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      ctap2Version: "ctap2_1",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
    },
  });
  await openFromMore(page, "Settings");
  await lockCard(page).getByRole("button", { name: "Add “Unlock with this device”" }).click();
  await expect(lockCard(page).getByText("This device can unlock Trellis too.")).toBeVisible();

  await page.reload();
  await expectLockScreen(page);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MARKER);
  await page.getByRole("button", { name: "Unlock with this device" }).click();
  await expect(page.getByRole("navigation")).toBeVisible();
  await nav(page, "Journal");
  await expect(page.getByText(`${MARKER} typed note`)).toBeVisible();
  // Still nothing readable at rest after all that.
  expect(foundIn(await dumpStorage(page), secrets)).toEqual([]);
});
