/**
 * Which input of a form a refusal belongs to. The domain names the field it
 * refuses by its path in the event (`payload.drawnAt`, `[2].payload.dose.value`,
 * `payload.blastocysts.1.grade`); a form names its inputs its own way. Pure,
 * so the rule is tested without a screen.
 */
import type { Problem } from "@trellis/domain";
import { fieldOf } from "../../i18n/refusals.ts";

/**
 * From the domain's field to the form's: either a map from a field path as
 * `fieldOf` gives it (`drawnAt`, `gestationalAge.days`) to the form's field,
 * matched by the longest leading part of the path (`{ "answers.weight":
 * "weight" }` takes `answers.weight.value` too), or, for rows and batches, a
 * function that answers for itself (null: the whole form).
 */
export type FieldMap<F extends string> =
  | Readonly<Partial<Record<string, F>>>
  | ((p: Problem<string>) => F | null | undefined);

/**
 * The form field a refusal goes beside, or null for the form's own line.
 * Without a map entry, a field of the same name as the path (or its leading
 * part: `dose` for `dose.value`) is the one. Either way the field must be
 * on the form now (`onForm`): a refusal about a field that is not shown goes
 * to the form's line rather than nowhere.
 */
export function fieldFor<F extends string>(
  p: Problem<string>,
  from: FieldMap<F> | undefined,
  onForm: (name: string) => boolean,
): F | null {
  if (typeof from === "function") {
    const name = from(p);
    return name && onForm(name) ? name : null;
  }
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
