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
    expect(p).toEqual({
      reason: "invalid-grade",
      field: "embryos[2].grade",
      message: '"4AD" is not a Gardner grade: the letters go from A to C',
    });
    expect(refusal(bankOdds({ embryos: [{ ...good, grade: "7AA" }] })).message).toMatch(
      /expansion goes from 1 to 6/,
    );
  });

  it("refuses ages outside 18-50", () => {
    const p = refusal(bankOdds({ embryos: [{ ...good, ageAtRetrieval: 17 }] }));
    expect(p.field).toBe("embryos[0].ageAtRetrieval");
    expect(p.message).toBe("The age at egg retrieval must be between 18 and 50");
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
    expect(day.field).toBe("embryos[0].day");
    expect(day.message).toMatch(/5, 6 or 7/);
    const pgt = refusal(bankOdds({ embryos: [good, untyped({ ...good, pgt: "normal" })] }));
    expect(pgt.field).toBe("embryos[1].pgt");
    expect(pgt.message).toMatch(/euploid.*untested.*mosaic.*aneuploid/);
  });

  it("refuses counts that are not whole numbers of zero or more", () => {
    expect(refusal(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: -1 }))).toMatchObject({
      field: "matureEggs",
      message: "The number of mature eggs frozen cannot be negative",
    });
    expect(refusal(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 2.5 })).message).toMatch(
      /whole number/,
    );
  });

  it("refuses a number of retrievals outside 1-10", () => {
    for (const retrievals of [0, 11, 2.5]) {
      const p = refusal(retrievalPlan({ age: 35, retrievals, tested: true, bank: [] }));
      expect(p.field).toBe("retrievals");
      expect(p.message).toBe("The number of retrievals must be a whole number from 1 to 10");
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
    expect(p).toEqual({
      reason: "inconsistent-counts",
      field: "history[1].mature",
      message: "11 mature eggs is more than the 9 retrieved",
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
    expect(p).toMatchObject({ reason: "age-order", field: "age" });
    expect(p.message).toMatch(/bank\[1\]/);
  });

  it("refuses AMH that is not in ng/mL, and says how to convert", () => {
    const p = refusal(retrievalPlan({ age: 35, amh: 120, retrievals: 1, tested: true, bank: [] }));
    expect(p.field).toBe("amh");
    expect(p.message).toMatch(/divided by 7.14/);
  });

  it("refuses fields it does not read, so a typo does not pass silently", () => {
    const p = refusal(bankOdds({ embryos: [untyped({ ...good, ageAtRetreival: 34 })] }));
    expect(p).toMatchObject({ reason: "unknown-field", field: "embryos[0].ageAtRetreival" });
  });

  it("refuses something that is not an object at all", () => {
    expect(refusal(bankOdds(untyped(null)))).toMatchObject({ field: "input" });
  });
});
