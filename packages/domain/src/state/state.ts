import type { Problem } from "../core/result.ts";
import type { JournalNote } from "../journal/state.ts";
import type { Journey } from "../journey/state.ts";

/** An event that was valid on its own but could not apply (e.g. a correction to a note that never existed). */
export interface RejectedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly problem: Problem;
}

/**
 * Everything Trellis knows about a journey, derived from its events by `fold`.
 * Never stored: always computed again from the log.
 */
export interface JourneyState {
  readonly journey: Journey | null;
  readonly notes: ReadonlyMap<string, JournalNote>;
  readonly rejected: readonly RejectedEvent[];
  /** Events folded in, rejected ones included. */
  readonly eventCount: number;
  /** The latest clock stamp folded in; new local events must sort after it. */
  readonly lastHlc: string | null;
}

/** The mutable form `fold` builds before handing out a `JourneyState`. */
export interface Draft {
  journey: Journey | null;
  notes: Map<string, JournalNote>;
  rejected: RejectedEvent[];
  eventCount: number;
  lastHlc: string | null;
}

export function emptyDraft(): Draft {
  return { journey: null, notes: new Map(), rejected: [], eventCount: 0, lastHlc: null };
}

/** Copies every collection so that applying more events leaves `state` untouched. */
export function draftFrom(state: JourneyState): Draft {
  return {
    journey: state.journey,
    notes: new Map(state.notes),
    rejected: [...state.rejected],
    eventCount: state.eventCount,
    lastHlc: state.lastHlc,
  };
}
