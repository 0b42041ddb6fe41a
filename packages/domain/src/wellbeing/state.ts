import type { CareStage } from "../clinical/triage.ts";
import type { SymptomAnswers } from "./events.ts";

export interface SymptomCheck {
  readonly id: string;
  readonly cycleId: string | null;
  readonly at: string;
  /**
   * The stage the check was asked for; `null` for the general check;
   * `undefined` for a version 1 check, which did not say.
   */
  readonly stage: CareStage | null | undefined;
  readonly pregnancyWeeks: number | null;
  readonly daysSinceTransfer: number | null;
  /** As stored: a version 1 mood is still a number (`moodOf` reads both). */
  readonly answers: SymptomAnswers;
  readonly retracted: boolean;
}
