/**
 * The Fastify app: /api/v1 routes, the web app, security headers and the
 * error format. `buildApp` does not listen; see `startServer` for that.
 */
import { STATUS_CODES } from "node:http";
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { Config } from "./config.ts";
import type { Db } from "./db/types.ts";
import { ApiError } from "./http/errors.ts";
import { serializeError, serializeRequest, serializeResponse } from "./http/logging.ts";
import { SECURITY_HEADERS } from "./http/security-headers.ts";
import {
  parseAppendBody,
  parsePullQuery,
  parseVaultId,
  requireJsonContentType,
} from "./http/validation.ts";
import { isApiPath, registerWebApp, sendWebFallback, webAppIsBuilt } from "./http/web.ts";
import { createVaultStore } from "./vault/store.ts";
import { SERVER_VERSION } from "./version.ts";

/** Where log lines go: anything with `write(line)`. */
export interface LogDestination {
  write(line: string): unknown;
}

export interface BuildAppOptions {
  db: Db;
  config: Pick<Config, "maxBodyBytes" | "webDir">;
  /**
   * Logging. Default: level "info" to stdout. `false` turns logging off.
   * Request logging is always off (a quiet console); errors are logged
   * without request bodies.
   */
  logger?: false | { level?: string; stream?: LogDestination };
}

export interface HealthResponse {
  status: "ok";
  version: string;
  storage: Db["kind"];
}

export interface AppendResponse {
  results: { id: string; seq: number; stored: boolean }[];
}

export interface PullResponse {
  events: { seq: number; id: string; body: string; receivedAt: string }[];
  next: number;
  more: boolean;
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

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { db, config } = options;
  const store = createVaultStore(db);
  const loggerOption = options.logger ?? {};

  const app = Fastify({
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
    // Long enough that a wrong vault id reaches our validation (400 naming
    // vaultId) instead of the router's 414.
    routerOptions: { maxParamLength: 1000 },
    // Fastify's own reply for a malformed URL (e.g. "/%zz") in our error format.
    frameworkErrors: (error, _request, reply) => {
      const apiError =
        error.code === "FST_ERR_BAD_URL"
          ? new ApiError(400, "bad-request", "The URL is malformed.")
          : toApiError(error, config.maxBodyBytes);
      // onSend hooks do not run for these replies: add the headers here.
      // (The reply type here is generic over route schemas; we send our own shape.)
      const r = reply as unknown as FastifyReply;
      r.headers({ ...SECURITY_HEADERS, "cache-control": "no-store" });
      void r.code(apiError.statusCode).send(apiError.toBody());
    },
  });

  // Only JSON is accepted. Fastify also parses text/plain by default; without
  // that parser a text/plain body is a 415 like every other content type.
  app.removeContentTypeParser("text/plain");

  app.addHook("onSend", async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
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
      api.get("/health", async (request): Promise<HealthResponse> => {
        try {
          await db.query("SELECT 1");
        } catch (error) {
          request.log.error({ err: error }, "database health check failed");
          throw new ApiError(503, "storage-unavailable", "The database is not reachable.");
        }
        return { status: "ok", version: SERVER_VERSION, storage: db.kind };
      });

      api.post<{ Params: { vaultId: string } }>(
        "/vaults/:vaultId/events",
        async (request): Promise<AppendResponse> => {
          const vaultId = parseVaultId(request.params.vaultId);
          requireJsonContentType(request.headers["content-type"]);
          const events = parseAppendBody(request.body);
          const results = await store.append(vaultId, events);
          return { results };
        },
      );

      api.get<{ Params: { vaultId: string } }>(
        "/vaults/:vaultId/events",
        async (request): Promise<PullResponse> => {
          const vaultId = parseVaultId(request.params.vaultId);
          const { after, limit } = parsePullQuery(request.query);
          const page = await store.pull(vaultId, after, limit);
          return {
            events: page.events.map((event) => ({
              seq: event.seq,
              id: event.id,
              body: toBase64(event.body),
              receivedAt: event.receivedAt.toISOString(),
            })),
            next: page.next,
            more: page.more,
          };
        },
      );
    },
    { prefix: "/api/v1" },
  );

  // Registered last so its /* wildcard never shadows the API.
  if (webBuilt) registerWebApp(app, config.webDir);

  return app;
}
