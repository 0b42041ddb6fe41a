/**
 * Starts `server-process.ts` in a child process for a bench and talks to it:
 * its URL, its memory, and stopping it (by its own pid). With
 * `TRELLIS_BENCH_PROFILE=<dir>` the child runs under `node --cpu-prof` and
 * writes its profile there when it stops (`npx tsx bench/profile-summary.ts <file>`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./server-process.ts", import.meta.url));

export interface ServerChild {
  readonly url: string;
  readonly pid: number;
  /** The child's resident set size and V8 heap in use, in bytes (after a GC). */
  memory(): Promise<{ rss: number; heap: number }>;
  stop(): Promise<void>;
}

export async function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const profile = process.env.TRELLIS_BENCH_PROFILE;
  const args = [
    "--expose-gc",
    ...(profile ? ["--cpu-prof", "--cpu-prof-dir", profile] : []),
    "--import",
    "tsx",
    SCRIPT,
  ];
  const proc: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", TRELLIS_WEB_DIR: "/nonexistent", ...env },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: proc.stdout! });
  const waiters: ((line: string) => boolean)[] = [];
  lines.on("line", (line) => {
    const i = waiters.findIndex((w) => w(line));
    if (i >= 0) waiters.splice(i, 1);
  });
  const next = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const onExit = () => reject(new Error("The bench server exited."));
      proc.once("exit", onExit);
      waiters.push((line) => {
        if (!line.startsWith(prefix)) return false;
        proc.off("exit", onExit);
        resolve(line.slice(prefix.length).trim());
        return true;
      });
    });
  const url = await next("listening ");
  return {
    url,
    pid: proc.pid!,
    async memory() {
      const answer = next("memory ");
      proc.stdin!.write("memory\n");
      const [rss, heap] = (await answer).split(" ").map(Number);
      return { rss: rss!, heap: heap! };
    },
    stop() {
      return new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      });
    },
  };
}
