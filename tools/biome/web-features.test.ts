import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lintSandbox } from "./lint-sandbox.ts";

const { lint, cleanUp } = lintSandbox();
afterAll(cleanUp);

const web = fileURLToPath(new URL("../../apps/web/src", import.meta.url));
const rooms = /apps\/web features are rooms/;
const shell = /The shell routes to and mounts what a feature exports from its index\.ts/;
const shared = /components\/ and i18n\/ are shared by every feature/;

/** A probe module that imports `specifier` and uses it, so nothing else is reported. */
const importing = (specifier: string) => `import { x } from "${specifier}";\nexport const y = x;\n`;

describe("the lint rule that keeps the web app's features apart", () => {
  const inFeature = "apps/web/src/features/pregnancy/Probe.tsx";

  it.each([
    ["../embryology/words.ts", "another feature's words"],
    ["../monitoring/Monitoring.tsx", "another feature's screen"],
    ["../../features/embryology/EmbryoCard.tsx", "another feature's insides, the long way round"],
  ])("refuses %s from a feature (%s)", (specifier) => {
    expect(lint(inFeature, importing(specifier))).toMatch(rooms);
  });

  it("allows another feature's index.ts, its own files, and the shared layers", () => {
    for (const specifier of [
      "../embryology/index.ts",
      "./Transfers.tsx",
      "../../components/forms/AddDisclosure.tsx",
      "../../app/routes.ts",
      "../../i18n/i18n.tsx",
      "@trellis/domain",
    ]) {
      const out = lint(inFeature, importing(specifier));
      expect(out, specifier).toMatch(/Checked 1 file/);
      expect(out, specifier).not.toMatch(rooms);
    }
  });

  it("refuses a feature's insides in the shell, and allows its index.ts", () => {
    expect(lint("apps/web/src/app/Probe.tsx", importing("../features/odds/Odds.tsx"))).toMatch(
      shell,
    );
    const out = lint("apps/web/src/app/Probe.tsx", importing("../features/odds/index.ts"));
    expect(out).toMatch(/Checked 1 file/);
    expect(out).not.toMatch(shell);
  });

  it.each([
    ["apps/web/src/components/Probe.tsx", "../features/clinics/index.ts"],
    ["apps/web/src/components/forms/Probe.tsx", "../../features/clinics/SupportLines.tsx"],
    ["apps/web/src/i18n/probe.ts", "../features/odds/words.ts"],
  ])("refuses any feature in the shared layers: %s importing %s", (path, specifier) => {
    expect(lint(path, importing(specifier))).toMatch(shared);
  });

  it("still keeps libsodium out of the web app's features", () => {
    expect(
      lint(inFeature, 'import sodium from "libsodium-wrappers-sumo";\nexport const s = sodium;\n'),
    ).toMatch(/Only packages\/crypto may use libsodium/);
  });
});

/** Every source file under `dir`, as paths relative to apps/web/src. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [relative(web, path)] : [];
  });
}

describe("the web app's layout the rule relies on", () => {
  const features = readdirSync(join(web, "features"));

  it("has one folder per feature, each one deep (so a relative import names its feature) and with an index.ts", () => {
    expect(features.length).toBeGreaterThan(5);
    for (const feature of features) {
      const entries = readdirSync(join(web, "features", feature));
      expect(entries, feature).toContain("index.ts");
      const folders = entries.filter((e) =>
        statSync(join(web, "features", feature, e)).isDirectory(),
      );
      expect(folders, feature).toEqual([]);
    }
  });

  it("writes no route as a string outside app/routes.ts: links, navigate() and <Route> use its constants", () => {
    const literal = /(?:href=|path=|navigate\(|path: )["'`]\//;
    const offenders = sources(web)
      .filter((f) => f !== "app/routes.ts" && !f.includes(".test."))
      .filter((f) => literal.test(readFileSync(join(web, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
