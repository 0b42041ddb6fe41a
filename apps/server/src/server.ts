/**
 * Starting and stopping a whole server in-process: open the database, run
 * migrations, build the app, listen. Used by main.ts, benchmarks and browser
 * tests.
 */
import type { AddressInfo } from "node:net";
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
}

/** The URL people should open for a listening address. */
export function urlFor(host: string, port: number): string {
  // A wildcard address is not something to type into a browser.
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

export async function startServer(
  config: Config,
  options: StartServerOptions = {},
): Promise<RunningServer> {
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
  let closing: Promise<void> | undefined;
  return {
    url: urlFor(config.host, port),
    app: running,
    db,
    close() {
      closing ??= (async () => {
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
