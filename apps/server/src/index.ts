/**
 * @trellis/server: the optional, self-hostable Trellis server. It serves the
 * web app and /api/v1, and stores each vault's sealed events as opaque bytes.
 */
export {
  type AppendResponse,
  type BuildAppOptions,
  buildApp,
  type HealthResponse,
  type LogDestination,
  liveStats,
  type PullResponse,
  pushStats,
} from "./app.ts";
export { DEFAULT_RATE_LIMITS, type RateLimit, type RateLimits } from "./auth/rate-limit.ts";
export { InvalidServerSetupError, loadServerSecrets, type ServerSecrets } from "./auth/secrets.ts";
export {
  type Config,
  ConfigError,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PORT,
  DEFAULT_WEB_DIR,
  loadConfig,
} from "./config.ts";
export {
  type MigrateResult,
  type Migration,
  migrate,
  migrations,
  SchemaTooNewError,
} from "./db/migrations.ts";
export { openDb, pgliteDir } from "./db/open.ts";
export { partitionVaultEvents, vaultEventsPartitions } from "./db/partition.ts";
export { DataDirInUseError, openPgliteDb } from "./db/pglite.ts";
export { openPostgresDb, type PostgresDbOptions } from "./db/postgres.ts";
export type {
  Db,
  NotificationHandlers,
  Queryable,
  QueryResult,
  StorageKind,
} from "./db/types.ts";
export type { ErrorBody, ErrorReason } from "./http/errors.ts";
export {
  DEFAULT_PULL_LIMIT,
  MAX_EVENT_BODY_BYTES,
  MAX_EVENTS_PER_BATCH,
  MAX_PULL_LIMIT,
} from "./http/validation.ts";
export { DEFAULT_PUSH_CONTACT, type PushConfig } from "./push/config.ts";
export { checkPushEndpoint, KNOWN_PUSH_HOSTS } from "./push/endpoints.ts";
export { DEFAULT_PUSH_POLL_MS } from "./push/scheduler.ts";
export { CLAIM_SECONDS, MIN_DROP_SECONDS } from "./push/store.ts";
export { InvalidVapidKeyError, type VapidKeys, vapidAuthorization } from "./push/vapid.ts";
export { type RunningServer, type StartServerOptions, startServer, urlFor } from "./server.ts";
export { formatVaultNotification, VAULT_EVENTS_CHANNEL } from "./vault/notifications.ts";
export {
  type AppendEvent,
  type AppendOptions,
  type AppendResult,
  createVaultStore,
  type PullResult,
  type StoredEvent,
  sizeBucket,
  type VaultStore,
} from "./vault/store.ts";
export { DEFAULT_STREAM_PING_MS } from "./vault/stream.ts";
export { SERVER_VERSION } from "./version.ts";
