import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { bankOdds } from "./bank.ts";
import { PERSON_NODES, personEffect, spreadOverPeople } from "./correlate.ts";
import { drawThetas } from "./draws.ts";
import { eggFreezingOdds } from "./eggs.ts";
import type { Estimate } from "./estimate.ts";
import { funnelAt } from "./funnel.ts";
import { heldOut } from "./heldout.ts";
import { retrievalPlan } from "./plan.ts";
import type { EmbryoInput } from "./schema.ts";

/**
 * The model against published end-to-end outcomes that did not set any of its
 * parameters (`heldout.ts`). Each test asserts exactly the agreement claimed in
 * docs/odds-validation.md, loose ones included. Default seed throughout.
 */

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const perTransfer = (embryo: EmbryoInput): Estimate =>
  value(bankOdds({ embryos: [embryo] })).embryos[0]!.perTransfer;
const untested = (ageAtRetrieval: number, day: 5 | 6, grade?: string) =>
  perTransfer({ ageAtRetrieval, pgt: "untested", day, ...(grade ? { grade } : {}) });
const points = (x: number) => x * 100;
const inside = (x: number, lo: number, hi: number) => {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
};

describe(`per transfer, untested embryos: ${heldOut.awadalla2022.citation}`, () => {
  it("day 5 at 34 (published 38%): within 3 points, inside our 80% range for the average", () => {
    const ours = untested(34, 5);
    expect(Math.abs(points(ours.central) - 38)).toBeLessThanOrEqual(3);
    inside(0.38, ours.average.low, ours.average.high);
  });

  it("day 6 at 34 (published 26%): loose, ours lower by up to 7 points; inside our range for a person", () => {
    const ours = untested(34, 6);
    expect(points(ours.central)).toBeLessThan(26);
    expect(26 - points(ours.central)).toBeLessThanOrEqual(7);
    inside(0.26, ours.low, ours.high);
  });

  it.each([
    ["good", ["4AA", "4AB", "4BA"], 43, 6],
    ["fair", ["4BB", "4AC", "4CA"], 30, 3],
    ["poor", ["4BC", "4CB", "4CC"], 21, 3],
  ] as const)(
    "day 5 at 34, %s morphology (published %i%%): within %i points",
    (_, grades, published, within) => {
      const band = grades.map((g) => untested(34, 5, g).central);
      const ours = points(band.reduce((s, x) => s + x, 0) / band.length);
      expect(Math.abs(ours - published)).toBeLessThanOrEqual(within);
    },
  );
});

describe(`per embryo transferred, UK registry: ${heldOut.hfea2021.citation}`, () => {
  it("18-34 (published 33%): between our day-6 and day-5 figures at every age from 25 to 34", () => {
    for (let age = 25; age <= 34; age++) {
      expect(untested(age, 6).central).toBeLessThan(0.33);
      expect(untested(age, 5).central).toBeGreaterThan(0.33);
    }
  });

  it("43-50 (published 4%): between our day-6 and day-5 figures at 44", () => {
    expect(untested(44, 6).central).toBeLessThan(0.04);
    expect(untested(44, 5).central).toBeGreaterThan(0.04);
  });
});

describe(`per transfer at 40 and over: ${heldOut.slovenia.citation}`, () => {
  it.each([
    [40, 17.3],
    [41, 11.6],
    [42, 8.2],
    [43, 7.9],
    [44, 1.9],
  ])(
    "at %i (published %f%%): our day-5 figure is higher, by at most 5 points",
    (age, published) => {
      const ours = points(untested(age, 5).central);
      expect(ours).toBeGreaterThan(published);
      expect(ours - published).toBeLessThanOrEqual(5);
    },
  );
});

describe(`repeated euploid transfers: ${heldOut.pirtea2021.citation}`, () => {
  it("the correlation alone: from their 64.8% first-transfer rate, three transfers give 92.6%, inside our range over σ; a plain binomial says 95.6%", () => {
    const K = PERSON_NODES.nodes.length;
    const atLeastOne = drawThetas(20_140_656).map((t) => {
      const out = new Float64Array(K + 2);
      spreadOverPeople(0.648, personEffect(t.sigma, 0), out, 0);
      let none = 0;
      for (let k = 0; k < K; k++) none += PERSON_NODES.weights[k]! * (1 - out[k]!) ** 3;
      return 1 - none;
    });
    atLeastOne.sort((a, b) => a - b);
    const low = atLeastOne[Math.floor(0.1 * atLeastOne.length)]!;
    const high = atLeastOne[Math.ceil(0.9 * atLeastOne.length) - 1]!;
    inside(0.926, low, high);
    const binomial = 1 - (1 - 0.648) ** 3;
    expect(binomial).toBeGreaterThan(high);
  });

  it("end to end, three euploid day-5 blastocysts at 35: loose, ours lower by up to 12 points (their clinic's 64.8% is above the 50-60% range we use); inside our range for a person", () => {
    const odds = value(
      bankOdds({
        embryos: [1, 2, 3].map(() => ({
          ageAtRetrieval: 35,
          pgt: "euploid" as const,
          day: 5 as const,
        })),
      }),
    );
    const ours = points(odds.atLeastOne.central);
    expect(ours).toBeLessThan(92.6);
    expect(92.6 - ours).toBeLessThanOrEqual(12);
    inside(0.926, odds.atLeastOne.low, odds.atLeastOne.high);
  });
});

const plan = (age: number, frame: "people-like-me" | "if-i-keep-going" = "people-like-me") =>
  value(retrievalPlan({ age, retrievals: 8, tested: false, bank: [], frame })).population;
/** Ours minus published, in points. */
const gap = (ours: Estimate, published: number) => points(ours.central) - published;

describe(`live birth per intended retrieval, US registry: ${heldOut.sart2018.citation}`, () => {
  it("under 35 (published 55.6%, taken at 32): ours lower, by at most 6 points; inside our range for the average", () => {
    const ours = plan(32)[0]!.atLeastOne;
    expect(gap(ours, 55.6)).toBeLessThan(0);
    expect(gap(ours, 55.6)).toBeGreaterThanOrEqual(-6);
    inside(0.556, ours.average.low, ours.average.high);
  });

  it("35-37 (published 40.8%, taken at 36): within 2 points", () => {
    expect(Math.abs(gap(plan(36)[0]!.atLeastOne, 40.8))).toBeLessThanOrEqual(2);
  });

  it("over 42 (published 4.1%, taken at 43.5): ours higher, within 2 points; inside our range for the average", () => {
    const ours = plan(43.5)[0]!.atLeastOne;
    expect(gap(ours, 4.1)).toBeGreaterThan(0);
    expect(gap(ours, 4.1)).toBeLessThanOrEqual(2);
    inside(0.041, ours.average.low, ours.average.high);
  });
});

describe(`live birth per started cycle, all transfers counted: ${heldOut.chambers2017.citation}`, () => {
  it("first complete cycle under 30 (published 43.7%, taken at 28): loose, ours higher by up to 12 points; inside our range for a person", () => {
    const ours = plan(28)[0]!.atLeastOne;
    expect(gap(ours, 43.7)).toBeGreaterThan(0);
    expect(gap(ours, 43.7)).toBeLessThanOrEqual(12);
    inside(0.437, ours.low, ours.high);
  });

  it("first complete cycle at 40-44 (published 10.7%, taken at 42): within 2 points; inside our range for the average", () => {
    const ours = plan(42)[0]!.atLeastOne;
    expect(Math.abs(gap(ours, 10.7))).toBeLessThanOrEqual(2);
    inside(0.107, ours.average.low, ours.average.high);
  });

  it("7 cycles under 30: 'optimal' (92.8%) against 'if I keep going', ours higher within 3 points; 'conservative' (69.2%) against 'people like me', loose, ours higher by up to 12", () => {
    const going = gap(plan(28, "if-i-keep-going")[6]!.atLeastOne, 92.8);
    expect(going).toBeGreaterThan(0);
    expect(going).toBeLessThanOrEqual(3);
    const people = gap(plan(28)[6]!.atLeastOne, 69.2);
    expect(people).toBeGreaterThan(0);
    expect(people).toBeLessThanOrEqual(12);
  });

  it("8 cycles at 40-44: 'optimal' (37.9%) against 'if I keep going', ours higher by up to 8 points; 'conservative' (21.0%) against 'people like me', within 3", () => {
    const going = gap(plan(42, "if-i-keep-going")[7]!.atLeastOne, 37.9);
    expect(going).toBeGreaterThan(0);
    expect(going).toBeLessThanOrEqual(8);
    expect(Math.abs(gap(plan(42)[7]!.atLeastOne, 21.0))).toBeLessThanOrEqual(3);
  });
});

describe(`three cycles, US registry: ${heldOut.luke2012.citation}`, () => {
  it.each([
    [30, 63.3, 74.6, 12, 8],
    [41.5, 18.6, 27.8, 5, 2],
    [43.5, 6.6, 11.3, 5, 4],
  ])(
    "at %f, conservative %f%% against 'people like me' and optimal %f%% against 'if I keep going': ours higher, by at most %i and %i points",
    (age, conservative, optimal, withinPeople, withinGoing) => {
      const people = gap(plan(age)[2]!.atLeastOne, conservative);
      const going = gap(plan(age, "if-i-keep-going")[2]!.atLeastOne, optimal);
      expect(people).toBeGreaterThan(0);
      expect(people).toBeLessThanOrEqual(withinPeople);
      expect(going).toBeGreaterThan(0);
      expect(going).toBeLessThanOrEqual(withinGoing);
    },
  );
});

describe(`over 42, year by year: ${heldOut.seifer2023.citation}`, () => {
  it("at 43 (published 9.7%, plateau by the 5th cycle): 'people like me' after 5 retrievals, ours higher by up to 7 points", () => {
    const ours = gap(plan(43)[4]!.atLeastOne, 9.7);
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeLessThanOrEqual(7);
  });

  it("at 44 (published 8.6%): 'people like me' after 5 retrievals, within 1 point", () => {
    expect(Math.abs(gap(plan(44)[4]!.atLeastOne, 8.6))).toBeLessThanOrEqual(1);
  });
});

describe(`frozen eggs, a counselling tool: ${heldOut.goldman2017.citation}`, () => {
  const eggs = (ageAtFreezing: number, matureEggs: number) =>
    value(eggFreezingOdds({ ageAtFreezing, matureEggs })).atLeastOne;

  it("20 eggs at 40 (about 51%): ours higher, within 4 points; inside our range for the average", () => {
    const ours = eggs(40, 20);
    expect(gap(ours, 51)).toBeGreaterThan(0);
    expect(gap(ours, 51)).toBeLessThanOrEqual(4);
    inside(0.51, ours.average.low, ours.average.high);
  });

  it("10 eggs at 35 (about 69%): loose, ours lower by up to 16 points; inside our range for a person", () => {
    const ours = eggs(35, 10);
    expect(gap(ours, 69)).toBeLessThan(0);
    expect(gap(ours, 69)).toBeGreaterThanOrEqual(-16);
    inside(0.69, ours.low, ours.high);
  });
});

describe(`frozen eggs: ${heldOut.cobo2016.citation}`, () => {
  const eggs = (ageAtFreezing: number, matureEggs: number) =>
    value(eggFreezingOdds({ ageAtFreezing, matureEggs })).atLeastOne;

  it("35 and under (taken at 33), 15 eggs (published plateau 85.2%): loose, ours lower by up to 16 points; inside our range for a person", () => {
    const ours = eggs(33, 15);
    expect(gap(ours, 85.2)).toBeLessThan(0);
    expect(gap(ours, 85.2)).toBeGreaterThanOrEqual(-16);
    inside(0.852, ours.low, ours.high);
  });

  it.each([
    [33, 5, 15.4],
    [33, 8, 40.8],
    [38, 5, 5.1],
    [38, 8, 19.9],
    [38, 11, 35.6],
  ])(
    "at %i with %i eggs (published %f%%): loose, ours higher by 5 to 25 points",
    (age, n, published) => {
      const ours = gap(eggs(age, n), published);
      expect(ours).toBeGreaterThanOrEqual(5);
      expect(ours).toBeLessThanOrEqual(25);
    },
  );
});

describe(`no euploid blastocyst in a cycle: ${heldOut.franasiakPerCycle.citation}`, () => {
  /** P(no euploid | at least one blastocyst) for one retrieval, averaged over the parameter draws. */
  const noEuploid = (age: number) => {
    const draws = drawThetas(20_140_656).map((t) => {
      const b = funnelAt(age, null, t);
      const mean = (x: { alpha: number; beta: number }) => x.alpha / (x.alpha + x.beta);
      const k = b.eggs.shape;
      const blasts = (k / b.eggs.rate) * mean(b.mature) * mean(b.fertilized) * mean(b.blastocyst);
      const noBlast = (1 + blasts / k) ** -k;
      const none = (1 + (blasts * mean(b.euploid)) / k) ** -k;
      return (none - noBlast) / (1 - noBlast);
    });
    return points(draws.reduce((s, x) => s + x, 0) / draws.length);
  };

  it("ours is more pessimistic: above the published 2-6% from 30 to 37, and 20-30 points above at 42 and 44", () => {
    for (const age of [30, 34, 37]) expect(noEuploid(age)).toBeGreaterThan(6);
    expect(noEuploid(42) - 33).toBeGreaterThanOrEqual(20);
    expect(noEuploid(42) - 33).toBeLessThanOrEqual(30);
    expect(noEuploid(44) - 53).toBeGreaterThanOrEqual(20);
    expect(noEuploid(44) - 53).toBeLessThanOrEqual(30);
  });
});
