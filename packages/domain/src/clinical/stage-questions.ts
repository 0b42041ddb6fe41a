/**
 * Which questions the "how do you feel?" check asks at each stage
 * (docs/clinical-reference.md §8): the stage's own, and only those.
 */
import { AFTER_TRANSFER_DAYS, type StageContext, type SymptomField } from "./triage.ts";

const finite = (n: number | null | undefined): number | null =>
  typeof n === "number" && Number.isFinite(n) ? n : null;

/** The questions in the order the check asks them. `weight` is today's weight (gains are worked out from it). */
export type CheckQuestion = SymptomField | "weight";

const OHSS_QUESTIONS: readonly CheckQuestion[] = [
  "abdominalPain",
  "painTrend",
  "bloating",
  "bloatingTrend",
  "waistGrowing",
  "nausea",
  "vomiting",
  "urine",
  "weight",
  "diarrhoea",
  "tightAbdomen",
  "dizziness",
  "racingHeartOrFastBreathing",
];
const EMERGENCY_QUESTIONS: readonly CheckQuestion[] = [
  "shortnessOfBreath",
  "chestPain",
  "calfPainOrSwelling",
  "fainting",
];
const MIND: readonly CheckQuestion[] = ["mood", "thoughtsOfSelfHarm"];

/**
 * The questions for a stage, and only those: pregnancy questions only in
 * pregnancy (never after a loss), the baby's movements from 24 weeks, the
 * ectopic pains before 20 weeks, pre-eclampsia and waters from 20 weeks
 * (unknown weeks: both), OHSS questions during stimulation, after retrieval,
 * after a transfer and in the first 3 weeks of a pregnancy. Everything is
 * optional to answer. Which questions are asked never changes how an answer
 * counts (`symptomTriage`).
 */
export function stageQuestions(context: StageContext): CheckQuestion[] {
  const weeks = finite(context.pregnancyWeeks);
  const days = finite(context.daysSinceTransfer);
  const q: CheckQuestion[] = [];
  switch (context.stage) {
    case "stimulation":
      q.push(...OHSS_QUESTIONS, "bleeding", ...EMERGENCY_QUESTIONS, "fever");
      break;
    case "after-retrieval":
      q.push(...OHSS_QUESTIONS, "bleeding", "foulDischarge", ...EMERGENCY_QUESTIONS, "fever");
      break;
    case "after-transfer":
      q.push(
        "bleeding",
        "clotsLargerThanPlum",
        "oneSidedPain",
        "shoulderTipPain",
        ...OHSS_QUESTIONS,
        ...EMERGENCY_QUESTIONS,
        "fever",
      );
      break;
    case "pregnant": {
      const early = weeks === null || weeks < 20;
      const later = weeks === null || weeks >= 20;
      q.push("bleeding", "clotsLargerThanPlum", "abdominalPain", "painTrend");
      if (early) q.push("oneSidedPain", "shoulderTipPain");
      if (weeks !== null && weeks >= 24) q.push("reducedMovements");
      if (later) q.push("fluidLeak", "severeHeadache", "visionChanges", "suddenSwelling");
      if (days !== null && days <= AFTER_TRANSFER_DAYS)
        q.push(...OHSS_QUESTIONS.filter((x) => x !== "abdominalPain" && x !== "painTrend"));
      else q.push("dizziness");
      q.push(...EMERGENCY_QUESTIONS, "seizure", "confusion", "fever");
      break;
    }
    case "after-loss":
    case "after-birth": {
      q.push(
        "bleeding",
        "clotsLargerThanPlum",
        "abdominalPain",
        "painTrend",
        "fever",
        "foulDischarge",
      );
      if (context.stage === "after-birth" || weeks === null || weeks >= 20)
        q.push("severeHeadache", "visionChanges");
      if (context.stage === "after-birth") q.push("woundProblem");
      q.push(
        "dizziness",
        "racingHeartOrFastBreathing",
        ...EMERGENCY_QUESTIONS,
        "coughingBlood",
        "seizure",
        "confusion",
      );
      if (context.stage === "after-birth") q.push("thoughtsOfHarmingOthers");
      break;
    }
    default:
      q.push(
        "abdominalPain",
        "painTrend",
        "bleeding",
        "dizziness",
        ...EMERGENCY_QUESTIONS,
        "fever",
      );
  }
  q.push(...MIND);
  return [...new Set(q)];
}
