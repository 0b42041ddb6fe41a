/**
 * Compression: the web app's precompressed files (brotli, gzip) chosen by
 * Accept-Encoding, and API bodies over 1 KiB compressed on the fly, while
 * event streams stay plain and unbuffered.
 */

import { mkdir, rm, writeFile } from "node:fs/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./config.ts";
import { COMPRESS_THRESHOLD_BYTES, isCompressibleApiType } from "./http/compression.ts";
import { makeTempDir, openTestPglite } from "./testing/databases.ts";
import { createSelectOneDb } from "./testing/fake-db.ts";
import { uniqueName, useHarness } from "./testing/harness.ts";

// A script long enough to compress well, with bytes outside ASCII.
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `dose ${i} · gonal-f`))};\n`;
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "gzip") return gunzipSync(body);
  return body;
}

describe("precompressed web files", () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = await makeTempDir("trellis-web-compressed-");
    await mkdir(join(dir, "assets"));
    const files: [string, string][] = [
      ["index.html", INDEX],
      ["sw.js", "self.addEventListener('fetch', () => {});"],
      [join("assets", "index-abc123.js"), SCRIPT],
    ];
    for (const [name, text] of files) {
      await writeFile(join(dir, name), text);
      await writeFile(join(dir, `${name}.br`), brotliCompressSync(text));
      await writeFile(join(dir, `${name}.gz`), gzipSync(text));
    }
    // A file the build did not compress (an image): served as it is.
    await writeFile(join(dir, "icon.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
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

  it("sends each encoding the browser accepts, decoding to the same bytes", async () => {
    const cases: [string | undefined, string | undefined][] = [
      ["br, gzip, deflate", "br"],
      ["gzip, deflate", "gzip"],
      ["gzip;q=1, br;q=0.5", "gzip"],
      ["identity", undefined],
      [undefined, undefined],
    ];
    const types = new Set<unknown>();
    for (const [accept, encoding] of cases) {
      const res = await app.inject({
        url: "/assets/index-abc123.js",
        headers: accept === undefined ? {} : { "accept-encoding": accept },
      });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers["content-encoding"], accept).toBe(encoding);
      types.add(res.headers["content-type"]);
      expect(res.headers["content-length"], accept).toBe(String(res.rawPayload.length));
      expect(res.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(decode(encoding, res.rawPayload).toString("utf8"), accept).toBe(SCRIPT);
      if (encoding !== undefined) expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    }
    // One type whatever the encoding (a JavaScript type, with the charset).
    expect([...types]).toEqual([
      expect.stringMatching(/^(text|application)\/javascript; charset=utf-8$/),
    ]);
  });

  it("compresses index.html and the service worker too, which stay no-cache", async () => {
    for (const url of ["/", "/cycle/new"]) {
      const res = await app.inject({
        url,
        headers: { accept: "text/html", "accept-encoding": "br" },
      });
      expect(res.headers["content-encoding"], url).toBe("br");
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(decode("br", res.rawPayload).toString("utf8"), url).toBe(INDEX);
    }
    const sw = await app.inject({ url: "/sw.js", headers: { "accept-encoding": "gzip" } });
    expect(sw.headers["content-encoding"]).toBe("gzip");
    expect(sw.headers["cache-control"]).toBe("no-cache");
  });

  it("serves the app at / to a client that accepts compression but not text/html (curl, a health check)", async () => {
    for (const encoding of ["br", "gzip", "br, gzip", undefined]) {
      const res = await app.inject({
        url: "/",
        headers: encoding === undefined ? {} : { "accept-encoding": encoding },
      });
      expect(res.statusCode, String(encoding)).toBe(200);
      expect(res.headers["content-type"], String(encoding)).toMatch(/^text\/html/);
      const body = decode(res.headers["content-encoding"] as string | undefined, res.rawPayload);
      expect(body.toString("utf8"), String(encoding)).toBe(INDEX);
    }
    // Other unknown paths without text/html stay a 404 (a missing script is not the app).
    const missing = await app.inject({
      url: "/assets/gone.js",
      headers: { "accept-encoding": "br" },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("serves a file without compressed twins as it is, still saying it varies", async () => {
    const res = await app.inject({ url: "/icon.png", headers: { "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
  });

  it("answers HEAD with the headers of the chosen encoding and no body", async () => {
    const get = await app.inject({
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "br" },
    });
    const head = await app.inject({
      method: "HEAD",
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "br" },
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(head.headers["content-length"]).toBe(get.headers["content-length"]);
    expect(head.rawPayload.length).toBe(0);
  });

  it("answers a range of the plain file with those bytes", async () => {
    const res = await app.inject({
      url: "/assets/index-abc123.js",
      headers: { range: "bytes=0-19" },
    });
    expect(res.statusCode).toBe(206);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-range"]).toBe(`bytes 0-19/${Buffer.byteLength(SCRIPT)}`);
    expect(res.body).toBe(SCRIPT.slice(0, 20));
  });
});

describe("API compression", () => {
  it("compresses JSON and text, never an event stream", () => {
    expect(isCompressibleApiType("application/json; charset=utf-8")).toBe(true);
    expect(isCompressibleApiType("application/problem+json")).toBe(true);
    expect(isCompressibleApiType("text/plain; charset=utf-8")).toBe(true);
    expect(isCompressibleApiType("text/event-stream; charset=utf-8")).toBe(false);
    expect(isCompressibleApiType("application/octet-stream")).toBe(false);
  });
});

describe("API compression over real HTTP (PGlite)", { timeout: 60_000 }, () => {
  const harness = useHarness("pglite", openTestPglite);

  /** A raw GET: the body as sent on the wire, not decoded. */
  function rawGet(
    path: string,
    headers: Record<string, string>,
  ): Promise<{
    res: IncomingMessage;
    body: Buffer;
  }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${harness().url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ res, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  }

  async function vaultWithEvents(count: number) {
    const c = harness().client;
    const maya = await c.register({ username: uniqueName("maya") });
    const vault = await c.createVault(maya);
    const notes = Array.from({ length: count }, (_, i) => `NoteAdded ${i} felt fine today`);
    const { results } = await c.append(maya, vault.vaultId, c.seal(vault, notes));
    return { maya, vault, seq: results[results.length - 1]!.seq };
  }

  it("sends a pull page over 1 KiB brotli or gzip when asked, the same JSON once decoded", async () => {
    const { maya, vault } = await vaultWithEvents(20);
    const path = `/api/v1/vaults/${vault.vaultId}/events?after=0&limit=500`;
    const auth = { authorization: `Bearer ${maya.session.token}` };
    const plain = await rawGet(path, auth);
    expect(plain.res.statusCode).toBe(200);
    expect(plain.res.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES);
    const page = JSON.parse(plain.body.toString("utf8")) as { events: unknown[] };
    expect(page.events).toHaveLength(20);
    for (const encoding of ["br", "gzip"]) {
      const { res, body } = await rawGet(path, { ...auth, "accept-encoding": encoding });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(JSON.parse(decode(encoding, body).toString("utf8"))).toEqual(page);
    }
  });

  it("leaves a small body as it is", async () => {
    const { res, body } = await rawGet("/api/v1/health", { "accept-encoding": "br, gzip" });
    expect(res.statusCode).toBe(200);
    expect(body.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(body.toString("utf8"))).toMatchObject({ status: "ok" });
  });

  it("keeps an event stream plain and unbuffered when the client accepts compression", async () => {
    const { maya, vault, seq } = await vaultWithEvents(1);
    const c = harness().client;
    const url = `${harness().url}/api/v1/vaults/${vault.vaultId}/stream?after=${seq}`;
    const req = httpRequest(url, {
      headers: {
        authorization: `Bearer ${maya.session.token}`,
        accept: "text/event-stream",
        "accept-encoding": "br, gzip",
      },
    });
    try {
      const res = await new Promise<IncomingMessage>((resolve, reject) => {
        req.on("response", resolve);
        req.on("error", reject);
        req.end();
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      expect(res.headers["content-encoding"]).toBeUndefined();
      let text = "";
      const frame = `event: events\ndata: ${JSON.stringify({ upTo: seq + 1 })}\n\n`;
      const arrived = new Promise<void>((resolve) => {
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("utf8");
          if (text.includes(frame)) resolve();
        });
      });
      // The stream is open and idle: a new append must come through as plain text at once.
      const { results } = await c.append(maya, vault.vaultId, c.seal(vault, ["NoteAdded live"]));
      expect(results[0]!.seq).toBe(seq + 1);
      await arrived;
    } finally {
      req.destroy();
    }
  });
});
