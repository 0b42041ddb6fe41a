/**
 * Clinical calculators: pure answers to one question each, every figure from
 * `docs/clinical-reference.md` with its source. Never a diagnosis.
 */
export {
  BETA_SOURCE,
  type BetaInterval,
  type BetaJudgement,
  type BetaTrend,
  type BetaValue,
  betaTrend,
  MAX_JUDGED_INTERVAL_HOURS,
  MIN_JUDGED_INTERVAL_HOURS,
  minimalRise48hPercent,
} from "./beta.ts";
export {
  type CrisisLine,
  crisisLines,
  crisisLinesFor,
  type EmergencyNumber,
  emergencyNumberFor,
} from "./crisis-lines.ts";
export {
  DATING_SOURCE,
  type DueDate,
  type DueDateInput,
  dueDate,
  type EmbryoDay,
  GESTATION_MAX_DAYS,
  GESTATION_MAX_WEEKS,
  type GestationalAge,
  gestationalAgeAtTransfer,
  isGestationalAge,
} from "./dating.ts";
export {
  type CellGrade,
  type GardnerGrade,
  morphologyBand,
  parseGardner,
} from "./gardner.ts";
export {
  checkLabValue,
  convertLab,
  type LabInput,
  type LabValue,
  labUnits,
  plausibleRange,
} from "./labs.ts";
export {
  OHSS_SOURCE,
  type OhssLevel,
  type OhssReason,
  type OhssSign,
  type OhssSymptoms,
  type OhssTriage,
  ohssRules,
  ohssSigns,
  ohssTriage,
  parseOhssSymptoms,
  type Severity,
  type Trend,
} from "./ohss.ts";
export type { SignSource, SourceTag } from "./source.ts";
export { type CheckQuestion, stageQuestions } from "./stage-questions.ts";
export {
  AFTER_TRANSFER_DAYS,
  type Bleeding,
  bleedingAnswers,
  type CareStage,
  type Contact,
  careStages,
  type Mood,
  moodAnswers,
  parseStageSymptoms,
  type StageContext,
  type StageSymptoms,
  type SymptomField,
  type SymptomTriage,
  type SymptomTriageInput,
  symptomTriage,
  type TriageLevel,
  type TriageReason,
  type TriageSign,
  triageSigns,
} from "./triage.ts";
export {
  type Analyte,
  type AnalyteUnits,
  analytes,
  KG_PER_LB,
  LAB_ANALYTES,
  type LabUnit,
  type UnitFactor,
} from "./units.ts";
