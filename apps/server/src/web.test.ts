import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./config.ts";
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./http/security-headers.ts";
import { makeTempDir } from "./testing/databases.ts";
import { createSelectOneDb } from "./testing/fake-db.ts";

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

function expectSecurityHeaders(headers: Record<string, unknown>) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name]).toBe(value);
}

describe("serving the built web app", () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await makeTempDir("trellis-web-");
    await mkdir(join(dir, "assets"));
    await writeFile(join(dir, "index.html"), INDEX);
    await writeFile(join(dir, "sw.js"), "self.addEventListener('fetch', () => {});");
    await writeFile(join(dir, "manifest.webmanifest"), '{"name":"Trellis"}');
    await writeFile(join(dir, "assets", "index-abc123.js"), "console.log('app');");
    await mkdir(join(dir, "api", "v1"), { recursive: true });
    await writeFile(join(dir, "api", "v1", "shadow.json"), '{"shadowed":true}');
    app = buildApp({
      db: createSelectOneDb(),
      config: { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, webDir: dir },
      logger: false,
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("serves index.html at / with no-cache and the security headers", async () => {
    const res = await app.inject({ url: "/", headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expectSecurityHeaders(res.headers);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
    // WebAssembly may compile (libsodium, OPAQUE); JavaScript eval may not.
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", "")).not.toMatch(
      /unsafe-eval|https?:/,
    );
  });

  it("serves sw.js with no-cache and hashed assets with a long immutable cache", async () => {
    const sw = await app.inject({ url: "/sw.js" });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers["content-type"]).toMatch(/javascript/);
    expect(sw.headers["cache-control"]).toBe("no-cache");
    const asset = await app.inject({ url: "/assets/index-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(asset.headers);
    const manifest = await app.inject({ url: "/manifest.webmanifest" });
    expect(manifest.headers["cache-control"]).toBe("no-cache");
    const head = await app.inject({ method: "HEAD", url: "/sw.js" });
    expect(head.statusCode).toBe(200);
  });

  it("falls back to index.html for client-side routes navigated to", async () => {
    for (const url of ["/cycle", "/cycle/2026-03/labs?tab=e2", "/index.html"]) {
      const res = await app.inject({ url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("does not fall back for missing files, non-GET requests or the API", async () => {
    const script = await app.inject({ url: "/assets/missing-123.js", headers: { accept: "*/*" } });
    expect(script.statusCode).toBe(404);
    expect(script.body).not.toContain("<html");
    expectSecurityHeaders(script.headers);
    const post = await app.inject({ method: "POST", url: "/cycle", headers: html });
    expect(post.statusCode).toBe(404);
    const api = await app.inject({ url: "/api/v1/missing", headers: html });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { reason: "not-found" } });
    // A file under the web dir can never shadow the API.
    const shadow = await app.inject({ url: "/api/v1/shadow.json" });
    expect(shadow.statusCode).toBe(404);
    expect(shadow.json()).toMatchObject({ error: { reason: "not-found" } });
  });

  it("refuses path traversal", async () => {
    const res = await app.inject({ url: "/assets/../../../etc/passwd" });
    expect(res.body).not.toContain("root:");
    const encoded = await app.inject({ url: "/assets/..%2f..%2f..%2fetc%2fpasswd" });
    expect(encoded.body).not.toContain("root:");
  });

  it("the API works alongside", async () => {
    const res = await app.inject({ url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
  });
});

describe("when the web app is not built", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = buildApp({
      db: createSelectOneDb("postgres"),
      config: { maxBodyBytes: DEFAULT_MAX_BODY_BYTES, webDir: "/nonexistent/trellis/web/dist" },
      logger: false,
    });
    await app.ready();
  });

  afterAll(() => app.close());

  it("/ is a plain-text 503 that says to run npm run build", async () => {
    for (const headers of [html, {}]) {
      const res = await app.inject({ url: "/", headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toMatch(/^text\/plain/);
      expect(res.body).toContain("npm run build");
      expectSecurityHeaders(res.headers);
    }
    const deep = await app.inject({ url: "/cycle/labs", headers: html });
    expect(deep.statusCode).toBe(503);
    const asset = await app.inject({ url: "/assets/index.js" });
    expect(asset.statusCode).toBe(404);
  });

  it("the API still works", async () => {
    const res = await app.inject({ url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", storage: "postgres" });
  });
});
