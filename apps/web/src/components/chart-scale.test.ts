import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayWindow, linearAxis, logAxis, niceCeil, valueAxis } from "./chart-scale.ts";

/** The beta hCG plausibility guard (mIU/mL): above the values reported even in molar pregnancy. */
const HCG_CAP = 2_000_000;

describe("chart axes stay sane whatever the record holds", () => {
  it.each([
    [0.7, 1],
    [1, 1],
    [1.2, 2],
    [2.1, 2.5],
    [3, 5],
    [7.5, 10],
    [950, 1000],
    [1_200, 2_000],
    [23_000, 25_000],
  ])("niceCeil(%d) = %d", (x, nice) => {
    expect(niceCeil(x)).toBe(nice);
  });

  it("Maya's betas 180 -> 410 -> 950 stay linear, from 0 to 1,000", () => {
    const axis = valueAxis([180, 410, 950], { cap: HCG_CAP, floor: 1 });
    expect(axis).toEqual({ scale: "linear", domain: [0, 1000], ticks: [0, 250, 500, 750, 1000] });
  });

  it("betas spanning ten times or more go on a log axis in powers of ten", () => {
    const axis = valueAxis([12, 95, 290, 1_900], { cap: HCG_CAP, floor: 1 });
    expect(axis).toEqual({ scale: "log", domain: [10, 10_000], ticks: [10, 100, 1_000, 10_000] });
  });

  it("an extrapolated value in the trillions never reaches the axis: it stops at the cap", () => {
    // 180 mIU/mL and the "slowest usual rise" scaled over three years (1.49^548).
    const absurd = 180 * 1.49 ** 548;
    const log = logAxis([180, absurd], { floor: 1, cap: HCG_CAP });
    expect(log.domain[1]).toBe(10_000_000);
    const linear = linearAxis([180, absurd], { cap: HCG_CAP });
    expect(linear.domain[1]).toBe(HCG_CAP);
  });

  it("a cap that is not round is still covered by the last tick", () => {
    // 20,000 pg/mL of E2 is 73,420 pmol/L.
    const axis = linearAxis([70_000], { cap: 73_420 });
    expect(axis.domain[1]).toBeGreaterThanOrEqual(73_420);
    expect(axis.domain[1]).toBeLessThan(100_000);
  });

  it("whatever the values, the axis is finite and within the cap's order (property)", () => {
    const value = fc.double({ min: 1e-3, max: 1e300, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
        const axis = valueAxis(values, { cap: HCG_CAP, floor: 1 });
        expect(axis.domain[0]).toBeGreaterThanOrEqual(0);
        expect(axis.domain[1]).toBeGreaterThan(axis.domain[0]);
        expect(axis.domain[1]).toBeLessThanOrEqual(10 * HCG_CAP);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(axis.ticks.length).toBeLessThanOrEqual(12);
        expect(axis.ticks.at(-1)).toBe(axis.domain[1]);
      }),
    );
  });

  it("a window of days leaves out a day no chart of its kind can mean", () => {
    // Betas 9, 11 and 13 days after the transfer, and one stored three years later.
    const w = dayWindow([9, 11, 13, 1_105], { min: 0, max: 140 });
    expect([w.from, w.to]).toEqual([8, 14]);
    expect([9, 13, 140, 141, 1_105, -1].map(w.inside)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
