import { cycleClinicName } from "../clinics/selectors.ts";
import type { CycleType } from "../protocols/templates.ts";
import { addDays } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import { fromMinor, toMinor } from "./currency.ts";
import { type CostCategory, costCategories } from "./events.ts";
import { costList } from "./selectors.ts";
import type { Cost } from "./state.ts";

/**
 * What treatment has cost, per currency: amounts in different currencies are
 * never added up or converted (no made-up rates). Every sum is made in minor
 * units (cents) and given back in major units (1234.5), so a total is exact to
 * the cent however many entries it adds.
 *
 * What is counted:
 * - every cost the person recorded (not removed), on the day it was incurred;
 * - every storage fee payment kept with the embryo bank (`StorageFeePaid`),
 *   at the amount the fee had when it was paid, on the day it was paid. They
 *   are never entered as costs, so nothing is counted twice, and they are
 *   shown as their own line (`storageFees`), with no cycle. A storage fee not
 *   yet paid is not counted here (the bank's reminders show it).
 *
 * The totals of a group of entries (`CostTotals`):
 * - `total`: what was incurred, paid or still due;
 * - `paid` and `due`: `total` split by whether it has been paid;
 * - `covered`: what insurers, employers, grants and refunds cover, expected
 *   (every coverage line); `coveredReceived` of it has come in,
 *   `coveredPending` not yet;
 * - `outOfPocket`: `total - covered`, what the person bears once all expected
 *   coverage has come in. So `total = covered + outOfPocket` always.
 *
 * Per retrieval and per transfer, each currency's share (they add up across
 * currencies, once a person converts them at their own rate):
 * - `perRetrieval`: the costs of the cycles that had a retrieval (medicines,
 *   monitoring, retrieval, lab, PGT, freezing recorded on those cycles)
 *   divided by the number of retrievals in those cycles. What the eggs cost
 *   to get, not what a baby cost.
 * - `perTransfer`: everything (lifetime, storage fees included) divided by the
 *   number of transfers done, whoever carried. What it took, spread over the
 *   transfers it gave.
 * Both are null when there is nothing to divide by; divided amounts are
 * rounded to the minor unit.
 */
export interface CostTotals {
  readonly total: number;
  readonly paid: number;
  readonly due: number;
  readonly covered: number;
  readonly coveredReceived: number;
  readonly coveredPending: number;
  readonly outOfPocket: number;
  /** How many entries (costs and storage fee payments) the totals add up. */
  readonly entries: number;
}

export interface CycleCosts {
  readonly cycleId: string;
  /** The protocol's name, as the cycle list shows it. */
  readonly label: string;
  readonly cycleType: CycleType;
  readonly startDate: string;
  readonly endedOn: string | null;
  readonly clinic: string | null;
  readonly totals: CostTotals;
}

export interface StoragePayment {
  readonly feeId: string;
  readonly clinic: string;
  readonly dueOn: string;
  readonly paidOn: string;
  /** In major units, as paid. */
  readonly amount: number;
}

export interface DueCost {
  readonly cost: Cost;
  readonly dueOn: string;
  /** `today` is after `dueOn`; false when `today` was not given. */
  readonly overdue: boolean;
}

/** Per retrieval or per transfer: the amounts divided, and by how many. */
export interface PerUnit {
  readonly count: number;
  /** The amounts divided (see `CostSummary`). */
  readonly total: number;
  readonly outOfPocket: number;
  /** `total / count` and `outOfPocket / count`, rounded to the minor unit; null when `count` is 0. */
  readonly each: { readonly total: number; readonly outOfPocket: number } | null;
}

export interface CurrencyCosts {
  /** ISO 4217 code. */
  readonly currency: string;
  readonly lifetime: CostTotals;
  /** Calendar years with an entry, oldest first; they add up to `lifetime`. */
  readonly byYear: readonly { readonly year: number; readonly totals: CostTotals }[];
  /** Cycles with a cost, by start date; with `unassigned`, they add up to `lifetime`. */
  readonly byCycle: readonly CycleCosts[];
  /** Costs of no cycle (or of a cycle entered by mistake), storage fees included. */
  readonly unassigned: CostTotals;
  /** Recorded costs by category, in the categories' order (storage fees are not in here). */
  readonly byCategory: readonly { readonly category: CostCategory; readonly totals: CostTotals }[];
  /** Storage fees paid through the embryo bank: their own line, counted once. */
  readonly storageFees: {
    readonly totals: CostTotals;
    readonly payments: readonly StoragePayment[];
  };
  readonly perRetrieval: PerUnit;
  readonly perTransfer: PerUnit;
  /** Costs still due, soonest first. */
  readonly dueList: readonly DueCost[];
}

export interface CostSummary {
  /** One entry per currency with anything in it, by code. */
  readonly currencies: readonly CurrencyCosts[];
}

/** Sums in minor units, before they are given back in major units. */
interface Sums {
  total: number;
  paid: number;
  covered: number;
  coveredReceived: number;
  entries: number;
}

const zero = (): Sums => ({ total: 0, paid: 0, covered: 0, coveredReceived: 0, entries: 0 });

function add(into: Sums, e: Sums): void {
  into.total += e.total;
  into.paid += e.paid;
  into.covered += e.covered;
  into.coveredReceived += e.coveredReceived;
  into.entries += e.entries;
}

function totalsOf(s: Sums, currency: string): CostTotals {
  const major = (minor: number) => fromMinor(minor, currency);
  return {
    total: major(s.total),
    paid: major(s.paid),
    due: major(s.total - s.paid),
    covered: major(s.covered),
    coveredReceived: major(s.coveredReceived),
    coveredPending: major(s.covered - s.coveredReceived),
    outOfPocket: major(s.total - s.covered),
    entries: s.entries,
  };
}

/** One entry: a cost or a storage fee payment, in minor units. */
interface Entry {
  readonly currency: string;
  readonly on: string;
  readonly cycleId: string | null;
  readonly category: CostCategory | null;
  readonly sums: Sums;
}

function costEntry(cost: Cost): Entry {
  const { currency } = cost.amount;
  const total = toMinor(cost.amount.value, currency);
  let covered = 0;
  let received = 0;
  for (const c of cost.coverage) {
    const minor = toMinor(c.value, currency);
    covered += minor;
    if (c.received) received += minor;
  }
  return {
    currency,
    on: cost.incurredOn,
    cycleId: cost.cycleId,
    category: cost.category,
    sums: {
      total,
      paid: cost.status === "paid" ? total : 0,
      covered,
      coveredReceived: received,
      entries: 1,
    },
  };
}

class Bucket {
  readonly lifetime = zero();
  readonly years = new Map<number, Sums>();
  readonly cycles = new Map<string, Sums>();
  readonly unassigned = zero();
  readonly categories = new Map<CostCategory, Sums>();
  readonly storage = zero();
  readonly payments: StoragePayment[] = [];
  readonly due: DueCost[] = [];
}

function sumsIn<K>(map: Map<K, Sums>, key: K): Sums {
  let s = map.get(key);
  if (!s) {
    s = zero();
    map.set(key, s);
  }
  return s;
}

function perUnit(count: number, s: Sums, currency: string): PerUnit {
  const total = fromMinor(s.total, currency);
  const outOfPocket = fromMinor(s.total - s.covered, currency);
  return {
    count,
    total,
    outOfPocket,
    each:
      count === 0
        ? null
        : {
            total: fromMinor(Math.round(s.total / count), currency),
            outOfPocket: fromMinor(Math.round((s.total - s.covered) / count), currency),
          },
  };
}

/** Categories in the order the form offers them. */
const categoryOrder: readonly CostCategory[] = costCategories;

/**
 * The person's costs summed per currency (see `CostTotals` for what each
 * total means). `currency` keeps only that currency; `today` (YYYY-MM-DD)
 * marks due costs as overdue.
 */
export function costSummary(
  state: JourneyState,
  options: { readonly currency?: string; readonly today?: string } = {},
): CostSummary {
  const buckets = new Map<string, Bucket>();
  const bucket = (currency: string) => {
    let b = buckets.get(currency);
    if (!b) {
      b = new Bucket();
      buckets.set(currency, b);
    }
    return b;
  };
  const liveCycle = (id: string | null) => {
    const cycle = id === null ? undefined : state.cycles.get(id);
    return cycle && !cycle.retracted ? cycle : null;
  };
  const place = (b: Bucket, e: Entry) => {
    add(b.lifetime, e.sums);
    add(sumsIn(b.years, Number(e.on.slice(0, 4))), e.sums);
    const cycle = liveCycle(e.cycleId);
    add(cycle ? sumsIn(b.cycles, cycle.id) : b.unassigned, e.sums);
    if (e.category) add(sumsIn(b.categories, e.category), e.sums);
  };

  for (const cost of costList(state)) {
    const b = bucket(cost.amount.currency);
    place(b, costEntry(cost));
    if (cost.status === "due" && cost.dueOn) {
      b.due.push({
        cost,
        dueOn: cost.dueOn,
        overdue: options.today !== undefined && cost.dueOn < options.today,
      });
    }
  }
  for (const fee of state.storageFees.values()) {
    for (const p of fee.payments) {
      const { currency, value } = p.amount;
      const minor = toMinor(value, currency);
      const sums = { total: minor, paid: minor, covered: 0, coveredReceived: 0, entries: 1 };
      const b = bucket(currency);
      place(b, { currency, on: p.paidOn, cycleId: null, category: null, sums });
      add(b.storage, sums);
      b.payments.push({
        feeId: fee.id,
        clinic: fee.clinic,
        dueOn: p.dueOn,
        paidOn: p.paidOn,
        amount: value,
      });
    }
  }

  // Retrievals in cycles, and the cycles they were in; transfers done.
  const retrievalCycles = new Map<string, number>();
  for (const cohort of state.cohorts.values()) {
    if (cohort.kind !== "retrieval" || cohort.retracted) continue;
    const cycle = liveCycle(cohort.cycleId);
    if (cycle) retrievalCycles.set(cycle.id, (retrievalCycles.get(cycle.id) ?? 0) + 1);
  }
  const retrievals = [...retrievalCycles.values()].reduce((a, b) => a + b, 0);
  const transfers = [...state.transfers.values()].filter(
    (t) => t.status === "done" && !t.retracted,
  ).length;

  const codes = [...buckets.keys()]
    .filter((c) => options.currency === undefined || c === options.currency)
    .sort();
  return {
    currencies: codes.map((currency): CurrencyCosts => {
      const b = buckets.get(currency)!;
      const t = (s: Sums) => totalsOf(s, currency);
      const stimulation = zero();
      for (const [cycleId, s] of b.cycles) if (retrievalCycles.has(cycleId)) add(stimulation, s);
      return {
        currency,
        lifetime: t(b.lifetime),
        byYear: [...b.years].sort(([a], [c]) => a - c).map(([year, s]) => ({ year, totals: t(s) })),
        byCycle: [...b.cycles]
          .map(([cycleId, s]) => {
            const cycle = state.cycles.get(cycleId)!;
            return {
              cycleId,
              label: cycle.protocolName,
              cycleType: cycle.cycleType,
              startDate: cycle.startDate,
              endedOn: cycle.endedOn,
              clinic: cycleClinicName(state, cycle.id),
              totals: t(s),
            };
          })
          .sort((a, c) =>
            a.startDate < c.startDate
              ? -1
              : a.startDate > c.startDate
                ? 1
                : a.cycleId < c.cycleId
                  ? -1
                  : 1,
          ),
        unassigned: t(b.unassigned),
        byCategory: categoryOrder
          .filter((category) => b.categories.has(category))
          .map((category) => ({ category, totals: t(b.categories.get(category)!) })),
        storageFees: {
          totals: t(b.storage),
          payments: b.payments.sort((a, c) =>
            a.paidOn < c.paidOn ? -1 : a.paidOn > c.paidOn ? 1 : 0,
          ),
        },
        perRetrieval: perUnit(retrievals, stimulation, currency),
        perTransfer: perUnit(transfers, b.lifetime, currency),
        dueList: b.due.sort((a, c) =>
          a.dueOn < c.dueOn ? -1 : a.dueOn > c.dueOn ? 1 : a.cost.id < c.cost.id ? -1 : 1,
        ),
      };
    }),
  };
}

/**
 * Costs still due that should be shown now: overdue, or due within their
 * reminder window (`remindDaysBefore`; `withinDays` overrides it). A due cost
 * without a reminder shows only once overdue. Soonest first. For Today, the
 * calendar file and push reminders, as storage fees are (`storageFeesDue`).
 */
export function costsDue(
  state: JourneyState,
  options: { readonly today: string; readonly withinDays?: number },
): DueCost[] {
  const out: DueCost[] = [];
  for (const cost of costList(state)) {
    if (cost.status !== "due" || !cost.dueOn) continue;
    const overdue = cost.dueOn < options.today;
    const window = options.withinDays ?? cost.remindDaysBefore;
    const soon = window !== null && cost.dueOn <= addDays(options.today, window);
    if (overdue || soon) out.push({ cost, dueOn: cost.dueOn, overdue });
  }
  return out.sort((a, b) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.cost.id < b.cost.id ? -1 : 1,
  );
}
