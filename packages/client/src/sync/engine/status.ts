/**
 * The engine's status, for an honest indicator: what it is doing, how many
 * events wait to be sent or are held aside, and who is told when it changes.
 */
import { type Listeners, listeners } from "../../listeners.ts";

/**
 * What the engine is doing, for an honest indicator:
 * - `synced`: everything recorded here is on the server, and everything on the server is here;
 * - `syncing`: a round is under way;
 * - `offline`: the server could not be reached; it tries again at `retryAt`;
 * - `error`: the server refused (`reason`); retried at `retryAt` unless `fatal`;
 * - `stopped`: not running.
 */
export interface SyncStatus {
  readonly phase: "synced" | "syncing" | "offline" | "error" | "stopped";
  /** Events recorded here and not yet on the server. */
  readonly pending: number;
  /** Events received but kept aside (see `HeldEvent`). */
  readonly held: number;
  readonly reason?: string;
  /** True when retrying will not help (signed out, removed from the vault). */
  readonly fatal?: boolean;
  readonly retryAt?: number;
  readonly lastSyncedAt?: number;
}

export interface StatusBoard {
  readonly current: SyncStatus;
  /** A new phase; the counts and the last sync time carry over. */
  set(next: Omit<SyncStatus, "pending" | "held">): void;
  /** The same phase with fresh counts (the outbox's size, and `held` if given). */
  recount(held?: number): void;
  readonly listeners: Listeners<[SyncStatus]>;
}

/** A status that starts `stopped`, reading the outbox's size through `pending`. */
export function statusBoard(pending: () => number): StatusBoard {
  let status: SyncStatus = { phase: "stopped", pending: pending(), held: 0 };
  const told = listeners<[SyncStatus]>();
  return {
    get current() {
      return status;
    },
    set(next) {
      const lastSyncedAt = next.lastSyncedAt ?? status.lastSyncedAt;
      status = {
        ...next,
        pending: pending(),
        held: status.held,
        ...(lastSyncedAt !== undefined && { lastSyncedAt }),
      };
      told.emit(status);
    },
    recount(held = status.held) {
      status = { ...status, pending: pending(), held };
      told.emit(status);
    },
    listeners: told,
  };
}
