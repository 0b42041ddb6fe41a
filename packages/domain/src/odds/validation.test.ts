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

describe(`live birth per retrieval, all transfers counted: ${heldOut.chambers2017.citation}`, () => {
  const plan = (age: number) =>
    value(retrievalPlan({ age, retrievals: 8, tested: false, bank: [] })).population;

  it("first complete cycle under 30 (published 43.7%, taken at 28): loose, ours higher by up to 25 points; inside our range for a person", () => {
    const ours = plan(28)[0]!.atLeastOne;
    expect(points(ours.central)).toBeGreaterThan(43.7);
    expect(points(ours.central) - 43.7).toBeLessThanOrEqual(25);
    inside(0.437, ours.low, ours.high);
  });

  it("first complete cycle at 40-44 (published 10.7%, taken at 42): inside our 80% range for the average", () => {
    const ours = plan(42)[0]!.atLeastOne;
    inside(0.107, ours.average.low, ours.average.high);
  });

  it("after 7 cycles under 30 ('optimal', published 92.8%): within 6 points, ours higher", () => {
    const ours = points(plan(28)[6]!.atLeastOne.central);
    expect(ours).toBeGreaterThan(92.8);
    expect(ours - 92.8).toBeLessThanOrEqual(6);
  });

  it("after 8 cycles at 40-44 ('optimal', published 37.9%): loose, ours higher by up to 25 points; inside our range for a person", () => {
    const ours = plan(42)[7]!.atLeastOne;
    expect(points(ours.central)).toBeGreaterThan(37.9);
    expect(points(ours.central) - 37.9).toBeLessThanOrEqual(25);
    inside(0.379, ours.low, ours.high);
  });
});

describe(`frozen eggs: ${heldOut.cobo2016.citation}`, () => {
  const eggs = (ageAtFreezing: number, matureEggs: number) =>
    value(eggFreezingOdds({ ageAtFreezing, matureEggs })).atLeastOne;

  it("35 and under (taken at 33), 15 eggs (published plateau 85.2%): within 6 points", () => {
    expect(Math.abs(points(eggs(33, 15).central) - 85.2)).toBeLessThanOrEqual(6);
  });

  it.each([
    [33, 5, 15.4],
    [33, 8, 40.8],
    [38, 5, 5.1],
    [38, 8, 19.9],
    [38, 11, 35.6],
  ])(
    "at %i with %i eggs (published %f%%): loose, ours higher by 15 to 35 points",
    (age, n, published) => {
      const gap = points(eggs(age, n).central) - published;
      expect(gap).toBeGreaterThanOrEqual(15);
      expect(gap).toBeLessThanOrEqual(35);
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
