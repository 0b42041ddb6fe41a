// `npm test`: type check and lint, unit + property + integration tests (vitest),
// then browser tests (Playwright in Debian's Chromium). Runs every stage and
// fails if any stage failed.
import { spawnSync } from "node:child_process";
import { root } from "./build-state.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

const stages = [
  ["type check and lint", "npm", ["run", "check"]],
  ["unit, property and integration tests", "npx", ["vitest", "run"]],
  ["browser tests", "npx", ["playwright", "test"]],
];

const failed = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  if (name === "browser tests") ensureBuilt();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nAll test stages passed.");
