import type { TrellisEvent } from "@trellis/domain";

/**
 * Where a device keeps its event log. The log only grows: events are never
 * changed or removed here (corrections and deletions are events too), except
 * when the person erases everything on this device.
 */
export interface EventStorage {
  /** Every stored event as it was written (still untrusted: the caller validates). */
  loadEvents(): Promise<unknown[]>;
  /** Stores all of `events` or none of them. Events already stored are left as they are. */
  appendEvents(events: readonly TrellisEvent[]): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Removes everything this device holds. */
  erase(): Promise<void>;
  close(): void;
}

/** Keeps the log in memory: for tests and for trying things without saving. */
export function memoryStorage(): EventStorage {
  const events = new Map<string, TrellisEvent>();
  const meta = new Map<string, unknown>();
  return {
    async loadEvents() {
      return [...events.values()].map((e) => structuredClone(e));
    },
    async appendEvents(batch) {
      for (const e of batch) if (!events.has(e.id)) events.set(e.id, structuredClone(e));
    },
    async getMeta<T>(key: string) {
      return structuredClone(meta.get(key)) as T | undefined;
    },
    async setMeta(key, value) {
      meta.set(key, structuredClone(value));
    },
    async erase() {
      events.clear();
      meta.clear();
    },
    close() {},
  };
}
