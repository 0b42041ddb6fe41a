import type { z } from "zod";
import { refusal } from "../core/zod-problem.ts";

/** One kind of event: its current schema version and the schema of its payload. */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly schemaVersion: number;
  readonly payload: S;
  /** One line for people reading the code: what happened in the person's life. */
  readonly describes: string;
}

export function defineEvent<S extends z.ZodType>(
  schemaVersion: number,
  describes: string,
  payload: S,
): EventDefinition<S> {
  return { schemaVersion, payload, describes };
}

/**
 * The payload of an event that changes a record: the keys that name it and
 * the fields that may change, only those given changing. Giving nothing to
 * change is refused (`nothing-to-change`). `namedBy` is how many keys name
 * the record: 1, its id; 0 for the journey and the preferences, of which
 * there is one.
 */
export function changePayload<S extends z.ZodObject>(fields: S, namedBy = 1): S {
  return fields.refine((p) => Object.keys(p).length > namedBy, refusal("nothing-to-change"));
}
