import { describe, expect, it } from "vitest";
import type { Result } from "../core/result.ts";
import { personEffect } from "./correlate.ts";
import { centralTheta } from "./draws.ts";
import { eggFreezingOdds } from "./eggs.ts";
import { futureEuploidChance } from "./embryo.ts";
import { priyaEggs } from "./fixtures.ts";
import { funnelAt } from "./funnel.ts";

const value = <T>(r: Result<T, unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("eggFreezingOdds: what frozen eggs can give", () => {
  it("Priya's 21 mature eggs frozen at 34: at least one live birth is likely, at least three is not", () => {
    const odds = value(eggFreezingOdds(priyaEggs));
    expect(odds.atLeastOne.central).toBeGreaterThan(0.7);
    expect(odds.atLeastOne.central).toBeLessThan(0.92);
    expect(odds.atLeastThree.central).toBeLessThan(0.5);
    expect(odds.atLeastOne.denominator).toBe("from these eggs");
  });

  it("each egg's chance is the funnel from thaw to birth, multiplied through", () => {
    const odds = value(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 10 }));
    const t = centralTheta();
    const effect = personEffect(t.sigma, 0);
    const b = funnelAt(34, null, t);
    const mean = (x: { alpha: number; beta: number }) => x.alpha / (x.alpha + x.beta);
    const expected =
      t.oocyteSurvival *
      mean(b.fertilized) *
      mean(b.blastocyst) *
      mean(b.euploid) *
      t.blastocystSurvival *
      futureEuploidChance(34, 34, t, effect, new Float64Array(10), new Float64Array(10));
    expect(odds.perEgg.central).toBeGreaterThan(expected * 0.9);
    expect(odds.perEgg.central).toBeLessThan(expected * 1.1);
    expect(odds.perEgg.denominator).toBe("per mature egg frozen");
  });

  it("eggs keep the age they were frozen at: the same eggs are worth much more at 32 than at 40", () => {
    const young = value(eggFreezingOdds({ ageAtFreezing: 32, matureEggs: 10 }));
    const older = value(eggFreezingOdds({ ageAtFreezing: 40, matureEggs: 10 }));
    expect(young.atLeastOne.central - older.atLeastOne.central).toBeGreaterThan(0.15);
  });

  it("an older age at transfer lowers the chance only a little", () => {
    const now = value(eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 21 }));
    const later = value(eggFreezingOdds(priyaEggs));
    expect(later.atLeastOne.central).toBeLessThan(now.atLeastOne.central);
    expect(now.atLeastOne.central - later.atLeastOne.central).toBeLessThan(0.05);
  });

  it("no eggs, no chance", () => {
    const odds = value(eggFreezingOdds({ ageAtFreezing: 30, matureEggs: 0 }));
    expect(odds.atLeastOne).toMatchObject({ central: 0, low: 0, high: 0 });
  });

  it("takes egg survival from Cobo 2016 (85%), and says it depends on the lab", () => {
    const odds = value(eggFreezingOdds(priyaEggs));
    expect(odds.sources.find((s) => s.id === "oocyteSurvival")?.citation).toContain("85.2%");
    expect(odds.notes.find((n) => n.id === "egg-freezing")?.text).toContain("about 85%");
    expect(odds.notes.map((n) => n.id)).toEqual(
      expect.arrayContaining(["egg-freezing", "hopeful-side", "not-medical-advice"]),
    );
  });
});
