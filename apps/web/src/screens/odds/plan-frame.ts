import {
  type Problem,
  type Result,
  type RetrievalPlan,
  type RetrievalPlanInput,
  retrievalPlan,
} from "@trellis/domain";

/**
 * The two questions a plan can answer. "people-like-me" (the default) counts
 * everyone in the person's place who plans these retrievals, including those
 * who stop after one that does not work; "if-i-keep-going" assumes every
 * planned retrieval happens.
 */
export type PlanFrame = "people-like-me" | "if-i-keep-going";

export const defaultFrame: PlanFrame = "people-like-me";

/**
 * Whether the domain's `retrievalPlan` takes `frame` yet. It does not today,
 * and its input schema refuses unknown keys, so both frames ask the same
 * question and get the same numbers: the screen never makes up a difference.
 *
 * LEAD, at merge: once `RetrievalPlanInput` has `frame`, this line stops
 * compiling (the type becomes `true`); set it to `true` and every plan on the
 * Odds screen passes the person's frame through `planFor` below.
 */
const domainTakesFrame: "frame" extends keyof RetrievalPlanInput ? true : false = false;

/** The one place the Odds screen asks for a plan: with the person's frame, once the domain takes it. */
export function planFor(
  input: RetrievalPlanInput,
  frame: PlanFrame,
): Result<RetrievalPlan, Problem> {
  return domainTakesFrame
    ? retrievalPlan({ ...input, frame } as RetrievalPlanInput)
    : retrievalPlan(input);
}
