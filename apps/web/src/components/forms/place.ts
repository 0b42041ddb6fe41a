/**
 * Which input of a form a refusal belongs to. The domain names the field it
 * refuses by its path in the event (`payload.drawnAt`, `[2].payload.dose.value`,
 * `payload.blastocysts.1.grade`); a form names its inputs its own way. Pure,
 * so the rule is tested without a screen.
 */
import type { Problem } from "@trellis/domain";
import { fieldOf } from "../../i18n/refusals.ts";

/**
 * How a form names what the domain names otherwise. `from` maps a field path
 * as `fieldOf` gives it (`drawnAt`, `gestationalAge.days`) to the form's
 * field, matched by the longest leading part of the path (`{ "answers.weight":
 * "weight" }` takes `answers.weight.value` too). `place`, for rows and
 * batches, answers first: a field, null for the form's own line, or
 * undefined to leave the refusal to `from` and to the name rule.
 */
export interface Placing<F extends string> {
  readonly from?: Readonly<Partial<Record<string, F>>> | undefined;
  readonly place?: ((p: Problem<string>) => F | null | undefined) | undefined;
}

/**
 * The form field a refusal goes beside, or null for the form's own line.
 * Without an answer from `place` or `from`, a field of the same name as the
 * path (or its leading part: `dose` for `dose.value`) is the one. Either way
 * the field must be on the form now (`onForm`): a refusal about a field that
 * is not shown goes to the form's line rather than nowhere.
 */
export function fieldFor<F extends string>(
  p: Problem<string>,
  { from, place }: Placing<F>,
  onForm: (name: string) => boolean,
): F | null {
  const placed = place?.(p);
  if (placed !== undefined) return placed !== null && onForm(placed) ? placed : null;
  const parts = fieldOf(p).split(".");
  for (let n = parts.length; n > 0; n--) {
    const mapped = from?.[parts.slice(0, n).join(".")];
    if (mapped !== undefined) return onForm(mapped) ? mapped : null;
  }
  for (let n = parts.length; n > 0; n--) {
    const same = parts.slice(0, n).join(".");
    if (same && onForm(same)) return same as F;
  }
  return null;
}

/**
 * The row of a named list a refusal points into: `payload.blastocysts.1.grade`
 * with `blastocysts` → 1 (also `blastocysts[1]`); null when it points elsewhere.
 */
export function rowOf(p: Pick<Problem<string>, "field">, list: string): number | null {
  const m = new RegExp(`(?:^|\\.)${list}(?:\\.(\\d+)|\\[(\\d+)\\])(?:\\.|$)`).exec(p.field);
  return m ? Number(m[1] ?? m[2]) : null;
}

/** Which event of a `recordBatch` was refused: `[2].payload.dose.value` → 2; null for a single event. */
export function batchIndexOf(p: Pick<Problem<string>, "field">): number | null {
  const m = /^\[(\d+)\]\./.exec(p.field);
  return m ? Number(m[1]) : null;
}
