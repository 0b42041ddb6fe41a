/**
 * One database and one listening app per test file (PGlite takes seconds to
 * start here), shared by the suites registered in that file.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { type BuildAppOptions, buildApp } from "../app.ts";
import { makeServerSecrets, type ServerSecrets } from "../auth/secrets.ts";
import { DEFAULT_MAX_BODY_BYTES } from "../config.ts";
import type { Db } from "../db/types.ts";
import { fetchTransport, injectTransport, LOOSE_RATE_LIMITS, TestClient } from "./client.ts";
import type { TestDatabase } from "./databases.ts";

export const NO_WEB_DIR = "/nonexistent/trellis-web-dist";
/** The contact the test apps put in their VAPID JWTs. */
export const TEST_PUSH_CONTACT = "mailto:push-tests@trellis-app.org";
export const TEST_APP_CONFIG = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  webDir: NO_WEB_DIR,
  // The mock push service of the push tests listens on loopback.
  push: { contact: TEST_PUSH_CONTACT, allowHosts: ["127.0.0.1"] },
};

export interface Harness {
  readonly kind: Db["kind"];
  readonly testDb: TestDatabase;
  readonly db: Db;
  /** The secrets every app on this database shares (pass them to any app you build). */
  readonly secrets: ServerSecrets;
  /** Listening on 127.0.0.1 (any port), loose rate limits, 200 ms stream pings. */
  readonly app: FastifyInstance;
  readonly url: string;
  /** A client through `app.inject`. */
  readonly client: TestClient;
  /** A client over real HTTP to `url`. */
  readonly http: TestClient;
  /** Another app on the same database (closed with the harness). */
  buildApp(options?: Partial<Omit<BuildAppOptions, "db">>): Promise<FastifyInstance>;
}

/** A username no other test uses: `maya-3f9a1c2b`. */
export function uniqueName(base = "user"): string {
  return `${base}-${randomBytes(5).toString("hex")}`;
}

export const STREAM_PING_MS = 200;
export { LOOSE_RATE_LIMITS };

/** Registers beforeAll/afterAll in the calling describe; the getter works inside tests. */
export function useHarness(kind: Db["kind"], open: () => Promise<TestDatabase>): () => Harness {
  let harness: Harness | undefined;
  const extraApps: FastifyInstance[] = [];

  // Generous: PGlite's first start (initdb) can take a minute on a busy machine.
  beforeAll(async () => {
    const testDb = await open();
    // One set of secrets for every app on this database, as a secrets file
    // shared by instances would give.
    const secrets = await makeServerSecrets();
    const app = buildApp({
      db: testDb.db,
      secrets,
      config: TEST_APP_CONFIG,
      logger: false,
      rateLimits: LOOSE_RATE_LIMITS,
      streamPingMs: STREAM_PING_MS,
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    harness = {
      kind,
      testDb,
      db: testDb.db,
      secrets,
      app,
      url,
      client: new TestClient(injectTransport(app)),
      http: new TestClient(fetchTransport(url)),
      async buildApp(options = {}) {
        const extra = buildApp({
          db: testDb.db,
          secrets,
          config: TEST_APP_CONFIG,
          logger: false,
          rateLimits: LOOSE_RATE_LIMITS,
          ...options,
        });
        extraApps.push(extra);
        await extra.ready();
        return extra;
      },
    };
  }, 180_000);

  afterAll(async () => {
    for (const extra of extraApps) await extra.close();
    await harness?.app.close();
    await harness?.testDb.cleanup();
  }, 60_000);

  return () => {
    if (harness === undefined) throw new Error("The harness is not ready (beforeAll failed?).");
    return harness;
  };
}
