// `npm run certs`: the home certificate authority and this computer's HTTPS certificate (apps/server/src/tls/certs-cli.ts).
import { spawn } from "node:child_process";
import { root } from "./build-state.mjs";

const child = spawn(
  process.execPath,
  ["--import", "tsx", "apps/server/src/tls/certs-cli.ts", ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: process.env },
);
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
