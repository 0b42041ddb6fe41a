import type { z } from "zod";
import { isRefusalReason, type RefusalReason } from "../refusals.ts";
import { type Problem, type ProblemParams, problem } from "./result.ts";

/**
 * Turns zod's issues into a `Problem` with one of the common reasons
 * (`core/refusals.ts`) and the params its words need. zod's own message
 * ("Too big: expected number to be <=45") goes into `detail` only: it is for
 * developers, never for the screen.
 */

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Options for a zod refinement that refuses with one of our reasons:
 * `.refine(check, refusal("nothing-to-change"))`, or spread into
 * `ctx.addIssue({ code: "custom", path, ...refusal("age-order", { age }) })`.
 */
export function refusal(
  reason: RefusalReason,
  params?: ProblemParams,
): { readonly params: ProblemParams } {
  return { params: { reason, ...params } };
}

export interface FromZodOptions {
  /** Put in front of the issue's path (`payload`). */
  readonly prefix?: string;
  /** What was parsed, to tell a missing value (`required`) from a wrong one. */
  readonly input?: unknown;
  /** How to write a path (default: dotted, `payload.dose.value`). */
  readonly fieldName?: (path: Path) => string;
}

const dotted = (path: Path) => path.map(String).join(".");

function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function joinField(prefix: string, field: string): string {
  if (!prefix) return field;
  if (!field) return prefix;
  return field.startsWith("[") ? `${prefix}${field}` : `${prefix}.${field}`;
}

/** The params of a custom issue, without its reason, kept only if they are plain values. */
function plainParams(params: Record<string, unknown> | undefined): ProblemParams | undefined {
  if (!params) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "reason") continue;
    if (typeof v === "string" || typeof v === "number") out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const list = (values: readonly unknown[]) => values.map(String).join(", ");

interface Mapped {
  readonly reason: RefusalReason;
  readonly path: Path;
  readonly params?: ProblemParams;
  readonly detail: string;
}

/**
 * The branch of a failed union that got furthest: its first issue with the
 * longest path, and of those one whose branch at least took the value's type
 * (so "sad" for a mood of a number or a word is refused as a word).
 */
function furthest(branches: readonly (readonly Issue[])[]): Issue | null {
  const score = (i: Issue) => i.path.length * 2 + (i.code === "invalid_type" ? 0 : 1);
  let best: Issue | null = null;
  for (const issues of branches) {
    const first = issues[0];
    if (first && (!best || score(first) > score(best))) best = first;
  }
  return best;
}

function mapIssue(issue: Issue, path: Path, input: unknown): Mapped {
  const detail = issue.message;
  const at = [...path, ...issue.path];
  const value = valueAt(input, at);
  switch (issue.code) {
    case "custom": {
      const given = issue.params?.reason;
      const reason = typeof given === "string" && isRefusalReason(given) ? given : "invalid-field";
      const params = plainParams(issue.params);
      return { reason, path: at, ...(params && { params }), detail };
    }
    case "invalid_type": {
      if (value === undefined) return { reason: "required", path: at, detail };
      if (issue.expected === "int" && typeof value === "number" && Number.isFinite(value)) {
        return { reason: "not-whole", path: at, detail };
      }
      if (issue.expected === "number" || issue.expected === "int") {
        return { reason: "not-a-number", path: at, detail };
      }
      return { reason: "wrong-kind", path: at, params: { expected: issue.expected }, detail };
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string")
        return { reason: "too-short", path: at, params: { min }, detail };
      if (issue.origin === "array" || issue.origin === "set") {
        return { reason: "too-few", path: at, params: { min }, detail };
      }
      const bound = issue.inclusive === false ? "above" : "at-least";
      return { reason: "too-small", path: at, params: { min, bound }, detail };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string")
        return { reason: "too-long", path: at, params: { max }, detail };
      if (issue.origin === "array" || issue.origin === "set") {
        return { reason: "too-many", path: at, params: { max }, detail };
      }
      const bound = issue.inclusive === false ? "below" : "at-most";
      return { reason: "too-big", path: at, params: { max, bound }, detail };
    }
    case "invalid_value":
      return { reason: "not-one-of", path: at, params: { allowed: list(issue.values) }, detail };
    case "invalid_union": {
      if ("options" in issue && Array.isArray(issue.options)) {
        return { reason: "not-one-of", path: at, params: { allowed: list(issue.options) }, detail };
      }
      const literals = issue.errors.every(
        (e) => e.length === 1 && e[0]!.code === "invalid_value" && e[0]!.path.length === 0,
      );
      if (literals && issue.errors.length > 0) {
        const values = issue.errors.flatMap((e) => (e[0] as z.core.$ZodIssueInvalidValue).values);
        if (value === undefined) return { reason: "required", path: at, detail };
        return { reason: "not-one-of", path: at, params: { allowed: list(values) }, detail };
      }
      if (value === undefined) return { reason: "required", path: at, detail };
      const best = furthest(issue.errors);
      return best ? mapIssue(best, at, input) : { reason: "invalid-field", path: at, detail };
    }
    case "invalid_format": {
      const reason =
        issue.format === "date"
          ? "invalid-date"
          : issue.format === "time" || issue.format === "datetime"
            ? "invalid-time"
            : "invalid-format";
      return { reason, path: at, detail };
    }
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      return { reason: "unknown-field", path: [...at, key], params: { key }, detail };
    }
    default:
      return { reason: "invalid-field", path: at, detail };
  }
}

/** The first of zod's issues as a `Problem` naming the field; `invalid-field` when there is none. */
export function problemFromZod(issues: readonly Issue[], options: FromZodOptions = {}): Problem {
  const { prefix = "", input, fieldName = dotted } = options;
  const issue = issues[0];
  if (!issue) return problem("invalid-field", prefix || "input");
  const mapped = mapIssue(issue, [], input);
  const field = joinField(prefix, fieldName(mapped.path)) || "input";
  return problem(mapped.reason, field, mapped.params, mapped.detail);
}
