/**
 * Serving the built web app: static files from the web directory (their
 * precompressed brotli or gzip twin when the browser accepts it), with an
 * SPA fallback to index.html for navigations. If the app is not built, the
 * API keeps working and navigations get a 503 explaining what to do.
 */
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const NO_CACHE = "no-cache";
const IMMUTABLE = "public, max-age=31536000, immutable";

export const WEB_NOT_BUILT_MESSAGE =
  "The Trellis web app is not built yet. Run `npm run build` in the project folder, then restart the server.\n";

export function isApiPath(url: string): boolean {
  return url === "/api" || url.startsWith("/api/") || url.startsWith("/api?");
}

/** Whether the web directory holds a built app. */
export function webAppIsBuilt(webDir: string): boolean {
  return existsSync(join(webDir, "index.html"));
}

/**
 * Content-hashed files under /assets/ never change: cache them for a year.
 * Everything else (index.html, sw.js, the manifest, icons) must be
 * revalidated so a new deploy and a new service worker are picked up.
 */
function cacheControlFor(webDir: string, filePath: string): string {
  const rel = relative(webDir, filePath);
  return rel.startsWith(`assets${sep}`) ? IMMUTABLE : NO_CACHE;
}

/** A browser navigation: a GET (or HEAD) for a page, not a script or an API call. */
export function isNavigation(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (isApiPath(request.url)) return false;
  const accept = request.headers.accept ?? "";
  return accept.includes("text/html");
}

/** Serves `webDir` at `/`. Register it on the root instance (it decorates `reply.sendFile`). */
export function registerWebApp(app: FastifyInstance, webDir: string): void {
  app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    wildcard: true,
    index: "index.html",
    cacheControl: false,
    // The build writes name.br and name.gz beside each file (apps/web/scripts/precompress.mjs):
    // sent with Content-Encoding as Accept-Encoding allows, with Vary: Accept-Encoding.
    preCompressed: true,
    // Never let a file in the web folder shadow the API.
    allowedPath: (pathname) => !isApiPath(pathname),
    setHeaders: (reply: FastifyReply, filePath: string) => {
      reply.header("cache-control", cacheControlFor(webDir, filePath));
    },
  });
}

/** SPA fallback for navigations that matched no file. */
export function sendWebFallback(
  request: FastifyRequest,
  reply: FastifyReply,
  built: boolean,
): FastifyReply {
  const path = request.url.split("?")[0];
  const isGet = request.method === "GET" || request.method === "HEAD";
  if (!built && isGet && (path === "/" || path === "/index.html" || isNavigation(request))) {
    return reply.code(503).type("text/plain; charset=utf-8").send(WEB_NOT_BUILT_MESSAGE);
  }
  // "/" is the app whatever the request accepts. @fastify/static does not
  // find index.html for "/" when it looks for a precompressed twin, so a
  // client that asks for br or gzip without `Accept: text/html` (curl, a
  // health check, a proxy) lands here.
  const root = isGet && path === "/";
  if (!built || !(root || isNavigation(request))) {
    return reply.code(404).type("text/plain; charset=utf-8").send("Not found\n");
  }
  return reply.header("cache-control", NO_CACHE).sendFile("index.html");
}
