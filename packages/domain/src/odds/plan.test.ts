import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { bankOdds } from "./bank.ts";
import { alexBank, alexRetrieval, mayaBank2022, mayaRetrievals } from "./fixtures.ts";
import { retrievalPlan } from "./plan.ts";

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("retrievalPlan: how many more retrievals", () => {
  it("a 34-year-old with nothing frozen planning tested retrievals: about two euploid blastocysts per retrieval", () => {
    const plan = value(retrievalPlan({ age: 34, retrievals: 3, tested: true, bank: [] }));
    expect(plan.embryoKind).toBe("euploid blastocysts");
    const [one, two, three] = plan.population;
    expect(one!.expectedEmbryos.central).toBeGreaterThan(1.5);
    expect(one!.expectedEmbryos.central).toBeLessThan(2.8);
    expect(two!.expectedEmbryos.central).toBeCloseTo(2 * one!.expectedEmbryos.central, 6);
    expect(one!.atLeastOne.central).toBeGreaterThan(0.45);
    expect(one!.atLeastOne.central).toBeLessThan(0.7);
    expect(three!.atLeastOne.central).toBeGreaterThan(two!.atLeastOne.central);
    expect(plan.personal).toBeNull();
    expect(one!.atLeastOne.denominator).toBe("from the bank and the planned retrievals");
  });

  it("answers for 'people like me' unless asked otherwise, and says which frame it used", () => {
    const input = { age: 38, retrievals: 3, tested: false, bank: [] } as const;
    const people = value(retrievalPlan(input));
    const going = value(retrievalPlan({ ...input, frame: "if-i-keep-going" }));
    expect(people.frame).toBe("people-like-me");
    expect(people.notes.map((n) => n.id)).toContain("frame-people-like-me");
    expect(going.frame).toBe("if-i-keep-going");
    expect(going.notes.map((n) => n.id)).toContain("frame-if-i-keep-going");
    expect(going.notes.map((n) => n.id)).not.toContain("frame-people-like-me");
    // Stopping only happens after a failed attempt: three retrievals differ, one does not.
    expect(people.population[0]).toEqual(going.population[0]);
    expect(going.population[2]!.atLeastOne.central).toBeGreaterThan(
      people.population[2]!.atLeastOne.central + 0.03,
    );
    expect(people.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(["gameiro2013", "dodge2016"]),
    );
    expect(going.sources.map((s) => s.id)).not.toContain("gameiro2013");
  });

  it("counts cycles cancelled before retrieval: about 1 in 10 overall, more with age and with a low AMH", () => {
    const cancelled = (age: number, amh?: number) =>
      value(retrievalPlan({ age, retrievals: 1, tested: false, bank: [], ...(amh && { amh }) }))
        .cancelled.population.central;
    expect(cancelled(30)).toBeGreaterThan(0.05);
    expect(cancelled(30)).toBeLessThan(0.1);
    expect(cancelled(36)).toBeGreaterThan(cancelled(30));
    expect(cancelled(42)).toBeGreaterThan(0.15);
    expect(cancelled(42)).toBeLessThan(0.25);
    expect(cancelled(36, 0.4)).toBeGreaterThan(cancelled(36, 3));
    const plan = value(retrievalPlan({ age: 36, retrievals: 1, tested: false, bank: [] }));
    expect(plan.cancelled.population.denominator).toBe("per started cycle");
    expect(plan.notes.map((n) => n.id)).toEqual(
      expect.arrayContaining(["cancelled-cycles", "day-mix", "blastocysts-by-age"]),
    );
  });

  it("a new blastocyst's chance per transfer counts its day: lower than a day-5 euploid one", () => {
    const plan = value(retrievalPlan({ age: 33, retrievals: 1, tested: true, bank: [] }));
    const day5 = value(bankOdds({ embryos: [{ ageAtRetrieval: 33, pgt: "euploid", day: 5 }] }));
    const day6 = value(bankOdds({ embryos: [{ ageAtRetrieval: 33, pgt: "euploid", day: 6 }] }));
    const future = plan.perTransfer.population.central;
    expect(future).toBeLessThan(day5.embryos[0]!.perTransfer.central);
    expect(future).toBeGreaterThan(day6.embryos[0]!.perTransfer.central);
    expect(plan.perTransfer.personal).toBeNull();
    expect(plan.transfersCounted).toBe(0);
  });

  it("counts the bank: with no new retrieval it answers exactly as bankOdds does", () => {
    const plan = value(retrievalPlan({ age: 37, retrievals: 1, tested: true, bank: alexBank }));
    const bank = value(bankOdds({ embryos: alexBank, ageAtTransfer: 37 }));
    expect(plan.bankOnly.atLeastOne).toEqual(bank.atLeastOne);
    expect(plan.bankOnly.atLeastTwo).toEqual(bank.atLeastTwo);
    expect(plan.population[0]!.atLeastOne.central).toBeGreaterThan(bank.atLeastOne.central);
    expect(plan.population[0]!.expectedEmbryos.central).toBeGreaterThan(2);
  });

  it("Maya at 37 after her retrievals: a personal series beside the typical one, never replacing it", () => {
    const input = { age: 37, retrievals: 4, tested: true, bank: mayaBank2022 } as const;
    const typical = value(retrievalPlan(input));
    const withHistory = value(retrievalPlan({ ...input, history: mayaRetrievals }));
    expect(withHistory.population).toEqual(typical.population);
    expect(withHistory.personal).toHaveLength(4);
    expect(withHistory.funnel.personal).not.toBeNull();
    expect(withHistory.notes.map((n) => n.id)).toEqual(
      expect.arrayContaining(["personal-beside", "past-ages"]),
    );
  });

  it("a hard first retrieval (3 eggs, 1 blastocyst, not euploid) lowers the personal estimate, only part of the way", () => {
    const input = { age: 38, retrievals: 3, tested: true, bank: [] } as const;
    const plan = value(
      retrievalPlan({
        ...input,
        history: [{ age: 38, eggs: 3, mature: 2, fertilized: 2, blastocysts: 1, euploid: 0 }],
      }),
    );
    const personal = plan.personal![0]!;
    const typical = plan.population[0]!;
    expect(personal.atLeastOne.central).toBeLessThan(typical.atLeastOne.central);
    expect(personal.atLeastOne.central).toBeGreaterThan(0.05);
    expect(plan.funnel.personal!.eggsPerRetrieval.central).toBeLessThan(
      plan.funnel.population.eggsPerRetrieval.central,
    );
    expect(plan.funnel.personal!.eggsPerRetrieval.central).toBeGreaterThan(3);
  });

  it("Alex's typical first retrieval at 37 keeps the personal estimate close to the typical one", () => {
    const plan = value(
      retrievalPlan({ age: 37, retrievals: 2, tested: true, bank: [], history: [alexRetrieval] }),
    );
    const gap = Math.abs(
      plan.personal![0]!.atLeastOne.central - plan.population[0]!.atLeastOne.central,
    );
    expect(gap).toBeLessThan(0.08);
  });

  it("testing changes what is counted, not the chance of a birth", () => {
    const tested = value(retrievalPlan({ age: 36, retrievals: 2, tested: true, bank: [] }));
    const untested = value(retrievalPlan({ age: 36, retrievals: 2, tested: false, bank: [] }));
    expect(untested.embryoKind).toBe("blastocysts");
    expect(tested.population[1]!.atLeastOne).toEqual(untested.population[1]!.atLeastOne);
    expect(untested.population[1]!.expectedEmbryos.central).toBeGreaterThan(
      tested.population[1]!.expectedEmbryos.central,
    );
    expect(tested.notes.map((n) => n.id)).toContain("testing-same-births");
  });

  it("a higher AMH means more eggs; an AMH outside the published bands says so", () => {
    const low = value(retrievalPlan({ age: 33, amh: 0.5, retrievals: 1, tested: false, bank: [] }));
    const high = value(retrievalPlan({ age: 33, amh: 3, retrievals: 1, tested: false, bank: [] }));
    const none = value(retrievalPlan({ age: 33, retrievals: 1, tested: false, bank: [] }));
    expect(high.funnel.population.eggsPerRetrieval.central).toBeGreaterThan(
      low.funnel.population.eggsPerRetrieval.central,
    );
    expect(high.population[0]!.atLeastOne.central).toBeGreaterThan(
      low.population[0]!.atLeastOne.central,
    );
    expect(none.sources.map((s) => s.id)).not.toContain("reichman2014");
    expect(high.sources.map((s) => s.id)).toContain("reichman2014");
    const veryLow = value(
      retrievalPlan({ age: 33, amh: 0.1, retrievals: 1, tested: false, bank: [] }),
    );
    expect(veryLow.notes.map((n) => n.id)).toContain("amh-outside-bands");
  });

  it("fewer eggs after 40: a 42-year-old's retrieval gives far less than a 32-year-old's", () => {
    const young = value(retrievalPlan({ age: 32, retrievals: 1, tested: false, bank: [] }));
    const older = value(retrievalPlan({ age: 42, retrievals: 1, tested: false, bank: [] }));
    expect(older.population[0]!.atLeastOne.central).toBeLessThan(
      young.population[0]!.atLeastOne.central / 2,
    );
    expect(older.notes.map((n) => n.id)).toContain("eggs-by-age");
  });
});
