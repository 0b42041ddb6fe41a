import type { SymptomAnswers } from "./events.ts";

export interface SymptomCheck {
  readonly id: string;
  readonly cycleId: string | null;
  readonly at: string;
  readonly answers: SymptomAnswers;
  readonly retracted: boolean;
}
