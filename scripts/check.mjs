// `npm run check`: the type check of every project and the lint, two at a
// time (each tsc is one thread; the machine may have two cores). Each
// command's output is printed whole when it ends; fails if any failed.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { root } from "./build-state.mjs";

// The longest first, so the two lanes end together.
const projects = [
  "tsconfig.json",
  "apps/web",
  "apps/server",
  "packages/client",
  "packages/exports",
  "packages/domain",
  "packages/sync",
  "packages/crypto",
];
const commands = [
  ...projects.map((p) => ["npx", ["tsc", "-p", p]]),
  ["npx", ["biome", "check", "."]],
];

function run([cmd, args]) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("close", (code) => {
      const line = `${cmd} ${args.join(" ")}`;
      console.log(`${code === 0 ? "ok    " : "FAILED"} ${line}`);
      if (out.trim()) console.log(out.trimEnd());
      resolve(code === 0 ? null : line);
    });
  });
}

const queue = [...commands];
const failed = [];
const lanes = Math.max(1, Math.min(2, availableParallelism()));
await Promise.all(
  Array.from({ length: lanes }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const f = await run(next);
      if (f) failed.push(f);
    }
  }),
);
if (failed.length > 0) {
  console.error(`\nCheck failed: ${failed.join("; ")}`);
  process.exit(1);
}
