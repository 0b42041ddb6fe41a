import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { zonedDateTimeSchema } from "../core/time.ts";
import { defineEvent } from "../events/define.ts";

const severity = z.enum(["none", "mild", "moderate", "severe"]);
const trend = z.enum(["better", "same", "worse"]);

/** The daily "how do you feel?" check. Every answer is optional. */
export const symptomAnswersSchema = z.strictObject({
  bloating: severity.optional(),
  bloatingTrend: trend.optional(),
  abdominalPain: severity.optional(),
  painTrend: trend.optional(),
  nausea: severity.optional(),
  vomiting: z.enum(["none", "some", "cannot-keep-down"]).optional(),
  diarrhoea: z.boolean().optional(),
  urine: z.enum(["normal", "less", "much-less", "almost-none-12h"]).optional(),
  shortnessOfBreath: z.boolean().optional(),
  chestPain: z.boolean().optional(),
  calfPainOrSwelling: z.boolean().optional(),
  fainting: z.boolean().optional(),
  fever: z.boolean().optional(),
  tightAbdomen: z.boolean().optional(),
  /** Weight today; gains are worked out from earlier checks. */
  weight: z
    .strictObject({
      value: z
        .number()
        .positive({ error: "must be more than 0" })
        .max(700, { error: "is not a body weight" }),
      unit: z.enum(["kg", "lb"]),
    })
    .optional(),
  bleeding: z.enum(["none", "spotting", "light", "heavy"]).optional(),
  /** 1 (very low) to 5 (good). */
  mood: z.number().int().min(1).max(5).optional(),
  note: personText(2000).optional(),
});

export const wellbeingEvents = {
  SymptomsChecked: defineEvent(
    1,
    "How the person felt: the daily check, which also watches for OHSS warning signs.",
    z.strictObject({
      checkId: uuidV7Schema,
      cycleId: uuidV7Schema.optional(),
      at: zonedDateTimeSchema,
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
