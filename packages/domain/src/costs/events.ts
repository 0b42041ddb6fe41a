import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { type Problem, problem } from "../core/result.ts";
import { personText } from "../core/text.ts";
import { isoDateSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import { currencyDigits, fitsCurrency, isCurrencyCode, toMinor } from "./currency.ts";

/** What a cost was for, in the order the form offers them. */
export const costCategories = [
  "medication",
  "monitoring",
  "retrieval",
  "lab-embryology",
  "pgt",
  "freezing-storage",
  "transfer",
  "donor-carrier",
  "legal",
  "travel",
  "other",
] as const;
export type CostCategory = (typeof costCategories)[number];

/** Who paid part of a cost, or paid it back. */
export const coverageKinds = ["insurer", "employer", "grant", "refund"] as const;
export type CoverageKind = (typeof coverageKinds)[number];

export const costStatuses = ["paid", "due"] as const;

/** At most this many coverage lines on one cost. */
export const COVERAGE_MAX = 12;
/** The largest amount one cost may be (in any currency's major units). */
export const COST_MAX = 100_000_000;

const description = personText(120);
const paidBy = personText(60);
const source = personText(80);
const note = personText(500);

const currencySchema = z
  .string()
  .refine((code) => isCurrencyCode(code), refusal("unknown-currency"));

const moneySchema = z.strictObject({
  value: z.number().min(0).max(COST_MAX),
  currency: currencySchema,
});

const coverageSchema = z.strictObject({
  kind: z.enum(coverageKinds),
  source: source.optional(),
  /** In the cost's currency. */
  value: z.number().positive().max(COST_MAX),
  received: z.boolean(),
});

/** A receipt photo or PDF, sealed: where the bytes are and the key that opens them. */
export const receiptSchema = z.strictObject({
  attachmentId: uuidV7Schema,
  key: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  mediaType: z.string().regex(/^(image\/(jpeg|png|webp|heic|heif|avif)|application\/pdf)$/),
  bytes: z
    .number()
    .int()
    .min(1)
    .max(25 * 1024 * 1024),
});

const remindDaysBefore = z.number().int().min(0).max(120);

/** The fields of a cost that depend on each other, as a change leaves them. */
export interface CostShape {
  readonly amount: { readonly value: number; readonly currency: string };
  readonly status: "paid" | "due";
  readonly dueOn?: string | null | undefined;
  readonly paidOn?: string | null | undefined;
  readonly coverage: readonly { readonly value: number }[];
}

/**
 * What is wrong with a cost as a whole, or null: an amount or a coverage with
 * more decimals than its currency has (`too-many-decimals`), coverage adding
 * up to more than the amount, a due cost without its due date, or a due cost
 * with a paid date. The path is relative to the payload (`amount.value`).
 */
export function costShapeProblem(cost: CostShape): Problem | null {
  const { currency, value } = cost.amount;
  if (!isCurrencyCode(currency)) return problem("unknown-currency", "amount.currency");
  const digits = { digits: currencyDigits(currency), currency };
  if (!fitsCurrency(value, currency)) return problem("too-many-decimals", "amount.value", digits);
  for (const [i, c] of cost.coverage.entries()) {
    if (!fitsCurrency(c.value, currency)) {
      return problem("too-many-decimals", `coverage.${i}.value`, digits);
    }
  }
  const covered = cost.coverage.reduce((sum, c) => sum + toMinor(c.value, currency), 0);
  if (covered > toMinor(value, currency)) {
    return problem("coverage-exceeds-amount", "coverage", {
      currency,
      covered: covered / 10 ** digits.digits,
      amount: value,
    });
  }
  if (cost.status === "due" && !cost.dueOn) return problem("due-needs-date", "dueOn");
  if (cost.status === "due" && cost.paidOn) return problem("due-with-paid-date", "paidOn");
  return null;
}

const costFields = z.strictObject({
  costId: uuidV7Schema,
  description,
  category: z.enum(costCategories),
  amount: moneySchema,
  incurredOn: isoDateSchema,
  cycleId: uuidV7Schema.optional(),
  paidBy: paidBy.optional(),
  status: z.enum(costStatuses),
  paidOn: isoDateSchema.optional(),
  /** Needed when the cost is due. */
  dueOn: isoDateSchema.optional(),
  /** Remind this many days before `dueOn` (on Today, in the calendar, by push). */
  remindDaysBefore: remindDaysBefore.optional(),
  coverage: z.array(coverageSchema).max(COVERAGE_MAX),
  receipt: receiptSchema.optional(),
  note: note.optional(),
});

export const costsEvents = {
  CostRecorded: defineEvent(
    1,
    "The person recorded a cost of treatment: what it was for, how much and in which currency, paid or still due, and what an insurer, employer, grant or refund covered.",
    costFields.superRefine((p, ctx) => {
      const found = costShapeProblem(p);
      if (found) {
        ctx.addIssue({
          code: "custom",
          path: found.field.split("."),
          ...refusal(found.reason, found.params),
        });
      }
    }),
  ),
  CostChanged: defineEvent(
    1,
    "A cost changed (only the fields given; null clears an optional one): a corrected amount, coverage that came in, a receipt added.",
    changePayload(
      z.strictObject({
        costId: uuidV7Schema,
        description: description.optional(),
        category: z.enum(costCategories).optional(),
        amount: moneySchema.optional(),
        incurredOn: isoDateSchema.optional(),
        cycleId: uuidV7Schema.nullable().optional(),
        paidBy: paidBy.nullable().optional(),
        status: z.enum(costStatuses).optional(),
        paidOn: isoDateSchema.nullable().optional(),
        dueOn: isoDateSchema.nullable().optional(),
        remindDaysBefore: remindDaysBefore.nullable().optional(),
        coverage: z.array(coverageSchema).max(COVERAGE_MAX).optional(),
        receipt: receiptSchema.nullable().optional(),
        note: note.nullable().optional(),
      }),
    ),
  ),
  CostPaid: defineEvent(
    1,
    "A cost that was due has been paid.",
    z.strictObject({ costId: uuidV7Schema, paidOn: isoDateSchema }),
  ),
  CostRemoved: defineEvent(
    1,
    "A cost was taken off the person's list (it stays in the log).",
    z.strictObject({ costId: uuidV7Schema }),
  ),
};

/**
 * The names of the cost events, for the sync layer: a viewer gets them only
 * when the owner chose to share costs.
 */
export const costEventTypes = [
  "CostRecorded",
  "CostChanged",
  "CostPaid",
  "CostRemoved",
] as const satisfies readonly (keyof typeof costsEvents)[];
export type CostEventType = (typeof costEventTypes)[number];
