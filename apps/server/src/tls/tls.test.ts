/**
 * HTTPS: the home certificates `npm run certs` makes (files, names, renewal),
 * the server over HTTP/2 and HTTP/1.1 with them (headers, the API, an event
 * stream, /ca.crt and /trust), a certificate renewed while running, and what
 * start-up says about phones.
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import http2 from "node:http2";
import https from "node:https";
import { join } from "node:path";
import tls from "node:tls";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config.ts";
import { type RunningServer, startServer } from "../server.ts";
import {
  type ApiResponse,
  LOOSE_RATE_LIMITS,
  TestClient,
  type Transport,
} from "../testing/client.ts";
import { makeTempDir } from "../testing/databases.ts";
import {
  CertificateNameError,
  certificateNames,
  ensureHomeCertificates,
  homeTlsFiles,
  machineNames,
  parseExtraNames,
  SERVER_DAYS,
  spkiSha256,
} from "./certs.ts";
import { PLAIN_HTTP_WARNING, phoneNotes } from "./startup-notes.ts";

const DAY = 24 * 60 * 60 * 1000;
const NAMES = { dns: ["trellis.test", "localhost"], ips: ["127.0.0.1", "192.168.1.20", "::1"] };

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir("trellis-tls-");
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("home certificates", () => {
  it("makes an authority and a server certificate for the names, files 0600 in a 0700 folder", async () => {
    const dataDir = await tempDir();
    const home = await ensureHomeCertificates({ dataDir, names: NAMES });
    expect(home?.made).toEqual({ authority: true, server: true });
    const files = homeTlsFiles(dataDir);
    expect((await stat(files.dir)).mode & 0o777).toBe(0o700);
    for (const file of [files.caCert, files.caKey, files.cert, files.key]) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    const ca = new X509Certificate(home!.caPem);
    const cert = new X509Certificate(home!.certPem);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(
      cert.checkPrivateKey(
        await import("node:crypto").then((c) => c.createPrivateKey(home!.keyPem)),
      ),
    ).toBe(true);
    expect(cert.checkHost("trellis.test")).toBe("trellis.test");
    expect(cert.checkIP("192.168.1.20")).toBe("192.168.1.20");
    expect(cert.checkIP("::1")).toBe("::1");
    expect(cert.checkHost("elsewhere.test")).toBeUndefined();
    const days = (new Date(cert.validTo).getTime() - Date.now()) / DAY;
    expect(days).toBeGreaterThan(SERVER_DAYS - 2);
    expect(days).toBeLessThanOrEqual(SERVER_DAYS);
    // The names one can read back, as the server compares them.
    expect([...certificateNames(home!.certPem).dns].sort()).toEqual(["localhost", "trellis.test"]);
  });

  it("leaves good certificates alone, renews near the end or for a new name, keeping the authority", async () => {
    const dataDir = await tempDir();
    const first = await ensureHomeCertificates({ dataDir, names: NAMES });
    const again = await ensureHomeCertificates({ dataDir, names: NAMES });
    expect(again?.made).toEqual({ authority: false, server: false });
    expect(again?.certPem).toBe(first?.certPem);

    const late = new Date(first!.notAfter.getTime() - 10 * DAY);
    const renewed = await ensureHomeCertificates({ dataDir, names: NAMES, now: late });
    expect(renewed?.made).toEqual({ authority: false, server: true });
    expect(renewed?.caPem).toBe(first?.caPem);
    expect(renewed!.notAfter.getTime()).toBeGreaterThan(first!.notAfter.getTime());
    expect(spkiSha256(renewed!.certPem)).not.toBe(spkiSha256(first!.certPem));

    const moved = await ensureHomeCertificates({
      dataDir,
      names: { dns: NAMES.dns, ips: [...NAMES.ips, "10.0.0.7"] },
      now: late,
    });
    expect(moved?.made.server).toBe(true);
    const cert = new X509Certificate(moved!.certPem);
    expect(cert.checkIP("10.0.0.7")).toBe("10.0.0.7");
    // Names it had are kept: a phone that used the old address still can.
    expect(cert.checkHost("trellis.test")).toBe("trellis.test");
  });

  it("makes a pair again when a crash left a key of one and a certificate of another", async () => {
    const dataDir = await tempDir();
    const first = await ensureHomeCertificates({ dataDir, names: NAMES });
    const files = homeTlsFiles(dataDir);
    // The server key replaced by another (as if the run stopped between the two writes).
    await writeFile(files.key, await readFile(files.caKey, "utf8"));
    const mended = await ensureHomeCertificates({ dataDir, names: NAMES });
    expect(mended?.made).toEqual({ authority: false, server: true });
    expect(
      new X509Certificate(mended!.certPem).checkPrivateKey(createPrivateKey(mended!.keyPem)),
    ).toBe(true);
    expect(mended?.caPem).toBe(first?.caPem);
    // The authority's own pair likewise: a new authority, and a server certificate from it.
    await writeFile(files.caKey, await readFile(files.key, "utf8"));
    const anew = await ensureHomeCertificates({ dataDir, names: NAMES });
    expect(anew?.made).toEqual({ authority: true, server: true });
    expect(new X509Certificate(anew!.certPem).checkIssued(new X509Certificate(anew!.caPem))).toBe(
      true,
    );
  });

  it("makes nothing when asked only to renew and there is no authority", async () => {
    const dataDir = await tempDir();
    expect(await ensureHomeCertificates({ dataDir, existingOnly: true })).toBeUndefined();
  });

  it("reads extra names, refusing what is not a name or address", () => {
    expect(parseExtraNames("trellis.test, 10.1.2.3 fd00::9")).toEqual({
      dns: ["trellis.test"],
      ips: ["10.1.2.3", "fd00::9"],
    });
    expect(() => parseExtraNames("ok.test,bad name!")).toThrow(CertificateNameError);
    expect(() => parseExtraNames("https://x.test")).toThrow(/TRELLIS_CERT_NAMES/);
  });

  it("covers this machine: localhost, host name, host.local and every outside address", () => {
    const names = machineNames(
      {
        lo: [{ address: "127.0.0.1", family: "IPv4", internal: true } as never],
        eth0: [
          { address: "192.168.4.5", family: "IPv4", internal: false } as never,
          { address: "fe80::1", family: "IPv6", internal: false } as never,
          { address: "2001:db8::5", family: "IPv6", internal: false } as never,
        ],
      },
      "kitchen",
    );
    expect([...names.dns].sort()).toEqual(["kitchen", "kitchen.local", "localhost"]);
    expect([...names.ips].sort()).toEqual(["127.0.0.1", "192.168.4.5", "2001:db8::5", "::1"]);
  });
});

describe("TLS configuration", () => {
  it("takes both variables or neither, and says which file is missing", async () => {
    const dir = await tempDir();
    expect(() => loadConfig({ TRELLIS_TLS_CERT: "a.pem" }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ TRELLIS_TLS_KEY: "a.pem" }, dir)).toThrow(/go together/);
    expect(() => loadConfig({ TRELLIS_TLS_CERT: "c.pem", TRELLIS_TLS_KEY: "k.pem" }, dir)).toThrow(
      new RegExp(`TRELLIS_TLS_CERT names ${join(dir, "c.pem")}, which does not exist`),
    );
    await writeFile(join(dir, "c.pem"), "x");
    await writeFile(join(dir, "k.pem"), "x");
    expect(loadConfig({ TRELLIS_TLS_CERT: "c.pem", TRELLIS_TLS_KEY: "k.pem" }, dir).tls).toEqual({
      certFile: join(dir, "c.pem"),
      keyFile: join(dir, "k.pem"),
      source: "env",
    });
    // No variables: the home certificates when `npm run certs` made them.
    expect(loadConfig({ TRELLIS_DATA_DIR: "d" }, dir).tls).toBeUndefined();
    await ensureHomeCertificates({ dataDir: join(dir, "d"), names: NAMES });
    expect(loadConfig({ TRELLIS_DATA_DIR: "d" }, dir).tls?.source).toBe("home");
  });

  it("refuses to start with files that are not a certificate and key, naming them", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "c.pem"), "not a certificate");
    await writeFile(join(dir, "k.pem"), "not a key");
    const config = loadConfig(
      { TRELLIS_TLS_CERT: "c.pem", TRELLIS_TLS_KEY: "k.pem", PORT: "0", TRELLIS_DATA_DIR: "d" },
      dir,
    );
    await expect(startServer(config, { logger: false })).rejects.toThrow(
      /Could not use TRELLIS_TLS_CERT .*c\.pem.* and TRELLIS_TLS_KEY .*k\.pem.* for HTTPS/,
    );
  });
});

/** HTTP/2 requests that trust only `ca`, as a TestClient transport. */
function h2Client(origin: string, ca: string, servername = "localhost") {
  const session = http2.connect(origin, { ca, servername });
  const request = (
    headers: http2.OutgoingHttpHeaders,
    body?: Uint8Array | string,
  ): Promise<{ headers: http2.IncomingHttpHeaders; raw: Buffer }> =>
    new Promise((resolve, reject) => {
      const stream = session.request(headers);
      const chunks: Buffer[] = [];
      let got: http2.IncomingHttpHeaders = {};
      stream.on("response", (h) => {
        got = h;
      });
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve({ headers: got, raw: Buffer.concat(chunks) }));
      stream.on("error", reject);
      stream.end(body);
    });
  const transport: Transport = async (req): Promise<ApiResponse> => {
    const headers: http2.OutgoingHttpHeaders = {
      ":method": req.method,
      ":path": req.path,
      ...(req.body === undefined ? {} : { "content-type": "application/json" }),
      ...(req.bytes === undefined ? {} : { "content-type": "application/octet-stream" }),
      ...(req.token === undefined ? {} : { authorization: `Bearer ${req.token}` }),
      ...req.headers,
    };
    const body = req.body === undefined ? req.bytes : JSON.stringify(req.body);
    const res = await request(headers, body);
    const text = res.raw.toString("utf8");
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (!k.startsWith(":")) out[k] = String(v);
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return {
      status: Number(res.headers[":status"]),
      headers: out,
      body: parsed,
      text,
      raw: new Uint8Array(res.raw),
    };
  };
  return { session, request, transport };
}

describe("the server over HTTPS with home certificates", () => {
  let dataDir: string;
  let server: RunningServer;
  let caPem: string;
  let clock = Date.now();

  beforeAll(async () => {
    dataDir = await tempDir();
    const home = await ensureHomeCertificates({ dataDir, names: machineNames() });
    caPem = home!.caPem;
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      TRELLIS_DATA_DIR: dataDir,
      TRELLIS_WEB_DIR: "/nonexistent",
    });
    expect(config.tls?.source).toBe("home");
    server = await startServer(config, {
      logger: false,
      rateLimits: LOOSE_RATE_LIMITS,
      tlsCheckMs: 200,
      now: () => new Date(clock),
    });
  }, 240_000);
  afterAll(async () => {
    await server?.close();
  });

  it("speaks HTTP/2 with HSTS and COOP, and the API works over it, event stream included", async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { session, request, transport } = h2Client(server.url, caPem);
    try {
      // A name of its own (the client's default authority is its TLS name, localhost).
      const health = await request({
        ":path": "/api/v1/health",
        ":authority": `trellis.test:${new URL(server.url).port}`,
      });
      expect(health.headers[":status"]).toBe(200);
      expect(JSON.parse(health.raw.toString())).toMatchObject({ status: "ok" });
      expect(health.headers["strict-transport-security"]).toBe("max-age=31536000");
      expect(health.headers["cross-origin-opener-policy"]).toBe("same-origin");
      // Not for this computer's own names: a year of HTTPS-only would hold for every port there.
      for (const name of ["localhost", "maya-laptop.local"]) {
        const local = await request({
          ":path": "/api/v1/health",
          ":authority": `${name}:${new URL(server.url).port}`,
        });
        expect(local.headers[":status"]).toBe(200);
        expect(local.headers["strict-transport-security"]).toBeUndefined();
      }
      expect(health.headers["content-security-policy"]).toContain("default-src 'self'");

      const client = new TestClient(transport);
      const maya = await client.register({ username: "maya-h2" });
      const vault = await client.createVault(maya);

      // An event stream over HTTP/2: it opens, then tells of an append made after.
      // A malformed URL, answered before any route, carries them too.
      const malformed = await request({
        ":path": "/%zz",
        ":authority": `trellis.test:${new URL(server.url).port}`,
      });
      expect(malformed.headers[":status"]).toBe(400);
      expect(malformed.headers["strict-transport-security"]).toBe("max-age=31536000");
      expect(malformed.headers["cross-origin-opener-policy"]).toBe("same-origin");

      const stream = session.request({
        ":authority": `trellis.test:${new URL(server.url).port}`,
        ":path": `/api/v1/vaults/${vault.vaultId}/stream?after=0`,
        authorization: `Bearer ${maya.session.token}`,
        accept: "text/event-stream",
      });
      let text = "";
      const opened = new Promise<http2.IncomingHttpHeaders>((resolve) =>
        stream.on("response", resolve),
      );
      stream.on("data", (c: Buffer) => {
        text += c.toString();
      });
      const headers = await opened;
      expect(headers[":status"]).toBe(200);
      expect(headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      expect(headers["strict-transport-security"]).toBe("max-age=31536000");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      const events = client.seal(vault, ["a dose, over HTTP/2"]);
      const appended = await client.append(maya, vault.vaultId, events);
      await expect.poll(() => text, { timeout: 5000 }).toMatch(/data:/);
      expect(text).toContain(String((appended as { seq?: number }).seq ?? ""));
      stream.close();

      const pulled = await client.pullAll(maya, vault.vaultId);
      expect(pulled.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    } finally {
      session.close();
    }
  });

  it("falls back to HTTP/1.1 for a client without HTTP/2", async () => {
    const res = await new Promise<{
      status: number;
      version: string;
      headers: Record<string, unknown>;
      body: string;
    }>((resolve, reject) => {
      https
        .get(
          `${server.url}/api/v1/health`,
          {
            ca: caPem,
            servername: "localhost",
            ALPNProtocols: ["http/1.1"],
          } as https.RequestOptions,
          (r) => {
            let body = "";
            r.on("data", (c) => {
              body += c;
            });
            r.on("end", () =>
              resolve({ status: r.statusCode!, version: r.httpVersion, headers: r.headers, body }),
            );
          },
        )
        .on("error", reject);
    });
    expect(res.status).toBe(200);
    expect(res.version).toBe("1.1");
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
  });

  it("offers the authority at /ca.crt and a page on trusting it", async () => {
    const { session, request } = h2Client(server.url, caPem);
    try {
      const ca = await request({ ":path": "/ca.crt" });
      expect(ca.headers[":status"]).toBe(200);
      expect(ca.headers["content-type"]).toBe("application/x-x509-ca-cert");
      expect(ca.headers["content-disposition"]).toContain("trellis-home-ca.crt");
      expect(ca.raw.toString()).toBe(caPem);
      const page = await request({ ":path": "/trust", "accept-language": "en-GB,en;q=0.8" });
      expect(page.headers[":status"]).toBe(200);
      expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
      const html = page.raw.toString();
      expect(html).toContain('<h2 id="iphone">iPhone or iPad</h2>');
      expect(html).toContain('<h2 id="android">Android</h2>');
      expect(html).toContain('href="/ca.crt"');
      expect(html).toContain(new X509Certificate(caPem).fingerprint256);
      expect(html).not.toMatch(/<script/i);
    } finally {
      session.close();
    }
  });

  it("renews its certificate while running and serves the new one without a restart", async () => {
    const peerCert = () =>
      new Promise<tls.PeerCertificate>((resolve, reject) => {
        const socket = tls.connect(
          // The test's clock is a year on, so the renewed certificate is "not yet valid" by the
          // real one: take it unverified here, and check who issued it below.
          {
            host: "127.0.0.1",
            port: server.port,
            rejectUnauthorized: false,
            servername: "localhost",
            ALPNProtocols: ["h2"],
          },
          () => {
            resolve(socket.getPeerCertificate());
            socket.end();
          },
        );
        socket.on("error", reject);
      });
    const before = await peerCert();
    // A year on, the certificate is within its last month: the next check renews it.
    clock += (SERVER_DAYS - 10) * DAY;
    await expect
      .poll(async () => (await peerCert()).serialNumber, { timeout: 10_000 })
      .not.toBe(before.serialNumber);
    const after = await peerCert();
    expect(new Date(after.valid_to).getTime()).toBeGreaterThan(new Date(before.valid_to).getTime());
    const renewed = new X509Certificate(after.raw);
    expect(renewed.checkIssued(new X509Certificate(caPem))).toBe(true);
    expect(renewed.verify(new X509Certificate(caPem).publicKey)).toBe(true);
  });
});

describe("start-up with a certificate near its end", () => {
  it("renews it before listening, and serves precompressed files over HTTP/2", async () => {
    const dataDir = await tempDir();
    const webDir = await tempDir();
    const page = "<!doctype html><title>Trellis</title><p>hello over h2</p>".repeat(20);
    await writeFile(join(webDir, "index.html"), page);
    await writeFile(join(webDir, "index.html.br"), brotliCompressSync(page));
    await writeFile(join(webDir, "index.html.gz"), gzipSync(page));
    // Made 387 days ago: it ends in ten days.
    const old = await ensureHomeCertificates({
      dataDir,
      names: machineNames(),
      now: new Date(Date.now() - (SERVER_DAYS - 10) * DAY),
    });
    const server = await startServer(
      loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        TRELLIS_DATA_DIR: dataDir,
        TRELLIS_WEB_DIR: webDir,
      }),
      { logger: false },
    );
    try {
      const served = await new Promise<tls.PeerCertificate>((resolve, reject) => {
        const socket = tls.connect(
          { host: "127.0.0.1", port: server.port, ca: old!.caPem, servername: "localhost" },
          () => {
            resolve(socket.getPeerCertificate());
            socket.end();
          },
        );
        socket.on("error", reject);
      });
      expect(served.serialNumber).not.toBe(new X509Certificate(old!.certPem).serialNumber);
      expect(new Date(served.valid_to).getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
      // The files on disk are the renewed ones, still 0600.
      const files = homeTlsFiles(dataDir);
      expect(new X509Certificate(await readFile(files.cert, "utf8")).serialNumber).toBe(
        served.serialNumber,
      );
      expect((await stat(files.key)).mode & 0o777).toBe(0o600);

      const { session, request } = h2Client(server.url, old!.caPem);
      try {
        const br = await request({
          ":path": "/",
          ":authority": `trellis.test:${new URL(server.url).port}`,
          accept: "text/html",
          "accept-encoding": "br, gzip",
        });
        expect(br.headers[":status"]).toBe(200);
        expect(br.headers["content-encoding"]).toBe("br");
        expect(brotliDecompressSync(br.raw).toString()).toBe(page);
        expect(br.headers["strict-transport-security"]).toBe("max-age=31536000");
      } finally {
        session.close();
      }
    } finally {
      await server.close();
    }
  }, 240_000);
});

describe("what start-up says about phones", () => {
  const lan = {
    lo: [{ address: "127.0.0.1", family: "IPv4", internal: true } as never],
    wlan0: [{ address: "192.168.1.20", family: "IPv4", internal: false } as never],
  };

  it("on loopback over HTTP, nothing", async () => {
    expect(await phoneNotes({ host: "127.0.0.1", tls: undefined }, 4310, lan)).toBe("");
  });

  it("over plain HTTP on the network, what will not work on a phone and how to fix it", async () => {
    const notes = await phoneNotes({ host: "0.0.0.0", tls: undefined }, 4310, lan);
    expect(notes).toBe(PLAIN_HTTP_WARNING("0.0.0.0", 4310));
    for (const words of [
      "service worker",
      "Web Push",
      "WebAuthn",
      "crypto.subtle",
      "npm run certs",
      "docs/deploy.md",
    ]) {
      expect(notes).toContain(words);
    }
  });

  it("with home certificates, the https address and a QR code of the trust page", async () => {
    const notes = await phoneNotes(
      { host: "0.0.0.0", tls: { certFile: "c", keyFile: "k", source: "home" } },
      4310,
      lan,
    );
    expect(notes).toContain("https://192.168.1.20:4310/");
    expect(notes).toContain("https://192.168.1.20:4310/trust");
    // The terminal QR code: rows of block characters.
    expect(notes.split("\n").filter((line) => /[█▀▄]/.test(line)).length).toBeGreaterThan(10);
  });
});
