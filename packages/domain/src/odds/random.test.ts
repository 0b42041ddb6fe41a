import { describe, expect, it } from "vitest";
import { inverseNormal, latinHypercube, seededUniform } from "./random.ts";

describe("seeded randomness", () => {
  it("gives the same stream for the same seed and stream number, and different ones otherwise", () => {
    const take = (u: () => number) => Array.from({ length: 5 }, u);
    expect(take(seededUniform(42))).toEqual(take(seededUniform(42)));
    expect(take(seededUniform(42))).not.toEqual(take(seededUniform(43)));
    expect(take(seededUniform(42, 1))).not.toEqual(take(seededUniform(42, 0)));
  });

  it("stays strictly inside (0, 1) and looks uniform", () => {
    const u = seededUniform(7);
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = u();
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
  });

  it("puts exactly one Latin hypercube point in each stratum of each dimension", () => {
    const columns = latinHypercube(seededUniform(3), 64, 4);
    for (const column of columns) {
      const strata = Array.from(column, (x) => Math.floor(x * 64)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 64 }, (_, i) => i));
    }
  });

  it("inverts the normal distribution function", () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 9);
    expect(inverseNormal(0.9)).toBeCloseTo(1.2815516, 6);
    expect(inverseNormal(0.025)).toBeCloseTo(-1.959964, 6);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
  });
});
