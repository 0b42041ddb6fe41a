import { expect, type Page } from "@playwright/test";
import { openSettings } from "./account-helpers.ts";

/**
 * What the app-lock browser tests share: turning the lock on from Settings,
 * unlocking, and a dump of everything the browser keeps for the page
 * (every IndexedDB database, store, key and value; Cache Storage; local and
 * session storage), with the ways a secret could hide in it.
 */

export const PASSPHRASE = "seven green apples";

/** The lock screen's field: shown only when the app is locked. */
export const lockField = (page: Page) => page.getByLabel("Passphrase or PIN");

/** The App lock card in Settings. */
export const lockCard = (page: Page) => page.getByRole("region", { name: "App lock" });

/** Opens Settings (a fresh page load), turns the lock on with `passphrase` and the choices given, and waits until it is on. */
export async function turnOnLock(
  page: Page,
  passphrase = PASSPHRASE,
  choices: { lockAfter?: string; eraseAfter?: string } = {},
): Promise<void> {
  await openSettings(page);
  await turnOnLockHere(page, passphrase, choices);
}

/** On the Settings screen already, turns the lock on without loading the page again. */
export async function turnOnLockHere(
  page: Page,
  passphrase = PASSPHRASE,
  choices: { lockAfter?: string; eraseAfter?: string } = {},
): Promise<void> {
  const card = lockCard(page);
  await card.getByLabel("Passphrase or PIN").fill(passphrase);
  await card.getByLabel("The same again").fill(passphrase);
  if (choices.lockAfter) await card.getByLabel("Lock after").selectOption(choices.lockAfter);
  if (choices.eraseAfter)
    await card.getByLabel("Erase after wrong tries").selectOption(choices.eraseAfter);
  await card.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(card.getByText("On. Trellis asks for your passphrase")).toBeVisible();
}

/** On the lock screen: only the name and the way in. */
export async function expectLockScreen(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trellis");
  await expect(page.getByRole("button", { name: "Unlock", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0);
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await lockField(page).fill(passphrase);
  await page.getByRole("button", { name: "Unlock", exact: true }).click();
  await expect(page.getByRole("navigation")).toBeVisible();
}

/**
 * Everything the page's origin keeps, as one text: each IndexedDB value and
 * key serialised, with binary values written both as base64 and as text
 * (UTF-8 and Latin-1), each Cache Storage response body the same way, and
 * local and session storage.
 */
export async function dumpStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const b64 = (bytes: Uint8Array) => {
      let s = "";
      for (const b of bytes) s += String.fromCharCode(b);
      return { base64: btoa(s), latin1: s, utf8: new TextDecoder().decode(bytes) };
    };
    const plain = async (v: unknown): Promise<unknown> => {
      if (v instanceof Blob) return b64(new Uint8Array(await v.arrayBuffer()));
      if (v instanceof ArrayBuffer) return b64(new Uint8Array(v));
      if (ArrayBuffer.isView(v)) return b64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
      if (v instanceof Date) return v.toISOString();
      if (Array.isArray(v)) return Promise.all(v.map(plain));
      if (v && typeof v === "object")
        return Object.fromEntries(
          await Promise.all(Object.entries(v).map(async ([k, x]) => [k, await plain(x)])),
        );
      return v;
    };
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const out: unknown[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        const os = db.transaction(store, "readonly").objectStore(store);
        const [keys, values] = await Promise.all([done(os.getAllKeys()), done(os.getAll())]);
        out.push({ db: name, store, keys: await plain(keys), values: await plain(values) });
      }
      db.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request))!.arrayBuffer();
        out.push({ cache: cacheName, url: request.url, body: await plain(body) });
      }
    }
    out.push({ localStorage: { ...localStorage }, sessionStorage: { ...sessionStorage } });
    return JSON.stringify(out);
  });
}

/** The databases the origin has now, by name. */
export async function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? "").sort());
}

/**
 * How `text` could look in the dump: as it is, and the part of its base64
 * and base64url that is the same wherever it starts in a longer text.
 */
export function textForms(text: string): { name: string; value: string }[] {
  const utf8 = Buffer.from(text, "utf8");
  const out = [{ name: "text", value: text }];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), utf8]).toString("base64");
    const stable = encoded.slice(
      Math.ceil((shift * 4) / 3),
      Math.floor(((shift + utf8.length) * 4) / 3),
    );
    out.push({ name: `base64 (shift ${shift})`, value: stable });
    out.push({
      name: `base64url (shift ${shift})`,
      value: stable.replaceAll("+", "-").replaceAll("/", "_"),
    });
  }
  return out;
}

/**
 * How a secret kept as base64url (a session token, a root key) could look:
 * as kept, its text's own base64 forms, and its bytes as standard base64,
 * as Latin-1 text and as hex.
 */
export function secretForms(secret: string): { name: string; value: string }[] {
  const bytes = Buffer.from(secret, "base64url");
  return [
    ...textForms(secret),
    { name: "bytes as base64", value: bytes.toString("base64").replace(/=+$/, "") },
    { name: "bytes as Latin-1", value: bytes.toString("latin1") },
    { name: "bytes as hex", value: bytes.toString("hex") },
  ];
}

/** Which forms of which secrets appear in `dump`: empty when none does. */
export function foundIn(
  dump: string,
  secrets: Record<string, { name: string; value: string }[]>,
): string[] {
  // The dump is JSON: Latin-1 text in it is escaped, so look in its parsed strings too.
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") strings.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        strings.push(k);
        walk(x);
      }
  };
  walk(JSON.parse(dump));
  const all = strings.join("\n");
  return Object.entries(secrets).flatMap(([what, forms]) =>
    forms
      .filter((f) => f.value.length >= 6 && all.includes(f.value))
      .map((f) => `${what}: ${f.name}`),
  );
}
