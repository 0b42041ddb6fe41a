/**
 * Answers "do these symptoms mean I should call someone today, or get
 * emergency care now?", for where the person is: stimulation, the days
 * after egg retrieval, the wait after a transfer, a pregnancy, after a loss
 * or after a birth (docs/clinical-reference.md §8.1-§8.5, mental health §9,
 * OHSS §5).
 *
 * Like `ohssTriage`, it never diagnoses: it sorts what a person reports into
 * three levels, each reason with its source. The reference's levels map as
 * EMERGENCY → `emergency`, CALL TODAY → `call-clinic` (the clinic, maternity
 * unit, midwife or GP), WATCH → `none` with the sign kept as a reason to
 * watch. Its rules: one emergency sign is enough; a sign listed in two places
 * takes the higher level; a stage's table may raise a level, never lower it.
 *
 * This file holds the check (`symptomTriage`, whom to call) and what a
 * check-in may contain (`parseStageSymptoms`); the stages and signs are in
 * `triage-signs.ts`, the rules per stage in `triage-rules.ts`, their sources
 * in `triage-sources.ts`.
 */
import { z } from "zod";
import type { Problem, Result } from "../core/result.ts";
import type { CountryCode } from "../journey/country.ts";
import {
  type CrisisLine,
  crisisLinesFor,
  type EmergencyNumber,
  emergencyNumberFor,
} from "./crisis-lines.ts";
import { ohssSymptomFields, parseAnswers, yesNo } from "./ohss.ts";
import { stageReasons } from "./triage-rules.ts";
import {
  bleedingAnswers,
  type CareStage,
  careStages,
  moodAnswers,
  type StageContext,
  type StageSymptoms,
  type TriageLevel,
  type TriageReason,
} from "./triage-signs.ts";
import { stageSources } from "./triage-sources.ts";

export {
  AFTER_TRANSFER_DAYS,
  type Bleeding,
  bleedingAnswers,
  type CareStage,
  careStages,
  type Mood,
  moodAnswers,
  type StageContext,
  type StageSymptoms,
  type SymptomField,
  type TriageLevel,
  type TriageReason,
  type TriageSign,
  triageSigns,
} from "./triage-signs.ts";

export interface SymptomTriageInput extends StageContext {
  readonly symptoms: StageSymptoms;
  /** The person's country (ISO 3166-1 alpha-2), for the emergency number and crisis lines. */
  readonly country?: CountryCode | null;
}

/** Whom to call. */
export type Contact = "crisis-line" | "emergency-number" | "clinic";

export interface SymptomTriage {
  readonly stage: CareStage | null;
  /** The most urgent level among the reasons. */
  readonly level: TriageLevel;
  /** Most urgent first. */
  readonly reasons: readonly TriageReason[];
  /** The sources of this stage's rules, in one line. */
  readonly source: string;
  /**
   * Whom to call, first first. `emergency`: the emergency number, then the
   * clinic; when thoughts of self-harm are the only emergency sign, the
   * country's crisis line comes first (if Trellis knows one), then the
   * emergency number. `call-clinic`: the clinic. `none`: nobody.
   */
  readonly callOrder: readonly Contact[];
  readonly emergencyNumber: EmergencyNumber;
  /** The country's crisis lines, crisis lines first (`crisisLinesFor`). */
  readonly crisisLines: readonly CrisisLine[];
}

const finite = (n: number | null | undefined): number | null =>
  typeof n === "number" && Number.isFinite(n) ? n : null;

/**
 * Sorts a check-in into `emergency`, `call-clinic` or `none` for the stage,
 * with a reason per sign, its level and its source, and whom to call first.
 * The rules, stage by stage, are in the README and in `triage-rules.ts`;
 * a sign outside a stage's tables is not counted there, except the signs
 * that are an emergency at every stage (fainting, a fit, confusion, chest
 * pain, shortness of breath, coughing blood, a racing heart or fast
 * breathing, calf pain or swelling, severe abdominal pain, a tight abdomen,
 * almost no urine for 12 hours, soaking a pad in an hour, thoughts of
 * self-harm or of harming others) and mood.
 *
 * Never throws. Validate untrusted input with `parseStageSymptoms` first.
 */
export function symptomTriage(input: SymptomTriageInput): SymptomTriage {
  const s: StageSymptoms =
    typeof input?.symptoms === "object" && input.symptoms !== null ? input.symptoms : {};
  const stage = careStages.includes(input?.stage as CareStage) ? (input.stage as CareStage) : null;
  const weeks = finite(input?.pregnancyWeeks);
  const days = finite(input?.daysSinceTransfer);
  const reasons = stageReasons(stage, s, weeks, days);
  const level = reasons[0]?.level ?? "none";
  const crisisLines = crisisLinesFor(input?.country);
  return {
    stage,
    level,
    reasons,
    source: stageSources[stage ?? "general"],
    callOrder: callOrder(reasons, level, crisisLines),
    emergencyNumber: emergencyNumberFor(input?.country),
    crisisLines,
  };
}

function callOrder(
  reasons: readonly TriageReason[],
  level: TriageLevel,
  lines: readonly CrisisLine[],
): Contact[] {
  if (level === "none") return [];
  if (level === "call-clinic") return ["clinic"];
  const emergencies = reasons.filter((r) => r.level === "emergency");
  const selfHarmOnly = emergencies.every((r) => r.sign === "thoughts-of-self-harm");
  if (selfHarmOnly && lines.some((l) => l.crisis))
    return ["crisis-line", "emergency-number", "clinic"];
  const withCrisis =
    emergencies.some((r) => r.sign === "thoughts-of-self-harm") && lines.some((l) => l.crisis);
  return withCrisis
    ? ["emergency-number", "crisis-line", "clinic"]
    : ["emergency-number", "clinic"];
}

/** The new questions' schemas beside the OHSS ones: what `parseStageSymptoms` and the stored check accept. */
export const stageSymptomFields = {
  ...ohssSymptomFields,
  bleeding: z.enum(bleedingAnswers).optional(),
  clotsLargerThanPlum: yesNo.optional(),
  oneSidedPain: yesNo.optional(),
  shoulderTipPain: yesNo.optional(),
  foulDischarge: yesNo.optional(),
  severeHeadache: yesNo.optional(),
  visionChanges: yesNo.optional(),
  suddenSwelling: yesNo.optional(),
  reducedMovements: yesNo.optional(),
  fluidLeak: yesNo.optional(),
  mood: z.enum(moodAnswers).optional(),
  thoughtsOfSelfHarm: yesNo.optional(),
  thoughtsOfHarmingOthers: yesNo.optional(),
  confusion: yesNo.optional(),
  seizure: yesNo.optional(),
  coughingBlood: yesNo.optional(),
  woundProblem: yesNo.optional(),
};
const stageSymptomsSchema = z.strictObject(stageSymptomFields);

/**
 * Checks an untrusted check-in for `symptomTriage`, as `parseOhssSymptoms`
 * does: `null` means unanswered and is dropped; an unknown field is refused
 * (`unknown-symptom`), so a misspelled sign can never silently drop out;
 * a bad answer is refused naming its field (`invalid-field`).
 */
export function parseStageSymptoms(raw: unknown): Result<StageSymptoms, Problem> {
  return parseAnswers(stageSymptomsSchema, raw);
}
