import type { z } from "zod";

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
