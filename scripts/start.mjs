// `npm start`: builds the web app if needed, then runs the server in the foreground.
// Ctrl-C stops it gracefully (the server flushes its database before exiting).
import { spawn } from "node:child_process";
import { root } from "./build-state.mjs";
import { ensureBuilt } from "./ensure-built.mjs";

ensureBuilt();
const server = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
// The terminal sends Ctrl-C to the whole process group; the server handles it.
// Keep this wrapper alive until the server has finished shutting down.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (signal === "SIGTERM") server.kill("SIGTERM");
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
