import type { Problem } from "../core/result.ts";
import type { EventType } from "../events/catalog.ts";
import type { EventOf } from "../events/envelope.ts";
import type { RefusalReason } from "../refusals.ts";
import type { LayeredMap } from "./layered-map.ts";
import { type GoneFlag, liveRecord } from "./records.ts";
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

/** The collections whose records carry the flag `F`. */
type FlaggedKey<F extends GoneFlag> = {
  [K in keyof Draft]: Draft[K] extends LayeredMap<string, infer V>
    ? V extends { readonly [Q in F]: boolean }
      ? K
      : never
    : never;
}[keyof Draft];

/**
 * The handler of an event that only flags one record as gone: entered by
 * mistake (`retracted`, unless `flag` says otherwise), taken off a list
 * (`removed`) or called off (`cancelled`). Refused with `reason` when the
 * record is unknown or already gone; the record stays in the state (and the
 * log), flagged. `alsoApply` does what else the flag means (a removed clinic is no
 * longer the current one).
 */
export function markGone<T extends EventType, F extends GoneFlag = "retracted">(options: {
  readonly collection: FlaggedKey<F>;
  /** The payload field holding the record's id, e.g. `resultId`. */
  readonly idField: string;
  readonly reason: RefusalReason;
  readonly flag?: F;
  readonly alsoApply?: (draft: Draft, id: string) => void;
}): Handler<T> {
  const { collection, idField, reason, alsoApply } = options;
  const flag = options.flag ?? "retracted";
  const idOf = (event: EventOf<T>) =>
    (event.payload as unknown as Record<string, string>)[idField]!;
  return {
    check: (s, event) =>
      liveRecord(
        s[collection] as unknown as ReadonlyMap<string, Record<GoneFlag, boolean>>,
        idOf(event),
        reason,
        `payload.${idField}`,
        flag,
      ).problem ?? null,
    apply: (d, event) => {
      const map = d[collection] as unknown as LayeredMap<string, object>;
      const id = idOf(event);
      map.set(id, { ...map.get(id)!, [flag]: true });
      alsoApply?.(d, id);
    },
  };
}
