import { z } from "zod";
import { GESTATION_MAX_WEEKS } from "../clinical/dating.ts";
import { careStages, type Mood, stageSymptomFields } from "../clinical/triage.ts";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { zonedDateTimeSchema } from "../core/time.ts";
import { defineEvent } from "../events/define.ts";

const {
  weightGainKgLastDay: _day,
  weightGainKgTotal: _total,
  mood: moodAnswer,
  ...answerFields
} = stageSymptomFields;

/**
 * Mood as stored. Version 2 stores `ok`, `low` or `very-low`; version 1
 * stored 1 (very low) to 5 (good), which stays readable and is read as
 * `moodOf` says.
 */
const storedMood = z.union([z.number().int().min(1).max(5), moodAnswer.unwrap()]);

/**
 * The "how do you feel?" check. Every answer is optional. Version 1 asked
 * the OHSS questions, bleeding (none to heavy) and mood 1-5; version 2 adds
 * the stage's questions (bleeding up to soaking a pad in an hour, clots,
 * pains, pregnancy and after-birth signs, thoughts of self-harm: see
 * `StageSymptoms`) and mood as `ok | low | very-low`.
 */
export const symptomAnswersSchema = z.strictObject({
  ...answerFields,
  /** Weight today; gains are worked out from earlier checks. */
  weight: z
    .strictObject({
      value: z.number().positive().max(700),
      unit: z.enum(["kg", "lb"]),
    })
    .optional(),
  mood: storedMood.optional(),
  note: personText(2000).optional(),
});

/** Weeks of pregnancy as the check saw them: a guard, 0-44 (clinical-reference §8.4 dates by weeks). */
const weeks = z.number().int().min(0).max(GESTATION_MAX_WEEKS);

/** Guard, not a clinical figure: a check asked further from a transfer than this has no use for the day count. */
export const CHECK_DAYS_SINCE_TRANSFER_MAX = 400;

export const wellbeingEvents = {
  SymptomsChecked: defineEvent(
    2,
    "How the person felt: the daily check, asked for where they were in treatment, which watches for warning signs.",
    z.strictObject({
      checkId: uuidV7Schema,
      cycleId: uuidV7Schema.optional(),
      at: zonedDateTimeSchema,
      /**
       * The stage the questions were asked for (version 2; `null`: the general
       * check). Absent in version 1, whose checks are read with the stage the
       * record gives for that moment (`careStage`).
       */
      stage: z.enum(careStages).nullable().optional(),
      /** Weeks of pregnancy when asked (pregnant), or when it ended (after a loss or birth). */
      pregnancyWeeks: weeks.optional(),
      /** Days since the transfer when asked. */
      daysSinceTransfer: z.number().int().min(0).max(CHECK_DAYS_SINCE_TRANSFER_MAX).optional(),
      answers: symptomAnswersSchema,
    }),
  ),
  SymptomsCheckRetracted: defineEvent(
    1,
    "A check entered by mistake was removed.",
    z.strictObject({ checkId: uuidV7Schema }),
  ),
};

export type SymptomAnswers = z.output<typeof symptomAnswersSchema>;

/**
 * A stored mood on version 2's scale: 1 → `very-low`, 2 → `low`, 3-5 → `ok`
 * (version 1's "in between", "fairly good" and "good" raise nothing).
 */
export function moodOf(mood: SymptomAnswers["mood"]): Mood | undefined {
  if (typeof mood !== "number") return mood;
  return mood <= 1 ? "very-low" : mood === 2 ? "low" : "ok";
}
