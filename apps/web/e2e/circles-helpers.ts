import { expect, type Page } from "@playwright/test";

/**
 * What the circle browser tests share: making a circle, an invite link,
 * joining as a link-only reader, letting someone in, setting a status, and
 * what a device's own account holds (its token) to ask the server directly.
 */

export const TEMPLATES = {
  inTreatment: "In treatment. Please don't ask; we'll share news when we're ready.",
  takingABreak: "We're taking a break.",
};

/** From the circle section: a circle named by a suggestion or typed; lands on its page. */
export async function makeCircle(page: Page, name: string): Promise<void> {
  await page.goto("/circle");
  await expect(page.getByRole("heading", { level: 1, name: "Circle" })).toBeVisible();
  const suggestion = page.getByRole("button", { name, exact: true });
  if (await suggestion.count()) await suggestion.click();
  else await page.getByLabel("Name of the circle").fill(name);
  await page.getByRole("button", { name: "Make this circle" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: 15_000 });
}

/** On a circle's page: a new invite link, as shown. */
export async function inviteLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Make an invite link" }).click();
  const link = page.getByLabel("Invite link");
  await expect(link).toHaveValue(/\/circle#v=.+&i=.+&t=.+&o=.+/, { timeout: 15_000 });
  await expect(page.getByText(/^It works once, until /)).toBeVisible();
  return link.inputValue();
}

/** Opens an invite link on a fresh device and joins as a link-only reader; waits to be let in. */
export async function joinAsReader(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "You've been invited" })).toBeVisible();
  await expect(
    page.getByText("You've been invited to read news in a Trellis circle"),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Read on this device only/ })).toBeChecked();
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Waiting to be let in" })).toBeVisible({
    timeout: 15_000,
  });
  // The spent token is not left in the address bar.
  expect(new URL(page.url()).hash).toBe("");
}

/** Opens one of the person's circles from the circle section. */
export async function openCircle(page: Page, name: string): Promise<void> {
  await page.goto("/circle");
  await page.getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** On a circle's page: names the one person waiting and lets them in. */
export async function letIn(page: Page, label: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Waiting to be let in" })).toBeVisible({
    timeout: 15_000,
  });
  await page.getByLabel("Their name (only you see it)").fill(label);
  await page.getByRole("button", { name: /^Let in the person who joined on / }).click();
  await expect(page.getByText(`${label} can now read this circle.`)).toBeVisible({
    timeout: 15_000,
  });
}

/** On a circle's page: the status in one tap from a template. */
export async function setStatus(page: Page, words: string): Promise<void> {
  await page.getByRole("button", { name: words, exact: true }).click();
  await expect(page.getByRole("button", { name: words, exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
    { timeout: 15_000 },
  );
}

/** The session token this device's account keeps (the plain database, no lock). */
export async function tokenOf(page: Page): Promise<string> {
  const account = await page.evaluate(
    () =>
      new Promise<{ token: string }>((resolve, reject) => {
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
  expect(account?.token?.length ?? 0).toBeGreaterThan(20);
  return account.token;
}

/** Asks the server from the page, with a token: the status and the body as text. */
export async function ask(
  page: Page,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ({ token, method, path, body }) => {
      const r = await fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { "content-type": "application/json" }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: r.status, text: await r.text() };
    },
    { token, method, path, body },
  );
}
