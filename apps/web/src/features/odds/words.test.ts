import { type Estimate, eggFreezingOdds, retrievalPlan } from "@trellis/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { caveatsOf } from "./Caveat.tsx";
import { frequencyValues, goalWords, rangeSentence, twoSides } from "./words.ts";

const { t } = createI18n(["en"]);

const estimate = (central: number, low = central, high = central): Estimate => ({
  central,
  low,
  high,
  average: { low, high },
  denominator: "from this bank",
});

const bankSentence = (e: Estimate) =>
  t("odds.freq.bank", { ...frequencyValues(e), goal: goalWords(t, "one") });

describe("a chance said from both sides", () => {
  it("says who would and who would not, in the conditional", () => {
    expect(bankSentence(estimate(0.41))).toBe(
      "Of 100 people with a bank like yours, about 41 would have at least one baby from it; about 59 would not.",
    );
  });

  it("never says 'about 0' or 'about 100': a sliver is 'fewer than 1', the rest 'nearly all'", () => {
    expect(bankSentence(estimate(0.003))).toBe(
      "Of 100 people with a bank like yours, fewer than 1 would have at least one baby from it; nearly all would not.",
    );
    expect(bankSentence(estimate(0.997))).toMatch(
      /nearly all would have at least one baby from it; fewer than 1 would not\.$/,
    );
    expect(bankSentence(estimate(0))).toMatch(/, none would have .*; all would not\.$/);
    // Found by the property below: the smallest chance above zero is still "fewer than 1".
    expect(bankSentence(estimate(5e-324))).toMatch(
      /fewer than 1 would have .*; nearly all would not\.$/,
    );
  });

  it("the two sides always add up to 100, whatever the chance", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (central) => {
        const s = twoSides(estimate(central));
        expect(s.n + s.rest).toBe(100);
        expect(s.n).toBe(Math.round(central * 100));
        // What the sentence says is what the counts are.
        const text = bankSentence(estimate(central));
        const said = [...text.matchAll(/about (\d+)/g)].map((m) => Number(m[1]));
        if (s.has === "about" && s.not === "about") expect(said).toEqual([s.n, s.rest]);
        expect(text).not.toMatch(/about (0|100)\b/);
        expect(s.has === "fewer").toBe(s.not === "nearlyAll");
        expect(s.has === "nearlyAll").toBe(s.not === "fewer");
      }),
    );
  });
});

describe("the 80% range has a sentence of its own", () => {
  it("says what the range is: the person's own chance, and why it is wide", () => {
    expect(rangeSentence(t, estimate(0.41, 0.3, 0.52))).toBe(
      "We cannot be exact. Your own chance is most likely between about 30 and 52 in 100: the studies leave some things uncertain, and people differ from one another.",
    );
    expect(rangeSentence(t, estimate(0.001, 0, 0.004))).toMatch(/most likely about 0 in 100:/);
    expect(rangeSentence(t, estimate(0.15, 0.02, 0.4), true)).toBe(
      "For you, most likely between about 2 and 40 in 100.",
    );
  });
});

describe("the plan's sentence follows the question the person chose", () => {
  const plan = (frame: "like-me" | "keep", count: number, more = "no", bank = "no") =>
    t("odds.freq.plan", {
      ...frequencyValues(estimate(0.41)),
      age: 34,
      bank,
      more,
      frame,
      count,
      goal: goalWords(t, "one"),
    });

  it("people like me: those who plan the retrievals; if I keep going: those who do them all", () => {
    expect(plan("like-me", 1)).toBe(
      "Of 100 people aged 34 who plan 1 retrieval, about 41 would have at least one baby; about 59 would not.",
    );
    expect(plan("like-me", 3)).toMatch(/^Of 100 people aged 34 who plan 3 retrievals, about 41/);
    expect(plan("keep", 3)).toMatch(/^Of 100 people aged 34 who do all 3 retrievals, about 41/);
    expect(plan("keep", 2, "yes", "yes")).toMatch(
      /^Of 100 people aged 34 with a bank like yours who do all 2 more retrievals, /,
    );
  });
});

describe("the caveat the screen shows beside plan and egg-freezing numbers", () => {
  // The screen shows the engine's own words; if the engine stops giving them, this says so.
  it("comes with every plan and every egg-freezing answer", () => {
    const p = retrievalPlan({ age: 34, retrievals: 1, tested: false, bank: [] });
    const e = eggFreezingOdds({ ageAtFreezing: 34, matureEggs: 15 });
    expect(p.ok && caveatsOf(p.value.notes).length).toBe(1);
    expect(e.ok && caveatsOf(e.value.notes).length).toBe(1);
  });
});
