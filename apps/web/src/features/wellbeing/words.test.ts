import { careStages, stageQuestions, triageSigns } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { wellbeing } from "../../i18n/en/wellbeing.ts";

const words: Record<string, string> = wellbeing;
const stageKeys = [...careStages, "general"] as const;

describe("the words of the symptom check", () => {
  it("has words for every sign the domain can return", () => {
    expect(triageSigns.filter((s) => !(`wellbeing.sign.${s}` in words))).toEqual([]);
  });

  it("has a stage's own words only for real signs and stages (no typo hides them)", () => {
    const own = Object.keys(words)
      .filter((k) => k.startsWith("wellbeing.sign."))
      .map((k) => k.slice("wellbeing.sign.".length))
      .filter((k) => !(triageSigns as readonly string[]).includes(k));
    for (const key of own) {
      const stage = stageKeys.find((s) => key.endsWith(`.${s}`));
      expect(stage, key).toBeDefined();
      expect(triageSigns as readonly string[], key).toContain(key.slice(0, -`.${stage}`.length));
    }
  });

  it("introduces every stage, says whom to call at each, and what to tell the emergency services", () => {
    for (const stage of stageKeys) {
      expect(words[`wellbeing.check.for.${stage}`], stage).toBeTruthy();
      expect(words[`wellbeing.notice.call.${stage}`], stage).toBeTruthy();
      expect(words[`wellbeing.notice.tellThem.${stage}`], stage).toBeTruthy();
    }
  });

  it("has a label for every yes-or-no question any stage asks", () => {
    const choices = ["abdominalPain", "painTrend", "bloating", "bloatingTrend", "nausea"];
    const enums = ["vomiting", "urine", "bleeding", "mood", "weight", ...choices];
    for (const stage of [...careStages, null])
      for (const pregnancyWeeks of [null, 8, 30])
        for (const q of stageQuestions({ stage, pregnancyWeeks, daysSinceTransfer: 10 }))
          if (!enums.includes(q))
            expect(words[`wellbeing.yesNo.${q}`], `${stage} ${q}`).toBeTruthy();
  });

  it("never says a sign is normal (the reference's rule: say common)", () => {
    expect(Object.entries(words).filter(([, text]) => /\bnormal\b/i.test(text))).toEqual([]);
  });
});
