/**
 * What the Costs screen shows of `costSummary` (the domain's totals), per
 * currency, in major units ready for `Intl.NumberFormat`.
 */

/** Money in one currency: all of it, what others covered, what is left to the person, what is not paid yet. */
export interface Sums {
  readonly total: number;
  readonly covered: number;
  readonly outOfPocket: number;
  readonly due: number;
}

export interface CurrencyTotals {
  readonly currency: string;
  readonly lifetime: Sums;
  readonly byYear: readonly { readonly year: number; readonly sums: Sums }[];
  /** By cycle id; `null` for costs tied to no cycle. */
  readonly byCycle: ReadonlyMap<string | null, Sums>;
  readonly perRetrieval: { readonly amount: number; readonly count: number } | null;
  readonly perTransfer: { readonly amount: number; readonly count: number } | null;
  /** Storage fees paid, from the embryo bank, counted in the totals. */
  readonly storageFees: number;
  /** Coverage expected but not received yet. */
  readonly expected: number;
}
