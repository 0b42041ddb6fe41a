import { type Problem, problem } from "../core/result.ts";
import type { RefusalReason } from "../refusals.ts";

/**
 * How handlers find the record an event names and write the fields a change
 * event gives: one way for every slice, so "unknown", "gone" and "left out"
 * mean the same everywhere.
 */

/**
 * How a record says it is gone while staying in the state (and the log):
 * entered by mistake (`retracted`), taken off a list (`removed`), called off
 * (`cancelled`).
 */
export type GoneFlag = "retracted" | "removed" | "cancelled";

/** The record an event names, or the refusal to give when it is not there. */
export type Lookup<V> =
  | { readonly record: V; readonly problem?: undefined }
  | { readonly record?: undefined; readonly problem: Problem };

/**
 * The record `id` names in `records`, unless it was never recorded or is
 * flagged gone (`flag`, `retracted` unless said): then the refusal `reason`
 * at `field`. An unknown id and a gone one read the same to a person: there
 * is nothing by that name to change.
 */
export function liveRecord<
  V extends { readonly [K in F]: boolean },
  F extends GoneFlag = "retracted",
>(
  records: ReadonlyMap<string, V>,
  id: string,
  reason: RefusalReason,
  field: string,
  flag: F = "retracted" as F,
): Lookup<V> {
  const record = records.get(id);
  if (!record || record[flag]) return { problem: problem(reason, field) };
  return { record };
}

/**
 * The fields of a change event that it gives, to spread over the record: a
 * field left out changes nothing, `null` clears one.
 */
export function givenFields<P extends object, K extends keyof P>(
  payload: P,
  keys: readonly K[],
): { [Q in K]?: Exclude<P[Q], undefined> } {
  const given: { [Q in K]?: Exclude<P[Q], undefined> } = {};
  for (const key of keys) {
    const value = payload[key];
    if (value !== undefined) given[key] = value as Exclude<P[K], undefined>;
  }
  return given;
}
