import { z } from "zod";
import { parseGardner } from "../clinical/gardner.ts";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import {
  countSchema,
  discardReasons,
  fertilizationMethods,
  type PgtAResult,
  type PgtMResult,
  pgtTests,
  storageSchema,
  uniqueIds,
} from "./terms.ts";

/**
 * The lab report events, in the order a cohort meets them: the retrieval,
 * the day-1, day-3 and blastocyst calls, test results, then corrections and
 * removals of what was reported (`terms.ts` explains the words).
 */

const pgtResults = [
  "euploid",
  "aneuploid",
  "mosaic",
  "no-result",
  "unaffected",
  "carrier",
  "affected",
] as const satisfies readonly (PgtAResult | PgtMResult)[];

const label = z.string().trim().max(40).optional();

/** A Gardner grade as the lab writes it, stored the standard way (`4 aa` becomes `4AA`). */
export const gardnerSchema = z
  .string()
  .max(16)
  .transform((text, ctx) => {
    const parsed = parseGardner(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", ...refusal("invalid-grade", parsed.error.params) });
      return z.NEVER;
    }
    return parsed.value.text;
  });

const blastocystSchema = z.strictObject({
  embryoId: uuidV7Schema,
  /** The lab's name for it (`E3`, `Straw 2`), if it has one. */
  label,
  grade: gardnerSchema,
  biopsied: z.boolean(),
  /** What the lab did with it that day. `in-culture`: kept for a fresh transfer. */
  fate: z.enum(["frozen", "in-culture", "discarded"]),
  discardReason: z.enum(discardReasons).optional(),
});

const day3EmbryoSchema = z.strictObject({
  embryoId: uuidV7Schema,
  label,
  /** Day-3 grades are not standard across labs: the lab's own words, e.g. "8-cell, grade 1". */
  grade: z.string().trim().max(40).optional(),
  fate: z.enum(["frozen", "in-culture"]),
});

const pgtResultSchema = z
  .strictObject({
    embryoId: uuidV7Schema,
    result: z.enum(pgtResults),
    /** Mosaic results only: the level the lab reports. */
    mosaicLevel: z.enum(["low", "high"]).optional(),
    /** Only if the person chose to record it. */
    sex: z.enum(["female", "male"]).optional(),
  })
  .refine((r) => r.result === "mosaic" || r.mosaicLevel === undefined, {
    ...refusal("level-only-for-mosaic"),
    path: ["mosaicLevel"],
  });

const optionalCount = countSchema.optional();
const nullableCount = countSchema.nullable().optional();

export const labEvents = {
  RetrievalRecorded: defineEvent(
    1,
    "Eggs were retrieved: how many follicles there were at the trigger, how many eggs, and how many mature if known (day 0).",
    z.strictObject({
      retrievalId: uuidV7Schema,
      cycleId: uuidV7Schema.optional(),
      retrievedOn: isoDateSchema,
      clinic: optionalName.optional(),
      /** Follicles the clinic counted at the trigger (often those of 10-12 mm or more). */
      folliclesAtTrigger: optionalCount,
      eggsRetrieved: countSchema,
      /** Mature (MII) eggs, when the lab says on the day (always known for ICSI or egg freezing). */
      mature: optionalCount,
      note: personText(1000).optional(),
    }),
  ),
  FertilizationReported: defineEvent(
    1,
    "The day-1 call: how the eggs were fertilized (ICSI or conventional) and how many fertilized normally (2PN).",
    z.strictObject({
      cohortId: uuidV7Schema,
      reportedOn: isoDateSchema,
      method: z.enum(fertilizationMethods),
      /** Mature eggs, if first known today (ICSI). */
      mature: optionalCount,
      /** Normally fertilized (2PN). */
      fertilized: countSchema,
      note: personText(1000).optional(),
    }),
  ),
  Day3Reported: defineEvent(
    1,
    "The day-3 call: how many embryos are still developing, and any frozen or kept for a fresh transfer on day 3.",
    z.strictObject({
      cohortId: uuidV7Schema,
      reportedOn: isoDateSchema,
      developing: countSchema,
      /** Embryos that leave the count on day 3 (frozen, or kept for a day-3 transfer). */
      embryos: z
        .array(day3EmbryoSchema)
        .max(30)
        .refine((e) => uniqueIds(e.map((x) => x.embryoId)), refusal("listed-twice"))
        .optional(),
      storage: storageSchema.optional(),
      note: personText(1000).optional(),
    }),
  ),
  BlastocystsReported: defineEvent(
    1,
    "The day-5, 6 or 7 call: each blastocyst with its Gardner grade, whether it was biopsied, and whether it was frozen, kept or discarded.",
    z.strictObject({
      cohortId: uuidV7Schema,
      day: z.union([z.literal(5), z.literal(6), z.literal(7)]),
      reportedOn: isoDateSchema,
      /** Empty when none reached blastocyst that day. */
      blastocysts: z
        .array(blastocystSchema)
        .max(40)
        .refine((b) => uniqueIds(b.map((x) => x.embryoId)), refusal("listed-twice")),
      /** Where the frozen ones are kept. */
      storage: storageSchema.optional(),
      note: personText(1000).optional(),
    }),
  ),
  PgtResultRecorded: defineEvent(
    1,
    "Test results for biopsied embryos arrived (often weeks later): PGT-A (chromosome number) or PGT-M (one known condition).",
    z.strictObject({
      reportedOn: isoDateSchema,
      test: z.enum(pgtTests),
      results: z
        .array(pgtResultSchema)
        .min(1)
        .max(40)
        .refine((r) => uniqueIds(r.map((x) => x.embryoId)), refusal("listed-twice")),
      note: personText(1000).optional(),
    }),
  ),
  LabCountsCorrected: defineEvent(
    1,
    "A count in a lab report was corrected (a typo, or the clinic sent a corrected report).",
    changePayload(
      z.strictObject({
        cohortId: uuidV7Schema,
        date: isoDateSchema.optional(),
        clinic: optionalName.nullable().optional(),
        folliclesAtTrigger: nullableCount,
        eggs: optionalCount,
        survived: optionalCount,
        mature: nullableCount,
        method: z.enum(fertilizationMethods).nullable().optional(),
        fertilized: nullableCount,
        day3: nullableCount,
      }),
    ),
  ),
  RetrievalRetracted: defineEvent(
    1,
    "A retrieval or egg thaw entered by mistake was removed (it stays in the log).",
    z.strictObject({ cohortId: uuidV7Schema }),
  ),
  EmbryoCorrected: defineEvent(
    1,
    "An embryo's label, grade, day or biopsy was corrected.",
    changePayload(
      z.strictObject({
        embryoId: uuidV7Schema,
        label: z.string().trim().max(40).nullable().optional(),
        grade: z.string().max(40).optional(),
        day: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(7)]).optional(),
        biopsied: z.boolean().optional(),
      }),
    ),
  ),
  EmbryoRetracted: defineEvent(
    1,
    "An embryo entered by mistake was removed from the bank (it stays in the log and in its history).",
    z.strictObject({ embryoId: uuidV7Schema }),
  ),
};
