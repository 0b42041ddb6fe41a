/**
 * Every number the odds engine uses, with where it comes from. The model reads
 * only from here. Clinical figures come from `docs/clinical-reference.md`;
 * each keeps that file's tag:
 *
 * - `checked`: read against the primary abstract, table or label;
 * - `secondary`: read from a source that quotes the primary;
 * - `unverified`: typical practice, recalled, or a modelling choice of ours.
 *   Screens show these as "typical", never as a fact about the person.
 *
 * Ranges (`low80`/`high80`) are 80% ranges for the parameter itself, used to
 * draw parameter sets; where a source gives no range, the range is ours and the
 * parameter says so in `spreadTag`.
 *
 * The step-level figures added for issue 10 (cancellation, day 5/6/7,
 * blastocyst formation by age, egg survival, stopping, losses after a
 * heartbeat) are in docs/clinical-reference.md §10a-§10g.
 *
 * Held-out figures used only to check the model live in `heldout.ts`, never
 * here: a figure that sets a parameter cannot also validate it.
 *
 * This file gathers them; each group has its own file: the citations
 * (`sources.ts`), what a parameter is made of (`parameter-shape.ts`), one
 * embryo and its transfer (`transfer-parameters.ts`), the egg funnel
 * (`funnel-parameters.ts`) and the issue-10 steps (`step-parameters.ts`).
 */
import { funnelParameters } from "./funnel-parameters.ts";
import type { ParameterBase } from "./parameter-shape.ts";
import { stepParameters } from "./step-parameters.ts";
import { transferParameters } from "./transfer-parameters.ts";

export type { Denominator, Spread, SpreadParameter } from "./parameter-shape.ts";
export { type EvidenceTag, type Source, type SourceId, sources } from "./sources.ts";
export { euploidyTable } from "./transfer-parameters.ts";

/** Every parameter by id, from the three groups. */
export const parameters = {
  ...transferParameters,
  ...funnelParameters,
  ...stepParameters,
} as const satisfies Record<string, ParameterBase & Record<string, unknown>>;

export type ParameterId = keyof typeof parameters;

/** The 80% range level used everywhere. */
export const RANGE_LEVEL = 0.8;

/** The tail probability on each side of an 80% range. */
export const RANGE_TAIL = (1 - RANGE_LEVEL) / 2;
