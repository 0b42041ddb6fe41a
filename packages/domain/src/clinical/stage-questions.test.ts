import { describe, expect, it } from "vitest";
import { stageQuestions } from "./stage-questions.ts";
import { careStages } from "./triage.ts";

describe("stageQuestions", () => {
  const pregnancyQuestions = ["reducedMovements", "fluidLeak"] as const;

  it("never asks about a pregnancy after a loss, whatever the weeks", () => {
    for (const pregnancyWeeks of [null, 6, 20, 38]) {
      const q = stageQuestions({ stage: "after-loss", pregnancyWeeks });
      for (const p of pregnancyQuestions) expect(q).not.toContain(p);
      for (const asked of [
        "bleeding",
        "clotsLargerThanPlum",
        "fever",
        "foulDischarge",
        "abdominalPain",
        "dizziness",
        "fainting",
        "calfPainOrSwelling",
        "shortnessOfBreath",
        "chestPain",
        "mood",
        "thoughtsOfSelfHarm",
      ] as const)
        expect(q).toContain(asked);
    }
  });

  it("asks about the baby's movements only from 24 weeks", () => {
    expect(stageQuestions({ stage: "pregnant", pregnancyWeeks: 23 })).not.toContain(
      "reducedMovements",
    );
    expect(stageQuestions({ stage: "pregnant", pregnancyWeeks: 24 })).toContain("reducedMovements");
    expect(stageQuestions({ stage: "pregnant" })).not.toContain("reducedMovements");
  });

  it("asks the OHSS questions during stimulation and after retrieval, and only there among the body stages", () => {
    for (const stage of ["stimulation", "after-retrieval", "after-transfer"] as const)
      expect(stageQuestions({ stage })).toEqual(
        expect.arrayContaining(["bloating", "urine", "weight", "tightAbdomen", "waistGrowing"]),
      );
    for (const stage of ["after-loss", "after-birth", null] as const)
      expect(stageQuestions({ stage })).not.toContain("bloating");
    expect(stageQuestions({ stage: "pregnant", daysSinceTransfer: 10 })).toContain("bloating");
    expect(stageQuestions({ stage: "pregnant", daysSinceTransfer: 40 })).not.toContain("bloating");
  });

  it("asks about mood and thoughts of self-harm at every stage", () => {
    for (const stage of [...careStages, null])
      expect(stageQuestions({ stage })).toEqual(
        expect.arrayContaining(["mood", "thoughtsOfSelfHarm"]),
      );
  });
});
