/**
 * A push service on loopback for tests (node:http, any free port): it
 * records every message (path, headers, exact body bytes, arrival time) and
 * answers as the test says: a status, or "hold" (no answer until released).
 * Also: checking a VAPID `Authorization` header the way a push service does.
 */
import { createPublicKey, verify } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface PushDelivery {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Date.now() when the whole body had arrived. */
  readonly receivedAt: number;
}

export type MockAnswer = number | "hold";

export interface MockPushService {
  /** e.g. http://127.0.0.1:40123 */
  readonly url: string;
  readonly deliveries: PushDelivery[];
  /** How to answer a message (default 201). */
  answer: (delivery: PushDelivery) => MockAnswer;
  /** Answers every held message with `status`. */
  release(status: number): void;
  /** Held messages not yet answered. */
  readonly held: number;
  /** Resolves with the first delivery (already here or to come) that matches. */
  waitFor(match: (delivery: PushDelivery) => boolean, timeoutMs?: number): Promise<PushDelivery>;
  close(): Promise<void>;
}

export async function startMockPushService(): Promise<MockPushService> {
  const deliveries: PushDelivery[] = [];
  const held: ServerResponse[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const delivery: PushDelivery = {
        path: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks),
        receivedAt: Date.now(),
      };
      deliveries.push(delivery);
      for (const wake of [...waiters]) wake();
      const answer = mock.answer(delivery);
      if (answer === "hold") held.push(response);
      else response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const mock: MockPushService = {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    answer: () => 201,
    release(status) {
      for (const response of held.splice(0)) response.writeHead(status).end();
    },
    get held() {
      return held.length;
    },
    waitFor(match, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = deliveries.find(match);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error("No matching push message arrived."));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const response of held.splice(0)) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return mock;
}

export interface VapidClaims {
  readonly aud: string;
  readonly exp: number;
  readonly sub: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service would:
 * `k` is the expected public key, the JWT is ES256 and verifies against
 * it. Returns the claims; throws on any mismatch.
 */
export function verifyVapidHeader(header: string | undefined, publicKey: string): VapidClaims {
  const match =
    /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(
      header ?? "",
    );
  if (!match) throw new Error(`Not a VAPID Authorization header: ${header}`);
  const [jwt, k] = [match[1]!, match[2]!];
  if (k !== publicKey) throw new Error("k is not the server's VAPID public key.");
  const [headerPart, claimsPart, signaturePart] = jwt.split(".") as [string, string, string];
  const jose = JSON.parse(Buffer.from(headerPart, "base64url").toString()) as { alg?: string };
  if (jose.alg !== "ES256") throw new Error(`alg is ${jose.alg}, not ES256.`);
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({
    format: "jwk",
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
  });
  const signature = Buffer.from(signaturePart, "base64url");
  const ok = verify(
    "sha256",
    Buffer.from(`${headerPart}.${claimsPart}`),
    { key, dsaEncoding: "ieee-p1363" },
    signature,
  );
  if (!ok || signature.byteLength !== 64)
    throw new Error("The VAPID JWT's signature does not verify.");
  return JSON.parse(Buffer.from(claimsPart, "base64url").toString()) as VapidClaims;
}

/**
 * Bytes shaped like an RFC 8291 message (RFC 8188 header: salt, record size
 * 4096, a 65-byte key id; then `size` bytes standing for the record). The
 * relay never opens them; it must pass them on unchanged.
 */
export function fakeAes128gcmBody(size = 120, fill?: number): Buffer {
  const header = Buffer.alloc(21 + 65);
  header.writeUInt32BE(4096, 16);
  header[20] = 65;
  const record = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) record[i] = fill ?? Math.floor(Math.random() * 256);
  for (let i = 0; i < 16; i += 1) header[i] = Math.floor(Math.random() * 256);
  header[21] = 4;
  return Buffer.concat([header, record]);
}
