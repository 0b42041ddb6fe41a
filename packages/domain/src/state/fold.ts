import type { Problem } from "../core/result.ts";
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
import { type Draft, emptyDraft, type JourneyState } from "./state.ts";

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

function sortedUnique(events: readonly TrellisEvent[]): TrellisEvent[] {
  const seen = new Set<string>();
  const out: TrellisEvent[] = [];
  // An event seen twice (a replayed delivery) counts once, whatever its copy says.
  for (const e of [...events].sort(compareEvents)) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

/**
 * The state of a journey from its events. Pure and deterministic: the same
 * set of events gives the same state whatever order they arrive in, and an
 * event seen twice counts once. Events are applied in clock order, so a later
 * edit of the same field wins on every device.
 */
export function fold(events: readonly TrellisEvent[]): JourneyState {
  const draft = emptyDraft();
  for (const e of sortedUnique(events)) applyOne(draft, e);
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
  const { draft, done } = lazyDraft(state);
  for (const e of fresh) applyOne(draft, e);
  return done();
}

/**
 * A draft that copies a collection of `state` only when an event's handler
 * first touches it: one new dose copies the dose maps, not 75,000 notes.
 * `done()` returns a plain state object (no proxy) for the screens.
 */
function lazyDraft(state: JourneyState): { draft: Draft; done: () => JourneyState } {
  const target: Record<string, unknown> = { ...state };
  const copied = new Set<string>();
  const draft = new Proxy(target, {
    get(t, key) {
      const value = t[key as string];
      if (typeof key === "string" && !copied.has(key)) {
        if (value instanceof Map) {
          copied.add(key);
          t[key] = new Map(value);
          return t[key];
        }
        if (Array.isArray(value)) {
          copied.add(key);
          t[key] = [...value];
          return t[key];
        }
      }
      return value;
    },
  }) as unknown as Draft;
  return { draft, done: () => ({ ...target }) as unknown as JourneyState };
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
