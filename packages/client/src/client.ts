import {
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
  problem,
  type Result,
  receiveHlc,
  type TrellisEvent,
} from "@trellis/domain";
import { newDeviceId, newEventId } from "./ids.ts";
import type { EventStorage } from "./storage.ts";

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
  /** Called after every change of `state`. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Validates, stores and applies one event; nothing is stored if anything is wrong. */
  record<K extends EventType>(
    type: K,
    payload: PayloadInput<K>,
  ): Promise<Result<EventOf<K>, Problem>>;
  /**
   * Records several events as one change (e.g. a cycle and its medicines):
   * each is validated against the state the earlier ones make; all are stored
   * in one transaction, or none is. The problem names the failing event's index.
   */
  recordBatch(drafts: readonly BatchDraft[]): Promise<Result<TrellisEvent[], Problem>>;
  /** A fresh id for something the person creates (a note, later a cycle or embryo). */
  newId(): string;
  exportAll(): Promise<ExportFile>;
  /** Adds the events of an export file; all of them or, if any is invalid, none. */
  importFile(file: unknown): Promise<Result<{ added: number }, Problem>>;
  /** Reads storage again (another tab or window wrote to it). */
  refresh(): Promise<void>;
  /** Deletes everything Trellis holds on this device. */
  eraseDevice(): Promise<void>;
  close(): void;
}

/** One event of a batch: its type and payload. */
export type BatchDraft = { [K in EventType]: { readonly type: K; readonly payload: PayloadInput<K> } }[EventType];

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
  const listeners = new Set<() => void>();
  let queue: Promise<unknown> = Promise.resolve();

  const notify = () => {
    for (const l of listeners) l();
  };

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
    for (const e of added) ids.add(e.id);
    events = events.concat(added);
    state = foldMore(state, added) ?? fold(events);
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
    record(type, payload) {
      return serial(async () => {
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
            error: problem(
              "storage-failed",
              "storage",
              `could not save on this device: ${messageOf(cause)}`,
            ),
          };
        }
        clock = next;
        absorb([event]);
        channel?.postMessage({ kind: "events-changed" });
        notify();
        return { ok: true as const, value: event };
      });
    },
    recordBatch(drafts) {
      return serial(async () => {
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
            return { ok: false as const, error: { ...p, field: `[${i}].${p.field}`, message: p.message } };
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
            error: problem("storage-failed", "storage", `could not save on this device: ${messageOf(cause)}`),
          };
        }
        clock = nextClock;
        for (const e of made) ids.add(e.id);
        events = events.concat(made);
        state = working;
        channel?.postMessage({ kind: "events-changed" });
        notify();
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
        const parsedFile = readExportFile(file);
        if (!parsedFile.ok) return parsedFile;
        const incoming: TrellisEvent[] = [];
        for (const [i, raw] of parsedFile.value.entries()) {
          const parsed = parseEvent(raw);
          if (!parsed.ok) {
            const p = parsed.error;
            return {
              ok: false as const,
              error: problem(p.reason, `events[${i}].${p.field}`, `event ${i + 1}: ${p.message}`),
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
            error: problem(
              "storage-failed",
              "storage",
              `could not save on this device: ${messageOf(cause)}`,
            ),
          };
        }
        absorb(unique);
        for (const e of unique) {
          const h = parseHlc(e.hlc);
          if (h.ok) {
            const merged = receiveHlc(clock, h.value, now(), Number.POSITIVE_INFINITY);
            if (merged.ok) clock = merged.value;
          }
        }
        await storage.setMeta(CLOCK_KEY, formatHlc(clock));
        channel?.postMessage({ kind: "events-changed" });
        notify();
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
        await storage.erase();
        await storage.setMeta(DEVICE_KEY, device);
        await load();
        channel?.postMessage({ kind: "events-changed" });
        notify();
      });
    },
    close() {
      listeners.clear();
      channel?.close();
      storage.close();
    },
  };
  return client;
}

function readExportFile(file: unknown): Result<unknown[], Problem> {
  if (
    typeof file !== "object" ||
    file === null ||
    (file as { format?: unknown }).format !== "trellis-export"
  ) {
    return {
      ok: false,
      error: problem("not-an-export", "file", "this file is not a Trellis export"),
    };
  }
  const { version, events } = file as { version?: unknown; events?: unknown };
  if (version !== 1) {
    return {
      ok: false,
      error: problem(
        "newer-export",
        "file.version",
        "this export comes from a newer Trellis; update first",
      ),
    };
  }
  if (!Array.isArray(events)) {
    return {
      ok: false,
      error: problem("invalid-field", "file.events", "the export has no list of events"),
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
