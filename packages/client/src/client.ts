import {
  compareEvents,
  createHlc,
  type EventOf,
  type EventType,
  fold,
  foldMore,
  formatHlc,
  type Hlc,
  type JourneyState,
  type PayloadInput,
  type Problem,
  parseEvent,
  parseHlc,
  prepareEvent,
  type Result,
  receiveHlc,
  type TrellisEvent,
} from "@trellis/domain";
import { newDeviceId, newEventId } from "./ids.ts";
import { type ClientProblem, clientProblem } from "./refusals.ts";
import type { EventStorage, HeldEvent } from "./storage.ts";

/** A stored event this version could not read (kept, never dropped). */
export interface UnreadableEvent {
  readonly id: string | null;
  readonly problem: Problem;
}

/** The file "Export everything" produces, and "Import" reads back. */
export interface ExportFile {
  readonly format: "trellis-export";
  readonly version: 1;
  readonly exportedAt: string;
  readonly device: string;
  readonly events: readonly unknown[];
}

export interface TrellisClient {
  /** The current state, derived from every event on this device. */
  readonly state: JourneyState;
  readonly device: string;
  readonly unreadable: readonly UnreadableEvent[];
  /**
   * False when this device may only read the journey (a viewer of someone
   * else's vault): `record`, `recordBatch` and `importFile` then refuse with
   * the reason `read-only`.
   */
  readonly canRecord: boolean;
  /**
   * What sync needs from the log; nothing a screen should call. Each read
   * gives a view bound to the device as it is now: once the device is
   * erased, that view's writes fail, so nothing a sync round had under way
   * lands in the fresh, empty store.
   */
  readonly sync: SyncStore;
  /** Called after every change of `state`. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Validates, stores and applies one event; nothing is stored if anything is wrong. */
  record<K extends EventType>(
    type: K,
    payload: PayloadInput<K>,
  ): Promise<Result<EventOf<K>, ClientProblem>>;
  /**
   * Records several events as one change (e.g. a cycle and its medicines):
   * each is validated against the state the earlier ones make; all are stored
   * in one transaction, or none is. The problem names the failing event's index.
   */
  recordBatch(drafts: readonly BatchDraft[]): Promise<Result<TrellisEvent[], ClientProblem>>;
  /** A fresh id for something the person creates (a note, later a cycle or embryo). */
  newId(): string;
  exportAll(): Promise<ExportFile>;
  /** Adds the events of an export file; all of them or, if any is invalid, none. */
  importFile(file: unknown): Promise<Result<{ added: number }, ClientProblem>>;
  /** Reads storage again (another tab or window wrote to it). */
  refresh(): Promise<void>;
  /** Deletes everything Trellis holds on this device. */
  eraseDevice(): Promise<void>;
  close(): void;
}

/**
 * The side of the client that sync works with: the outbox, taking in events
 * from other devices, held events, and sync's own small settings. Every
 * change goes through the same queue as recording, so the clock and the log
 * stay consistent.
 */
export interface SyncStore {
  /** Events recorded here that no server has confirmed yet, in clock order. */
  pending(): TrellisEvent[];
  readonly pendingCount: number;
  /** The server has these: take them out of the outbox. */
  acknowledge(ids: readonly string[]): Promise<void>;
  /** Puts every event on this device in the outbox: the local record becomes a vault. */
  enqueueAll(): Promise<void>;
  /**
   * Takes in validated events from other devices: stores the new ones,
   * merges each clock stamp (`receiveHlc`) and folds. An event stamped too far
   * ahead of this device's clock is not taken in; it comes back in
   * `tooFarAhead` for the caller to hold aside.
   */
  receive(events: readonly TrellisEvent[]): Promise<{ added: number; tooFarAhead: TrellisEvent[] }>;
  held(): Promise<HeldEvent[]>;
  hold(events: readonly HeldEvent[]): Promise<void>;
  release(ids: readonly string[]): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Viewers read only; see `TrellisClient.canRecord`. Kept on the device. */
  setCanRecord(canRecord: boolean): Promise<void>;
  /** Called after events are recorded or imported here (not after `receive`). */
  onRecorded(listener: () => void): () => void;
  /** Called after the person erased this device; sync forgets everything it held. */
  onErased(listener: () => void): () => void;
}

/** One event of a batch: its type and payload. */
export type BatchDraft = {
  [K in EventType]: { readonly type: K; readonly payload: PayloadInput<K> };
}[EventType];

export interface ClientOptions {
  storage: EventStorage;
  /** Physical clock in ms; injectable so tests control time. */
  now?: () => number;
  /** Tells other tabs of the same origin that the log changed. */
  channel?: Pick<BroadcastChannel, "postMessage" | "close"> & {
    onmessage: ((ev: MessageEvent) => void) | null;
  };
}

const DEVICE_KEY = "device";
const CLOCK_KEY = "clock";
const READ_ONLY_KEY = "read-only";

export async function openClient(options: ClientOptions): Promise<TrellisClient> {
  const { storage, channel } = options;
  const now = options.now ?? (() => Date.now());

  let device = await storage.getMeta<string>(DEVICE_KEY);
  if (!device) {
    device = newDeviceId();
    await storage.setMeta(DEVICE_KEY, device);
  }

  let events: TrellisEvent[] = [];
  let ids = new Set<string>();
  let unreadable: UnreadableEvent[] = [];
  let state: JourneyState = fold([]);
  let clock: Hlc = createHlc(device);
  let byId = new Map<string, TrellisEvent>();
  let outbox = new Set<string>();
  let readOnly = false;
  const listeners = new Set<() => void>();
  const recordedListeners = new Set<() => void>();
  const erasedListeners = new Set<() => void>();
  /** Goes up when the device is erased; sync views made before then stop writing. */
  let generation = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const notify = () => {
    for (const l of listeners) l();
  };
  const notifyRecorded = () => {
    for (const l of recordedListeners) l();
  };
  const refuseReadOnly = () => ({
    ok: false as const,
    error: clientProblem("read-only", "access"),
  });

  async function load(): Promise<void> {
    const raw = await storage.loadEvents();
    const good: TrellisEvent[] = [];
    const bad: UnreadableEvent[] = [];
    for (const r of raw) {
      const parsed = parseEvent(r);
      if (parsed.ok) good.push(parsed.value);
      else bad.push({ id: idOf(r), problem: parsed.error });
    }
    events = good;
    ids = new Set(good.map((e) => e.id));
    byId = new Map(good.map((e) => [e.id, e]));
    outbox = new Set(await storage.loadOutbox());
    readOnly = (await storage.getMeta<boolean>(READ_ONLY_KEY)) === true;
    unreadable = bad;
    state = fold(good);
    const stored = await storage.getMeta<string>(CLOCK_KEY);
    clock = createHlc(device!);
    for (const text of [stored, state.lastHlc]) {
      const h = text ? parseHlc(text) : null;
      if (h?.ok) {
        const merged = receiveHlc(clock, h.value, now(), Number.POSITIVE_INFINITY);
        if (merged.ok) clock = merged.value;
      }
    }
  }

  await load();

  if (channel) {
    channel.onmessage = () => {
      void serial(async () => {
        await load();
        notify();
      });
    };
  }

  /** One write at a time, in the order asked: the clock and the log stay consistent. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function absorb(added: TrellisEvent[]): void {
    for (const e of added) {
      ids.add(e.id);
      byId.set(e.id, e);
    }
    events = events.concat(added);
    state = foldMore(state, added) ?? fold(events);
  }

  /** See `TrellisClient.sync`. */
  function syncView(bound: number): SyncStore {
    /** A write in the queue, unless the device was erased since this view was made. */
    const guarded = <T>(task: () => Promise<T>) =>
      serial(async () => {
        if (bound !== generation) throw new Error("this device was erased; sync stopped");
        return task();
      });
    return {
      pending() {
        const out: TrellisEvent[] = [];
        for (const id of outbox) {
          const e = byId.get(id);
          if (e) out.push(e);
        }
        return out.sort(compareEvents);
      },
      get pendingCount() {
        return outbox.size;
      },
      acknowledge(confirmed) {
        return guarded(async () => {
          await storage.acknowledge(confirmed);
          for (const id of confirmed) outbox.delete(id);
          notify();
        });
      },
      enqueueAll() {
        return guarded(async () => {
          const all = events.map((e) => e.id);
          await storage.enqueue(all);
          for (const id of all) outbox.add(id);
          notify();
          notifyRecorded();
        });
      },
      receive(incoming) {
        return guarded(async () => {
          const fresh = new Map<string, TrellisEvent>();
          const tooFarAhead: TrellisEvent[] = [];
          let merged = clock;
          const at = now();
          for (const e of incoming) {
            if (ids.has(e.id) || fresh.has(e.id)) continue;
            const stamp = parseHlc(e.hlc);
            const next = stamp.ok ? receiveHlc(merged, stamp.value, at) : stamp;
            if (!next.ok) {
              tooFarAhead.push(e);
              continue;
            }
            merged = next.value;
            fresh.set(e.id, e);
          }
          const added = [...fresh.values()];
          if (added.length === 0) return { added: 0, tooFarAhead };
          await storage.appendEvents(added, "sync");
          await storage.setMeta(CLOCK_KEY, formatHlc(merged));
          clock = merged;
          absorb(added);
          channel?.postMessage({ kind: "events-changed" });
          notify();
          return { added: added.length, tooFarAhead };
        });
      },
      held: () => storage.loadHeld(),
      hold: (batch) => guarded(() => storage.hold(batch)),
      release: (released) => guarded(() => storage.release(released)),
      getMeta: (key) => storage.getMeta(key),
      setMeta: (key, value) => guarded(() => storage.setMeta(key, value)),
      setCanRecord(canRecord) {
        return guarded(async () => {
          await storage.setMeta(READ_ONLY_KEY, !canRecord);
          readOnly = !canRecord;
          channel?.postMessage({ kind: "events-changed" });
          notify();
        });
      },
      onRecorded(listener) {
        recordedListeners.add(listener);
        return () => recordedListeners.delete(listener);
      },
      onErased(listener) {
        erasedListeners.add(listener);
        return () => erasedListeners.delete(listener);
      },
    };
  }

  const client: TrellisClient = {
    get state() {
      return state;
    },
    device,
    get unreadable() {
      return unreadable;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get canRecord() {
      return !readOnly;
    },
    record(type, payload) {
      return serial(async () => {
        if (readOnly) return refuseReadOnly();
        const at = now();
        const prepared = prepareEvent(state, clock, {
          id: newEventId(at),
          nowMs: at,
          type,
          payload,
        });
        if (!prepared.ok) return prepared;
        const { event, clock: next } = prepared.value;
        try {
          await storage.appendEvents([event]);
          await storage.setMeta(CLOCK_KEY, formatHlc(next));
        } catch (cause) {
          return {
            ok: false as const,
            error: clientProblem("storage-failed", "storage", undefined, messageOf(cause)),
          };
        }
        clock = next;
        absorb([event]);
        outbox.add(event.id);
        channel?.postMessage({ kind: "events-changed" });
        notify();
        notifyRecorded();
        return { ok: true as const, value: event };
      });
    },
    recordBatch(drafts) {
      return serial(async () => {
        if (readOnly) return refuseReadOnly();
        const at = now();
        let working = state;
        let nextClock = clock;
        const made: TrellisEvent[] = [];
        for (const [i, draft] of drafts.entries()) {
          const prepared = prepareEvent(working, nextClock, {
            id: newEventId(at),
            nowMs: at,
            type: draft.type,
            payload: draft.payload as never,
          });
          if (!prepared.ok) {
            const p = prepared.error;
            return {
              ok: false as const,
              error: { ...p, field: `[${i}].${p.field}` },
            };
          }
          made.push(prepared.value.event);
          nextClock = prepared.value.clock;
          working = foldMore(working, [prepared.value.event]) ?? fold([...events, ...made]);
        }
        if (made.length === 0) return { ok: true as const, value: [] };
        try {
          await storage.appendEvents(made);
          await storage.setMeta(CLOCK_KEY, formatHlc(nextClock));
        } catch (cause) {
          return {
            ok: false as const,
            error: clientProblem("storage-failed", "storage", undefined, messageOf(cause)),
          };
        }
        clock = nextClock;
        for (const e of made) {
          ids.add(e.id);
          byId.set(e.id, e);
          outbox.add(e.id);
        }
        events = events.concat(made);
        state = working;
        channel?.postMessage({ kind: "events-changed" });
        notify();
        notifyRecorded();
        return { ok: true as const, value: made };
      });
    },
    newId() {
      return newEventId(now());
    },
    async exportAll() {
      return {
        format: "trellis-export",
        version: 1,
        exportedAt: new Date(now()).toISOString(),
        device,
        // Everything stored, including anything this version cannot read.
        events: await storage.loadEvents(),
      };
    },
    importFile(file) {
      return serial(async () => {
        if (readOnly) return refuseReadOnly();
        const parsedFile = readExportFile(file);
        if (!parsedFile.ok) return parsedFile;
        const incoming: TrellisEvent[] = [];
        for (const [i, raw] of parsedFile.value.entries()) {
          const parsed = parseEvent(raw);
          if (!parsed.ok) {
            const p = parsed.error;
            return {
              ok: false as const,
              error: { ...p, field: `events[${i}].${p.field}` },
            };
          }
          if (!ids.has(parsed.value.id)) incoming.push(parsed.value);
        }
        const unique = [...new Map(incoming.map((e) => [e.id, e])).values()];
        try {
          await storage.appendEvents(unique);
        } catch (cause) {
          return {
            ok: false as const,
            error: clientProblem("storage-failed", "storage", undefined, messageOf(cause)),
          };
        }
        absorb(unique);
        for (const e of unique) {
          outbox.add(e.id);
          const h = parseHlc(e.hlc);
          if (h.ok) {
            const merged = receiveHlc(clock, h.value, now(), Number.POSITIVE_INFINITY);
            if (merged.ok) clock = merged.value;
          }
        }
        await storage.setMeta(CLOCK_KEY, formatHlc(clock));
        channel?.postMessage({ kind: "events-changed" });
        notify();
        if (unique.length > 0) notifyRecorded();
        return { ok: true as const, value: { added: unique.length } };
      });
    },
    refresh() {
      return serial(async () => {
        await load();
        notify();
      });
    },
    eraseDevice() {
      return serial(async () => {
        generation += 1;
        await storage.erase();
        await storage.setMeta(DEVICE_KEY, device);
        await load();
        for (const l of erasedListeners) l();
        channel?.postMessage({ kind: "events-changed" });
        notify();
      });
    },
    get sync() {
      return syncView(generation);
    },
    close() {
      recordedListeners.clear();
      erasedListeners.clear();
      listeners.clear();
      channel?.close();
      storage.close();
    },
  };
  return client;
}

function readExportFile(file: unknown): Result<unknown[], ClientProblem> {
  if (
    typeof file !== "object" ||
    file === null ||
    (file as { format?: unknown }).format !== "trellis-export"
  ) {
    return {
      ok: false,
      error: clientProblem("not-an-export", "file"),
    };
  }
  const { version, events } = file as { version?: unknown; events?: unknown };
  if (version !== 1) {
    return {
      ok: false,
      error: clientProblem("newer-export", "file.version"),
    };
  }
  if (!Array.isArray(events)) {
    return {
      ok: false,
      error: clientProblem("no-events", "file.events"),
    };
  }
  return { ok: true, value: events };
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
