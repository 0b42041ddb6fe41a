/**
 * Why transfers, betas, outcomes, remembrance and other paths are refused
 * (words: the web app's refusal catalogue). Dates are `YYYY-MM-DD`. Params,
 * where a reason has them:
 *
 * - `beta-before-transfer`, `outcome-before-transfer`: `date` of the transfer.
 * - `beta-after-outcome`: `date` and `outcome` recorded.
 * - `beta-long-after-transfer`: `date` of the transfer, `weeks` allowed.
 * - `outcome-before-beta`: `date` of the latest beta.
 * - `outcome-exists`, `not-a-loss`: `outcome` recorded.
 * - `before-latest`: `date` of the latest news.
 * - `weeks-out-of-range`: `maxWeeks`, `maxDays`.
 * - `wrong-path-step`: `kind` of path, `allowed` steps.
 * - `anniversary-without-date`: `on`, the day (`date` or `due-date`) the
 *   yearly reminder names and the page lacks.
 */
export const pregnancyRefusals = [
  "unknown-transfer",
  "duplicate-transfer",
  "transfer-cancelled",
  "not-transferred",
  "unknown-beta",
  "duplicate-beta",
  "beta-before-transfer",
  "beta-in-future",
  "beta-after-outcome",
  "beta-long-after-transfer",
  "unknown-outcome",
  "duplicate-outcome",
  "outcome-exists",
  "outcome-before-transfer",
  "outcome-in-future",
  "outcome-before-beta",
  "before-latest",
  "weeks-out-of-range",
  "babies-only-for-birth",
  "not-a-loss",
  "unknown-remembrance",
  "duplicate-remembrance",
  "empty-remembrance",
  "anniversary-without-date",
  "unknown-path",
  "duplicate-path",
  "unknown-milestone",
  "duplicate-milestone",
  "wrong-path-step",
] as const;

export type PregnancyRefusal = (typeof pregnancyRefusals)[number];
