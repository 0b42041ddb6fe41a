// Builds the web app when it is missing or older than its sources.
import { spawnSync } from "node:child_process";
import { root, webIsStale } from "./build-state.mjs";

export function ensureBuilt() {
  if (!webIsStale()) return;
  console.log("Building the web app…");
  const r = spawnSync("npm", ["run", "build", "--workspace", "apps/web"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("The web app did not build; see the messages above.");
    process.exit(r.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuilt();
