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

// TEMPORARY until costSummary lands from the domain: the same sums by hand.
import { costList, coverageMinor, fromMinor, type JourneyState, toMinor } from "@trellis/domain";

export function totalsOf(state: JourneyState, _today: string): CurrencyTotals[] {
  type Acc = { total: number; covered: number; due: number; expected: number };
  const blank = (): Acc => ({ total: 0, covered: 0, due: 0, expected: 0 });
  const per = new Map<
    string,
    {
      life: Acc;
      years: Map<number, Acc>;
      cycles: Map<string | null, Acc>;
      storage: number;
      expected: number;
    }
  >();
  const of = (currency: string) => {
    let p = per.get(currency);
    if (!p)
      per.set(
        currency,
        (p = { life: blank(), years: new Map(), cycles: new Map(), storage: 0, expected: 0 }),
      );
    return p;
  };
  const add = (acc: Acc, total: number, covered: number, due: number) => {
    acc.total += total;
    acc.covered += covered;
    acc.due += due;
  };
  const at = <K>(m: Map<K, Acc>, k: K) => {
    let a = m.get(k);
    if (!a) m.set(k, (a = blank()));
    return a;
  };
  for (const c of costList(state)) {
    const cur = c.amount.currency;
    const p = of(cur);
    const total = toMinor(c.amount.value, cur);
    const { expected, received } = coverageMinor(c);
    const due = c.status === "due" ? total - expected : 0;
    p.expected += expected - received;
    add(p.life, total, expected, due);
    add(at(p.years, Number(c.incurredOn.slice(0, 4))), total, expected, due);
    add(at(p.cycles, c.cycleId), total, expected, due);
  }
  for (const fee of state.storageFees.values()) {
    for (const pay of fee.payments) {
      const cur = pay.amount.currency;
      const p = of(cur);
      const total = toMinor(pay.amount.value, cur);
      p.storage += total;
      add(p.life, total, 0, 0);
      add(at(p.years, Number(pay.paidOn.slice(0, 4))), total, 0, 0);
    }
  }
  const sums = (a: Acc, cur: string): Sums => ({
    total: fromMinor(a.total, cur),
    covered: fromMinor(a.covered, cur),
    outOfPocket: fromMinor(a.total - a.covered, cur),
    due: fromMinor(a.due, cur),
  });
  return [...per]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([cur, p]) => ({
      currency: cur,
      lifetime: sums(p.life, cur),
      byYear: [...p.years].map(([year, a]) => ({ year, sums: sums(a, cur) })),
      byCycle: new Map([...p.cycles].map(([k, a]) => [k, sums(a, cur)])),
      perRetrieval: null,
      perTransfer: null,
      storageFees: fromMinor(p.storage, cur),
      expected: fromMinor(p.expected, cur),
    }));
}
