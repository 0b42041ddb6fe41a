/**
 * Two instances of the server on the harness's one PostgreSQL database, as an
 * operator would run them behind a load balancer: they share their secrets,
 * given by the environment.
 */
import { loadConfig } from "../config.ts";
import { type RunningServer, startServer } from "../server.ts";
import { type Harness, LOOSE_RATE_LIMITS, NO_WEB_DIR, STREAM_PING_MS } from "./harness.ts";

export function twoServers(harness: Harness): Promise<[RunningServer, RunningServer]> {
  const config = loadConfig({
    PORT: "0",
    TRELLIS_DATABASE_URL: harness.testDb.url!,
    TRELLIS_WEB_DIR: NO_WEB_DIR,
    TRELLIS_OPAQUE_SERVER_SETUP: harness.secrets.opaqueServerSetup,
    TRELLIS_HMAC_KEY: harness.secrets.hmacKey.toString("base64url"),
    TRELLIS_VAPID_PRIVATE_KEY: harness.secrets.vapid.privateKeyText,
  });
  const options = {
    logger: false as const,
    streamPingMs: STREAM_PING_MS,
    rateLimits: LOOSE_RATE_LIMITS,
  };
  return Promise.all([startServer(config, options), startServer(config, options)]);
}
