/**
 * A real server process (`main.ts` under tsx) for fault tests: started on a
 * free port, killed with any signal. Only children started here are killed
 * by `killChildren`, by pid.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));
const RUNNING = /^Trellis is running at (http:\/\/\S+) /;

const children: ChildProcess[] = [];

export interface ChildServer {
  readonly url: string;
  readonly proc: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly output: () => string;
}

/** Kills (SIGKILL) the children still running, e.g. after a test failed half-way. */
export function killChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
}

export async function startChild(env: Record<string, string>): Promise<ChildServer> {
  const proc = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      TRELLIS_DATABASE_URL: "",
      PORT: "0",
      HOST: "127.0.0.1",
      TRELLIS_WEB_DIR: "/nonexistent",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  proc.stderr!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 90_000;
  for (;;) {
    const match = RUNNING.exec(out.split("\n")[0] ?? "");
    if (match) return { url: match[1]!, proc, exited, output: () => out };
    if (proc.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The server did not start:\n${out}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
