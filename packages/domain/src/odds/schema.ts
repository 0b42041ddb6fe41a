import { z } from "zod";
import { parseGardner } from "../clinical/gardner.ts";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
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

const age = (label: string) =>
  z
    .number({ error: `${label} must be a number of years` })
    .min(MIN_AGE, { error: `${label} must be between ${MIN_AGE} and ${MAX_AGE}` })
    .max(MAX_AGE, { error: `${label} must be between ${MIN_AGE} and ${MAX_AGE}` });

const count = (label: string, max: number) =>
  z
    .number({ error: `${label} must be a whole number` })
    .int({ error: `${label} must be a whole number` })
    .min(0, { error: `${label} cannot be negative` })
    .max(max, { error: `${label} must be at most ${max}` });

const seed = z
  .number({ error: "the seed must be a whole number" })
  .int({ error: "the seed must be a whole number" })
  .min(0, { error: "the seed must be between 0 and 4294967295" })
  .max(4_294_967_295, { error: "the seed must be between 0 and 4294967295" })
  .optional();

export const embryoSchema = z
  .strictObject({
    ageAtRetrieval: age("The age at egg retrieval"),
    pgt: z.enum(["euploid", "untested", "mosaic", "aneuploid"], {
      error: 'The test result must be "euploid", "untested", "mosaic" or "aneuploid"',
    }),
    day: z.union([z.literal(5), z.literal(6), z.literal(7)], {
      error: "The day must be 5, 6 or 7 (the day the blastocyst was frozen or biopsied)",
    }),
    grade: z.string({ error: "The grade must be text such as 4AA" }).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.grade === undefined) return;
    const parsed = parseGardner(e.grade);
    if (!parsed.ok) {
      ctx.addIssue({
        code: "custom",
        path: ["grade"],
        message: parsed.error.message,
        params: { reason: "invalid-grade" },
      });
    }
  });

export type EmbryoInput = z.input<typeof embryoSchema>;

const MAX_EMBRYOS = 500;

const embryoList = (label: string) =>
  z
    .array(embryoSchema, { error: `${label} must be a list of embryos` })
    .max(MAX_EMBRYOS, { error: `${label} can hold at most ${MAX_EMBRYOS} embryos` });

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
    ageAtTransfer: age("The age at that transfer"),
    embryos: z
      .array(embryoSchema, { error: "The embryos transferred must be a list" })
      .min(1, { error: "A transfer has at least one embryo" })
      .max(5, { error: "A transfer can hold at most 5 embryos" }),
    outcome: z.enum(pastOutcomes, {
      error: `The outcome must be one of ${pastOutcomes.join(", ")} (a transfer still waiting for news is left out)`,
    }),
  })
  .superRefine((t, ctx) => {
    t.embryos.forEach((e, i) => {
      if (e.ageAtRetrieval > t.ageAtTransfer)
        ctx.addIssue({
          code: "custom",
          path: ["embryos", i, "ageAtRetrieval"],
          message: `The eggs cannot be collected (at ${e.ageAtRetrieval}) after the transfer (at ${t.ageAtTransfer})`,
          params: { reason: "age-order" },
        });
    });
  });

export type PastTransferInput = z.input<typeof pastTransferSchema>;

const pastTransfers = z
  .array(pastTransferSchema, { error: "Past transfers must be a list" })
  .max(50, { error: "At most 50 past transfers" })
  .optional();

export const bankOddsSchema = z.strictObject({
  embryos: embryoList("The bank"),
  ageAtTransfer: age("The age at transfer").optional(),
  pastTransfers,
  seed,
});

export const recordedRetrievalSchema = z
  .strictObject({
    age: age("The age at that retrieval"),
    eggs: count("The number of eggs retrieved", 150),
    mature: count("The number of mature eggs", 150),
    fertilized: count("The number of fertilized (2PN) eggs", 150),
    blastocysts: count("The number of blastocysts", 150),
    biopsied: count("The number of blastocysts tested", 150).optional(),
    euploid: count("The number of euploid blastocysts", 150).optional(),
  })
  .superRefine((r, ctx) => {
    const order = (field: string, message: string) =>
      ctx.addIssue({
        code: "custom",
        path: [field],
        message,
        params: { reason: "inconsistent-counts" },
      });
    if (r.mature > r.eggs)
      order("mature", `${r.mature} mature eggs is more than the ${r.eggs} retrieved`);
    else if (r.fertilized > r.mature)
      order(
        "fertilized",
        `${r.fertilized} fertilized eggs is more than the ${r.mature} mature ones`,
      );
    else if (r.blastocysts > r.fertilized)
      order(
        "blastocysts",
        `${r.blastocysts} blastocysts is more than the ${r.fertilized} fertilized eggs`,
      );
    else if (r.biopsied !== undefined && r.biopsied > r.blastocysts)
      order("biopsied", `${r.biopsied} tested is more than the ${r.blastocysts} blastocysts`);
    else if (r.euploid !== undefined && r.euploid > (r.biopsied ?? r.blastocysts))
      order(
        "euploid",
        `${r.euploid} euploid is more than the ${r.biopsied ?? r.blastocysts} blastocysts tested`,
      );
    if (r.biopsied !== undefined && r.euploid === undefined)
      order("euploid", "give the number of euploid blastocysts when some were tested");
  });

export type RecordedRetrievalInput = z.input<typeof recordedRetrievalSchema>;

const amh = z
  .number({ error: "AMH must be a number in ng/mL" })
  .gt(0, { error: "AMH must be above 0 ng/mL" })
  .max(50, {
    error: "AMH must be in ng/mL (at most 50); a result in pmol/L divided by 7.14 gives ng/mL",
  });

export const retrievalPlanSchema = z.strictObject({
  age: age("The age"),
  amh: amh.optional(),
  retrievals: z
    .number({ error: "The number of retrievals must be a whole number from 1 to 10" })
    .int({ error: "The number of retrievals must be a whole number from 1 to 10" })
    .min(1, { error: "The number of retrievals must be a whole number from 1 to 10" })
    .max(10, { error: "The number of retrievals must be a whole number from 1 to 10" }),
  tested: z.boolean({ error: "Say whether embryos will be tested (true or false)" }),
  bank: embryoList("The bank"),
  history: z
    .array(recordedRetrievalSchema, { error: "The history must be a list of retrievals" })
    .max(30, { error: "The history can hold at most 30 retrievals" })
    .optional(),
  frame: z
    .enum(["people-like-me", "if-i-keep-going"], {
      error: 'The frame must be "people-like-me" or "if-i-keep-going"',
    })
    .optional(),
  pastTransfers,
  seed,
});

export const eggFreezingSchema = z.strictObject({
  ageAtFreezing: age("The age at egg freezing"),
  matureEggs: count("The number of mature eggs frozen", FROZEN_EGGS_MAX),
  ageAtTransfer: age("The age at transfer").optional(),
  seed,
});

export const funnelInputSchema = z.strictObject({ age: age("The age"), amh: amh.optional() });

/** Writes a path the way a form names a field: `embryos[2].grade`. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out.length === 0 ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The first issue of a failed parse, as a Problem naming the field. */
export function toProblem(error: z.ZodError, prefix = ""): Problem {
  const issue = error.issues[0];
  if (!issue) return problem("invalid-field", prefix || "input", "is not valid");
  const join = (field: string) =>
    prefix && field
      ? field.startsWith("[")
        ? `${prefix}${field}`
        : `${prefix}.${field}`
      : prefix || field;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const field = join(fieldName([...issue.path, key]));
    return problem("unknown-field", field, `"${key}" is not something the odds engine reads`);
  }
  const field = join(fieldName(issue.path)) || "input";
  const reason =
    issue.code === "custom" && typeof issue.params?.reason === "string"
      ? issue.params.reason
      : "invalid-field";
  const message =
    issue.path.length === 0 && issue.code === "invalid_type"
      ? "the input must be an object"
      : issue.message;
  return problem(reason, field, message);
}

/** Parses with a schema, or returns the first Problem. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = "",
): Result<z.output<S>, Problem> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(toProblem(parsed.error, prefix));
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
      return problem(
        "age-order",
        nowField,
        `${nowField === "age" ? "The age" : "The age at transfer"} (${now}) is younger than the age at retrieval of ${listField}[${i}] (${a})`,
      );
    }
  }
  return null;
}
