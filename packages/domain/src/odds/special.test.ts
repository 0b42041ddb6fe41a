import { describe, expect, it } from "vitest";
import {
  betaQuantile,
  gammaQuantile,
  gaussHermite,
  lnGamma,
  regularizedBeta,
  regularizedGammaP,
} from "./special.ts";

describe("special functions", () => {
  it("ln Γ matches factorials and Γ(1/2) = √π", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it("the incomplete beta and gamma functions match closed forms", () => {
    // Beta(1, b): 1 - (1 - x)^b. Beta(a, 1): x^a.
    expect(regularizedBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 12);
    expect(regularizedBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 12);
    expect(regularizedBeta(0.5, 7, 7)).toBeCloseTo(0.5, 12);
    // Gamma(1): 1 - e^-x. Gamma(2): 1 - e^-x (1 + x).
    expect(regularizedGammaP(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(regularizedGammaP(2, 3)).toBeCloseTo(1 - Math.exp(-3) * 4, 12);
    // Gamma(3): 1 - e^-x (1 + x + x²/2).
    expect(regularizedGammaP(3, 2)).toBeCloseTo(1 - Math.exp(-2) * 5, 12);
    expect(regularizedGammaP(3, 20)).toBeCloseTo(1 - Math.exp(-20) * 221, 12);
  });

  it("quantiles invert the distribution functions", () => {
    for (const [a, b] of [
      [2, 5],
      [15.6, 4.4],
      [0.7, 0.9],
      [40, 60],
    ] as const) {
      for (const p of [0.1, 0.5, 0.9])
        expect(regularizedBeta(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 9);
    }
    for (const [shape, rate] of [
      [5.1, 0.5],
      [30, 3],
      [1.2, 0.1],
    ] as const) {
      for (const p of [0.1, 0.5, 0.9])
        expect(regularizedGammaP(shape, gammaQuantile(p, shape, rate) * rate)).toBeCloseTo(p, 9);
    }
  });

  it("Gauss-Hermite nodes reproduce the moments of a standard normal", () => {
    for (const n of [8, 12, 20]) {
      const { nodes, weights } = gaussHermite(n);
      const moment = (k: number) => nodes.reduce((s, x, i) => s + weights[i]! * x ** k, 0);
      expect(moment(0)).toBeCloseTo(1, 12);
      expect(moment(1)).toBeCloseTo(0, 12);
      expect(moment(2)).toBeCloseTo(1, 12);
      expect(moment(4)).toBeCloseTo(3, 10);
      expect(moment(6)).toBeCloseTo(15, 8);
    }
  });
});
