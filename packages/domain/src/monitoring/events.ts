import { z } from "zod";
import type { Analyte } from "../clinical/units.ts";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { zonedDateTimeSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";

const analyteNames = ["E2", "P4", "hCG", "AMH", "LH", "FSH"] as const satisfies readonly Analyte[];

export const appointmentKinds = [
  "scan",
  "bloods",
  "scan-and-bloods",
  "consultation",
  "retrieval",
  "transfer",
  "insemination",
  "other",
] as const;

/** Guard, not a clinical figure: no follicle a scan records is larger (the chart's axis stops here too). */
export const FOLLICLE_MAX_MM = 40;

/** Follicle sizes in millimetres, per ovary, as the sonographer reads them out. */
const follicles = z.array(z.number().positive().max(FOLLICLE_MAX_MM)).max(60);

export const monitoringEvents = {
  AppointmentScheduled: defineEvent(
    1,
    "A clinic visit was booked: a scan, blood test, consultation, retrieval or transfer.",
    z.strictObject({
      appointmentId: uuidV7Schema,
      cycleId: uuidV7Schema.optional(),
      at: zonedDateTimeSchema,
      kind: z.enum(appointmentKinds),
      place: personText(200).optional(),
      note: personText(500).optional(),
    }),
  ),
  AppointmentChanged: defineEvent(
    1,
    "An appointment moved, or its details changed.",
    changePayload(
      z.strictObject({
        appointmentId: uuidV7Schema,
        at: zonedDateTimeSchema.optional(),
        kind: z.enum(appointmentKinds).optional(),
        place: personText(200).nullable().optional(),
        note: personText(500).nullable().optional(),
      }),
    ),
  ),
  AppointmentCancelled: defineEvent(
    1,
    "An appointment was cancelled or entered by mistake.",
    z.strictObject({ appointmentId: uuidV7Schema }),
  ),
  LabResultRecorded: defineEvent(
    1,
    "A blood test result: which hormone, the value and its unit, when the blood was drawn.",
    z.strictObject({
      resultId: uuidV7Schema,
      cycleId: uuidV7Schema.optional(),
      drawnAt: zonedDateTimeSchema,
      analyte: z.enum(analyteNames),
      value: z.number().min(0),
      unit: z.string().min(1).max(16),
      note: personText(500).optional(),
    }),
  ),
  LabResultCorrected: defineEvent(
    1,
    "A lab value was corrected (a typo, or the clinic sent a corrected result).",
    changePayload(
      z.strictObject({
        resultId: uuidV7Schema,
        value: z.number().min(0).optional(),
        unit: z.string().min(1).max(16).optional(),
        drawnAt: zonedDateTimeSchema.optional(),
      }),
    ),
  ),
  LabResultExcluded: defineEvent(
    1,
    "A result known to be wrong stays in the record but leaves charts and calculations (or comes back).",
    z.strictObject({
      resultId: uuidV7Schema,
      excluded: z.boolean(),
      reason: personText(300).optional(),
    }),
  ),
  LabResultRetracted: defineEvent(
    1,
    "A lab result entered by mistake was removed.",
    z.strictObject({ resultId: uuidV7Schema }),
  ),
  FollicleScanRecorded: defineEvent(
    1,
    "An ultrasound: the size of each follicle (fluid sac that holds an egg) per ovary, and the lining of the uterus.",
    z
      .strictObject({
        scanId: uuidV7Schema,
        cycleId: uuidV7Schema.optional(),
        scannedAt: zonedDateTimeSchema,
        leftMm: follicles,
        rightMm: follicles,
        /** Endometrial lining thickness in mm. */
        liningMm: z.number().positive().max(30).optional(),
        liningPattern: z.enum(["triple-line", "homogeneous", "not-reported"]).optional(),
        note: personText(500).optional(),
      })
      .refine(
        (p) => p.leftMm.length + p.rightMm.length > 0 || p.liningMm !== undefined,
        refusal("empty-scan"),
      ),
  ),
  FollicleScanCorrected: defineEvent(
    1,
    "A scan's measurements were corrected.",
    changePayload(
      z.strictObject({
        scanId: uuidV7Schema,
        leftMm: follicles.optional(),
        rightMm: follicles.optional(),
        liningMm: z.number().positive().max(30).nullable().optional(),
        scannedAt: zonedDateTimeSchema.optional(),
      }),
    ),
  ),
  FollicleScanRetracted: defineEvent(
    1,
    "A scan entered by mistake was removed.",
    z.strictObject({ scanId: uuidV7Schema }),
  ),
};
