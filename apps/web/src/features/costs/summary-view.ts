/**
 * What the Costs screen reads of `costSummary` (the domain's totals, per
 * currency, never converted), and the one figure it works out itself: costs
 * tied to no cycle without the storage fees, which the domain counts there
 * too but the screen lists on their own.
 */
import {
  type CostTotals,
  type CurrencyCosts,
  costSummary,
  fromMinor,
  type JourneyState,
  toMinor,
} from "@trellis/domain";

/** Each currency's totals, the one with the most entries first (then by code). */
export function totalsOf(state: JourneyState, today: string): readonly CurrencyCosts[] {
  return [...costSummary(state, { today }).currencies].sort(
    (a, b) =>
      b.lifetime.entries - a.lifetime.entries ||
      (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0),
  );
}

/** The totals of one cycle's costs in this currency, or null when it has none in it. */
export function cycleTotals(c: CurrencyCosts, cycleId: string): CostTotals | null {
  return c.byCycle.find((x) => x.cycleId === cycleId)?.totals ?? null;
}

/** Costs tied to no cycle, storage fees left out (they have their own line); null when none. */
export function noCycleTotals(c: CurrencyCosts): { total: number; outOfPocket: number } | null {
  const storage = c.storageFees.totals;
  if (c.unassigned.entries - storage.entries <= 0) return null;
  const minor = (v: number) => toMinor(v, c.currency);
  return {
    total: fromMinor(minor(c.unassigned.total) - minor(storage.total), c.currency),
    outOfPocket: fromMinor(
      minor(c.unassigned.outOfPocket) - minor(storage.outOfPocket),
      c.currency,
    ),
  };
}
