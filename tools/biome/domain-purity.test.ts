import { afterAll, describe, expect, it } from "vitest";
import { lintSandbox } from "./lint-sandbox.ts";

const { lint, cleanUp } = lintSandbox();
afterAll(cleanUp);

describe("the lint rule that keeps packages/domain pure", () => {
  const inDomain = "packages/domain/src/state/probe.ts";

  it.each([
    ['import { readFileSync } from "node:fs";', "node I/O"],
    ['import { openClient } from "@trellis/client";', "another workspace package"],
    ['import pg from "pg";', "a database driver"],
    ['import { x } from "../../../apps/server/src/index.ts";', "a path out of the package"],
  ])("refuses %s (%s)", (line) => {
    expect(lint(inDomain, `${line}\nexport const y = 1;\n`)).toMatch(/packages\/domain is pure/);
  });

  it.each([
    ["export const t = Date.now();", /global variable Date/],
    ["export const t = Temporal.Now.instant();", /deterministic/],
    ["export const r = Math.random();", /deterministic/],
    ["export const f = fetch;", /global variable fetch/],
  ])("refuses clock, randomness and network: %s", (line, message) => {
    expect(lint(inDomain, `${line}\n`)).toMatch(message);
  });

  it("allows zod, temporal-polyfill and the package's own modules", () => {
    const out = lint(
      inDomain,
      'import { z } from "zod";\nimport { Temporal } from "temporal-polyfill";\nimport { ok } from "../core/result.ts";\nexport const all = [z, Temporal, ok];\n',
    );
    expect(out).toMatch(/Checked 1 file/);
    expect(out).not.toMatch(/packages\/domain is pure|deterministic/);
  });

  it("does not restrict the other packages", () => {
    const out = lint(
      "packages/client/src/probe.ts",
      'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n',
    );
    expect(out).toMatch(/Checked 1 file/);
    expect(out).not.toMatch(/packages\/domain is pure/);
  });
});

describe("the lint rule that keeps libsodium inside packages/crypto", () => {
  it.each(["packages/client/src/probe.ts", "apps/server/src/probe.ts", "apps/web/src/probe.ts"])(
    "refuses libsodium in %s",
    (path) => {
      expect(
        lint(path, 'import sodium from "libsodium-wrappers-sumo";\nexport const s = sodium;\n'),
      ).toMatch(/Only packages\/crypto may use libsodium/);
    },
  );

  it("allows it in packages/crypto", () => {
    const out = lint(
      "packages/crypto/src/probe.ts",
      'import sodium from "libsodium-wrappers-sumo";\nexport const s = sodium;\n',
    );
    expect(out).toMatch(/Checked 1 file/);
    expect(out).not.toMatch(/Only packages\/crypto/);
  });
});
