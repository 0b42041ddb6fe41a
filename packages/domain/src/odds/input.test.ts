import { describe, expect, it } from "vitest";
import type { Problem, Result } from "../core/result.ts";
import { bankOdds } from "./bank.ts";
import { eggFreezingOdds } from "./eggs.ts";
import { personalise, populationFunnel } from "./funnel.ts";
import { retrievalPlan } from "./plan.ts";

const refusal = <T>(r: Result<T, Problem>): Problem => {
  if (r.ok) throw new Error("expected a refusal");
  return r.error;
};
// Inputs from forms, imports and sync are not typed yet: the engine checks them anyway.
const untyped = <T>(x: unknown) => x as T;
const good = { ageAtRetrieval: 34, pgt: "euploid", day: 5, grade: "4AA" } as const;

describe("input checks name the field and say what is wrong", () => {
  it("refuses a grade that does not exist, in the words of the Gardner parser", () => {
    const p = refusal(bankOdds({ embryos: [good, good, { ...good, grade: "4AD" }] }));
    expect(p).toMatchObject({
      reason: "invalid-grade",
      field: "embryos[2].grade",
      params: { grade: "4AD", why: "letters" },
    });
    expect(refusal(bankOdds({ embryos: [{ ...good, grade: "7AA" }] })).params).toEqual({
      grade: "7AA",
      why: "expansion",
    });
  });

  it("refuses ages outside 18-50", () => {
    const p = refusal(bankOdds({ embryos: [{ ...good, ageAtRetrieval: 17 }] }));
    expect(p).toMatchObject({
      reason: "too-small",
      field: "embryos[0].ageAtRetrieval",
      params: { min: 18, bound: "at-least" },
    });
    expect(refusal(bankOdds({ embryos: [good], ageAtTransfer: 51 })).field).toBe("ageAtTransfer");
    expect(refusal(retrievalPlan({ age: 12, retrievals: 1, tested: true, bank: [] })).field).toBe(
      "age",
    );
    expect(refusal(eggFreezingOdds({ ageAtFreezing: 55, matureEggs: 3 })).field).toBe(
      "ageAtFreezing",
    );
    expect(refusal(populationFunnel({ age: Number.NaN })).field).toBe("age");
  });

  it("refuses days other than 5, 6 and 7, and unknown test results", () => {
    const day = refusal(bankOdds({ embryos: [untyped({ ...good, day: 3 })] }));
    expect(day).toMatchObject({
      reason: "not-one-of",
      field: "embryos[0].day",
      params: { allowed: "5, 6, 7" },
    });
    const pgt = refusal(bankOdds({ embryos: [good, untyped({ ...good, pgt: "normal" })] }));
    expect(pgt).toMatchObject({
      reason: "not-one-of",
      field: "embryos[1].pgt",
      params: { allowed: "euploid, untested, mosaic, aneuploid" },
    });
  });

  it("refuses counts that are not whole numbers of zero or more", () => {
    expect(refusal(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: -1 }))).toMatchObject({
      reason: "too-small",
      field: "matureEggs",
      params: { min: 0 },
    });
    expect(refusal(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 2.5 }))).toMatchObject({
      reason: "not-whole",
      field: "matureEggs",
    });
  });

  it("refuses a number of retrievals outside 1-10", () => {
    for (const [retrievals, reason] of [
      [0, "too-small"],
      [11, "too-big"],
      [2.5, "not-whole"],
    ] as const) {
      const p = refusal(retrievalPlan({ age: 35, retrievals, tested: true, bank: [] }));
      expect(p).toMatchObject({ reason, field: "retrievals" });
    }
  });

  it("refuses a history whose counts cannot be (more mature eggs than eggs)", () => {
    const p = refusal(
      retrievalPlan({
        age: 36,
        retrievals: 2,
        tested: true,
        bank: [],
        history: [
          { age: 35, eggs: 10, mature: 8, fertilized: 6, blastocysts: 3 },
          { age: 36, eggs: 9, mature: 11, fertilized: 6, blastocysts: 3 },
        ],
      }),
    );
    expect(p).toMatchObject({
      reason: "inconsistent-counts",
      field: "history[1].mature",
      params: { count: "mature", value: 11, than: "retrieved", limit: 9 },
    });
  });

  it("refuses a past retrieval recorded at an older age than now", () => {
    const population = populationFunnel({ age: 34 });
    if (!population.ok) throw new Error("population");
    const p = refusal(
      personalise(population.value, [
        { age: 36, eggs: 9, mature: 7, fertilized: 5, blastocysts: 2 },
      ]),
    );
    expect(p.field).toBe("observedRetrievals[0].age");
    expect(p.reason).toBe("age-order");
  });

  it("refuses a frozen embryo retrieved at an older age than the age now", () => {
    const p = refusal(
      retrievalPlan({
        age: 35,
        retrievals: 1,
        tested: true,
        bank: [good, { ...good, ageAtRetrieval: 38 }],
      }),
    );
    expect(p).toEqual({
      reason: "age-order",
      field: "age",
      params: { what: "embryo", age: 38, now: 35, list: "bank", index: 1 },
    });
  });

  it("refuses AMH that is not in ng/mL, and says how to convert", () => {
    const p = refusal(retrievalPlan({ age: 35, amh: 120, retrievals: 1, tested: true, bank: [] }));
    // The words (in ng/mL; pmol/L divided by 7.14) are the screen's: a field override in the catalogue.
    expect(p).toMatchObject({ reason: "too-big", field: "amh", params: { max: 50 } });
  });

  it("refuses fields it does not read, so a typo does not pass silently", () => {
    const p = refusal(bankOdds({ embryos: [untyped({ ...good, ageAtRetreival: 34 })] }));
    expect(p).toMatchObject({ reason: "unknown-field", field: "embryos[0].ageAtRetreival" });
  });

  it("refuses something that is not an object at all", () => {
    expect(refusal(bankOdds(untyped(null)))).toMatchObject({
      reason: "wrong-kind",
      field: "input",
      params: { expected: "object" },
    });
  });
});
