// `npm run backup [file]` and `npm run restore -- <file> [--force]` (apps/server/src/backup/cli.ts).
// Runs from the project folder like `npm start` (so ./data is the same folder);
// file names are taken relative to where the command was typed (INIT_CWD).
import { spawn } from "node:child_process";
import { root } from "./build-state.mjs";

const child = spawn(
  process.execPath,
  ["--import", "tsx", "apps/server/src/backup/cli.ts", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
