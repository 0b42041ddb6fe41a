import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import { countSchema, discardReasons, storageSchema, uniqueIds } from "./terms.ts";

/**
 * The bank and storage events: embryos frozen, thawed, moved or leaving the
 * bank, eggs frozen and thawed, and the storage fees for what is kept.
 */

const embryoIdList = z
  .array(uuidV7Schema)
  .min(1)
  .max(30)
  .refine(uniqueIds, refusal("listed-twice"));

/** A storage fee's currency, as ISO 4217 writes it. */
const currencySchema = z.string().regex(/^[A-Z]{3}$/);

export const bankEvents = {
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
        currency: currencySchema,
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
    changePayload(
      z.strictObject({
        feeId: uuidV7Schema,
        clinic: personText(80).optional(),
        amount: z
          .strictObject({
            value: z.number().min(0).max(1_000_000),
            currency: currencySchema,
          })
          .optional(),
        nextDueOn: isoDateSchema.optional(),
        renewsYearly: z.boolean().optional(),
        remindDaysBefore: z.number().int().min(0).max(120).optional(),
      }),
    ),
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
