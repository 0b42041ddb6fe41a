/**
 * Why the clinical calculators refuse their input (`checkLabValue`,
 * `convertLab`, `betaTrend`, `parseGardner`, `dueDate`, `parseOhssSymptoms`;
 * words: the web app's refusal catalogue). Params, where a reason has them:
 *
 * - `missing-unit`, `wrong-unit`: `analyte`, the `units` it is reported in,
 *   and for `wrong-unit` the `unit` given.
 * - `unknown-analyte`: `analyte` given, `known` analytes.
 * - `negative-value`, `implausible-value`: `analyte`, `value`; `unit` and
 *   `max` for the second.
 * - `invalid-grade`: `why` (`empty`, `expansion`, `letters`, `shape`,
 *   `two-letters`), `grade` as typed, `expansion`.
 * - `duplicate-time`, `too-close`: `at`, the other beta's date or time.
 * - `before-conception`: `date` (conception-equivalent); `after-pregnancy`:
 *   `maxWeeks`, `maxDays`; `invalid-embryo-day`: `allowed` days.
 * - `unknown-symptom`: `key`.
 */
export const clinicalRefusals = [
  "invalid-lab-value",
  "unknown-analyte",
  "missing-unit",
  "wrong-unit",
  "invalid-value",
  "negative-value",
  "implausible-value",
  "empty-series",
  "mixed-times",
  "duplicate-time",
  "too-close",
  "invalid-grade",
  "missing-date",
  "ambiguous-date",
  "invalid-embryo-day",
  "embryo-day-needs-transfer",
  "before-conception",
  "after-pregnancy",
  "unknown-symptom",
] as const;

export type ClinicalRefusal = (typeof clinicalRefusals)[number];
