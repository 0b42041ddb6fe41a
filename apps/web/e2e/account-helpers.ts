import { writeFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { Recorder, Temporal } from "@trellis/domain";
import { eveningInjection, exportFile } from "./fixtures.ts";
import { maya, restore } from "./helpers.ts";

export const PASSWORD = "a long password for tests";

let counter = 0;
/** A username no other test (or earlier run on the same server) has used. */
export function uniqueUsername(base: string): string {
  counter += 1;
  return `${base}-${Date.now().toString(36)}-${counter}`;
}

/** Fills the create-account form, saves the recovery key, creates the account. */
export async function createAccount(page: Page, username: string): Promise<string> {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery key" })).toBeVisible();
  const key =
    (await page.getByRole("figure", { name: "Your recovery key" }).locator("p").textContent()) ??
    "";
  // Nothing is created until the key is saved.
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Please save the key first, then tick the box.")).toBeVisible();
  await page.getByLabel("I have saved my recovery key somewhere safe").check();
  await page.getByRole("button", { name: "Create my account" }).click();
  return key;
}

/** The one-line sync status at the top of every screen. */
export function syncLine(page: Page) {
  return page.locator(".sync-line [role=status]");
}

/** Waits until this device says everything is on the server. */
export async function expectSynced(page: Page): Promise<void> {
  await expect(syncLine(page)).toHaveText("Synced", { timeout: 15_000 });
}

/** The safety code as shown, e.g. "12345 67890 …". */
export async function safetyCodeOn(page: Page): Promise<string> {
  const code = page.getByRole("figure", { name: "Safety code" }).locator("p.safety-code");
  await expect(code).toHaveText(/^(\d{5}\s*){6}$/, { timeout: 15_000 });
  return ((await code.textContent()) ?? "").replace(/\s+/g, "");
}

/**
 * Maya's record as an export: her details, a cycle with one medicine planned
 * for this evening. `text` fills every free-text field (and the medicine's
 * name), so a test can look for it elsewhere.
 */
export function mayaWithTonightsDose(
  text: (field: string) => string | undefined = () => undefined,
) {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const r = new Recorder("fixture02", 7);
  const at = (days: number, time: string) =>
    today.add({ days }).toZonedDateTime({ timeZone: zone, plainTime: time });
  const created = at(-3, "20:00");
  r.record(
    "JourneyCreated",
    {
      ...maya,
      displayName: text("displayName") ?? maya.displayName,
      partnerName: text("partnerName") ?? maya.partnerName,
      createdAt: created.toString(),
    },
    created.epochMilliseconds,
  );
  const started = at(-1, "19:00");
  const cycleId = r.newId(started.epochMilliseconds);
  const clinic = text("clinic");
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: null,
      protocolName: text("protocolName") ?? "Our own plan",
      dayOne: "stim-day",
      startDate: today.toString(),
      zone,
      ...(clinic && { clinic }),
    },
    started.epochMilliseconds,
  );
  const planned = at(-1, "19:05");
  const planItemId = r.newId(planned.epochMilliseconds);
  const planNote = text("planNote");
  const medicine = text("medicine") ?? "Evening injection";
  r.record(
    "MedicationPlanned",
    eveningInjection({ cycleId, planItemId }, today.toString(), medicine, {
      ...(planNote && { note: planNote }),
    }),
    planned.epochMilliseconds,
  );
  return { file: exportFile(r, planned.toString()), medicine, cycleId, planItemId, recorder: r };
}

/**
 * From Settings, makes an account for the record on this device (a username
 * starting with `base`), and waits until it says the account is ready.
 */
export async function makeAccount(
  page: Page,
  base = "maya",
): Promise<{ username: string; key: string }> {
  await openSettings(page);
  await expect(page.getByRole("heading", { name: "Account and sync" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  const username = uniqueUsername(base);
  const key = await createAccount(page, username);
  await expect(page.getByRole("heading", { name: "Your account is ready" })).toBeVisible();
  return { username, key };
}

/**
 * The owner's phone: her record restored from an export (written to `path`
 * first), an account made for it, and everything on the server.
 */
export async function ownerWithAccount(
  page: Page,
  file: unknown,
  path: string,
): Promise<{ username: string; key: string }> {
  await writeFile(path, JSON.stringify(file));
  await restore(page, path);
  const account = await makeAccount(page);
  await expectSynced(page);
  return account;
}

/** Signs in to an existing account on another device, and waits to be let in. */
export async function signIn(page: Page, username: string, deviceName?: string): Promise<void> {
  await page.goto("/account/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  if (deviceName) await page.getByLabel("Name for this device").fill(deviceName);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Go to Today" })).toBeVisible({ timeout: 15_000 });
}

export async function openSettings(page: Page): Promise<void> {
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

export async function writeNoteHere(page: Page, text: string): Promise<void> {
  await page.goto("/journal");
  await page.getByLabel("New note").fill(text);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("list").getByText(text)).toBeVisible();
}
