import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { personText } from "../core/text.ts";
import { isoDateSchema, zonedDateTimeSchema } from "../core/time.ts";
import { defineEvent } from "../events/define.ts";
import { doseUnits } from "../medication/catalogue.ts";

export const packageKinds = [
  "pen",
  "vial",
  "prefilled-syringe",
  "ampoule",
  "box",
  "blister",
  "tube",
  "other",
] as const;

export const inventoryEvents = {
  SupplyAdded: defineEvent(
    1,
    "Medicine came in from the pharmacy: how much in all, in how many pens or vials, and until when it keeps.",
    z.strictObject({
      supplyId: uuidV7Schema,
      medication: z.strictObject({
        catalogueId: z.string().max(64).optional(),
        name: personText(120),
      }),
      /** Total amount in the supply, in the unit doses are given in (e.g. 900 IU in a 900 IU pen). */
      quantity: z.number().positive().max(1_000_000),
      unit: z.enum(doseUnits),
      packages: z.strictObject({
        count: z.number().int().min(1).max(500),
        kind: z.enum(packageKinds),
      }),
      expiry: isoDateSchema.optional(),
      addedOn: isoDateSchema,
      note: personText(500).optional(),
    }),
  ),
  SupplyCounted: defineEvent(
    1,
    "The person counted what is left; doses after this count draw from the counted amount.",
    z.strictObject({
      supplyId: uuidV7Schema,
      remaining: z.number().min(0).max(1_000_000),
      countedAt: zonedDateTimeSchema,
    }),
  ),
  SupplyRemoved: defineEvent(
    1,
    "A supply was used up, expired, thrown away, or entered by mistake.",
    z.strictObject({
      supplyId: uuidV7Schema,
      reason: z.enum(["used-up", "expired", "discarded", "mistake"]),
    }),
  ),
};
