import { type Problem, problem } from "../core/result.ts";
import type { EventType } from "../events/catalog.ts";
import type { EventOf } from "../events/envelope.ts";
import type { RefusalReason } from "../refusals.ts";
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

type RetractableKey = {
  [K in keyof Draft]: Draft[K] extends Map<string, infer V>
    ? V extends { retracted: boolean }
      ? K
      : never
    : never;
}[keyof Draft];

/**
 * The handler of a "…Retracted" event that only marks one record as entered
 * by mistake: refused when the record is unknown or already retracted; the
 * record stays in the state (and the log), flagged.
 */
export function retraction<T extends EventType>(options: {
  readonly collection: RetractableKey;
  /** The payload field holding the record's id, e.g. `resultId`. */
  readonly idField: string;
  readonly reason: RefusalReason;
}): Handler<T> {
  const { collection, idField, reason } = options;
  const idOf = (event: EventOf<T>) =>
    (event.payload as unknown as Record<string, string>)[idField]!;
  return {
    check: (s, event) => {
      const item = (s[collection] as ReadonlyMap<string, { retracted: boolean }>).get(idOf(event));
      return !item || item.retracted ? problem(reason, `payload.${idField}`) : null;
    },
    apply: (d, event) => {
      const map = d[collection] as Map<string, { retracted: boolean }>;
      const id = idOf(event);
      map.set(id, { ...map.get(id)!, retracted: true });
    },
  };
}
