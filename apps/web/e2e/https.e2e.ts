/**
 * Trellis on a phone over HTTPS (issue 18), in Chromium that maps
 * trellis.test to this machine and trusts one certificate key:
 * - served by Trellis itself with the certificates `npm run certs` makes;
 * - served through Caddy (deploy/Caddyfile) with Caddy's internal CA, in
 *   front of Trellis on plain HTTP on loopback.
 * Each time: the service worker takes control, Chromium finds the app
 * installable, and it reloads offline.
 */
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { ensureHomeCertificates, machineNames, mergeNames } from "../../server/src/tls/certs.ts";
import {
  expectSecureApp,
  freePort,
  HOST_NAME,
  spkiHash,
  startCaddy,
  startTrellis,
  tempDir,
} from "./https-helpers.ts";

// The service worker is on here (the service worker must take control over HTTPS); the config keeps it off elsewhere.
test.use({ serviceWorkers: "allow" });

// Each test starts its own servers (and Caddy) and a browser with its own profile.
test.describe.configure({ timeout: 180_000 });

test("served with the certificates from npm run certs: offline, installable, service worker in control", async () => {
  const data = tempDir("trellis-https-");
  try {
    // What `TRELLIS_CERT_NAMES=trellis.test npm run certs` does, into this data folder.
    const home = await ensureHomeCertificates({
      dataDir: data.dir,
      names: mergeNames(machineNames(), { dns: [HOST_NAME], ips: [] }),
    });
    expect(home?.names.dns).toContain(HOST_NAME);
    // Port 0: the server takes a free one itself and says which.
    const trellis = await startTrellis({
      PORT: "0",
      HOST: "127.0.0.1",
      TRELLIS_DATA_DIR: data.dir,
    });
    try {
      expect(trellis.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const port = new URL(trellis.url).port;
      await expectSecureApp(`https://${HOST_NAME}:${port}`, [spkiHash(home!.certPem)], {
        trustPage: true,
      });
    } finally {
      await trellis.stop();
    }
  } finally {
    data.remove();
  }
});

test("through Caddy with its internal CA in front: offline, installable, service worker in control", async () => {
  const data = tempDir("trellis-caddy-data-");
  const storage = tempDir("trellis-caddy-");
  try {
    const trellis = await startTrellis({
      PORT: "0",
      HOST: "127.0.0.1",
      TRELLIS_DATA_DIR: join(data.dir, "data"),
      TRELLIS_TRUST_PROXY: "127.0.0.1",
    });
    try {
      expect(trellis.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const httpsPort = await freePort();
      const caddy = await startCaddy({
        storage: storage.dir,
        httpsPort,
        upstream: new URL(trellis.url).host,
      });
      try {
        // Chromium checks the chain Caddy presents (site certificate and
        // intermediate): trust the intermediate's key, and the root's.
        await expectSecureApp(`https://${HOST_NAME}:${httpsPort}`, [
          spkiHash(caddy.intermediatePem),
          spkiHash(caddy.rootPem),
        ]);
        // Caddy adds HSTS; Trellis's own headers pass through.
        const res = await fetch(`${trellis.url}/`, { headers: { accept: "text/html" } });
        expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      } finally {
        await caddy.stop();
      }
    } finally {
      await trellis.stop();
    }
  } finally {
    data.remove();
    storage.remove();
  }
});
