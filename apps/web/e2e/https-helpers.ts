/**
 * HTTPS browser tests: a Trellis server process, Caddy in front of it, and
 * Chromium told that trellis.test is 127.0.0.1 and which certificate key to
 * trust (by its SPKI hash), so a phone's view of HTTPS can be tested
 * without leaving this machine.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, expect, type Page } from "@playwright/test";
import { chromiumArgs } from "../../../playwright.config.ts";
import { setUpJourney, waitForServiceWorker, writeNote } from "./helpers.ts";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const HOST_NAME = "trellis.test";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The SHA-256 of a certificate's public key, base64: Chromium's --ignore-certificate-errors-spki-list. */
export function spkiHash(certPem: string): string {
  const der = new X509Certificate(certPem).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("base64");
}

export interface Proc {
  readonly proc: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

function track(proc: ChildProcess): Proc {
  let output = "";
  proc.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  proc.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return {
    proc,
    output: () => output,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    },
  };
}

/** Trellis as `npm start` runs it, until it prints its address. */
export async function startTrellis(env: Record<string, string>): Promise<Proc & { url: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, TRELLIS_DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const p = track(proc);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const match = /Trellis is running at (\S+) /.exec(p.output());
    if (match) return { ...p, url: match[1]! };
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await p.stop();
  throw new Error(`Trellis did not start:\n${p.output()}`);
}

/** Caddy with the repository's deploy/Caddyfile, its own CA, on free ports, storage in `storage`. */
export async function startCaddy(options: {
  storage: string;
  httpsPort: number;
  upstream: string;
}): Promise<Proc & { intermediatePem: string; rootPem: string }> {
  const caddy = process.env.TRELLIS_CADDY ?? "/usr/bin/caddy";
  if (!existsSync(caddy)) {
    throw new Error(
      `No Caddy at ${caddy}. This test needs Debian's caddy: apt-get install -y caddy (or set TRELLIS_CADDY).`,
    );
  }
  const httpPort = await freePort();
  const proc = spawn(
    caddy,
    ["run", "--config", join(ROOT, "deploy/Caddyfile"), "--adapter", "caddyfile"],
    {
      cwd: options.storage,
      env: {
        ...process.env,
        HOME: options.storage,
        XDG_DATA_HOME: options.storage,
        XDG_CONFIG_HOME: options.storage,
        TRELLIS_DOMAIN: `${HOST_NAME}:${options.httpsPort}`,
        TRELLIS_UPSTREAM: options.upstream,
        // The test's own Caddy: no admin endpoint, its internal CA, free ports,
        // everything in a temp folder, and nothing added to the system's trust store.
        CADDY_GLOBAL_OPTIONS: [
          "admin off",
          "local_certs",
          "skip_install_trust",
          `http_port ${httpPort}`,
          `https_port ${options.httpsPort}`,
          `storage file_system ${options.storage}`,
        ].join("\n"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const p = track(proc);
  const ca = join(options.storage, "pki/authorities/local");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (existsSync(join(ca, "intermediate.crt")) && existsSync(join(ca, "root.crt"))) {
      // Give it a moment to finish the site certificate and listen.
      const listening = await new Promise<boolean>((resolve) => {
        const socket = connect(options.httpsPort, "127.0.0.1");
        socket.once("connect", () => {
          socket.destroy();
          resolve(true);
        });
        socket.once("error", () => resolve(false));
      });
      if (listening) {
        return {
          ...p,
          intermediatePem: readFileSync(join(ca, "intermediate.crt"), "utf8"),
          rootPem: readFileSync(join(ca, "root.crt"), "utf8"),
        };
      }
    }
    if (proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await p.stop();
  throw new Error(`Caddy did not start:\n${p.output()}`);
}

/**
 * The acceptance check at `origin` (https://trellis.test:PORT): a phone-sized
 * Chromium with a normal profile trusts only `spki`, sets up a record, the
 * service worker takes control, Chromium finds the app installable, and the
 * app reloads offline with what was written.
 */
export async function expectSecureApp(
  origin: string,
  spki: readonly string[],
  options: { trustPage?: boolean } = {},
): Promise<void> {
  const profile = tempDir("trellis-https-profile-");
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile.dir, {
      executablePath: process.env.TRELLIS_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        ...chromiumArgs,
        `--host-resolver-rules=MAP ${HOST_NAME} 127.0.0.1`,
        `--ignore-certificate-errors-spki-list=${spki.join(",")}`,
      ],
      viewport: { width: 375, height: 812 },
      hasTouch: true,
      baseURL: origin,
    });
    const page: Page = context.pages()[0] ?? (await context.newPage());
    await setUpJourney(page);
    expect(new URL(page.url()).origin).toBe(origin);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.evaluate(() => typeof crypto.subtle?.digest)).toBe("function");
    // HTTP/2 end to end (Trellis's own TLS, or Caddy's).
    expect(
      await page.evaluate(
        () =>
          (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming)
            .nextHopProtocol,
      ),
    ).toBe("h2");
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}/sw.js`,
    );

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);

    await writeNote(page, "Written over HTTPS.");
    const notes = page.getByRole("region", { name: "Your notes" });
    await expect(notes.getByText("Written over HTTPS.")).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
    await expect(notes.getByText("Written over HTTPS.")).toBeVisible();
    await context.setOffline(false);
    if (options.trustPage) {
      // With the app installed, the server's own page for a second phone still
      // opens (the service worker does not answer it with the app), and so
      // does the certificate itself.
      await page.goto("/trust");
      await expect(
        page.getByRole("heading", { level: 1, name: "Trust this Trellis on your phone" }),
      ).toBeVisible();
      const caType = await page.evaluate(
        async () => (await fetch("/ca.crt")).headers.get("content-type") ?? "",
      );
      expect(caType).toContain("application/x-x509-ca-cert");
    }
  } finally {
    await context?.close();
    profile.remove();
  }
}
