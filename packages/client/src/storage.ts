/**
 * Where a device keeps its event log (`EventStorage`), what sync holds aside
 * (`HeldEvent`), and the same store in memory for tests (`memoryStorage`).
 */
import type { TrellisEvent } from "@trellis/domain";

/**
 * An event that came from the server but could not be taken in: it did not
 * open, did not parse, or came from a device whose clock is far ahead. Kept
 * aside exactly as it arrived (still sealed), never applied, never dropped;
 * sync tries it again later (after an update, or once a new key arrives) and
 * the screens show that something is waiting.
 */
export interface HeldEvent {
  readonly vaultId: string;
  readonly id: string;
  readonly seq: number;
  /** The sealed body as the server sent it (base64). */
  readonly body: string;
  /** Machine-readable reason, e.g. `decrypt-failure`, `invalid-event`, `unknown-epoch`. */
  readonly reason: string;
  /** Which field or check failed, when known (never event content). */
  readonly detail?: string;
  readonly heldAt: number;
}

/** Where a new event came from: recorded here (goes to the outbox) or received by sync. */
export type EventOrigin = "local" | "sync";

/**
 * Where a device keeps its event log. The log only grows: events are never
 * changed or removed here (corrections and deletions are events too), except
 * when the person erases everything on this device.
 *
 * Beside the log: the outbox (ids of events recorded here that no server has
 * confirmed yet) and the held events (received, not applied).
 */
export interface EventStorage {
  /** Every stored event as it was written (still untrusted: the caller validates). */
  loadEvents(): Promise<unknown[]>;
  /**
   * Stores all of `events` or none of them. Events already stored are left as
   * they are. Local events (the default) also enter the outbox, in the same
   * transaction, so an event is never stored without being queued for sync,
   * except those listed in `keepHere` (kept on this device: see the domain's
   * `keptOnDevice`), which never enter it.
   */
  appendEvents(
    events: readonly TrellisEvent[],
    origin?: EventOrigin,
    keepHere?: ReadonlySet<string>,
  ): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Ids of events waiting to be sent. */
  loadOutbox(): Promise<string[]>;
  /** Puts stored events (back) in the outbox, e.g. when a record becomes a vault. */
  enqueue(ids: readonly string[]): Promise<void>;
  /** Removes ids the server has confirmed. */
  acknowledge(ids: readonly string[]): Promise<void>;
  loadHeld(): Promise<HeldEvent[]>;
  hold(events: readonly HeldEvent[]): Promise<void>;
  release(ids: readonly string[]): Promise<void>;
  /** Removes everything this device holds. */
  erase(): Promise<void>;
  close(): void;
}

/** Keeps the log in memory: for tests and for trying things without saving. */
export function memoryStorage(): EventStorage {
  const events = new Map<string, TrellisEvent>();
  const meta = new Map<string, unknown>();
  const outbox = new Set<string>();
  const held = new Map<string, HeldEvent>();
  return {
    async loadEvents() {
      return [...events.values()].map((e) => structuredClone(e));
    },
    async appendEvents(batch, origin = "local", keepHere) {
      for (const e of batch) {
        if (events.has(e.id)) continue;
        events.set(e.id, structuredClone(e));
        if (origin === "local" && !keepHere?.has(e.id)) outbox.add(e.id);
      }
    },
    async getMeta<T>(key: string) {
      return structuredClone(meta.get(key)) as T | undefined;
    },
    async setMeta(key, value) {
      meta.set(key, structuredClone(value));
    },
    async loadOutbox() {
      return [...outbox];
    },
    async enqueue(ids) {
      for (const id of ids) if (events.has(id)) outbox.add(id);
    },
    async acknowledge(ids) {
      for (const id of ids) outbox.delete(id);
    },
    async loadHeld() {
      return [...held.values()].map((h) => structuredClone(h));
    },
    async hold(batch) {
      for (const h of batch) held.set(h.id, structuredClone(h));
    },
    async release(ids) {
      for (const id of ids) held.delete(id);
    },
    async erase() {
      events.clear();
      meta.clear();
      outbox.clear();
      held.clear();
    },
    close() {},
  };
}
