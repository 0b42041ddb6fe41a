/**
 * Why cycles, plans and doses are refused (words: the web app's refusal
 * catalogue). Params, where a reason has them:
 *
 * - `before-cycle-start`: `date` the cycle started; `medicine` for a dose.
 * - `before-start`: `date` and `after` (`medicine-start`, and for embryology
 *   `cycle-start`, `in-lab`, `retrieval`, `eggs-frozen`); `medicine`.
 * - `cycle-ended`: `date` it ended.
 * - `not-planned`: `medicine`, `date`, `time` of the slot.
 * - `implausible-dose`: `value`, `unit`, `max` (more than any single dose).
 * - `wrong-dose-unit`: `medicine`, `units` it is dosed in, `unit` given.
 */
export const treatmentRefusals = [
  "unknown-cycle",
  "duplicate-cycle",
  "cycle-ended",
  "before-cycle-start",
  "before-start",
  "transfer-plan-needs-stimulation",
  "unknown-clinic",
  "unknown-plan-item",
  "duplicate-plan-item",
  "end-before-start",
  "implausible-dose",
  "wrong-dose-unit",
  "unknown-dose",
  "duplicate-dose",
  "not-planned",
  "already-logged",
  "already-undone",
  "amount-only-if-taken",
] as const;

export type TreatmentRefusal = (typeof treatmentRefusals)[number];
