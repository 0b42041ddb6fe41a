/**
 * The device's record in memory, mirrored from storage: the events this
 * version can read (and those it cannot), their folded state, the device's
 * clock, which events wait in the outbox, and whether the device may only
 * read. Only the client's writes change it, one at a time in its queue.
 */
import {
  createHlc,
  type DeviceSettings,
  firstDeviceSettings,
  fold,
  foldMore,
  type Hlc,
  type JourneyState,
  keptOnDevice,
  parseEvent,
  parseHlc,
  receiveHlc,
  storedDeviceSettings,
  type TrellisEvent,
} from "@trellis/domain";
import { newDeviceId } from "../ids.ts";
import { type ClientProblem, clientProblem } from "../refusals.ts";
import { foldOnto, loadBase } from "../snapshot/base.ts";
import type { EventStorage } from "../storage.ts";
import type { UnreadableEvent } from "./types.ts";

/** Keys of the device's settings beside the log. */
export const DEVICE_KEY = "device";
export const CLOCK_KEY = "clock";
export const READ_ONLY_KEY = "read-only";
/** This device's own settings (`DeviceSettings`), never synced. */
export const DEVICE_SETTINGS_KEY = "device-settings";

export interface Log {
  readonly device: string;
  events: TrellisEvent[];
  byId: Map<string, TrellisEvent>;
  unreadable: UnreadableEvent[];
  state: JourneyState;
  clock: Hlc;
  /** Ids of events recorded here that no server has confirmed yet. */
  outbox: Set<string>;
  readOnly: boolean;
  /** This device's own settings, applied over the shared preferences. */
  settings: DeviceSettings;
  /**
   * Whether `settings` are kept (stored): from the first time this device
   * holds a record, or the person changes one. Until then they follow the
   * record, so a restored export or a first sync brings the person's quiet
   * mode with it.
   */
  settingsKept: boolean;
  /**
   * The snapshot this device opened from while the rest of the log is still
   * arriving (`snapshot/base.ts`): `events` then hold only what came after
   * it, and `state` is folded onto it. Null for a device that holds the whole log.
   */
  base: JourneyState | null;
}

/** This device's id: the one stored, or a new one stored now. */
export async function deviceId(storage: EventStorage): Promise<string> {
  const stored = await storage.getMeta<string>(DEVICE_KEY);
  if (stored) return stored;
  const made = newDeviceId();
  await storage.setMeta(DEVICE_KEY, made);
  return made;
}

export function emptyLog(device: string): Log {
  return {
    device,
    events: [],
    byId: new Map(),
    unreadable: [],
    state: fold([]),
    clock: createHlc(device),
    outbox: new Set(),
    readOnly: false,
    settings: {},
    settingsKept: false,
    base: null,
  };
}

/**
 * Reads everything again from storage: each event validated (what this
 * version cannot read is kept aside), folded, and the clock set past both
 * the stored clock and the newest event.
 */
export async function loadLog(log: Log, storage: EventStorage, now: () => number): Promise<void> {
  const raw = await storage.loadEvents();
  const good: TrellisEvent[] = [];
  const bad: UnreadableEvent[] = [];
  for (const r of raw) {
    const parsed = parseEvent(r);
    if (parsed.ok) good.push(parsed.value);
    else bad.push({ id: idOf(r), problem: parsed.error });
  }
  log.events = good;
  log.byId = new Map(good.map((e) => [e.id, e]));
  log.outbox = new Set(await storage.loadOutbox());
  log.readOnly = (await storage.getMeta<boolean>(READ_ONLY_KEY)) === true;
  log.unreadable = bad;
  log.base = await loadBase(storage);
  log.state = log.base ? foldOnto(log.base, good) : fold(good);
  const settings = storedDeviceSettings(await storage.getMeta(DEVICE_SETTINGS_KEY));
  log.settings = settings ?? firstDeviceSettings(log.state);
  log.settingsKept = settings !== null;
  await keepSettings(log, storage);
  const stored = await storage.getMeta<string>(CLOCK_KEY);
  let clock = createHlc(log.device);
  for (const text of [stored, log.state.lastHlc]) {
    if (text) clock = mergeStamp(clock, text, now);
  }
  log.clock = clock;
}

/**
 * A device that never kept its own settings takes them from what the shared
 * record says, once it holds a record (its own set-up, a restored export, a
 * first sync), and keeps them from then on: later shared changes, a
 * partner's included, no longer move them. Call after the log changed.
 */
export async function keepSettings(log: Log, storage: EventStorage): Promise<void> {
  if (log.settingsKept || log.events.length === 0) return;
  log.settings = firstDeviceSettings(log.state);
  try {
    await storage.setMeta(DEVICE_SETTINGS_KEY, log.settings);
    log.settingsKept = true;
  } catch {
    // Not kept yet: tried again the next time the log changes.
  }
}

/**
 * The state of the log with `extra` added, folded from the start: from
 * nothing, or from the snapshot this device opened from (see `Log.base`).
 */
export function foldWith(log: Log, extra: readonly TrellisEvent[]): JourneyState {
  const all = extra.length > 0 ? [...log.events, ...extra] : log.events;
  return log.base ? foldOnto(log.base, all) : fold(all);
}

/** Adds events just stored, and folds them in (or takes `folded`, already computed). */
export function absorb(log: Log, added: readonly TrellisEvent[], folded?: JourneyState): void {
  for (const e of added) log.byId.set(e.id, e);
  log.events = log.events.concat(added);
  log.state = folded ?? foldMore(log.state, added) ?? foldWith(log, []);
}

/**
 * Ids among `events` that stay on this device, judged against `state`, a
 * state that holds them all (a private note's later corrections are private
 * because the note is; the note's own event says so itself).
 */
export function keptHere(state: JourneyState, events: readonly TrellisEvent[]): Set<string> {
  return new Set(events.filter((e) => keptOnDevice(state, e)).map((e) => e.id));
}

/** The clock moved past a stamp this device already holds (no limit on how far ahead). */
export function mergeStamp(clock: Hlc, text: string, now: () => number): Hlc {
  const h = parseHlc(text);
  if (!h.ok) return clock;
  const merged = receiveHlc(clock, h.value, now(), Number.POSITIVE_INFINITY);
  return merged.ok ? merged.value : clock;
}

/** The refusal when the device could not save. */
export function storageFailed(cause: unknown): ClientProblem {
  const message = cause instanceof Error ? cause.message : String(cause);
  return clientProblem("storage-failed", "storage", undefined, message);
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}
