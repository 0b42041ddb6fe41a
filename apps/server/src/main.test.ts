/**
 * Runs the real entry point (src/main.ts) as a child process, the way
 * `npm start` does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchTransport, openEventStream, TestClient } from "./testing/client.ts";
import { makeTempDir } from "./testing/databases.ts";

const MAIN = fileURLToPath(new URL("./main.ts", import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const RUNNING =
  /^Trellis is running at (http:\/\/\S+) \(data in (.+), storage: (pglite|postgres)\)$/;

interface Child {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, TRELLIS_DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  proc.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { proc, stdout: () => out, stderr: () => err, exited };
}

async function waitForUrl(child: Child, timeoutMs = 150_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = child.stdout().split("\n")[0] ?? "";
    const match = RUNNING.exec(line);
    if (match) return match[1]!;
    if (child.proc.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `server did not print its URL.\nstdout: ${child.stdout()}\nstderr: ${child.stderr()}`,
  );
}

async function stopWithSigint(child: Child): Promise<{ code: number | null; ms: number }> {
  const t0 = Date.now();
  child.proc.kill("SIGINT");
  const { code } = await child.exited;
  return { code, ms: Date.now() - t0 };
}

// Each start compiles TypeScript (tsx) and opens PGlite: allow for a busy machine.
describe("main.ts as a process", { timeout: 300_000 }, () => {
  let dataDir: string;
  const running: Child[] = [];
  const launch = (env: Record<string, string>) => {
    const child = start(env);
    running.push(child);
    return child;
  };

  beforeAll(async () => {
    dataDir = await makeTempDir("trellis-main-");
  });

  afterAll(async () => {
    // Only our own children, by pid, if a test failed half-way.
    for (const child of running) if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts, prints one line, stops on SIGINT with exit 0 (even with a stream open), and keeps the data", async () => {
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      TRELLIS_DATA_DIR: dataDir,
      TRELLIS_WEB_DIR: "/nonexistent",
    };

    const first = launch(env);
    const url = await waitForUrl(first);
    expect(first.stdout().trim()).toMatch(RUNNING);
    expect(RUNNING.exec(first.stdout().trim())![2]).toBe(dataDir);
    const client = new TestClient(fetchTransport(url));
    const maya = await client.register({ username: "maya" });
    const vault = await client.createVault(maya);
    const events = client.seal(vault, ["kept across restarts"]);
    await client.append(maya, vault.vaultId, events);
    // An open event stream must not hold up the shutdown.
    const stream = await openEventStream(url, maya.session.token, vault.vaultId, 0);
    expect(stream.status).toBe(200);

    // A second server on the same data directory is refused with a clear message.
    const intruder = launch({ ...env });
    const intruderExit = await intruder.exited;
    expect(intruderExit.code).toBe(1);
    expect(intruder.stderr()).toMatch(/already in use/);

    const stopped = await stopWithSigint(first);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    // Exactly one line on stdout, nothing alarming on stderr.
    expect(first.stdout().trim().split("\n")).toHaveLength(1);
    expect(first.stderr()).not.toMatch(/error|warn/i);

    await stream.ended;

    const second = launch(env);
    const url2 = await waitForUrl(second);
    const pulled = await new TestClient(fetchTransport(url2)).pullAll(maya, vault.vaultId);
    expect(pulled.events.map((e) => [e.id, e.body])).toEqual(events.map((e) => [e.id, e.body]));
    expect((await stopWithSigint(second)).code).toBe(0);
  });

  it("exits non-zero with a message naming the variable on bad config", async () => {
    const child = launch({ PORT: "not-a-port", TRELLIS_DATA_DIR: dataDir });
    const { code } = await child.exited;
    expect(code).toBe(2);
    expect(child.stderr()).toMatch(/PORT must be a whole number/);
    expect(child.stdout()).toBe("");
  });
});
