import { formatHlc, type Hlc, parseHlc, receiveHlc, tickHlc } from "../core/hlc.ts";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { checkEvent } from "../state/fold.ts";
import type { JourneyState } from "../state/state.ts";
import type { EventType, PayloadInput } from "./catalog.ts";
import { eventCatalog } from "./catalog.ts";
import { type EventOf, parseEvent } from "./envelope.ts";
import { implausibleDate } from "./plausible-dates.ts";

export interface EventDraft<K extends EventType> {
  /** A fresh UUIDv7 for the event (the caller has the randomness). */
  readonly id: string;
  /** The device's physical clock now, in ms since the epoch. */
  readonly nowMs: number;
  readonly type: K;
  readonly payload: PayloadInput<K>;
}

/**
 * Turns what a person entered into an event ready to store: stamps it with the
 * next clock value, validates the payload, and checks that it can apply to
 * the current state. Either everything is right and the event comes back with
 * the advanced clock, or nothing happens and the problem names the field.
 * A date nobody could mean (`implausibleDate`: 1900, 2999) is refused here,
 * when it is entered, rather than by the event's rules, which every fold
 * asks again of what was kept long ago.
 */
export function prepareEvent<K extends EventType>(
  state: JourneyState,
  clock: Hlc,
  draft: EventDraft<K>,
): Result<{ readonly event: EventOf<K>; readonly clock: Hlc }, Problem> {
  let base = clock;
  if (state.lastHlc !== null) {
    // The device may have folded events stamped later than its own clock
    // (from another device, or a clock that went backwards): stay after them.
    const last = parseHlc(state.lastHlc);
    if (last.ok) {
      const merged = receiveHlc(base, last.value, draft.nowMs, Number.POSITIVE_INFINITY);
      if (merged.ok) base = merged.value;
    }
  }
  const next = tickHlc(base, draft.nowMs);
  if (!next.ok) return err(problem(next.error.reason, "hlc", undefined, next.error.detail));
  const parsed = parseEvent({
    id: draft.id,
    hlc: formatHlc(next.value),
    device: clock.node,
    type: draft.type,
    schemaVersion: eventCatalog[draft.type].schemaVersion,
    payload: draft.payload,
  });
  if (!parsed.ok) return parsed;
  const implausible = implausibleDate(parsed.value.payload, parsed.value.hlc);
  if (implausible) return err(implausible);
  const refused = checkEvent(state, parsed.value);
  if (refused) return err(refused);
  return ok({ event: parsed.value as EventOf<K>, clock: next.value });
}
