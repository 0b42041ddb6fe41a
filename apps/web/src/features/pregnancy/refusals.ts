/**
 * A refused beta or outcome, next to the field it is about. The domain says
 * why with a reason and the dates it needs (`beta-before-transfer`, `date`);
 * the words are the refusal catalogue's (`refusalText`).
 */
import type { Problem } from "@trellis/domain";
import type { I18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";

export interface Refusal<F extends string> {
  readonly field: F | "form";
  readonly text: string;
}

/** Words for a refused `BetaRecorded`, beside the date, the value or the form. */
export function betaRefusal(i18n: I18n, p: Problem<string>): Refusal<"drawnOn" | "value"> {
  const f = fieldOf(p);
  return { field: f === "value" || f === "drawnOn" ? f : "form", text: refusalText(i18n, p) };
}

/** Words for a refused `OutcomeRecorded`, beside the date, the weeks, the days or the form. */
export function outcomeRefusal(
  i18n: I18n,
  p: Problem<string>,
): Refusal<"on" | "weeks" | "days" | "babies"> {
  const f = fieldOf(p);
  const field = f.startsWith("gestationalAge.days")
    ? "days"
    : f.startsWith("gestationalAge")
      ? "weeks"
      : f === "on" || f === "babies"
        ? f
        : "form";
  return { field, text: refusalText(i18n, p) };
}
