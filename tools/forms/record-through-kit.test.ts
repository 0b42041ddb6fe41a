import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * A feature on the form kit records only through `useForm()`
 * (`apps/web/src/components/forms/`): no `client.record` of its own, no
 * hand-held `busy`, no local error type. Every feature is on the kit.
 */
const features = fileURLToPath(new URL("../../apps/web/src/features", import.meta.url));

const habits: readonly [string, RegExp][] = [
  ["records with the client itself", /\bclient\.record(Batch)?\(/],
  ["holds its own busy state", /\[busy, setBusy\]/],
  ["keeps a local error type", /\btype Errors\b/],
];

/** What a feature's screens do that the kit does for them: `file: habit` lines. */
function offences(feature: string): string[] {
  const dir = join(features, feature);
  return readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .flatMap((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      return habits
        .filter(([, pattern]) => pattern.test(text))
        .map(([habit]) => `${name}: ${habit}`);
    });
}

const all = readdirSync(features, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("features record through the form kit", () => {
  it.each(all)("%s records only through useForm", (f) => {
    expect(offences(f)).toEqual([]);
  });

  it("would see a feature that records by hand", () => {
    expect(habits.some(([, p]) => p.test('await client.record("X", {})'))).toBe(true);
    expect(habits.some(([, p]) => p.test("const [busy, setBusy] = useState(false);"))).toBe(true);
    expect(habits.some(([, p]) => p.test("type Errors = Record<string, string>;"))).toBe(true);
    expect(habits.some(([, p]) => p.test('await form.record("X", {})'))).toBe(false);
  });
});
