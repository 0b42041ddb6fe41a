import { expect, type Locator, type Page } from "@playwright/test";
import { refusalReasons } from "@trellis/domain";

/**
 * What the nonsense tests look for on screen after each refused submission:
 * developer words (a field path, "payload", "expected", a schema library's
 * phrases, a reason's code, `undefined`/`NaN`), a bound written as a
 * developer writes it ("<=45", ">= 0", "must be more than 0"), a crash, an
 * answer of 500 from the server; and what a refusal must look like.
 */

/** What a person may type that a person may reasonably mistype, and worse. */
export const nonsense = {
  negative: "-5",
  zero: "0",
  huge: "1000000000",
  scientific: "1e9",
  words: "lots",
  spaces: "    ",
  emoji: "🌱🙃🌱",
  /** Longer than any text field keeps. */
  long: "a very long line ".repeat(800),
  farPast: "1900-01-01",
  farFuture: "2999-12-31",
} as const;

/** Codes a refusal carries (`too-small`, `not-a-number`...); one word alone could be a word. */
const codes = refusalReasons.filter((r) => r.includes("-"));

const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each rule: what it is, and the pattern that finds it. */
const rules: readonly (readonly [string, RegExp])[] = [
  ["the word payload", /payload/i],
  ["a list position", /\[\d+\]/],
  ["a dotted path", /\b[a-z]+[A-Z]\w*\.\w|\b[a-z]\w*\.[a-z]+[A-Z]\w*|\b[a-zA-Z]+\.\d+\b/],
  [
    "a path of a payload",
    /\b(?:dose|amount|answers|storage|recipient|gestationalAge|weight|blastocysts|results|batches|embryos|events|times|start|end|slot|medication|packages)\.[a-z0-9]/,
  ],
  [
    "a schema library's expected",
    /\bexpected:? (?:an? )?(?:number|string|boolean|array|object|date|integer|bigint|nan|undefined|one of|\w+ to (?:be|have))\b/i,
  ],
  [
    "a schema library's received",
    /\breceived:? (?:an? )?(?:number|string|boolean|array|object|nan|undefined|null)\b/i,
  ],
  [
    "a schema library's words",
    /too (?:big|small)|invalid (?:input|type|enum|literal|union|string|date|option)|unrecognized key|must (?:be|contain|have)|non-?empty|greater than or equal|less than or equal|\binclusive\b|\bexclusive\b/i,
  ],
  ["a bound written as code", /[<>]=?\s*-?\d|[≤≥]/],
  ["a value that is not one", /\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]|\bInfinity\b/],
  ["a crash", /\b(?:Type|Range|Syntax|Reference)Error\b|is not a function|Cannot read prop/],
  ["a refusal's code", new RegExp(`(?<![\\w-])(?:${codes.map(literally).join("|")})(?![\\w-])`)],
];

/**
 * Sentences of the app that hold a word a rule looks for, used as words:
 * taken out before the rules run.
 */
const allowed = [
  // The glossary on a retrieval's page (folded, but it may be open).
  "Euploid: the expected number of chromosomes on the test.",
];

/** The developer words in `text`, each as "rule: …context…"; none for a clean screen. */
export function leaksIn(text: string): string[] {
  let clean = text;
  for (const a of allowed) clean = clean.replaceAll(a, "");
  const found: string[] = [];
  for (const [name, rule] of rules) {
    const m = rule.exec(clean);
    if (m)
      found.push(`${name}: "…${clean.slice(Math.max(0, m.index - 60), m.index + 60).trim()}…"`);
  }
  return found;
}

/** What is on screen now: the page's rendered text, and every live region's (even when visually hidden). */
export async function screenText(page: Page): Promise<string> {
  return page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll("[aria-live], [role=status], [role=alert]")].map(
        (e) => e.textContent ?? "",
      ),
      // The browser's own bubble beside a field it holds back (a form without noValidate).
      ...[...document.querySelectorAll("form:not([novalidate]) :is(input, select, textarea)")]
        .map((e) => (e as HTMLInputElement).validationMessage)
        .filter(Boolean),
    ].join("\n"),
  );
}

/** Words no refusal says, even where the rest of the app may ("few eggs are expected"). */
const refusalRules: readonly (readonly [string, RegExp])[] = [
  ["the word expected", /\bexpected\b/i],
  ["the word received", /\breceived\b/i],
  ["the word invalid", /\binvalid\b/i],
  ["the word error", /\berror\b/i],
];

/** What the refusals on screen say: the lines beside fields, the forms' own lines, the toast. */
export async function refusalText(page: Page): Promise<string> {
  return (await page.locator("p.error, [role=alert], .toast").allInnerTexts()).join("\n");
}

/** Nothing a developer would write is on screen, and no refusal says "expected" or "invalid". */
export async function expectPlainWords(page: Page, where: string): Promise<void> {
  const refusals = await refusalText(page);
  const found = [
    ...leaksIn(await screenText(page)),
    ...refusalRules
      .filter(([, rule]) => rule.test(refusals))
      .map(([name]) => `${name}: "${refusals}"`),
  ];
  expect(found, `developer words on screen: ${where}`).toEqual([]);
}

/**
 * Watches a page for what the screen alone may not show: an uncaught error
 * in the app, and the server answering 500. `problems()` lists them.
 */
export function watch(page: Page): { problems(): string[] } {
  const seen: string[] = [];
  page.on("pageerror", (e) => seen.push(`error in the app: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 500) seen.push(`${r.status()} from ${r.url()}`);
  });
  return { problems: () => [...seen] };
}

/**
 * How many entries this device has recorded: the events in its store
 * (IndexedDB "trellis"). Never makes the store: 0 when there is none yet.
 */
export async function storedEvents(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open("trellis");
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("events")) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction("events", "readonly").objectStore("events").count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/**
 * The form said no, in words beside a field or on its own line (or, for a
 * one-tap action, in the toast), and kept what was typed for a correction.
 */
export async function expectRefused(form: Locator): Promise<void> {
  await expect(form.locator("p.error, [role=alert]").first()).toBeVisible();
}
