import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import type { PayloadInput } from "../events/catalog.ts";
import { mayaJourney } from "../testing/maya.ts";
import { Recorder } from "../testing/recorder.ts";
import { currencyDigits, toMinor } from "./currency.ts";
import { type CostTotals, type CurrencyCosts, costSummary, costsDue } from "./summary.ts";

const maya = mayaJourney();

const one = (currency: string, today?: string): CurrencyCosts =>
  costSummary(maya.state, { currency, ...(today && { today }) }).currencies[0]!;

describe("costSummary on Maya's journey (totals worked out by hand)", () => {
  it("keeps USD and AUD apart, never converted", () => {
    expect(costSummary(maya.state).currencies.map((c) => c.currency)).toEqual(["AUD", "USD"]);
    expect(costSummary(maya.state, { currency: "EUR" }).currencies).toEqual([]);
  });

  it("USD lifetime: 17 costs and 5 storage fee payments", () => {
    // Costs by cycle (USD):
    //   cycle 1 (2015): 4,285.40 + 12,500 + 3,200 + 1,000      = 20,985.40
    //   FET 2 (2015):   612.35 + 3,800                          =  4,412.35
    //   FET 3 (2017):   3,500                                   =  3,500.00
    //   FET 4 (2020):   540.80 + 4,100                          =  4,640.80
    //   2022 cycle 1:   6,120.75 + 14,800 + 3,600               = 24,520.75
    //   2022 cycle 2:   5,480.20 + 13,900 + 2,400               = 21,780.20
    //   no cycle:       450 (consultation) + 2,860 (flights)    =  3,310.00
    //   costs                                                   = 83,149.50
    // Storage fees paid at Hudson: 800 + 800 + 850 + 850 + 850 =  4,150.00
    // Lifetime: 83,149.50 + 4,150 = 87,299.50, all paid.
    // Covered: 300 + 2,000 + 7,500 + 1,600 + 2,500 + 1,750 + 3,000 + 10,000 + 5,000
    //   + 2,400 = 36,050, of which the 2,400 for PGT-A has not come in: 33,650 received.
    // Out of pocket: 87,299.50 - 36,050 = 51,249.50.
    expect(one("USD").lifetime).toEqual({
      total: 87_299.5,
      paid: 87_299.5,
      due: 0,
      covered: 36_050,
      coveredReceived: 33_650,
      coveredPending: 2400,
      outOfPocket: 51_249.5,
      entries: 22,
    });
  });

  it("USD by year: 2015 25,847.75 (consultation 450, cycle 1, FET 2) ... 2022 49,160.95", () => {
    // 2017: 3,500 + 800 (fee) = 4,300; 2020: 4,640.80 + 850 = 5,490.80;
    // 2022: 24,520.75 + 21,780.20 + 2,860 = 49,160.95. No entry in 2021.
    expect(one("USD").byYear.map((y) => [y.year, y.totals.total])).toEqual([
      [2015, 25_847.75],
      [2016, 800],
      [2017, 4300],
      [2018, 850],
      [2019, 850],
      [2020, 5490.8],
      [2022, 49_160.95],
    ]);
  });

  it("USD by cycle, with each cycle's label and dates; the rest (3,310 + 4,150 in fees) unassigned", () => {
    const usd = one("USD");
    expect(usd.byCycle.map((c) => [c.startDate, c.label, c.clinic, c.totals.total])).toEqual([
      ["2015-04-02", "Antagonist (short) protocol", "Hudson Fertility", 20_985.4],
      ["2015-07-24", "Medicated (programmed) frozen transfer", "Hudson Fertility", 4412.35],
      ["2017-08-18", "Natural or modified-natural frozen transfer", "Hudson Fertility", 3500],
      ["2020-05-15", "Medicated (programmed) frozen transfer", "Hudson Fertility", 4640.8],
      ["2022-02-03", "Antagonist (short) protocol", "Harbor Reproductive", 24_520.75],
      ["2022-05-05", "Antagonist (short) protocol", "Harbor Reproductive", 21_780.2],
    ]);
    expect(usd.byCycle[0]).toMatchObject({
      cycleId: maya.cycles.stim1,
      cycleType: "stimulation",
      endedOn: "2015-05-01",
    });
    // The second 2022 cycle: covered 5,000 + 2,400, the PGT-A part still waiting.
    expect(usd.byCycle[5]!.totals).toMatchObject({
      covered: 7400,
      coveredReceived: 5000,
      coveredPending: 2400,
      outOfPocket: 14_380.2,
    });
    expect(usd.unassigned.total).toBe(7460);
  });

  it("storage fees are their own line, at the price of the day they were paid, counted once", () => {
    const usd = one("USD");
    expect(usd.storageFees.totals).toMatchObject({ total: 4150, paid: 4150, outOfPocket: 4150 });
    expect(usd.storageFees.payments.map((p) => [p.paidOn, p.amount])).toEqual([
      ["2016-01-10", 800],
      ["2017-01-12", 800],
      ["2018-01-09", 850],
      ["2019-01-14", 850],
      ["2020-01-13", 850],
    ]);
    // Not a recorded cost, so not in any category: the categories add up to the costs alone.
    const categories = usd.byCategory.reduce((sum, c) => sum + toMinor(c.totals.total, "USD"), 0);
    expect(categories).toBe(toMinor(83_149.5, "USD"));
    expect(usd.byCategory.map((c) => c.category)).toEqual([
      "medication",
      "monitoring",
      "retrieval",
      "lab-embryology",
      "pgt",
      "freezing-storage",
      "transfer",
      "travel",
    ]);
  });

  it("USD per retrieval and per transfer", () => {
    // Per retrieval: the three stimulation cycles, 20,985.40 + 24,520.75 + 21,780.20
    // = 67,286.35 over 3 retrievals = 22,428.78 (rounded); covered there 2,000 + 7,500
    // + 1,600 + 10,000 + 5,000 + 2,400 = 28,500, so 38,786.35 / 3 = 12,928.78 out of pocket.
    expect(one("USD").perRetrieval).toEqual({
      count: 3,
      total: 67_286.35,
      outOfPocket: 38_786.35,
      each: { total: 22_428.78, outOfPocket: 12_928.78 },
    });
    // Per transfer: 87,299.50 / 6 = 14,549.92; 51,249.50 / 6 = 8,541.58.
    expect(one("USD").perTransfer).toEqual({
      count: 6,
      total: 87_299.5,
      outOfPocket: 51_249.5,
      each: { total: 14_549.92, outOfPocket: 8541.58 },
    });
  });

  it("AUD: the Sydney years, one cost still due", () => {
    // 2022: 385.90 + 4,250 (FET 5) = 4,635.90.
    // 2023: 6,500 (legal) + 4,250 + 9,800.50 (carrier) + 550 (fee) = 21,100.50.
    // 2024: 3,200 (parentage order, due) + 550 (fee) = 3,750.
    // Lifetime 29,486.40; covered 1,450.65 (Medicare) + 500 (refund) = 1,950.65;
    // out of pocket 27,535.75; paid 29,486.40 - 3,200 = 26,286.40.
    const aud = one("AUD", "2024-02-20");
    expect(aud.lifetime).toEqual({
      total: 29_486.4,
      paid: 26_286.4,
      due: 3200,
      covered: 1950.65,
      coveredReceived: 1950.65,
      coveredPending: 0,
      outOfPocket: 27_535.75,
      entries: 8,
    });
    expect(aud.byYear.map((y) => [y.year, y.totals.total])).toEqual([
      [2022, 4635.9],
      [2023, 21_100.5],
      [2024, 3750],
    ]);
    // Cycles 4,635.90 + 14,050.50; unassigned 6,500 + 3,200 + 1,100 = 10,800.
    expect(aud.byCycle.map((c) => [c.cycleId, c.totals.total])).toEqual([
      [maya.cycles.fet5, 4635.9],
      [maya.cycles.carrier6, 14_050.5],
    ]);
    expect(aud.unassigned.total).toBe(10_800);
    // No stimulation cycle was paid in AUD: nothing per retrieval, but 3 retrievals still count.
    expect(aud.perRetrieval).toEqual({
      count: 3,
      total: 0,
      outOfPocket: 0,
      each: { total: 0, outOfPocket: 0 },
    });
    // 29,486.40 / 6 = 4,914.40; 27,535.75 / 6 = 4,589.29.
    expect(aud.perTransfer.each).toEqual({ total: 4914.4, outOfPocket: 4589.29 });
    expect(aud.dueList.map((d) => [d.cost.id, d.dueOn, d.overdue])).toEqual([
      [maya.costs.parentage, "2024-02-15", true],
    ]);
    expect(one("AUD").dueList[0]!.overdue).toBe(false);
  });

  it("costsDue: the parentage order shows 14 days before it is due, and stays once overdue", () => {
    expect(costsDue(maya.state, { today: "2024-01-31" })).toEqual([]);
    expect(costsDue(maya.state, { today: "2024-02-01" }).map((d) => d.overdue)).toEqual([false]);
    expect(costsDue(maya.state, { today: "2024-03-01" }).map((d) => d.overdue)).toEqual([true]);
    expect(costsDue(maya.state, { today: "2024-01-20", withinDays: 30 })).toHaveLength(1);
  });

  it("paying the due cost moves it from due to paid; removing it takes exactly its amount out", () => {
    const r = mayaJourney().recorder;
    const at = Temporal.ZonedDateTime.from(
      "2024-02-10T20:00:00+11:00[Australia/Sydney]",
    ).epochMilliseconds;
    r.record("CostPaid", { costId: maya.costs.parentage!, paidOn: "2024-02-10" }, at);
    const paid = costSummary(r.state, { currency: "AUD" }).currencies[0]!;
    expect(paid.lifetime).toMatchObject({ total: 29_486.4, paid: 29_486.4, due: 0 });
    expect(paid.dueList).toEqual([]);
    r.record("CostRemoved", { costId: maya.costs.parentage! }, at + 60_000);
    const removed = costSummary(r.state).currencies;
    expect(removed.find((c) => c.currency === "AUD")!.lifetime.total).toBe(26_286.4);
    expect(removed.find((c) => c.currency === "USD")).toEqual(one("USD"));
  });
});

// Property tests: any set of costs, in any currencies, with or without cycles.
const ZONE = "Europe/Berlin";
const ms = (date: string) =>
  Temporal.PlainDateTime.from(`${date}T20:00`).toZonedDateTime(ZONE).epochMilliseconds;
const CURRENCIES = ["USD", "AUD", "JPY", "KWD", "EUR"] as const;

function base() {
  const r = new Recorder("phone0099", 99);
  r.record(
    "JourneyCreated",
    {
      displayName: "Kim",
      dateOfBirth: "1987-05-05",
      homeZone: ZONE,
      createdAt: `2020-01-02T20:00:00+01:00[${ZONE}]`,
    },
    ms("2020-01-02"),
  );
  const cycles = ["2020-02-01", "2021-06-01"].map((startDate) => {
    const cycleId = r.newId(ms(startDate));
    r.record(
      "CycleStarted",
      {
        cycleId,
        cycleType: "stimulation",
        protocolId: "antagonist",
        protocolName: "Antagonist (short) protocol",
        dayOne: "stim-day",
        startDate,
        zone: ZONE,
      },
      ms(startDate),
    );
    return cycleId;
  });
  const feeId = r.newId(ms("2020-03-01"));
  r.record(
    "StorageFeeScheduled",
    {
      feeId,
      clinic: "Kinderwunsch Mitte",
      covers: "embryos",
      amount: { value: 412.37, currency: "EUR" },
      dueOn: "2021-03-01",
      renewsYearly: true,
    },
    ms("2020-03-01"),
  );
  r.record(
    "StorageFeePaid",
    { feeId, dueOn: "2021-03-01", paidOn: "2021-02-27" },
    ms("2021-02-27"),
  );
  return { r, cycles };
}

const costArb = fc
  .record({
    currency: fc.constantFrom(...CURRENCIES),
    minor: fc.integer({ min: 0, max: 5_000_000 }),
    coverageShares: fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.boolean()), {
      maxLength: 3,
    }),
    cycle: fc.constantFrom(0, 1, null),
    day: fc.integer({ min: 0, max: 6 * 365 }),
    due: fc.boolean(),
  })
  .map((c) => {
    const digits = currencyDigits(c.currency);
    const major = (minor: number) => Number((minor / 10 ** digits).toFixed(digits));
    // Coverage lines of at least one minor unit, adding up to at most the amount.
    let left = c.minor;
    const coverage = c.coverageShares.flatMap(([percent, received]) => {
      const part = Math.floor((c.minor * percent) / 300);
      if (part < 1 || part > left) return [];
      left -= part;
      return [{ kind: "insurer" as const, value: major(part), received }];
    });
    const incurredOn = Temporal.PlainDate.from("2020-01-03").add({ days: c.day }).toString();
    return { ...c, value: major(c.minor), coverage, incurredOn };
  });

type GenCost = typeof costArb extends fc.Arbitrary<infer T> ? T : never;

function record(costs: readonly GenCost[]) {
  const { r, cycles } = base();
  const ids: string[] = [];
  const at = ms("2026-01-10");
  for (const [i, c] of costs.entries()) {
    const costId = r.newId(at + i);
    ids.push(costId);
    const payload: PayloadInput<"CostRecorded"> = {
      costId,
      description: `Cost ${i}`,
      category: "other",
      amount: { value: c.value, currency: c.currency },
      incurredOn: c.incurredOn,
      status: c.due ? "due" : "paid",
      ...(c.due ? { dueOn: "2026-02-01" } : { paidOn: c.incurredOn }),
      ...(c.cycle !== null && { cycleId: cycles[c.cycle] }),
      coverage: c.coverage,
    };
    r.record("CostRecorded", payload, at + i);
  }
  return { r, ids };
}

const minorOf = (t: CostTotals, currency: string) => ({
  total: toMinor(t.total, currency),
  paid: toMinor(t.paid, currency),
  due: toMinor(t.due, currency),
  covered: toMinor(t.covered, currency),
  coveredReceived: toMinor(t.coveredReceived, currency),
  outOfPocket: toMinor(t.outOfPocket, currency),
});

describe("costSummary: invariants for any costs", () => {
  const costs = fc.array(costArb, { maxLength: 12 });

  it("per currency: total = covered + out of pocket = paid + due; years and cycles add up to lifetime", () => {
    fc.assert(
      fc.property(costs, (list) => {
        const { r } = record(list);
        for (const c of costSummary(r.state).currencies) {
          const life = minorOf(c.lifetime, c.currency);
          expect(life.total).toBe(life.covered + life.outOfPocket);
          expect(life.total).toBe(life.paid + life.due);
          expect(life.coveredReceived).toBeLessThanOrEqual(life.covered);
          const sum = (groups: readonly CostTotals[]) =>
            groups.reduce((s, t) => s + toMinor(t.total, c.currency), 0);
          expect(sum(c.byYear.map((y) => y.totals))).toBe(life.total);
          expect(sum([...c.byCycle.map((y) => y.totals), c.unassigned])).toBe(life.total);
          const outOfPocket = [...c.byYear.map((y) => y.totals)].reduce(
            (s, t) => s + toMinor(t.outOfPocket, c.currency),
            0,
          );
          expect(outOfPocket).toBe(life.outOfPocket);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("currencies never mix: each currency's total is exactly its own costs (and fees), nothing else", () => {
    fc.assert(
      fc.property(costs, (list) => {
        const { r } = record(list);
        const summary = costSummary(r.state);
        const expected = new Map<string, number>([["EUR", 41_237]]);
        for (const c of list) expected.set(c.currency, (expected.get(c.currency) ?? 0) + c.minor);
        expect(summary.currencies.map((c) => c.currency)).toEqual([...expected.keys()].sort());
        for (const c of summary.currencies) {
          expect(toMinor(c.lifetime.total, c.currency)).toBe(expected.get(c.currency));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("removing a cost takes exactly its amount (and coverage) out of its currency, and touches no other", () => {
    fc.assert(
      fc.property(fc.array(costArb, { minLength: 1, maxLength: 8 }), fc.nat(), (list, pick) => {
        const { r, ids } = record(list);
        const before = costSummary(r.state).currencies;
        const index = pick % list.length;
        const gone = list[index]!;
        r.record("CostRemoved", { costId: ids[index]! }, ms("2026-01-11"));
        const after = costSummary(r.state).currencies;
        const find = (all: readonly CurrencyCosts[], code: string) =>
          all.find((c) => c.currency === code);
        const was = minorOf(find(before, gone.currency)!.lifetime, gone.currency);
        const covered = gone.coverage.reduce((s, v) => s + toMinor(v.value, gone.currency), 0);
        const now = find(after, gone.currency);
        const is = now ? minorOf(now.lifetime, gone.currency) : { total: 0, covered: 0 };
        expect(was.total - is.total).toBe(gone.minor);
        expect(was.covered - is.covered).toBe(covered);
        for (const other of before.filter((c) => c.currency !== gone.currency)) {
          expect(find(after, other.currency)!.lifetime).toEqual(other.lifetime);
        }
      }),
      { numRuns: 40 },
    );
  });
});
