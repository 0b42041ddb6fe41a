/**
 * Reading what the embryology forms ask for, the same way on every form:
 * counts of eggs and embryos, a date that has already happened, and where
 * something is stored. Pure; what is wrong comes back as the words to show
 * beside the field (for `form.fail`).
 */
import { type Found, parseCount } from "../../components/forms/index.ts";
import type { I18n } from "../../i18n/i18n.tsx";

type T = I18n["t"];

/** A count input as typed, and whether the form needs it. */
export interface CountInput {
  readonly text: string;
  readonly required: boolean;
}

/**
 * One count as typed: its `value`, or the `error` to show beside it ("This
 * is needed.", "Use a whole number"). An optional count left empty has
 * neither.
 */
function readCount(t: T, { text, required }: CountInput): { value?: number; error?: string } {
  const n = parseCount(text);
  if (n === null) return required ? { error: t("form.required") } : {};
  if (Number.isNaN(n)) return { error: t("embryos.form.notACount") };
  return { value: n };
}

/** Several counts at once: the numbers read, and what to show beside the others. */
export function readCounts<F extends string>(
  t: T,
  inputs: Readonly<Partial<Record<F, CountInput>>>,
): { values: Partial<Record<F, number>>; found: Found<F> } {
  const values: Partial<Record<F, number>> = {};
  const found: Found<F> = {};
  for (const [name, input] of Object.entries(inputs) as [F, CountInput | undefined][]) {
    if (!input) continue;
    const { value, error } = readCount(t, input);
    if (value !== undefined) values[name] = value;
    if (error) found[name] = error;
  }
  return { values, found };
}

/** What is wrong with the date of something that has happened (a retrieval, eggs frozen): empty, or after `today`. */
export function pastDateError(t: T, date: string, today: string): string | undefined {
  if (!date) return t("form.required");
  return date > today ? t("form.dateInFuture") : undefined;
}

/** Where something is stored, as the domain takes it: only the parts given, trimmed; undefined when neither is. */
export function storageOf(
  clinic: string,
  location: string,
): { clinic?: string; location?: string } | undefined {
  const storage = {
    ...(clinic.trim() && { clinic: clinic.trim() }),
    ...(location.trim() && { location: location.trim() }),
  };
  return Object.keys(storage).length > 0 ? storage : undefined;
}
