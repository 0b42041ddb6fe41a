import type { OhssLevel, OhssSymptoms } from "./ohss.ts";
import type { SignSource } from "./source.ts";

/**
 * The symptom check's shared words: the stages of care, the answers the
 * check can take, the signs it can name (also the web catalogue's keys) and
 * the shape of a reason. The rules per stage are in `triage-rules.ts`; the
 * check itself in `triage.ts`.
 */

/**
 * Where the person is in treatment, for the questions and their levels:
 * - `stimulation`: the injections that grow the follicles;
 * - `after-retrieval`: the two weeks after egg collection (or its trigger);
 * - `after-transfer`: the three weeks after an embryo transfer, before any news;
 * - `pregnant`: an ongoing pregnancy, early and later (one stage; questions by weeks);
 * - `after-loss`: after a miscarriage, an ectopic, a termination or a stillbirth;
 * - `after-birth`: the year after a birth (AWHONN's warning signs hold for a year).
 * `null` (no stage) means a short general check.
 */
export const careStages = [
  "stimulation",
  "after-retrieval",
  "after-transfer",
  "pregnant",
  "after-loss",
  "after-birth",
] as const;
export type CareStage = (typeof careStages)[number];

export const bleedingAnswers = [
  "none",
  "spotting",
  "light",
  "heavy",
  "soaking-pad-an-hour",
] as const;
export type Bleeding = (typeof bleedingAnswers)[number];
export const moodAnswers = ["ok", "low", "very-low"] as const;
export type Mood = (typeof moodAnswers)[number];

/** Everything the check can ask. Every field is optional; booleans unless said. */
export interface StageSymptoms extends OhssSymptoms {
  /** `soaking-pad-an-hour`: soaking through a pad in an hour or less. */
  readonly bleeding?: Bleeding;
  /** Clots the size of a plum or an egg, or bigger (UK: larger than a 50p coin). */
  readonly clotsLargerThanPlum?: boolean;
  /** Pain low down on one side. */
  readonly oneSidedPain?: boolean;
  /** Pain where the shoulder ends and the arm begins. */
  readonly shoulderTipPain?: boolean;
  /** Discharge that smells bad. */
  readonly foulDischarge?: boolean;
  /** A headache that painkillers do not ease. */
  readonly severeHeadache?: boolean;
  /** Blurred vision, flashing lights or spots. */
  readonly visionChanges?: boolean;
  /** Sudden swelling of the face, hands or feet. */
  readonly suddenSwelling?: boolean;
  /** The baby moving less, or not at all (asked from 24 weeks). */
  readonly reducedMovements?: boolean;
  /** Fluid leaking from the vagina (waters). */
  readonly fluidLeak?: boolean;
  readonly mood?: Mood;
  /** Thoughts of harming oneself or of not wanting to live. */
  readonly thoughtsOfSelfHarm?: boolean;
  /** Thoughts of harming someone else, such as the baby. */
  readonly thoughtsOfHarmingOthers?: boolean;
  readonly confusion?: boolean;
  /** A fit. */
  readonly seizure?: boolean;
  readonly coughingBlood?: boolean;
  /** A wound or stitches red, oozing or not healing. */
  readonly woundProblem?: boolean;
}
export type SymptomField = keyof StageSymptoms;

/** The stage and the details some rules need. */
export interface StageContext {
  readonly stage: CareStage | null;
  /**
   * Completed weeks of pregnancy (`pregnant`); after a loss or a birth, the
   * weeks when the pregnancy ended. `null` when not known.
   */
  readonly pregnancyWeeks?: number | null;
  /** Whole days since the transfer (`after-transfer`, `pregnant`); `null` when none. */
  readonly daysSinceTransfer?: number | null;
}

/**
 * Stable ids of the signs, also the catalogue keys of their words, most
 * urgent first. Several can be at different levels in different stages
 * (dizziness calls the clinic during stimulation and is an emergency after a
 * birth); the reason says which.
 */
export const triageSigns = [
  "thoughts-of-self-harm",
  "thoughts-of-harming-others",
  "bleeding-soaking-pad",
  "heavy-bleeding-in-pregnancy",
  "clots",
  "reduced-movements-with-pain-or-bleeding",
  "pain-with-dizziness",
  "seizure",
  "confusion",
  "shortness-of-breath",
  "chest-pain",
  "coughing-blood",
  "racing-heart-or-fast-breathing",
  "calf-pain-or-swelling",
  "fainting",
  "urine-almost-none-12h",
  "severe-abdominal-pain",
  "tight-abdomen",
  "shoulder-tip-pain",
  "dizziness",
  "fever",
  "one-sided-pain",
  "bleeding-in-pregnancy",
  "bleeding-heavy",
  "reduced-movements",
  "fluid-leak",
  "severe-headache",
  "vision-changes",
  "sudden-swelling",
  "foul-discharge",
  "wound-problem",
  "mood-very-low",
  "moderate-ohss",
  "pain-increasing",
  "bloating-severe",
  "bloating-increasing",
  "bloating-after-transfer",
  "nausea-after-transfer",
  "waist-growing",
  "vomiting-cannot-keep-down",
  "vomiting",
  "weight-gain-day",
  "weight-gain-total",
  "urine-much-less",
  "urine-less",
  "abdominal-pain",
  "bloating",
  "nausea",
  "diarrhoea",
  "bleeding-light",
  "spotting-after-transfer",
  "mood-low",
] as const;
export type TriageSign = (typeof triageSigns)[number];
export type TriageLevel = OhssLevel;

export interface TriageReason {
  readonly sign: TriageSign;
  readonly level: TriageLevel;
  /** Values the words name (`kg` for weight gain). */
  readonly params: Readonly<Record<string, number>>;
  readonly source: SignSource;
}

/**
 * The after-transfer window: the two-week wait and a week's margin. It is
 * the `after-transfer` stage's length, and in a pregnancy the time the late
 * OHSS signs still count.
 */
export const AFTER_TRANSFER_DAYS = 21;
