/**
 * Why lab reports, embryos, frozen eggs and storage fees are refused (words:
 * the web app's refusal catalogue). An embryo is named by `embryo` (the lab's
 * label, else its grade, else `""`) and `day`. Params, where a reason has them:
 *
 * - `embryo-not-available`: the embryo, `status` it has, `doing` what was
 *   asked (`freeze`, `thaw`, `move`, `transfer`, `discarded`, `donated`,
 *   `shipped`).
 * - `before-last-change`, `before-retrieval`: the embryo and the `date`.
 * - `not-biopsied`, `has-result`, `in-transfer`: the embryo.
 * - `inconsistent-counts`: see `funnelProblem` (`count`, `value`, `than`,
 *   `limit`, `frozen`, `kept`, `icsi`).
 * - `has-embryos`: `kind` (`retrieval` or `thaw`) and `count`.
 * - `not-enough-eggs`: `left` still frozen from the batch frozen on `date`.
 * - `not-next-due`: `date` of the next unpaid due date.
 * - `wrong-test-result`: `test` (`PGT-A`, `PGT-M`) and the `allowed` results.
 */
export const embryologyRefusals = [
  "unknown-retrieval",
  "duplicate-retrieval",
  "unknown-embryo",
  "duplicate-embryo",
  "embryo-not-available",
  "before-last-change",
  "before-retrieval",
  "inconsistent-counts",
  "reason-only-if-discarded",
  "level-only-for-mosaic",
  "not-biopsied",
  "wrong-test-result",
  "survived-only-for-thaw",
  "thawed-eggs-fixed",
  "no-follicles-for-thaw",
  "has-embryos",
  "has-thawed-eggs",
  "has-result",
  "in-transfer",
  "duplicate-batch",
  "frozen-from-thaw",
  "duplicate-thaw",
  "unknown-batch",
  "not-enough-eggs",
  "duplicate-fee",
  "unknown-fee",
  "fee-ended",
  "nothing-due",
  "not-next-due",
] as const;

export type EmbryologyRefusal = (typeof embryologyRefusals)[number];
