/**
 * The sync engine for one vault on one device: pushes the outbox (sealed),
 * pulls everything after the vault's cursor (opened, validated, folded in),
 * listens to the live stream, and retries with exponential backoff and
 * jitter. The device stays fully usable throughout: recording never waits
 * for the network, and nothing is lost or doubled if a request or its answer
 * goes missing (appends are idempotent by event id, received events are
 * de-duplicated by id, the cursor only moves after events are stored).
 */
import { parseEvent, type Result, type TrellisEvent } from "@trellis/domain";
import type { SyncStore } from "../client.ts";
import type { HeldEvent } from "../storage.ts";
import { createApi, type SyncFailure } from "./api.ts";
import { fromBase64, toBase64 } from "./base64.ts";
import { StreamRefused, type Transport } from "./transport.ts";
import type { VaultCrypto } from "./vault-crypto.ts";

/** Time and chance, injected so tests control them. */
export interface SyncClock {
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A number in [0, 1), for jitter. */
  random(): number;
}

export const systemClock: SyncClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    }),
  random: () => Math.random(),
};

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

export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay, plus a
 * random part of the other half, so many devices coming back at once spread
 * out. Never less than the server's `retryAfter` (seconds).
 */
export function backoffDelay(
  attempt: number,
  random: number,
  options: BackoffOptions = {},
  retryAfterSeconds?: number,
): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 60_000;
  const exponential = Math.min(max, base * 2 ** Math.min(attempt, 30));
  const jittered = exponential / 2 + random * (exponential / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** Failures retrying cannot fix: the session ended, or this account left the vault. */
export function isFatal(failure: SyncFailure): boolean {
  return (
    failure.reason === "unauthenticated" ||
    failure.reason === "forbidden" ||
    failure.reason === "not-found"
  );
}

const CURSOR_PREFIX = "sync-cursor:";
/** Events taken in per fold; a fresh device pulling a long journey folds a few times, not per page. */
const RECEIVE_CHUNK = 5_000;
const STREAM_CONNECTED_POLL_MS = 5 * 60_000;

export function cursorKey(vaultId: string): string {
  return `${CURSOR_PREFIX}${vaultId}`;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { storage, transport, crypto, token } = options;
  const clock = options.clock ?? systemClock;
  const api = createApi(transport);
  const vaultId = crypto.vaultId;
  const pushBatch = options.pushBatch ?? 500;
  const pullLimit = options.pullLimit ?? 1000;
  const pollMs = options.pollMs ?? 20_000;

  let status: SyncStatus = { phase: "stopped", pending: storage.pendingCount, held: 0 };
  const listeners = new Set<(s: SyncStatus) => void>();
  let round: Promise<Result<void, SyncFailure>> | null = null;
  let running = false;
  let lifetime = new AbortController();
  let loops: Promise<unknown>[] = [];
  let wakeUp: (() => void) | null = null;
  let wakeQueued = false;
  let streamConnected = false;
  let knownUpTo = 0;
  let unsubscribeRecorded: (() => void) | null = null;

  function setStatus(next: Omit<SyncStatus, "pending" | "held">): void {
    const lastSyncedAt = next.lastSyncedAt ?? status.lastSyncedAt;
    status = {
      ...next,
      pending: storage.pendingCount,
      held: status.held,
      ...(lastSyncedAt !== undefined && { lastSyncedAt }),
    };
    for (const l of listeners) l(status);
  }

  function refreshCounts(held = status.held): void {
    status = { ...status, pending: storage.pendingCount, held };
    for (const l of listeners) l(status);
  }

  function wake(): void {
    wakeQueued = true;
    wakeUp?.();
  }

  /** Waits `ms`, or less if woken or stopped. */
  async function rest(ms: number): Promise<void> {
    if (wakeQueued || !running) {
      wakeQueued = false;
      return;
    }
    const early = new AbortController();
    const onStop = () => early.abort();
    lifetime.signal.addEventListener("abort", onStop, { once: true });
    wakeUp = () => early.abort();
    await clock.sleep(ms, early.signal);
    lifetime.signal.removeEventListener("abort", onStop);
    wakeUp = null;
    wakeQueued = false;
  }

  // --- one round --------------------------------------------------------

  async function push(): Promise<Result<void, SyncFailure>> {
    let refreshed = false;
    for (;;) {
      const batch = storage.pending().slice(0, pushBatch);
      if (batch.length === 0) return { ok: true, value: undefined };
      const sealed = batch.map((e) => crypto.seal(e));
      const sent = await api.append(token, vaultId, { events: sealed });
      if (!sent.ok) {
        if (sent.error.reason === "stale-epoch" && !refreshed) {
          // The vault moved to a new epoch (a member was removed): get the new key, seal again.
          refreshed = true;
          const r = await crypto.refresh();
          if (!r.ok) return r;
          continue;
        }
        return sent;
      }
      const confirmed = new Set(sent.value.results.map((r) => r.id));
      await storage.acknowledge(batch.map((e) => e.id).filter((id) => confirmed.has(id)));
      refreshCounts();
      if (confirmed.size === 0) {
        return { ok: false, error: { reason: "bad-response" } };
      }
    }
  }

  interface Wire {
    readonly id: string;
    readonly seq: number;
    readonly body: Uint8Array;
  }
  interface Received {
    readonly event: TrellisEvent;
    readonly wire: Wire;
  }
  type Opened = { ok: true; received: Received } | { ok: false; held: HeldEvent };

  function heldFrom(wire: Wire, reason: string, detail?: string): HeldEvent {
    return {
      vaultId,
      id: wire.id,
      seq: wire.seq,
      body: toBase64(wire.body),
      reason,
      ...(detail !== undefined && { detail }),
      heldAt: clock.now(),
    };
  }

  /** Opens, parses and validates one event from the server; anything wrong is held, with why. */
  function openOne(wire: Wire): Opened {
    const opened = crypto.open(wire.id, wire.body);
    if (!opened.ok) return { ok: false, held: heldFrom(wire, opened.error.reason) };
    const parsed = parseEvent(opened.value);
    if (!parsed.ok) {
      const p = parsed.error;
      const needsUpdate = p.reason === "newer-schema" || p.reason === "unknown-type";
      return {
        ok: false,
        held: heldFrom(
          wire,
          needsUpdate ? "needs-update" : "invalid-event",
          `${p.reason} ${p.field}`,
        ),
      };
    }
    if (parsed.value.id !== wire.id) return { ok: false, held: heldFrom(wire, "id-mismatch") };
    return { ok: true, received: { event: parsed.value, wire } };
  }

  /** Opens a page, fetching new keys once if an event needs an epoch this device lacks. */
  async function openAll(
    wires: readonly Wire[],
    refresh: { used: boolean },
  ): Promise<Result<{ received: Received[]; held: HeldEvent[] }, SyncFailure>> {
    let results = wires.map(openOne);
    const lacksKey = results.some((r) => !r.ok && r.held.reason === "unknown-epoch");
    if (lacksKey && !refresh.used) {
      refresh.used = true;
      const refreshed = await crypto.refresh();
      if (!refreshed.ok) return refreshed;
      if (refreshed.value) results = wires.map(openOne);
    }
    const received: Received[] = [];
    const held: HeldEvent[] = [];
    for (const r of results) {
      if (r.ok) received.push(r.received);
      else held.push(r.held);
    }
    return { ok: true, value: { received, held } };
  }

  /** Stores and folds valid events; holds the rest (and any stamped too far ahead). Returns ids taken in. */
  async function takeIn(
    received: readonly Received[],
    held: readonly HeldEvent[],
  ): Promise<string[]> {
    const { tooFarAhead } = await storage.receive(received.map((r) => r.event));
    const drifted = new Set(tooFarAhead.map((e) => e.id));
    const toHold = [
      ...held,
      ...received
        .filter((r) => drifted.has(r.event.id))
        .map((r) => heldFrom(r.wire, "clock-drift", r.event.device)),
    ];
    if (toHold.length > 0) await storage.hold(toHold);
    return received.filter((r) => !drifted.has(r.event.id)).map((r) => r.event.id);
  }

  async function pull(): Promise<Result<void, SyncFailure>> {
    let cursor = (await storage.getMeta<number>(cursorKey(vaultId))) ?? 0;
    const refresh = { used: false };
    let received: Received[] = [];
    let held: HeldEvent[] = [];
    // The cursor moves only once what came before it is stored (taken in or held).
    const flush = async () => {
      await takeIn(received, held);
      await storage.setMeta(cursorKey(vaultId), cursor);
      received = [];
      held = [];
    };
    // The next page is asked for while this one is opened and validated, so a
    // new device pulling a long journey waits on the network and the CPU at once.
    let pending = api.pull(token, vaultId, cursor, pullLimit);
    for (;;) {
      const page = await pending;
      if (page.ok && page.value.more)
        pending = api.pull(token, vaultId, page.value.next, pullLimit);
      if (!page.ok) {
        if (received.length > 0 || held.length > 0) await flush();
        return page;
      }
      const opened = await openAll(page.value.events, refresh);
      if (!opened.ok) return opened;
      received.push(...opened.value.received);
      held.push(...opened.value.held);
      cursor = Math.max(cursor, page.value.next);
      knownUpTo = Math.max(knownUpTo, cursor);
      if (!page.value.more || received.length >= RECEIVE_CHUNK) await flush();
      if (!page.value.more) return { ok: true, value: undefined };
    }
  }

  async function heldHere(): Promise<HeldEvent[]> {
    return (await storage.held()).filter((h) => h.vaultId === vaultId);
  }

  /** Tries held events again: a new key or a newer app may open them now. */
  async function retryHeld(): Promise<void> {
    const all = await heldHere();
    if (all.length === 0) return;
    // Some wait for a key: ask whether it has arrived (a failure here just leaves them held).
    if (all.some((h) => h.reason === "unknown-epoch")) await crypto.refresh();
    const received: Received[] = [];
    const changed: HeldEvent[] = [];
    for (const h of all) {
      const body = fromBase64(h.body);
      if (!body) continue; // kept as the server sent it; bytes that are not base64 never open
      const r = openOne({ id: h.id, seq: h.seq, body });
      if (r.ok) received.push(r.received);
      else if (r.held.reason !== h.reason) changed.push({ ...h, reason: r.held.reason });
    }
    if (received.length > 0) await storage.release(await takeIn(received, []));
    if (changed.length > 0) await storage.hold(changed);
  }

  async function runRound(): Promise<Result<void, SyncFailure>> {
    const before = (await options.beforeRound?.()) ?? { ok: true };
    if (!before.ok) return before;
    await retryHeld();
    const pushed = await push();
    const pulled = pushed.ok ? await pull() : pushed;
    refreshCounts((await heldHere()).length);
    return pulled;
  }

  function sync(): Promise<Result<void, SyncFailure>> {
    if (!round) {
      round = runRound().finally(() => {
        round = null;
      });
    }
    return round;
  }

  // --- keeping at it ------------------------------------------------------

  async function mainLoop(): Promise<void> {
    let attempt = 0;
    while (running) {
      setStatus({ phase: "syncing" });
      const r = await sync();
      if (!running) break;
      if (r.ok) {
        attempt = 0;
        setStatus({ phase: "synced", lastSyncedAt: clock.now() });
        if (storage.pendingCount > 0) continue;
        await rest(streamConnected ? STREAM_CONNECTED_POLL_MS : pollMs);
        continue;
      }
      const failure = r.error;
      if (isFatal(failure)) {
        setStatus({ phase: "error", reason: failure.reason, fatal: true });
        running = false;
        break;
      }
      const delay = backoffDelay(attempt++, clock.random(), options.backoff, failure.retryAfter);
      const retryAt = clock.now() + delay;
      setStatus(
        failure.reason === "offline"
          ? { phase: "offline", retryAt }
          : { phase: "error", reason: failure.reason, retryAt },
      );
      await rest(delay);
    }
  }

  async function streamLoop(): Promise<void> {
    let attempt = 0;
    while (running) {
      try {
        const after = (await storage.getMeta<number>(cursorKey(vaultId))) ?? 0;
        const messages = transport.stream({
          path: api.streamPath(vaultId, after),
          token,
          signal: lifetime.signal,
        });
        for await (const message of messages) {
          if (!streamConnected) {
            streamConnected = true;
            attempt = 0;
          }
          if (message.event !== "events") continue;
          const upTo = readUpTo(message.data);
          if (upTo !== null && upTo > knownUpTo) wake();
        }
      } catch (cause) {
        if (cause instanceof StreamRefused && cause.status !== 429 && cause.status < 500) {
          // Refused for good (signed out, removed, or a server without a stream):
          // the main loop notices the reason on its next pull, and polls meanwhile.
          streamConnected = false;
          if (cause.status === 401 || cause.status === 403) wake();
          return;
        }
      }
      streamConnected = false;
      if (!running) return;
      const delay = backoffDelay(attempt++, clock.random(), options.backoff);
      await clock.sleep(delay, lifetime.signal);
    }
  }

  return {
    vaultId,
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sync,
    start() {
      if (running) return;
      running = true;
      lifetime = new AbortController();
      unsubscribeRecorded = storage.onRecorded(() => {
        refreshCounts();
        // While backing off after a failure, a new entry waits for the next try.
        if (status.phase === "synced" || status.phase === "syncing") wake();
      });
      loops = [mainLoop()];
      if (options.live !== false) loops.push(streamLoop());
    },
    nudge: wake,
    async stop() {
      running = false;
      lifetime.abort();
      wakeUp?.();
      unsubscribeRecorded?.();
      unsubscribeRecorded = null;
      await Promise.allSettled(loops);
      await round?.catch(() => undefined);
      loops = [];
      setStatus({ phase: "stopped" });
    },
  };
}

function readUpTo(data: string): number | null {
  try {
    const value = (JSON.parse(data) as { upTo?: unknown }).upTo;
    return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
  } catch {
    return null;
  }
}
