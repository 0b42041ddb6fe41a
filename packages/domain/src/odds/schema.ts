import { z } from "zod";
import { parseGardner } from "../clinical/gardner.ts";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { problemFromZod, refusal } from "../core/zod-problem.ts";
import type { BankEmbryo } from "./embryo.ts";

/**
 * Input schemas for the odds engine. Everything that reaches the model has
 * passed through here: ages 18-50, whole counts, known grades, days 5-7. A
 * refusal names the field the way a form would (`embryos[2].grade`).
 */

/**
 * The ages the odds engine answers for, at egg collection or transfer: where
 * its sources reach (docs/clinical-reference.md §3, §11: registry figures run
 * from 18 to 50). Outside them the engine says nothing rather than guess.
 */
export const ODDS_AGE_RANGE = { min: 18, max: 50 } as const;
const MIN_AGE = ODDS_AGE_RANGE.min;
const MAX_AGE = ODDS_AGE_RANGE.max;

/** Guard, not a clinical figure: more mature eggs than this in one freeze is a typo. */
export const FROZEN_EGGS_MAX = 200;

const age = () => z.number().min(MIN_AGE).max(MAX_AGE);

const count = (max: number) => z.number().int().min(0).max(max);

const seed = z.number().int().min(0).max(4_294_967_295).optional();

export const embryoSchema = z
  .strictObject({
    ageAtRetrieval: age(),
    pgt: z.enum(["euploid", "untested", "mosaic", "aneuploid"]),
    day: z.union([z.literal(5), z.literal(6), z.literal(7)]),
    grade: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.grade === undefined) return;
    const parsed = parseGardner(e.grade);
    if (!parsed.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["grade"],
        ...refusal("invalid-grade", parsed.error.params),
      });
    }
  });

export type EmbryoInput = z.input<typeof embryoSchema>;

const MAX_EMBRYOS = 500;

const embryoList = () => z.array(embryoSchema).max(MAX_EMBRYOS);

/** How a past transfer ended, as far as the person's own chance can learn from it. */
export const pastOutcomes = [
  "live-birth",
  "negative",
  "biochemical",
  "ectopic",
  "miscarriage",
  "stillbirth",
  "termination",
] as const;
export type PastOutcome = (typeof pastOutcomes)[number];

export const pastTransferSchema = z
  .strictObject({
    ageAtTransfer: age(),
    embryos: z.array(embryoSchema).min(1).max(5),
    outcome: z.enum(pastOutcomes),
  })
  .superRefine((t, ctx) => {
    t.embryos.forEach((e, i) => {
      if (e.ageAtRetrieval > t.ageAtTransfer)
        ctx.addIssue({
          code: "custom",
          path: ["embryos", i, "ageAtRetrieval"],
          ...refusal("age-order", { what: "eggs", age: e.ageAtRetrieval, now: t.ageAtTransfer }),
        });
    });
  });

export type PastTransferInput = z.input<typeof pastTransferSchema>;

const pastTransfers = z.array(pastTransferSchema).max(50).optional();

export const bankOddsSchema = z.strictObject({
  embryos: embryoList(),
  ageAtTransfer: age().optional(),
  pastTransfers,
  seed,
});

export const recordedRetrievalSchema = z
  .strictObject({
    age: age(),
    eggs: count(150),
    mature: count(150),
    fertilized: count(150),
    blastocysts: count(150),
    biopsied: count(150).optional(),
    euploid: count(150).optional(),
  })
  .superRefine((r, ctx) => {
    // The same params as the lab funnel's refusal (embryology/funnel.ts).
    const order = (field: string, value: number, than: string, limit: number) =>
      ctx.addIssue({
        code: "custom",
        path: [field],
        ...refusal("inconsistent-counts", { count: field, value, than, limit }),
      });
    if (r.mature > r.eggs) order("mature", r.mature, "retrieved", r.eggs);
    else if (r.fertilized > r.mature) order("fertilized", r.fertilized, "mature", r.mature);
    else if (r.blastocysts > r.fertilized)
      order("blastocysts", r.blastocysts, "fertilized", r.fertilized);
    else if (r.biopsied !== undefined && r.biopsied > r.blastocysts)
      order("biopsied", r.biopsied, "blastocysts", r.blastocysts);
    else if (r.euploid !== undefined && r.euploid > (r.biopsied ?? r.blastocysts))
      order("euploid", r.euploid, "biopsied", r.biopsied ?? r.blastocysts);
    if (r.biopsied !== undefined && r.euploid === undefined)
      ctx.addIssue({ code: "custom", path: ["euploid"], ...refusal("required") });
  });

export type RecordedRetrievalInput = z.input<typeof recordedRetrievalSchema>;

const amh = z.number().gt(0).max(50);

export const retrievalPlanSchema = z.strictObject({
  age: age(),
  amh: amh.optional(),
  retrievals: z.number().int().min(1).max(10),
  tested: z.boolean(),
  bank: embryoList(),
  history: z.array(recordedRetrievalSchema).max(30).optional(),
  frame: z.enum(["people-like-me", "if-i-keep-going"]).optional(),
  pastTransfers,
  seed,
});

export const eggFreezingSchema = z.strictObject({
  ageAtFreezing: age(),
  matureEggs: count(FROZEN_EGGS_MAX),
  ageAtTransfer: age().optional(),
  seed,
});

export const funnelInputSchema = z.strictObject({ age: age(), amh: amh.optional() });

/** Writes a path the way a form names a field: `embryos[2].grade`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out.length === 0 ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first issue of a failed parse, as a Problem naming the field the way a form would. */
export function toProblem(error: z.ZodError, prefix = "", input?: unknown): Problem {
  return problemFromZod(error.issues, { prefix, input, fieldName });
}

/** Parses with a schema, or returns the first Problem. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = "",
): Result<z.output<S>, Problem> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(toProblem(parsed.error, prefix, input));
}

/** A validated embryo, with its grade read. */
export function toBankEmbryo(e: z.output<typeof embryoSchema>): BankEmbryo {
  const grade = e.grade === undefined ? null : parseGardner(e.grade);
  return {
    ageAtRetrieval: e.ageAtRetrieval,
    pgt: e.pgt,
    day: e.day,
    grade: grade?.ok ? grade.value : null,
  };
}

/**
 * An embryo retrieved after the age given as "now" is a typing slip; say which.
 */
export function checkAgesNotAfter(
  embryos: readonly { ageAtRetrieval: number }[],
  now: number,
  nowField: string,
  listField: string,
): Problem | null {
  for (let i = 0; i < embryos.length; i++) {
    const a = embryos[i]!.ageAtRetrieval;
    if (a > now) {
      return problem("age-order", nowField, {
        what: "embryo",
        age: a,
        now,
        list: listField,
        index: i,
      });
    }
  }
  return null;
}
