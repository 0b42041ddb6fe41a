import { clinicsHandlers } from "../clinics/handlers.ts";
import type { Problem } from "../core/result.ts";
import { costsHandlers } from "../costs/handlers.ts";
import { embryologyHandlers } from "../embryology/handlers.ts";
import type { EventType } from "../events/catalog.ts";
import { compareEvents, type TrellisEvent } from "../events/envelope.ts";
import { inventoryHandlers } from "../inventory/handlers.ts";
import { journalHandlers } from "../journal/handlers.ts";
import { journeyHandlers } from "../journey/handlers.ts";
import { monitoringHandlers } from "../monitoring/handlers.ts";
import { preferencesHandlers } from "../preferences/handlers.ts";
import { pregnancyHandlers } from "../pregnancy/handlers.ts";
import { treatmentHandlers } from "../treatment/handlers.ts";
import { wellbeingHandlers } from "../wellbeing/handlers.ts";
import type { Handler, Handlers } from "./handler.ts";
import { type Draft, draftFrom, emptyDraft, type JourneyState, stateAfter } from "./state.ts";

const handlers: Handlers<EventType> = {
  ...journeyHandlers,
  ...journalHandlers,
  ...treatmentHandlers,
  ...inventoryHandlers,
  ...monitoringHandlers,
  ...wellbeingHandlers,
  ...preferencesHandlers,
  ...embryologyHandlers,
  ...pregnancyHandlers,
  ...clinicsHandlers,
  ...costsHandlers,
};

function handlerFor(event: TrellisEvent): Handler<EventType> {
  return handlers[event.type] as Handler<EventType>;
}

/** Whether `event` could apply to `state` now; the problem if not. Changes nothing. */
export function checkEvent(state: JourneyState, event: TrellisEvent): Problem | null {
  return handlerFor(event).check(state, event as never);
}

function applyOne(draft: Draft, event: TrellisEvent): void {
  const handler = handlerFor(event);
  const refused = handler.check(draft, event as never);
  if (refused) {
    draft.rejected.push({ eventId: event.id, type: event.type, problem: refused });
  } else {
    handler.apply(draft, event as never);
  }
  draft.eventCount += 1;
  draft.lastHlc = event.hlc;
}

/** The events in clock order, each id once (the first in clock order wins). */
function sortedUnique(events: readonly TrellisEvent[]): readonly TrellisEvent[] {
  // The ids are gathered while the stamps are read, each event touched once;
  // when they are all different (the usual case) nothing is dropped.
  const ids = new Set<string>();
  const sorted = inClockOrder(events, ids);
  if (ids.size === events.length) return sorted;
  const seen = new Set<string>();
  const out: TrellisEvent[] = [];
  // An event seen twice (a replayed delivery) counts once, whatever its copy says.
  for (const e of sorted) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

/**
 * The events sorted as `compareEvents` sorts them. A stamp starts with 20
 * fixed-width hex digits (wall clock, counter): read as numbers they order
 * events as the text does, so a radix sort on them (stable, O(n), no
 * comparisons) does the work; only events with the same wall clock and
 * counter (two devices in one millisecond) fall back to `compareEvents`.
 * 100,000 events in random order sort in a few milliseconds this way, against
 * about a hundred with a comparison sort.
 *
 * @internal exported for its property test.
 */
export function inClockOrder(
  events: readonly TrellisEvent[],
  ids?: Set<string>,
): readonly TrellisEvent[] {
  const n = events.length;
  const keys = stampKeys(events, ids);
  // Only validated events reach a fold; anything else takes the plain path.
  if (!keys) {
    for (const e of events) ids?.add(e.id);
    return [...events].sort(compareEvents);
  }
  const { wallHi, wallLo, counter } = keys;
  // A log read back from a device is usually in order already: one pass says so.
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) {
    const c =
      wallHi[i - 1]! - wallHi[i]! || wallLo[i - 1]! - wallLo[i]! || counter[i - 1]! - counter[i]!;
    ordered = c < 0 || (c === 0 && compareEvents(events[i - 1]!, events[i]!) <= 0);
  }
  if (ordered) return events;
  const order = radixOrder(n, [
    [counter, 0],
    [counter, 16],
    [wallLo, 0],
    [wallLo, 16],
    [wallHi, 0],
  ]);
  // The events and their keys in sorted order, so that finding ties reads in order.
  const out = new Array<TrellisEvent>(n);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const co = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const index = order[i]!;
    out[i] = events[index]!;
    hi[i] = wallHi[index]!;
    lo[i] = wallLo[index]!;
    co[i] = counter[index]!;
  }
  // Same wall clock and counter: order those few by the whole stamp, then the id.
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && lo[j] === lo[i] && co[j] === co[i] && hi[j] === hi[i]) j++;
    if (j - i > 1) {
      const run = out.slice(i, j).sort(compareEvents);
      for (let k = 0; k < run.length; k++) out[i + k] = run[k]!;
    }
    i = j;
  }
  return out;
}

/**
 * The wall clock (high 16 and low 32 bits) and counter of each stamp, or null
 * if one is not a stamp; each id goes into `ids` on the way.
 */
function stampKeys(
  events: readonly TrellisEvent[],
  ids: Set<string> | undefined,
): { wallHi: Uint32Array; wallLo: Uint32Array; counter: Uint32Array } | null {
  const n = events.length;
  const wallHi = new Uint32Array(n);
  const wallLo = new Uint32Array(n);
  const counter = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const event = events[i]!;
    ids?.add(event.id);
    const hlc = event.hlc;
    if (typeof hlc !== "string" || hlc.length < 22 || hlc.charCodeAt(12) !== 45) return null;
    const hi = hexAt(hlc, 0, 4);
    const lo = hexAt(hlc, 4, 12);
    const c = hexAt(hlc, 13, 21);
    if (hi < 0 || lo < 0 || c < 0) return null;
    wallHi[i] = hi;
    wallLo[i] = lo;
    counter[i] = c;
  }
  return { wallHi, wallLo, counter };
}

/** The lowercase hex digits `text[from, to)` (at most 8) as a number; -1 if one is not a digit. */
function hexAt(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Indices 0..n-1 sorted by the keys, least significant 16-bit digit first
 * (LSD radix, stable); a digit the same for every index is skipped.
 */
function radixOrder(n: number, digits: readonly (readonly [Uint32Array, number])[]): Uint32Array {
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(65_537);
  for (const [keys, shift] of digits) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[((keys[i]! >>> shift) & 0xffff) + 1]!++;
    if (count[((keys[0]! >>> shift) & 0xffff) + 1] === n) continue;
    for (let d = 1; d < 65_537; d++) count[d]! += count[d - 1]!;
    for (let i = 0; i < n; i++) {
      const index = order[i]!;
      next[count[(keys[index]! >>> shift) & 0xffff]!++] = index;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * The state of a journey from its events. Pure and deterministic: the same
 * set of events gives the same state whatever order they arrive in, and an
 * event seen twice counts once. Events are applied in clock order, so a later
 * edit of the same field wins on every device.
 */
export function fold(events: readonly TrellisEvent[]): JourneyState {
  const draft = emptyDraft();
  const sorted = sortedUnique(events);
  for (let i = 0; i < sorted.length; i++) applyOne(draft, sorted[i]!);
  return draft;
}

/**
 * Applies events that all sort after `state.lastHlc` (the usual case: this
 * device just recorded them) without folding everything again. Returns null
 * when an event sorts earlier, or repeats one already folded in; the caller
 * then folds the whole log.
 */
export function foldMore(
  state: JourneyState,
  events: readonly TrellisEvent[],
): JourneyState | null {
  const fresh = sortedUnique(events);
  const first = fresh[0];
  if (!first) return state;
  if (state.lastHlc !== null && first.hlc <= state.lastHlc) return null;
  // Copies share their entries with `state`: a new note costs a few small maps.
  const draft = draftFrom(state);
  for (const e of fresh) applyOne(draft, e);
  return stateAfter(state, draft);
}

export const emptyState: JourneyState = emptyDraft();

/**
 * Applies events that sort after everything in `draft`, changing `draft` in
 * place. For builders of large fixtures (the `Recorder`), where copying the
 * state for every event would be quadratic; screens use `foldMore`.
 */
export function foldInto(draft: Draft, events: readonly TrellisEvent[]): boolean {
  const fresh = sortedUnique(events);
  const first = fresh[0];
  if (!first) return true;
  if (draft.lastHlc !== null && first.hlc <= draft.lastHlc) return false;
  for (const e of fresh) applyOne(draft, e);
  return true;
}
