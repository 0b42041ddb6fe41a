/**
 * The Fastify app: /api/v1 routes, the web app, security headers and the
 * error format. `buildApp` does not listen; see `startServer` for that.
 */
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Http2Session } from "node:http2";
import type { Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import { AccessCache } from "./access-cache.ts";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "./auth/rate-limit.ts";
import { registerAccountRoutes } from "./auth/routes.ts";
import { loadServerSecrets, type ServerSecrets } from "./auth/secrets.ts";
import { authenticate, DEFAULT_SESSION_LIFETIME, type SessionLifetime } from "./auth/sessions.ts";
import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import type { Db } from "./db/types.ts";
import { HOUSEKEEPING_INTERVAL_MS, sweepExpired } from "./housekeeping.ts";
import { registerApiCompression } from "./http/compression.ts";
import { ApiError } from "./http/errors.ts";
import { serializeError, serializeRequest, serializeResponse } from "./http/logging.ts";
import { securityHeadersFor } from "./http/security-headers.ts";
import { isApiPath, registerWebApp, sendWebFallback, webAppIsBuilt } from "./http/web.ts";
import { DEFAULT_PUSH_CONFIG } from "./push/config.ts";
import { registerPushRoutes } from "./push/routes.ts";
import { type PushScheduler, startPushScheduler } from "./push/scheduler.ts";
import { createStreamCounter, DAY_SECONDS } from "./quotas/checks.ts";
import { DEFAULT_QUOTAS, type Quotas } from "./quotas/config.ts";
import { registerTrustRoutes } from "./tls/trust-routes.ts";
import { registerEventRoutes } from "./vault/event-routes.ts";
import { createVaultEventsHub } from "./vault/live.ts";
import { registerVaultRoutes } from "./vault/routes.ts";
import { createVaultStore } from "./vault/store.ts";
import { DEFAULT_STREAM_PING_MS } from "./vault/stream.ts";
import { createStreamChecks } from "./vault/stream-checks.ts";
import { SERVER_VERSION } from "./version.ts";

export type { AppendResponse, PullResponse } from "./vault/event-routes.ts";

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface BuildAppOptions {
  db: Db;
  config: Pick<Config, "maxBodyBytes" | "webDir"> &
    Partial<
      Pick<
        Config,
        | "opaqueServerSetup"
        | "hmacKey"
        | "vapidPrivateKey"
        | "push"
        | "secretsFile"
        | "trustProxy"
        | "sessionIdleSeconds"
        | "sessionMaxAgeSeconds"
      >
    > & {
      /** Quotas; each one missing is its default (DEFAULT_QUOTAS). Tests set small ones. */
      quotas?: Partial<Quotas>;
    };
  /**
   * Logging. Default: level "info" to stdout. `false` turns logging off.
   * Request logging is always off (a quiet console); errors are logged
   * without request bodies.
   */
  logger?: false | { level?: string; stream?: LogDestination };
  /** Secrets already loaded (startServer does, to fail early); otherwise loaded on first use. */
  secrets?: ServerSecrets;
  /** Rate limits; defaults to DEFAULT_RATE_LIMITS. Tests may loosen them. */
  rateLimits?: Partial<RateLimits>;
  /** Interval of `: ping` lines on event streams (default 25 s). */
  streamPingMs?: number;
  /**
   * The push scheduler: how often it looks for due items (default 1 s) and
   * how many it claims at once; `false` runs none (apps on a fake database).
   */
  pushScheduler?: false | { pollMs?: number; batch?: number };
  /**
   * HTTPS: the certificate chain and private key (PEM). The server then
   * speaks HTTP/2 with HTTP/1.1 fallback and sends HSTS. Change them while
   * running with `app.server.setSecureContext` (see startServer).
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The home certificate authority to offer at /ca.crt (see tls/trust-routes.ts); undefined: none. */
  homeAuthority?: () => string | undefined;
}

export interface HealthResponse {
  status: "ok";
  version: string;
  storage: Db["kind"];
}

const GENERIC_INTERNAL_MESSAGE =
  "Something went wrong on the server. Nothing you sent was changed; please try again.";

/** Turns anything thrown while handling a request into an error that is safe to send. */
function toApiError(error: unknown, maxBodyBytes: number): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as Partial<FastifyError> | undefined;
  switch (e?.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ApiError(400, "malformed-json", "The request body is not valid JSON.");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ApiError(
        400,
        "malformed-json",
        'The request body is empty; send a JSON object like {"events": [...]}.',
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ApiError(
        413,
        "body-too-large",
        `The request body is larger than the limit of ${maxBodyBytes} bytes. Send fewer or smaller events per request.`,
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ApiError(
        415,
        "unsupported-media-type",
        "This content type is not accepted; send JSON with Content-Type: application/json.",
      );
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new ApiError(
        400,
        "bad-request",
        "The request body size did not match its Content-Length header.",
      );
  }
  const status = e?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // A client error raised by Fastify or a plugin. Its message could in
    // principle mention input, so send only the standard status text.
    return new ApiError(status, "bad-request", `${STATUS_CODES[status] ?? "Bad request"}.`);
  }
  return new ApiError(500, "internal", GENERIC_INTERNAL_MESSAGE);
}

function pathOf(url: string): string {
  const path = url.split("?")[0] ?? url;
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/** Fastify's trustProxy: a hop count becomes "trust the first n hops", as proxy-addr does. */
function trustProxyOption(
  value: Config["trustProxy"] | undefined,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (value === undefined) return false;
  if (typeof value === "number") return (_address, hop) => hop < value;
  if (typeof value === "boolean") return value;
  return [...value];
}

const contexts = new WeakMap<FastifyInstance, AppContext>();
const schedulers = new WeakMap<FastifyInstance, PushScheduler>();

/** Push items this app's scheduler has had accepted, and has in flight (for tests). */
export function pushStats(app: FastifyInstance): { sent: number; inFlight: number } {
  const stats = schedulers.get(app)?.stats;
  return { sent: stats?.sent ?? 0, inFlight: stats?.inFlight ?? 0 };
}

/**
 * Open event streams and live listeners of an app (for tests: are they
 * cleaned up?), the streams' access-check queries so far, and the entries
 * in the access cache.
 */
export function liveStats(app: FastifyInstance): {
  streams: number;
  listeners: number;
  checkQueries: number;
  cached: { sessions: number; memberships: number };
} {
  const ctx = contexts.get(app);
  return {
    streams: ctx?.openStreams.size ?? 0,
    listeners: ctx?.hub.size ?? 0,
    checkQueries: ctx?.streamChecks.queries ?? 0,
    cached: ctx?.access.size ?? { sessions: 0, memberships: 0 },
  };
}

/** Rate-limit windows, and the daily quota counters kept in the same table. */
function longestWindow(limits: RateLimits): number {
  return Math.max(DAY_SECONDS, ...Object.values(limits).map((rule) => rule.windowSeconds));
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db, config } = options;
  const loggerOption = options.logger ?? {};
  const rateLimits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  let secrets: Promise<ServerSecrets> | undefined =
    options.secrets === undefined ? undefined : Promise.resolve(options.secrets);
  const sessionLifetime: SessionLifetime = {
    idleSeconds: config.sessionIdleSeconds ?? DEFAULT_SESSION_LIFETIME.idleSeconds,
    maxAgeSeconds: config.sessionMaxAgeSeconds ?? DEFAULT_SESSION_LIFETIME.maxAgeSeconds,
  };
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...config.quotas };
  const streamPingMs = options.streamPingMs ?? DEFAULT_STREAM_PING_MS;
  const ctx: AppContext = {
    db,
    quotas,
    streams: createStreamCounter(() => quotas.streamsPerSession),
    store: createVaultStore(db),
    hub: createVaultEventsHub(db),
    rateLimits,
    streamPingMs,
    sessionLifetime,
    push: config.push ?? DEFAULT_PUSH_CONFIG,
    openStreams: new Set(),
    access: new AccessCache(),
    streamChecks: createStreamChecks(db, sessionLifetime, streamPingMs),
    secrets() {
      secrets ??= loadServerSecrets(db, {
        file: config.secretsFile,
        opaqueServerSetup: config.opaqueServerSetup,
        hmacKey: config.hmacKey,
        vapidPrivateKey: config.vapidPrivateKey,
      }).catch((error: unknown) => {
        secrets = undefined; // try again next time (e.g. the database was briefly away)
        throw error;
      });
      return secrets;
    },
    caller: (request) => authenticate(db, request.headers.authorization, sessionLifetime),
  };

  const tls = options.tls;
  // Fastify's types follow the server kind; every route here is written for
  // the request/reply API both kinds share, so the instance is typed as one.
  const app = Fastify({
    ...((tls ? { http2: true, https: { allowHTTP1: true, cert: tls.cert, key: tls.key } } : {}) as {
      http2?: false;
    }),
    logger:
      loggerOption === false
        ? false
        : {
            level: loggerOption.level ?? "info",
            ...(loggerOption.stream ? { stream: loggerOption.stream } : {}),
            serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
          },
    // No "incoming request" / "request completed" lines: a quiet console.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.maxBodyBytes,
    // The client address, for per-address rate limits; behind a proxy only
    // when TRELLIS_TRUST_PROXY says which proxies to believe.
    trustProxy: trustProxyOption(config.trustProxy),
    // Long enough that a wrong vault id reaches our validation (400 naming
    // vaultId) instead of the router's 414.
    routerOptions: { maxParamLength: 1000 },
    // Fastify's own reply for a malformed URL (e.g. "/%zz") in our error format.
    frameworkErrors: (error, request, reply) => {
      const apiError =
        error.code === "FST_ERR_BAD_URL"
          ? new ApiError(400, "bad-request", "The URL is malformed.")
          : toApiError(error, config.maxBodyBytes);
      // onSend hooks do not run for these replies: add the headers here.
      // (The reply type here is generic over route schemas; we send our own shape.)
      const r = reply as unknown as FastifyReply;
      r.headers({ ...securityHeadersFor(request.hostname, !!tls), "cache-control": "no-store" });
      void r.code(apiError.statusCode).send(apiError.toBody());
    },
  }) as unknown as FastifyInstance;

  // Only JSON is accepted. Fastify also parses text/plain by default; without
  // that parser a text/plain body is a 415 like every other content type.
  app.removeContentTypeParser("text/plain");

  app.addHook("onSend", async (request, reply) => {
    reply.headers(securityHeadersFor(request.hostname, !!tls));
    // API responses are private and live: no browser or proxy caching.
    if (isApiPath(request.url)) reply.header("cache-control", "no-store");
  });

  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = toApiError(error, config.maxBodyBytes);
    if (apiError.statusCode >= 500) {
      // The serializer keeps only type, code, message and stack: no body,
      // no driver details that could quote row values.
      request.log.error({ err: error, req: request }, "request failed");
    }
    if (apiError.retryAfter !== undefined) reply.header("retry-after", String(apiError.retryAfter));
    if (
      apiError.statusCode === 401 &&
      (apiError.reason === "unauthenticated" || apiError.reason === "signed-out-elsewhere")
    ) {
      reply.header("www-authenticate", "Bearer");
    }
    return reply.code(apiError.statusCode).send(apiError.toBody());
  });

  const webBuilt = webAppIsBuilt(config.webDir);
  app.setNotFoundHandler((request, reply) => {
    if (isApiPath(request.url)) {
      const error = new ApiError(
        404,
        "not-found",
        `There is no API route ${request.method} ${pathOf(request.url)}.`,
      );
      return reply.code(404).send(error.toBody());
    }
    return sendWebFallback(request, reply, webBuilt);
  });

  app.register(
    async (api) => {
      await registerApiCompression(api);
      api.get("/health", async (request): Promise<HealthResponse> => {
        try {
          await db.query("SELECT 1");
        } catch (error) {
          request.log.error({ err: error }, "database health check failed");
          throw new ApiError(503, "storage-unavailable", "The database is not reachable.");
        }
        return { status: "ok", version: SERVER_VERSION, storage: db.kind };
      });

      registerAccountRoutes(api, ctx);
      registerVaultRoutes(api, ctx);
      registerEventRoutes(api, ctx);
      registerPushRoutes(api, ctx);
    },
    { prefix: "/api/v1" },
  );

  // The home certificate authority and how to trust it (public; 404 without one).
  registerTrustRoutes(app, options.homeAuthority ?? (() => undefined));

  // Registered last so its /* wildcard never shadows the API.
  if (webBuilt) registerWebApp(app, config.webDir);

  // Expired logins, recoveries, rate-limit windows, sessions and old invites.
  const sweeper = setInterval(() => {
    sweepExpired(db, longestWindow(rateLimits), sessionLifetime).catch((error: unknown) =>
      app.log.warn({ err: error }, "removing expired rows failed"),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  sweeper.unref();

  // The push scheduler runs while the app does: from ready (listen or the
  // first inject) until close.
  const pushOptions = options.pushScheduler;
  if (pushOptions !== false) {
    app.addHook("onReady", async () => {
      schedulers.set(
        app,
        startPushScheduler({
          db,
          keys: async () => (await ctx.secrets()).vapid,
          contact: ctx.push.contact,
          allowHosts: ctx.push.allowHosts,
          ...pushOptions,
          warn: (error, message) => app.log.warn({ err: error }, message),
        }),
      );
    });
  }

  app.addHook("onClose", async () => clearInterval(sweeper));

  // Connections without a request in flight. Node's server.close() waits for
  // every connection that is not idle, and counts one that was opened but
  // never sent a request (browsers pre-connect) as busy until its headers
  // timeout, a minute later. Shutdown closes those at once instead.
  const sockets = new Set<Socket>();
  const serving = new Set<Socket>();
  // With TLS, HTTP/1.1 requests run on the TLS socket (secureConnection);
  // HTTP/2 sessions are closed gracefully instead (their streams finish).
  const sessions = new Set<Http2Session>();
  app.server.on(tls ? "secureConnection" : "connection", (socket: Socket) => {
    if (tls && (socket as TLSSocket).alpnProtocol === "h2") return;
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      serving.delete(socket);
    });
  });
  app.server.on("session", (session: Http2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  app.server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (request.httpVersionMajor === 2) return;
    serving.add(request.socket);
    response.once("close", () => serving.delete(request.socket));
  });

  // Open event streams never finish on their own: end them before the
  // server waits for connections to close, so shutdown stays prompt.
  // Requests in flight still finish.
  app.addHook("preClose", async () => {
    clearInterval(sweeper);
    await schedulers.get(app)?.stop();
    for (const end of [...ctx.openStreams]) end();
    await ctx.hub.close();
    for (const socket of sockets) if (!serving.has(socket)) socket.destroy();
    for (const session of sessions) session.close();
  });

  contexts.set(app, ctx);
  return app;
}
