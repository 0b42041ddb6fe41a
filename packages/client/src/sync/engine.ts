/**
 * The sync engine for one vault on one device: runs rounds (push the outbox,
 * pull after the cursor, see `engine/round.ts`) and keeps at it: after
 * recording, on live-stream notices, and with exponential backoff and jitter
 * after failures. The device stays fully usable throughout: recording never
 * waits for the network, and nothing is lost or doubled if a request or its
 * answer goes missing (appends are idempotent by event id, received events
 * are de-duplicated by id, the cursor only moves after events are stored).
 *
 * This file wires the parts and keeps the loop; each part has its own file
 * under `engine/`.
 */
import type { Result } from "@trellis/domain";
import { MAX_APPEND_EVENTS, MAX_PULL_EVENTS } from "@trellis/sync";
import type { SyncStore } from "../client.ts";
import { createApi, type SyncFailure } from "./api.ts";
import { alarm } from "./engine/alarm.ts";
import { type BackoffOptions, backoffDelay, isFatal } from "./engine/backoff.ts";
import { type SyncClock, systemClock } from "./engine/clock.ts";
import { cursorKey } from "./engine/cursor.ts";
import { type RoundContext, runRound } from "./engine/round.ts";
import { type SyncStatus, statusBoard } from "./engine/status.ts";
import { listen } from "./engine/stream.ts";
import type { EntryTrust } from "./entry-trust.ts";
import { noHistory } from "./snapshot/history.ts";
import { SNAPSHOT_EVERY } from "./snapshot/seal.ts";
import type { Transport } from "./transport.ts";
import type { VaultCrypto } from "./vault-crypto.ts";

export { type BackoffOptions, backoffDelay, isFatal } from "./engine/backoff.ts";
export { type SyncClock, systemClock } from "./engine/clock.ts";
export { cursorKey } from "./engine/cursor.ts";
export type { SyncStatus } from "./engine/status.ts";

export interface SyncEngineOptions {
  readonly storage: SyncStore;
  readonly transport: Transport;
  readonly crypto: VaultCrypto;
  readonly clock?: SyncClock;
  /** The session's bearer token. */
  readonly token: string;
  /** Listen to the server's live stream (default true). */
  readonly live?: boolean;
  readonly pushBatch?: number;
  readonly pullLimit?: number;
  readonly backoff?: BackoffOptions;
  /** How often to pull when the live stream is not connected (default 20 s). */
  readonly pollMs?: number;
  /** Runs first in every round (e.g. finishing a key rotation); a failure ends the round. */
  readonly beforeRound?: () => Promise<Result<void, SyncFailure>>;
  /** Whose entries apply (see `RoundContext.trust`). */
  readonly trust?: EntryTrust;
  /** Entries between snapshots (default `SNAPSHOT_EVERY`); 0: no snapshots made or used. */
  readonly snapshotEvery?: number;
}

export interface SyncEngine {
  readonly vaultId: string;
  readonly status: SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** One full round now: push the outbox, then pull everything new. */
  sync(): Promise<Result<void, SyncFailure>>;
  /** Keeps syncing until `stop`: after recording, on live notices, and after failures with backoff. */
  start(): void;
  /** Try again now (the browser came back online, or the person asked). */
  nudge(): void;
  stop(): Promise<void>;
}

/** With the live stream connected, a pull now and then is only a safety net. */
const STREAM_CONNECTED_POLL_MS = 5 * 60_000;

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { storage, transport, crypto, token } = options;
  const clock = options.clock ?? systemClock;
  const api = createApi(transport);
  const vaultId = crypto.vaultId;
  const pollMs = options.pollMs ?? 20_000;
  const ctx: RoundContext = {
    storage,
    api,
    crypto,
    vaultId,
    token,
    clock,
    pushBatch: options.pushBatch ?? MAX_APPEND_EVENTS,
    pullLimit: options.pullLimit ?? MAX_PULL_EVENTS,
    trust: options.trust,
    snapshotEvery: options.snapshotEvery ?? SNAPSHOT_EVERY,
    history: noHistory(),
  };

  const status = statusBoard(() => storage.pendingCount);
  const rest = alarm(clock);
  let round: Promise<Result<void, SyncFailure>> | null = null;
  let running = false;
  let lifetime = new AbortController();
  let loops: Promise<unknown>[] = [];
  let streamConnected = false;
  let knownUpTo = 0;
  let unsubscribeRecorded: (() => void) | null = null;
  /** More of a snapshot's history to pull: the next round starts at once. */
  let historyMore = false;
  /** Costs in the outbox waiting for a costs key: not a reason to run again at once. */
  let waiting = 0;

  /** One round at a time: asking during a round gets that round's result. */
  function sync(): Promise<Result<void, SyncFailure>> {
    round ??= runRound(ctx, {
      beforeRound: options.beforeRound,
      onPushed: () => status.recount(),
      onCursor: (cursor) => {
        knownUpTo = Math.max(knownUpTo, cursor);
      },
    })
      .then(({ result, held, more, waiting: w }) => {
        historyMore = more === true;
        if (w !== undefined) waiting = w;
        if (held !== undefined) status.recount(held);
        return result;
      })
      .finally(() => {
        round = null;
      });
    return round;
  }

  /** Rounds until stopped: at once while the outbox has more, otherwise after a rest or a backoff. */
  async function keepSyncing(): Promise<void> {
    let attempt = 0;
    while (running) {
      status.set({ phase: "syncing" });
      const r = await sync();
      if (!running) break;
      if (r.ok) {
        attempt = 0;
        status.set({ phase: "synced", lastSyncedAt: clock.now() });
        if (storage.pendingCount > waiting || historyMore) continue;
        await rest.rest(
          streamConnected ? STREAM_CONNECTED_POLL_MS : pollMs,
          lifetime.signal,
          running,
        );
        continue;
      }
      const failure = r.error;
      if (isFatal(failure)) {
        status.set({ phase: "error", reason: failure.reason, fatal: true });
        running = false;
        break;
      }
      const delay = backoffDelay(attempt++, clock.random(), options.backoff, failure.retryAfter);
      const retryAt = clock.now() + delay;
      status.set(
        failure.reason === "offline"
          ? { phase: "offline", retryAt }
          : { phase: "error", reason: failure.reason, retryAt },
      );
      await rest.rest(delay, lifetime.signal, running);
    }
  }

  return {
    vaultId,
    get status() {
      return status.current;
    },
    subscribe: status.listeners.add,
    sync,
    start() {
      if (running) return;
      running = true;
      lifetime = new AbortController();
      unsubscribeRecorded = storage.onRecorded(() => {
        status.recount();
        // While backing off after a failure, a new entry waits for the next try.
        const phase = status.current.phase;
        if (phase === "synced" || phase === "syncing") rest.wake();
      });
      loops = [keepSyncing()];
      if (options.live !== false) {
        loops.push(
          listen({
            transport,
            token,
            clock,
            backoff: options.backoff,
            path: (after) => api.streamPath(vaultId, after),
            cursor: async () => (await storage.getMeta<number>(cursorKey(vaultId))) ?? 0,
            knownUpTo: () => knownUpTo,
            running: () => running,
            signal: lifetime.signal,
            onConnected: (connected) => {
              streamConnected = connected;
            },
            wake: rest.wake,
          }),
        );
      }
    },
    nudge: rest.wake,
    async stop() {
      running = false;
      lifetime.abort();
      unsubscribeRecorded?.();
      unsubscribeRecorded = null;
      await Promise.allSettled(loops);
      await round?.catch(() => undefined);
      loops = [];
      status.set({ phase: "stopped" });
    },
  };
}
