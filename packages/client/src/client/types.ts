/**
 * The client's public shape: what the screens hold (`TrellisClient`), what
 * sync works with (`SyncStore`), the export file, and the options. Types
 * only; `../client.ts` builds the client from the parts in this folder.
 */
import type {
  DeviceSettings,
  EventOf,
  EventType,
  JourneyState,
  PayloadInput,
  Problem,
  Result,
  TrellisEvent,
} from "@trellis/domain";
import type { ClientProblem } from "../refusals.ts";
import type { StoredBase } from "../snapshot/base.ts";
import type { EventStorage, HeldEvent } from "../storage.ts";

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

/** A change to this device's settings: keys given are set, `null` ones taken away. */
export type DeviceSettingsChange = {
  readonly [K in keyof DeviceSettings]?: DeviceSettings[K] | null;
};

export interface TrellisClient {
  /**
   * The current state, derived from every event on this device, with this
   * device's own settings over the shared preferences (`deviceSettings`).
   */
  readonly state: JourneyState;
  /**
   * This device's own settings (notification wording, quiet mode, the
   * reader's name, units for this device only): never synced, never changed
   * by a partner's preferences.
   */
  readonly deviceSettings: DeviceSettings;
  /**
   * Changes this device's own settings (`null` takes one away). Bad input is
   * refused, naming the field, and changes nothing.
   */
  changeDeviceSettings(
    change: DeviceSettingsChange,
  ): Promise<Result<DeviceSettings, ClientProblem>>;
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
  /** The folded state now (what a snapshot of this device would hold). */
  readonly state: JourneyState;
  /**
   * False while this device started from a snapshot and the rest of the log
   * is still arriving (`snapshot/base.ts`); true once it holds the whole log.
   */
  readonly wholeRecord: boolean;
  /** Whether this device may write (a viewer may not). */
  readonly canRecord: boolean;
  /**
   * Opens the record from a verified snapshot: only on a device that holds
   * no events yet. `base.packed` is kept so a reload opens from it too.
   * False (nothing changed) when the device already holds events.
   */
  startFromSnapshot(state: JourneyState, base: StoredBase): Promise<boolean>;
  /**
   * The history has arrived: stores it, folds everything, and forgets the
   * snapshot. `matched` says whether the snapshot-based state was the same
   * as the full fold (the full fold is used either way).
   */
  completeHistory(events: readonly TrellisEvent[]): Promise<{ matched: boolean }>;
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
