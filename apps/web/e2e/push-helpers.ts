/**
 * A mock push service for browser tests: a subscription the page gets
 * instead of a real one (Chromium here has no push service), whose endpoint
 * is an HTTP server on loopback that keeps what the relay sends, and the
 * browser's side of RFC 8291 (node:crypto, apart from the app's WebCrypto
 * code) to read it.
 */
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CDPSession, Page } from "@playwright/test";

export interface Delivery {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

export interface MockPushService {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
  readonly deliveries: Delivery[];
  decrypt(body: Buffer): string;
  close(): Promise<void>;
}

export async function startMockPushService(): Promise<MockPushService> {
  const ecdh = createECDH("prime256v1");
  const uaPublic = ecdh.generateKeys();
  const auth = randomBytes(16);
  const deliveries: Delivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/wpush/v2/e2e-subscription`,
    p256dh: uaPublic.toString("base64url"),
    auth: auth.toString("base64url"),
    deliveries,
    decrypt(body) {
      const salt = body.subarray(0, 16);
      const idlen = body[20]!;
      const asPublic = body.subarray(21, 21 + idlen);
      const secret = ecdh.computeSecret(asPublic);
      const info = Buffer.concat([Buffer.from("WebPush: info\0"), uaPublic, asPublic]);
      const ikm = Buffer.from(hkdfSync("sha256", secret, auth, info, 32));
      const cek = Buffer.from(
        hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16),
      );
      const nonce = Buffer.from(
        hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12),
      );
      const sealed = body.subarray(21 + idlen);
      const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      const record = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]);
      const end = record.lastIndexOf(2);
      if (record.subarray(end + 1).some((b) => b !== 0)) throw new Error("bad padding");
      return record.subarray(0, end).toString("utf8");
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Gives the page the mock's subscription from `pushManager.subscribe`, and notes the key it was asked with. */
export async function useMockSubscription(page: Page, mock: MockPushService): Promise<void> {
  await page.addInitScript(
    ({ endpoint, p256dh, auth }) => {
      const w = window as unknown as { subscribedWith?: string; subscribed?: boolean };
      const subscription = {
        endpoint,
        expirationTime: null,
        options: { userVisibleOnly: true },
        toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh, auth } }),
        unsubscribe: async () => {
          w.subscribed = false;
          return true;
        },
      };
      PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
        const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
        w.subscribedWith = btoa(String.fromCharCode(...key))
          .replace(/\+/g, "-")
          .replace(/\//g, "_")
          .replace(/=+$/, "");
        if (options?.userVisibleOnly !== true) throw new Error("userVisibleOnly must be true");
        w.subscribed = true;
        return subscription as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async () =>
        (w.subscribed ? subscription : null) as unknown as PushSubscription | null;
    },
    { endpoint: mock.endpoint, p256dh: mock.p256dh, auth: mock.auth },
  );
}

/** CDP with the service worker domain on, and the page's registration id once known. */
export async function serviceWorkerSession(
  page: Page,
): Promise<{ cdp: CDPSession; deliver: (data: string) => Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(page.url()).origin;
  let registrationId: string | undefined;
  const known = new Promise<void>((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const r = registrations.find((x) => x.scopeURL.startsWith(origin) && !x.isDeleted);
      if (r) {
        registrationId = r.registrationId;
        resolve();
      }
    });
  });
  await cdp.send("ServiceWorker.enable");
  await known;
  return {
    cdp,
    deliver: async (data) => {
      await cdp.send("ServiceWorker.deliverPushMessage", {
        origin,
        registrationId: registrationId!,
        data,
      });
    },
  };
}

/** What the service worker's registration shows now. */
export function shownNotifications(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      actions: (n as unknown as { actions: { action: string; title: string }[] }).actions.map(
        (a) => `${a.action}:${a.title}`,
      ),
    }));
  });
}
