import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as main from "@trellis/client";
import * as sync from "@trellis/client/sync";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const benchOnly = ["seedVault", "openJourneyFromServer"];

/** Whether a source file imports the bench entry, by package path or by a relative path. */
function importsBenchEntry(source: string): boolean {
  return /["']@trellis\/client\/bench["']|["'][^"'\n]*packages\/client\/src\/bench(?:\.ts)?["']/.test(
    source,
  );
}

function sourcesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => /\.(?:[cm]?[jt]sx?)$/.test(f))
    .filter((f) => !/(?:^|\/)(?:node_modules|dist|test-results|playwright-report)\//.test(f))
    .map((f) => join(dir, f));
}

describe("the bench entry (@trellis/client/bench)", () => {
  it("holds the bench helpers, and neither production entry exports them", async () => {
    const bench = await import("@trellis/client/bench");
    for (const name of benchOnly) {
      expect(typeof (bench as Record<string, unknown>)[name]).toBe("function");
      expect(main).not.toHaveProperty(name);
      expect(sync).not.toHaveProperty(name);
    }
  });

  it("recognises an import of it, whichever way it is written", () => {
    expect(importsBenchEntry('import { seedVault } from "@trellis/client/bench";')).toBe(true);
    expect(importsBenchEntry("const b = await import('@trellis/client/bench');")).toBe(true);
    expect(importsBenchEntry('export * from "../../../packages/client/src/bench.ts";')).toBe(true);
    expect(importsBenchEntry('import { openAccountSync } from "@trellis/client/sync";')).toBe(
      false,
    );
    expect(importsBenchEntry('import { x } from "./benchmarks.ts";')).toBe(false);
  });

  it("is imported by nothing in apps/web", () => {
    const files = sourcesUnder(join(root, "apps/web"));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => importsBenchEntry(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
