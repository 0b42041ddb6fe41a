import type { Problem } from "../core/result.ts";
import type { EventType } from "../events/catalog.ts";
import type { EventOf } from "../events/envelope.ts";
import type { Draft, JourneyState } from "./state.ts";

/**
 * How one event type changes the state. `check` decides, without touching
 * anything, whether the event can apply; `apply` runs only after `check`
 * said yes, so an event is applied whole or not at all.
 */
export interface Handler<K extends EventType> {
  check(state: JourneyState, event: EventOf<K>): Problem | null;
  apply(draft: Draft, event: EventOf<K>): void;
}

export type Handlers<K extends EventType> = { readonly [T in K]: Handler<T> };
