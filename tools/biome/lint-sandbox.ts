import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const biome = join(root, "node_modules/@biomejs/biome/bin/biome");

/**
 * Lints probe files under the project's real biome.json, copied into scratch
 * folders (Biome reports nothing for stdin). `lint` takes the path the probe
 * pretends to have and its source, and returns what Biome printed; `cleanUp`
 * removes the folders.
 */
export function lintSandbox() {
  const sandboxes: string[] = [];
  return {
    lint(path: string, source: string): string {
      const dir = mkdtempSync(join(tmpdir(), "trellis-lint-"));
      sandboxes.push(dir);
      const config = JSON.parse(readFileSync(join(root, "biome.json"), "utf8"));
      config.$schema = undefined;
      config.vcs = { enabled: false };
      writeFileSync(join(dir, "biome.json"), JSON.stringify(config));
      cpSync(join(root, "tools/biome"), join(dir, "tools/biome"), { recursive: true });
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
      const r = spawnSync(process.execPath, [biome, "lint", "--max-diagnostics=50", path], {
        cwd: dir,
        encoding: "utf8",
      });
      return `${r.stdout}\n${r.stderr}`;
    },
    cleanUp() {
      for (const d of sandboxes) rmSync(d, { recursive: true, force: true });
    },
  };
}
