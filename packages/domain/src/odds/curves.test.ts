import { describe, expect, it } from "vitest";
import {
  amhBandMean,
  blastocystAgeRatio,
  dayMix,
  EUPLOIDY_PEAK_AGE,
  euploidFraction,
  euploidyLogit,
  meanEggs,
} from "./curves.ts";
import { centralTheta } from "./draws.ts";
import { euploidyTable, parameters } from "./parameters.ts";
import { expit, lnGamma } from "./special.ts";

const euploid = (age: number) => expit(euploidyLogit(age));

describe("the euploidy curve (Franasiak 2014)", () => {
  it("passes within 5 points of every bar and within 2.5 points on average", () => {
    let sum = 0;
    for (const [age, p] of euploidyTable.points) {
      expect(Math.abs(euploid(age) - p)).toBeLessThan(0.05);
      sum += Math.abs(euploid(age) - p);
    }
    expect(sum / euploidyTable.points.length).toBeLessThan(0.025);
  });

  it("peaks in the late twenties and never rises after the peak", () => {
    expect(EUPLOIDY_PEAK_AGE).toBeGreaterThanOrEqual(26);
    expect(EUPLOIDY_PEAK_AGE).toBeLessThanOrEqual(30);
    for (let a = EUPLOIDY_PEAK_AGE; a < 50; a += 0.25) {
      expect(euploid(a + 0.25)).toBeLessThanOrEqual(euploid(a) + 1e-12);
    }
  });

  it("is lower at 23 than at the peak, as the abstract says (over 40% aneuploid at 23 and under)", () => {
    expect(1 - euploid(23)).toBeGreaterThan(0.35);
    expect(euploid(23)).toBeLessThan(euploid(EUPLOIDY_PEAK_AGE));
  });

  it("clamps at about 10% from 45, and stays flat below 22 where there are no data", () => {
    expect(euploid(45)).toBeCloseTo(0.1, 10);
    expect(euploid(49)).toBeCloseTo(0.1, 10);
    expect(euploid(44.5)).toBeGreaterThan(0.1);
    expect(euploid(18)).toBeCloseTo(euploid(22), 12);
  });

  it("gives a day-7 blastocyst the lower of its age curve and 36.7% (Su 2016)", () => {
    expect(euploidFraction(30, 7, 0, 0.367)).toBeCloseTo(0.367, 10);
    expect(euploidFraction(42, 7, 0, 0.367)).toBeCloseTo(euploid(42), 10);
  });
});

describe("the lab funnel curves", () => {
  it("never lets the blastocyst rate rise with age (Romanski's 42 and 43 pooled), with or without the fall from 35", () => {
    for (const slope of [0, -0.015, -0.035]) {
      expect(blastocystAgeRatio(35, slope)).toBe(1);
      let last = 1;
      for (let a = 35; a <= 50; a += 0.5) {
        expect(blastocystAgeRatio(a, slope)).toBeLessThanOrEqual(last);
        last = blastocystAgeRatio(a, slope);
      }
    }
    expect(blastocystAgeRatio(40, 0)).toBe(1);
    expect(blastocystAgeRatio(44, 0)).toBeCloseTo((66.7 - 21) / 66.7, 10);
    // The central fall from 35: about 7% lower at 40, before Romanski's drop.
    expect(blastocystAgeRatio(40, -0.015)).toBeCloseTo(Math.exp(-0.075), 10);
  });

  it("keeps the age curve's euploid share for future blastocysts while tilting it toward day 5", () => {
    for (const share of [0.1, 0.42, 0.69, 0.77]) {
      const mix = dayMix(share, 0.55, 0.07);
      const [s5, s6, s7] = mix.blastocysts;
      expect(s5 + s6 + s7).toBeCloseTo(1, 12);
      expect(s7).toBeCloseTo(0.07, 12);
      expect(mix.euploid.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      // Day 5 holds more of the euploid embryos than of all blastocysts.
      expect(mix.euploid[0]).toBeGreaterThan(s5);
      expect(mix.euploid[1]).toBeLessThan(s6);
    }
  });

  it("reproduces the UK median of 9 eggs (IQR 6-13) at the reference age", () => {
    const mu = parameters.eggsPerRetrieval.value.central;
    const k = parameters.eggsPerRetrieval.shape;
    const pmf = (x: number) =>
      Math.exp(
        lnGamma(x + k) -
          lnGamma(k) -
          lnGamma(x + 1) +
          k * Math.log(k / (k + mu)) +
          x * Math.log(mu / (k + mu)),
      );
    // Quantiles with the usual mid-point interpolation of a discrete distribution.
    const quantile = (p: number) => {
      let c = 0;
      for (let x = 0; ; x++) {
        const f = pmf(x);
        if (c + f >= p) return x - 0.5 + (p - c) / f;
        c += f;
      }
    };
    expect(quantile(0.25)).toBeCloseTo(6, 0);
    expect(quantile(0.5)).toBeCloseTo(9, 0);
    expect(quantile(0.75)).toBeCloseTo(13, 0);
  });

  it("gives fewer eggs with age and more with AMH", () => {
    const t = centralTheta();
    expect(meanEggs(35, null, t)).toBeCloseTo(9.9, 10);
    expect(meanEggs(30, null, t)).toBeGreaterThan(meanEggs(35, null, t));
    expect(meanEggs(42, null, t)).toBeLessThan(0.65 * meanEggs(35, null, t));
    for (const amh of [0.1, 0.3, 0.5, 0.85, 1.4, 2.8, 4, 8]) {
      expect(amhBandMean(amh * 1.2)).toBeGreaterThanOrEqual(amhBandMean(amh));
    }
    expect(amhBandMean(Math.sqrt(2 * 4))).toBeCloseTo(15.3, 10);
    expect(amhBandMean(0.01)).toBe(parameters.eggsByAmh.floorMean);
  });
});
