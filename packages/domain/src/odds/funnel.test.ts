import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { alexRetrieval, mayaRetrievals } from "./fixtures.ts";
import { type FunnelBelief, personalise, populationFunnel } from "./funnel.ts";

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const mean = (b: { alpha: number; beta: number }) => b.alpha / (b.alpha + b.beta);

describe("populationFunnel: the typical funnel for an age", () => {
  it("at 35 without AMH: eggs as in the UK data (mean 9.9) and rates between lab benchmarks and good-prognosis medians", () => {
    const f = value(populationFunnel({ age: 35 }));
    expect(f.eggs.shape / f.eggs.rate).toBeCloseTo(9.9, 6);
    expect(mean(f.mature)).toBeCloseTo(0.78, 6);
    expect(mean(f.fertilized)).toBeCloseTo(0.73, 6);
    expect(mean(f.blastocyst)).toBeCloseTo(0.53, 6);
    expect(mean(f.euploid)).toBeGreaterThan(0.62);
    expect(mean(f.euploid)).toBeLessThan(0.7);
  });

  it("from 35 the blastocyst rate falls gently, after 40 faster (Romanski 2022), and never rises again with age", () => {
    const rate = (age: number) => mean(value(populationFunnel({ age })).blastocyst);
    expect(rate(30)).toBeCloseTo(0.53, 6);
    expect(rate(35)).toBeCloseTo(0.53, 6);
    // 1.5% a year from 35 (our assumption between sources that disagree).
    expect(rate(40)).toBeCloseTo(0.53 * Math.exp(-0.075), 6);
    expect(rate(41)).toBeLessThan(rate(40));
    expect(rate(43)).toBeLessThanOrEqual(rate(42));
    expect(rate(45)).toBeLessThan(rate(43));
  });
});

describe("personalise: a person's own funnel beside the typical one", () => {
  it("with no retrievals, the personal funnel is the typical one", () => {
    const population = value(populationFunnel({ age: 36 }));
    const p = value(personalise(population, []));
    expect(p.personal).toEqual(p.population);
    expect(p.retrievals).toBe(0);
  });

  it("adds a retrieval's counts to each belief (Gamma-Poisson for eggs, Beta-Binomial for rates)", () => {
    const population = value(populationFunnel({ age: 37 }));
    const p = value(personalise(population, [alexRetrieval]));
    const post: FunnelBelief = p.posterior;
    expect(post.eggs.shape).toBeCloseTo(population.eggs.shape + 10, 9);
    expect(post.eggs.rate).toBeCloseTo(population.eggs.rate + 1, 9);
    expect(post.mature.alpha).toBeCloseTo(population.mature.alpha + 8, 9);
    expect(post.mature.beta).toBeCloseTo(population.mature.beta + 2, 9);
    expect(post.fertilized.alpha).toBeCloseTo(population.fertilized.alpha + 6, 9);
    expect(post.blastocyst.alpha).toBeCloseTo(population.blastocyst.alpha + 3, 9);
    expect(post.euploid.alpha).toBeCloseTo(population.euploid.alpha + 2, 9);
    expect(post.euploid.beta).toBeCloseTo(population.euploid.beta + 1, 9);
  });

  it("a 4-egg retrieval pulls the egg estimate down, part of the way", () => {
    const population = value(populationFunnel({ age: 36 }));
    const p = value(
      personalise(population, [{ age: 36, eggs: 4, mature: 3, fertilized: 2, blastocysts: 1 }]),
    );
    const typical = p.population.eggsPerRetrieval.central;
    const own = p.personal.eggsPerRetrieval.central;
    expect(own).toBeLessThan(typical);
    expect(own).toBeGreaterThan(4);
    // The person's own range narrows: one retrieval is real information.
    expect(p.personal.eggsPerRetrieval.high - p.personal.eggsPerRetrieval.low).toBeLessThan(
      p.population.eggsPerRetrieval.high - p.population.eggsPerRetrieval.low,
    );
    expect(p.notes.map((n) => n.id)).toContain("personal-beside");
  });

  it("Maya's retrieval at 29 counts as it would at 36: her euploid belief uses only the tested ones", () => {
    const population = value(populationFunnel({ age: 36 }));
    const p = value(personalise(population, mayaRetrievals));
    expect(p.posterior.euploid.alpha + p.posterior.euploid.beta).toBeCloseTo(
      population.euploid.alpha + population.euploid.beta + 5,
      9,
    );
    // At 29 more eggs were to be expected than at 36, so that retrieval counts as more than one
    // retrieval's worth of exposure: its 14 eggs say less about her now than 14 eggs at 36 would.
    expect(p.posterior.eggs.rate - population.eggs.rate).toBeGreaterThan(3);
    expect(p.posterior.eggs.rate - population.eggs.rate).toBeLessThan(3.5);
    expect(p.notes.map((n) => n.id)).toContain("past-ages");
  });

  it("labels each step with its denominator", () => {
    const p = value(
      personalise(
        value(populationFunnel({ age: 33 })),
        [alexRetrieval].map((r) => ({ ...r, age: 33 })),
      ),
    );
    expect(p.personal.eggsPerRetrieval.denominator).toBe("per retrieval");
    expect(p.personal.mature.denominator).toBe("per egg retrieved");
    expect(p.personal.fertilized.denominator).toBe("per mature egg");
    expect(p.personal.blastocyst.denominator).toBe("per fertilized egg (2PN)");
    expect(p.personal.euploid.denominator).toBe("per biopsied blastocyst");
  });
});
