/**
 * Starting and stopping a whole server in-process: open the database, run
 * migrations, build the app, listen. Used by main.ts, benchmarks and browser
 * tests.
 */
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { createSecureContext, type SecureContextOptions } from "node:tls";
import type { FastifyInstance } from "fastify";
import { type BuildAppOptions, buildApp } from "./app.ts";
import { loadServerSecrets } from "./auth/secrets.ts";
import type { Config } from "./config.ts";
import { migrate } from "./db/migrations.ts";
import { openDb } from "./db/open.ts";
import type { Db } from "./db/types.ts";

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:4310 (the real port when config.port was 0). */
  readonly url: string;
  /** Whether it speaks HTTPS. */
  readonly secure: boolean;
  /** The port it listens on. */
  readonly port: number;
  readonly app: FastifyInstance;
  readonly db: Db;
  /** Stops accepting connections, finishes in-flight requests, closes the database. Idempotent. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: BuildAppOptions["logger"];
  /** Rate limits (default: DEFAULT_RATE_LIMITS). Benchmarks and tests may loosen them. */
  rateLimits?: BuildAppOptions["rateLimits"];
  /** Interval of `: ping` lines on event streams (default 25 s). */
  streamPingMs?: number;
  /** PostgreSQL connection pool size (default 10); benchmarks raise it. */
  dbPoolSize?: number;
  /** How often a running server looks at its certificate (renew or reload it); default 12 h. */
  tlsCheckMs?: number;
  /** The clock for certificate renewal (tests). */
  now?: () => Date;
}

/** The certificate a running server checks: renewed (home) or re-read (files) when due. */
export const DEFAULT_TLS_CHECK_MS = 12 * 60 * 60 * 1000;

/** The URL people should open for a listening address. */
export function urlFor(host: string, port: number, secure = false): string {
  // A wildcard address is not something to type into a browser.
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `${secure ? "https" : "http"}://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

interface TlsState {
  cert: string;
  key: string;
  ca: string | undefined;
}

/**
 * The certificate and key to serve: for home certificates, renewed first
 * when they end within RENEW_WITHIN_DAYS (or the machine's addresses
 * changed); for TRELLIS_TLS_CERT/KEY, read from the files as they are.
 */
async function loadTls(config: Config, now: Date): Promise<TlsState | undefined> {
  const tls = config.tls;
  if (tls === undefined) return undefined;
  if (tls.source === "home") {
    const { ensureHomeCertificates, machineNames } = await import("./tls/certs.ts");
    const home = await ensureHomeCertificates({
      dataDir: config.dataDir,
      names: machineNames(),
      now,
      existingOnly: true,
    });
    if (home !== undefined) return { cert: home.certPem, key: home.keyPem, ca: home.caPem };
  }
  return {
    cert: await readFile(tls.certFile, "utf8"),
    key: await readFile(tls.keyFile, "utf8"),
    ca: undefined,
  };
}

/** A certificate or key file that can't be read or used: says which and why. */
export class TlsSetupError extends Error {
  constructor(config: Config, cause: unknown) {
    const tls = config.tls;
    const where =
      tls?.source === "env"
        ? `TRELLIS_TLS_CERT (${tls.certFile}) and TRELLIS_TLS_KEY (${tls.keyFile})`
        : `the home certificates in ${tls?.certFile ?? "the data folder"} (run \`npm run certs\` again to make new ones)`;
    super(
      `Could not use ${where} for HTTPS: ${(cause as Error)?.message ?? String(cause)}. They must be PEM files: the certificate chain and its matching private key.`,
    );
    this.name = "TlsSetupError";
  }
}

export async function startServer(
  config: Config,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const now = options.now ?? (() => new Date());
  let tls: TlsState | undefined;
  try {
    tls = await loadTls(config, now());
    if (tls) createSecureContext({ cert: tls.cert, key: tls.key });
  } catch (error) {
    throw new TlsSetupError(config, error);
  }
  let app: FastifyInstance | undefined;
  const db = await openDb(config, {
    ...(options.dbPoolSize ? { max: options.dbPoolSize } : {}),
    onIdleError: (error) => app?.log.warn({ err: error }, "an idle database connection failed"),
  });
  try {
    await migrate(db);
    // Loaded before listening, so a bad TRELLIS_OPAQUE_SERVER_SETUP, an
    // unreadable secrets file or secrets other than the database's stop the start.
    const secrets = await loadServerSecrets(db, {
      file: config.secretsFile,
      opaqueServerSetup: config.opaqueServerSetup,
      hmacKey: config.hmacKey,
      vapidPrivateKey: config.vapidPrivateKey,
    });
    app = buildApp({
      db,
      config,
      logger: options.logger,
      secrets,
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
      ...(options.streamPingMs ? { streamPingMs: options.streamPingMs } : {}),
      ...(tls ? { tls: { cert: tls.cert, key: tls.key }, homeAuthority: () => tls?.ca } : {}),
    });
    // Fastify logs "Server listening at ..." at info level; the caller prints
    // its own single friendly line instead, so hush that one message.
    const level = app.log.level;
    app.log.level = "warn";
    try {
      await app.listen({ port: config.port, host: config.host });
    } finally {
      app.log.level = level;
    }
  } catch (error) {
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }

  const running = app;
  const { port } = running.server.address() as AddressInfo;

  // A long-running server renews (home) or re-reads (files) its certificate
  // and swaps it in without a restart: new connections get the new one.
  let renewal: NodeJS.Timeout | undefined;
  if (tls) {
    const server = running.server as unknown as { setSecureContext(o: SecureContextOptions): void };
    renewal = setInterval(() => {
      // Any failure (unreadable files, a key that does not match its
      // certificate) keeps the certificate in use and is only logged: a
      // running server never stops over a renewal.
      loadTls(config, now())
        .then((next) => {
          if (!next || (next.cert === tls?.cert && next.key === tls?.key)) return;
          server.setSecureContext({ cert: next.cert, key: next.key });
          tls = next;
          running.log.info("loaded a renewed TLS certificate");
        })
        .catch((error: unknown) =>
          running.log.warn({ err: error }, "checking the TLS certificate failed"),
        );
    }, options.tlsCheckMs ?? DEFAULT_TLS_CHECK_MS);
    renewal.unref();
  }

  let closing: Promise<void> | undefined;
  return {
    url: urlFor(config.host, port, tls !== undefined),
    secure: tls !== undefined,
    port,
    app: running,
    db,
    close() {
      closing ??= (async () => {
        clearInterval(renewal);
        try {
          await running.close();
        } finally {
          await db.close();
        }
      })();
      return closing;
    },
  };
}
