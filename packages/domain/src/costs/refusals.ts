/**
 * Why a cost is refused (words: the web app's refusal catalogue). Params:
 * `too-many-decimals` has `digits` (how many the currency allows, 0 for JPY)
 * and `currency`; `coverage-exceeds-amount` has `currency`, `covered` and
 * `amount` (major units; the words show them as money).
 */
export const costsRefusals = [
  "unknown-cost",
  "duplicate-cost",
  "unknown-currency",
  "too-many-decimals",
  "coverage-exceeds-amount",
  "due-needs-date",
  "due-with-paid-date",
  "cost-already-paid",
] as const;

export type CostsRefusal = (typeof costsRefusals)[number];
