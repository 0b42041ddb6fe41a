import { describe, expect, it } from "vitest";

/**
 * Held-out figures (`heldout.ts`) check the model; they must never set it. So
 * no file of the domain's model may import `heldout.ts`, directly or through
 * another file: only tests may. This reads the source of every file under
 * packages/domain/src (through Vite's glob import, so the domain stays free of
 * node I/O), follows each file's relative imports and re-exports, and fails if
 * a non-test file reaches `heldout.ts`.
 */

declare global {
  interface ImportMeta {
    glob(
      pattern: string,
      options: { query: "?raw"; import: "default"; eager: true },
    ): Record<string, string>;
  }
}

/** Every domain source file, keyed by its path from packages/domain/src ("odds/plan.ts"). */
const domain: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob("../**/*.ts", { query: "?raw", import: "default", eager: true }),
    // Vite names this folder's files "./x.ts" and the others "../folder/x.ts".
  ).map(([path, text]) => [path.replace(/^\.\//, "odds/").replace(/^\.\.\//, ""), text]),
);

const HELD_OUT = "odds/heldout.ts";
const isTest = (path: string) => /\.test\.ts$/.test(path) || path.startsWith("testing/");

/** Relative specifiers a file imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]!);
  return out.filter((s) => s.startsWith("."));
}

/** Resolves `spec` from the file at `from` (both relative to src). */
function resolve(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const p of spec.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/**
 * The non-test files whose imports reach the held-out file, each with the
 * chain that leads there.
 */
export function reachHeldOut(files: Record<string, string>): string[] {
  const edges = new Map(
    Object.entries(files).map(([path, text]) => [
      path,
      specifiers(text).map((s) => resolve(path, s)),
    ]),
  );
  const chains: string[] = [];
  for (const start of edges.keys()) {
    if (isTest(start) || start === HELD_OUT) continue;
    const seen = new Map<string, string | null>([[start, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.shift()!;
      if (at === HELD_OUT) {
        const chain: string[] = [];
        for (let p: string | null = at; p !== null; p = seen.get(p) ?? null) chain.unshift(p);
        chains.push(chain.join(" → "));
        break;
      }
      for (const next of edges.get(at) ?? []) {
        if (!seen.has(next)) {
          seen.set(next, at);
          queue.push(next);
        }
      }
    }
  }
  return chains;
}

describe("held-out figures stay out of the model", () => {
  it("reads the whole domain, held-out file and model files included", () => {
    expect(Object.keys(domain)).toContain(HELD_OUT);
    expect(Object.keys(domain)).toEqual(
      expect.arrayContaining(["odds/plan.ts", "odds/parameters.ts", "index.ts", "state/fold.ts"]),
    );
    // The files the model was split into (issue 11) are read like the rest.
    expect(Object.keys(domain)).toEqual(
      expect.arrayContaining([
        "odds/sources.ts",
        "odds/parameter-shape.ts",
        "odds/transfer-parameters.ts",
        "odds/funnel-parameters.ts",
        "odds/step-parameters.ts",
        "odds/plan-draws.ts",
        "odds/plan-series.ts",
        "odds/bank-draws.ts",
        "odds/record.ts",
        "odds/record-inputs.ts",
      ]),
    );
    expect(Object.keys(domain).length).toBeGreaterThan(100);
    // Tests do import it: the reader would see that import if a model file made it.
    expect(
      specifiers(domain["odds/validation.test.ts"]!).map((s) => resolve("odds/x.ts", s)),
    ).toContain(HELD_OUT);
  });

  it("no file of the domain but a test reaches heldout.ts, directly or through other files", () => {
    expect(reachHeldOut(domain)).toEqual([]);
  });

  it("bites: a model file importing it directly, or through a helper, or re-exporting it, is caught", () => {
    const planted = (path: string, line: string) => ({
      ...domain,
      [path]: `${line}\n${domain[path] ?? ""}`,
    });
    const direct = reachHeldOut(planted("odds/plan.ts", 'import { heldOut } from "./heldout.ts";'));
    expect(direct).toContain(`odds/plan.ts → ${HELD_OUT}`);
    expect(direct).toContain(`odds/index.ts → odds/plan.ts → ${HELD_OUT}`);
    const viaHelper = {
      ...planted("odds/curves.ts", 'import { helper } from "./helper.ts";'),
      "odds/helper.ts": 'export { heldOut as helper } from "./heldout.ts";',
    };
    const chains = reachHeldOut(viaHelper);
    expect(chains).toContain(`odds/curves.ts → odds/helper.ts → ${HELD_OUT}`);
    // Everything that imports curves.ts is caught too, the public index included.
    expect(chains.some((c) => c.startsWith("index.ts → "))).toBe(true);
    expect(
      reachHeldOut(planted("state/fold.ts", 'const h = await import("../odds/heldout.ts");')),
    ).toContain(`state/fold.ts → ${HELD_OUT}`);
  });
});
