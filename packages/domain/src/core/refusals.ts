/**
 * Reasons any slice may give, most of them for input that does not fit a
 * schema (`core/zod-problem.ts` maps zod's issues to them). Their params:
 *
 * - `too-small` / `too-big`: `min` / `max`, and `bound` (`at-least` or
 *   `above`; `at-most` or `below`) saying whether the bound itself is allowed.
 * - `too-short` / `too-long`: `min` / `max` characters; `too-few` /
 *   `too-many`: `min` / `max` items in a list.
 * - `not-one-of`: `allowed`, the codes allowed, comma-separated.
 * - `wrong-kind`: `expected` (`string`, `boolean`, `object`, `array`, ...).
 * - `unknown-field`: `key`, the name that is not part of the shape.
 * - `newer-schema`: `version` given and `known`, the newest this code reads.
 * - `unknown-type`: `type`.
 */
export const commonRefusals = [
  "required",
  "not-a-number",
  "not-whole",
  "wrong-kind",
  "too-small",
  "too-big",
  "too-short",
  "too-long",
  "too-few",
  "too-many",
  "not-one-of",
  "invalid-date",
  "invalid-time",
  "invalid-time-zone",
  "invalid-format",
  "invalid-id",
  "unreadable-characters",
  "unknown-field",
  "invalid-field",
  "nothing-to-change",
  "listed-twice",
] as const;

export type CommonRefusal = (typeof commonRefusals)[number];

/** Reasons about the event itself, not its payload: its type, version and clock stamp. */
export const eventRefusals = [
  "unknown-type",
  "newer-schema",
  "not-from-device",
  "hlc-invalid",
  "clock-drift",
  "counter-overflow",
] as const;

export type EventRefusal = (typeof eventRefusals)[number];
