import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The domain holds no words for a refusal: a refusal is a code
 * (`packages/domain/src/refusals.ts`), and the web app's catalogue says it.
 * This reads the domain's source, which the domain itself may not do (it is
 * pure); the runtime half is `packages/domain/src/refusals.test.ts`.
 */
const domain = fileURLToPath(new URL("../../packages/domain/src", import.meta.url));

/** Every `.ts` file of the domain that is not a test. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name: string) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The text of each call's arguments, parentheses balanced. */
function callArguments(text: string, callee: RegExp): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(callee)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    while (i < text.length && depth > 0) {
      if (text[i] === "(") depth += 1;
      else if (text[i] === ")") depth -= 1;
      i += 1;
    }
    out.push(text.slice(start, i - 1));
  }
  return out;
}

describe("the domain's source holds no words for a refusal", () => {
  const files = sources(domain);
  const quoted = /"(?:[^"\\]|\\.)*"|`[^`]*`/g;
  const wordy = (s: string) => s.split(/\s+/).length >= 3;

  it("passes no sentence to problem(), problemOf() or refusal()", () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const args of callArguments(text, /\b(?:problem|problemOf|refusal)\(/g)) {
        for (const literal of args.match(quoted) ?? []) {
          if (wordy(literal)) found.push(`${file}: ${literal}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it("gives zod no words of its own for a refusal (the common reasons say it)", () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b(?:error|message):\s*("(?:[^"\\]|\\.)*"|`[^`]*`)/g)) {
        found.push(`${file}: ${m[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
