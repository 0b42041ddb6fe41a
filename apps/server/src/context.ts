/** What the route modules share: storage, the live hub, secrets, limits. Built once per app by buildApp. */
import type { FastifyRequest } from "fastify";
import type { AccessCache } from "./access-cache.ts";
import type { RateLimits } from "./auth/rate-limit.ts";
import type { ServerSecrets } from "./auth/secrets.ts";
import type { Caller, SessionLifetime } from "./auth/sessions.ts";
import type { Db } from "./db/types.ts";
import type { PushConfig } from "./push/config.ts";
import type { StreamCounter } from "./quotas/checks.ts";
import type { Quotas } from "./quotas/config.ts";
import type { VaultEventsHub } from "./vault/live.ts";
import type { VaultStore } from "./vault/store.ts";
import type { StreamChecks } from "./vault/stream-checks.ts";

export interface AppContext {
  readonly db: Db;
  readonly store: VaultStore;
  readonly hub: VaultEventsHub;
  readonly rateLimits: RateLimits;
  /** Quotas per vault, account and session. */
  readonly quotas: Quotas;
  /** Live streams open per session on this instance. */
  readonly streams: StreamCounter;
  readonly streamPingMs: number;
  /** When sessions end by age (idle, and at most since sign-in). */
  readonly sessionLifetime: SessionLifetime;
  /** The push relay's settings (allowed hosts, VAPID contact). */
  readonly push: PushConfig;
  /** Open event streams; each entry ends its stream (used on shutdown). */
  readonly openStreams: Set<() => void>;
  /** The server's secrets (loaded from the database once, then cached). */
  secrets(): Promise<ServerSecrets>;
  /** The live streams' shared access checks and ping timer. */
  readonly streamChecks: StreamChecks;
  /** Sessions and memberships seen lately, for the hot routes (access-cache.ts). */
  readonly access: AccessCache;
  /** The signed-in caller, or a 401. */
  caller(request: FastifyRequest): Promise<Caller>;
}
