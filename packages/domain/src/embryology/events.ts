import { z } from "zod";
import { parseGardner } from "../clinical/gardner.ts";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { defineEvent } from "../events/define.ts";

/**
 * The embryology lab's words, as clinics use them:
 *
 * - **Retrieval** (egg collection): eggs are collected from the follicles
 *   about 36 hours after the trigger. The eggs of one retrieval, or the frozen
 *   eggs thawed on one day, go through the lab together: a **cohort**
 *   (`cohortId` is a `retrievalId` or a `thawId`).
 * - **MII** (metaphase II): a mature egg, the only kind that can be fertilized.
 * - **ICSI**: one sperm injected into each mature egg. **Conventional IVF**:
 *   eggs and sperm are left together in a dish (maturity is then often not
 *   known).
 * - **2PN** (two pronuclei): an egg that fertilized normally, seen on day 1.
 * - **Day 3**: embryos still developing (cleavage stage, 6-8 cells).
 * - **Blastocyst**: an embryo of day 5, 6 or 7 with a fluid cavity, graded in
 *   the Gardner system (e.g. `4AA`, see `clinical/gardner.ts`).
 * - **Biopsy**: a few cells taken from the outer layer for testing.
 * - **PGT-A**: a test of the number of chromosomes. **Euploid**: the expected
 *   number of chromosomes on the test; **aneuploid**: too many or too few;
 *   **mosaic**: a mix of cells with and without the expected number (labs
 *   report a low or high level). **PGT-M**: a test for one known genetic
 *   condition.
 * - **Vitrified**: frozen by the fast method used for eggs and embryos.
 */

/** Guard, not a clinical fact: more than this many eggs or embryos is a typo. */
const MAX_COUNT = 100;

export const countSchema = z.number().int().min(0).max(MAX_COUNT);

/** Where frozen eggs or embryos are kept. */
export const storageSchema = z.strictObject({
  clinic: optionalName.optional(),
  /** Tank, canister, straw: whatever the clinic tells the person. */
  location: z.string().trim().max(120).optional(),
});

export const embryoStatuses = [
  "in-culture",
  "frozen",
  "transferred",
  "discarded",
  "donated",
  "shipped",
  "carrier",
] as const;
/**
 * Where an embryo is now. `in-culture`: growing in the lab, or thawed and
 * waiting for a transfer. `carrier`: transferred to a gestational carrier.
 * `shipped`: sent to another clinic and no longer kept in this bank. Every
 * change comes from an event, kept in the embryo's history.
 */
export type EmbryoStatus = (typeof embryoStatuses)[number];

/** Why an embryo was discarded, when the person wants to say. */
export const discardReasons = [
  "did-not-survive-thaw",
  "stopped-developing",
  "test-result",
  "chosen",
  "other",
] as const;
export type DiscardReason = (typeof discardReasons)[number];

export const fertilizationMethods = ["icsi", "conventional"] as const;
export type FertilizationMethod = (typeof fertilizationMethods)[number];

export const pgtTests = ["PGT-A", "PGT-M"] as const;
export type PgtTest = (typeof pgtTests)[number];

export const pgtAResults = ["euploid", "aneuploid", "mosaic", "no-result"] as const;
export const pgtMResults = ["unaffected", "carrier", "affected", "no-result"] as const;
export type PgtAResult = (typeof pgtAResults)[number];
export type PgtMResult = (typeof pgtMResults)[number];
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

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

const embryoIdList = z
  .array(uuidV7Schema)
  .min(1)
  .max(30)
  .refine(uniqueIds, refusal("listed-twice"));

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

export const embryologyEvents = {
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
    z
      .strictObject({
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
      })
      .refine((p) => Object.keys(p).length > 1, refusal("nothing-to-change")),
  ),
  RetrievalRetracted: defineEvent(
    1,
    "A retrieval or egg thaw entered by mistake was removed (it stays in the log).",
    z.strictObject({ cohortId: uuidV7Schema }),
  ),
  EmbryoCorrected: defineEvent(
    1,
    "An embryo's label, grade, day or biopsy was corrected.",
    z
      .strictObject({
        embryoId: uuidV7Schema,
        label: z.string().trim().max(40).nullable().optional(),
        grade: z.string().max(40).optional(),
        day: z.union([z.literal(3), z.literal(5), z.literal(6), z.literal(7)]).optional(),
        biopsied: z.boolean().optional(),
      })
      .refine((p) => Object.keys(p).length > 1, refusal("nothing-to-change")),
  ),
  EmbryoRetracted: defineEvent(
    1,
    "An embryo entered by mistake was removed from the bank (it stays in the log and in its history).",
    z.strictObject({ embryoId: uuidV7Schema }),
  ),
  EmbryosFrozen: defineEvent(
    1,
    "Embryos that were in culture (or thawed and not transferred) were frozen.",
    z.strictObject({
      embryoIds: embryoIdList,
      frozenOn: isoDateSchema,
      storage: storageSchema.optional(),
    }),
  ),
  EmbryoThawed: defineEvent(
    1,
    "A frozen embryo was thawed (warmed), and whether it survived.",
    z.strictObject({
      embryoId: uuidV7Schema,
      thawedOn: isoDateSchema,
      survived: z.boolean(),
    }),
  ),
  EmbryosMoved: defineEvent(
    1,
    "Frozen embryos moved to another clinic or tank, and stay in the bank.",
    z.strictObject({
      embryoIds: embryoIdList,
      movedOn: isoDateSchema,
      storage: storageSchema,
    }),
  ),
  EmbryoDisposed: defineEvent(
    1,
    "Embryos left the bank: discarded, donated (to research or another family) or shipped away, with why if the person wants to say.",
    z
      .strictObject({
        embryoIds: embryoIdList,
        on: isoDateSchema,
        fate: z.enum(["discarded", "donated", "shipped"]),
        reason: z.enum(discardReasons).optional(),
        /** Research, another family, the clinic it was shipped to. */
        to: z.string().trim().max(120).optional(),
        note: personText(1000).optional(),
      })
      .refine((p) => p.fate === "discarded" || p.reason === undefined, {
        ...refusal("reason-only-if-discarded"),
        path: ["reason"],
      }),
  ),
  OocytesVitrified: defineEvent(
    1,
    "Mature eggs were frozen (vitrified), from a retrieval in Trellis or from before.",
    z.strictObject({
      batchId: uuidV7Schema,
      /** The retrieval they came from, when it is in Trellis. */
      retrievalId: uuidV7Schema.optional(),
      frozenOn: isoDateSchema,
      count: countSchema.min(1),
      storage: storageSchema.optional(),
      note: personText(1000).optional(),
    }),
  ),
  OocytesThawed: defineEvent(
    1,
    "Frozen eggs were thawed for fertilization, and how many survived; they then go through the lab like a retrieval.",
    z.strictObject({
      thawId: uuidV7Schema,
      batches: z
        .array(z.strictObject({ batchId: uuidV7Schema, count: countSchema.min(1) }))
        .min(1)
        .max(20)
        .refine((b) => uniqueIds(b.map((x) => x.batchId)), refusal("listed-twice")),
      thawedOn: isoDateSchema,
      survived: countSchema,
      clinic: optionalName.optional(),
      note: personText(1000).optional(),
    }),
  ),
  StorageFeeScheduled: defineEvent(
    1,
    "A storage fee for frozen embryos or eggs: how much, when it is due, and whether it renews every year.",
    z.strictObject({
      feeId: uuidV7Schema,
      clinic: personText(80),
      covers: z.enum(["embryos", "eggs", "embryos-and-eggs"]),
      amount: z.strictObject({
        value: z.number().min(0).max(1_000_000),
        currency: z.string().regex(/^[A-Z]{3}$/),
      }),
      dueOn: isoDateSchema,
      renewsYearly: z.boolean(),
      /** Show it on Today this many days before it is due. */
      remindDaysBefore: z.number().int().min(0).max(120).optional(),
    }),
  ),
  StorageFeeChanged: defineEvent(
    1,
    "A storage fee changed: amount, next due date, renewal, reminder or clinic.",
    z
      .strictObject({
        feeId: uuidV7Schema,
        clinic: personText(80).optional(),
        amount: z
          .strictObject({
            value: z.number().min(0).max(1_000_000),
            currency: z.string().regex(/^[A-Z]{3}$/),
          })
          .optional(),
        nextDueOn: isoDateSchema.optional(),
        renewsYearly: z.boolean().optional(),
        remindDaysBefore: z.number().int().min(0).max(120).optional(),
      })
      .refine((p) => Object.keys(p).length > 1, refusal("nothing-to-change")),
  ),
  StorageFeePaid: defineEvent(
    1,
    "A storage fee was paid; a yearly fee is then next due a year later.",
    z.strictObject({
      feeId: uuidV7Schema,
      /** The due date this payment covers. */
      dueOn: isoDateSchema,
      paidOn: isoDateSchema,
    }),
  ),
  StorageFeeEnded: defineEvent(
    1,
    "Nothing is stored under this fee any more (moved, used, or ended).",
    z.strictObject({ feeId: uuidV7Schema, endedOn: isoDateSchema }),
  ),
};
