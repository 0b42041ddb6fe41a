import type { RefusalReason } from "../refusals.ts";

/** Expected failures are values, not exceptions. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});

/**
 * The values a refusal's words need: bounds, dates (`YYYY-MM-DD`), counts, the
 * names of what is referred to (an embryo's label, a medicine's name), codes a
 * screen turns into words (a status, an outcome). Never a sentence.
 */
export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * Why something was refused, as a code: the screens own the words. `reason`
 * is one of the reasons the slices export (`RefusalReason`); `field` names the
 * path inside the event (e.g. `payload.dose.value`) so a screen can put the
 * words next to the right input; `params` holds what the words need; `detail`
 * is an optional sentence for developers (logs, tests), never shown to people.
 */
export interface Problem<R extends string = RefusalReason> {
  readonly reason: R;
  readonly field: string;
  readonly params?: ProblemParams;
  readonly detail?: string;
}

/**
 * A refusal from a package with its own reasons (`packages/client`,
 * `packages/crypto`): wrap it in a function typed with that package's union,
 * so an unknown reason still fails to compile there.
 */
export function problemOf<R extends string>(
  reason: R,
  field: string,
  params?: ProblemParams,
  detail?: string,
): Problem<R> {
  return {
    reason,
    field,
    ...(params !== undefined && { params }),
    ...(detail !== undefined && { detail }),
  };
}

/** A domain refusal: a reason some slice exports, the field, what the words need. */
export const problem = (
  reason: RefusalReason,
  field: string,
  params?: ProblemParams,
  detail?: string,
): Problem => problemOf(reason, field, params, detail);

/**
 * A refusal as one line for developers (a thrown fixture error, a log):
 * `implausible-dose at payload.dose {"value":2250,"unit":"IU","max":20000}`.
 * Never shown to people; screens turn the reason into words.
 */
export function describeProblem(p: Problem<string>): string {
  const params = p.params ? ` ${JSON.stringify(p.params)}` : "";
  const detail = p.detail ? ` (${p.detail})` : "";
  return `${p.reason} at ${p.field}${params}${detail}`;
}
