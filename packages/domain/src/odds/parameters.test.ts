import { describe, expect, it } from "vitest";
import { bankOdds } from "./bank.ts";
import { eggFreezingOdds } from "./eggs.ts";
import { heldOut } from "./heldout.ts";
import { euploidyTable, parameters, sources } from "./parameters.ts";
import { retrievalPlan } from "./plan.ts";

describe("parameters: one data module, every number sourced and tagged", () => {
  it("every parameter names known sources and carries a tag", () => {
    for (const p of [...Object.values(parameters), euploidyTable]) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const id of p.sources) expect(sources).toHaveProperty(id);
      expect(["checked", "secondary", "unverified"]).toContain(p.tag);
      expect(p.what.length).toBeGreaterThan(10);
    }
  });

  it("every range holds its central value", () => {
    for (const p of Object.values(parameters)) {
      if (!("value" in p)) continue;
      expect(p.value.low80).toBeLessThanOrEqual(p.value.central);
      expect(p.value.central).toBeLessThanOrEqual(p.value.high80);
    }
  });

  it("a figure of our own, or read only on a secondary page, is never tagged as checked", () => {
    expect(sources.roberts2012.tag).toBe("unverified");
    expect(sources.trellisModel.tag).toBe("unverified");
    expect(parameters.personEffect.tag).toBe("unverified");
    expect(parameters.mosaicRelative.tag).toBe("unverified");
    expect(parameters.eggsAgeSlope.tag).toBe("unverified");
  });

  it("held-out validation sources never set a parameter and never appear in an answer", () => {
    const heldOutIds = new Set(Object.keys(heldOut));
    for (const id of Object.keys(sources)) expect(heldOutIds.has(id)).toBe(false);
    const answers = [
      bankOdds({ embryos: [{ ageAtRetrieval: 34, pgt: "untested", day: 6, grade: "4BB" }] }),
      retrievalPlan({ age: 40, amh: 1, retrievals: 2, tested: false, bank: [] }),
      eggFreezingOdds({ ageAtFreezing: 36, matureEggs: 10 }),
    ];
    for (const a of answers) {
      if (!a.ok) throw new Error("answer");
      for (const s of a.value.sources) expect(heldOutIds.has(s.id)).toBe(false);
    }
  });
});
