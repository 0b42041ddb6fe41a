/**
 * The "what if?" inputs of the odds (an age, a count of eggs, an AMH): typed
 * over to try another situation, checked as they are typed, never recorded.
 * The plan and the egg-freezing calculator share them.
 */
import { ODDS_AGE_RANGE, type Problem } from "@trellis/domain";
import { FormError, TextField } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { cannotWorkOut } from "./words.ts";

/** A number as people type it: a comma works as a decimal point; null for anything else. */
export function parseNumber(text: string): number | null {
  const clean = text.trim().replace(",", ".");
  if (clean === "" || !/^\d+(\.\d+)?$/.test(clean)) return null;
  return Number(clean);
}

/** A whole number in `min`..`max` as typed, or null. */
export function wholeIn(text: string, { min, max }: { min: number; max: number }): number | null {
  const n = parseNumber(text);
  return n !== null && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** The age typed, when the odds can use it (whole years in `ODDS_AGE_RANGE`), or null. */
export const ageFrom = (text: string) => wholeIn(text, ODDS_AGE_RANGE);

/**
 * A number typed over to try another situation, with what is wrong with it
 * said at once (`wrong` when it cannot be used). An empty field says nothing
 * unless `needed`: a question that waits for it is simply not asked yet.
 */
export function WhatIfField({
  id,
  label,
  hint,
  value,
  onChange,
  usable,
  wrong,
  needed = false,
  decimal = false,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  usable: boolean;
  wrong: string;
  needed?: boolean;
  decimal?: boolean;
}) {
  const quiet = usable || (!needed && value.trim() === "");
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      value={value}
      onChange={onChange}
      error={quiet ? undefined : wrong}
      inputMode={decimal ? "decimal" : "numeric"}
    />
  );
}

/** An age to ask the odds about: whole years within the range the sources cover. */
export function AgeField(
  props: Omit<Parameters<typeof WhatIfField>[0], "usable" | "wrong" | "decimal">,
) {
  const { t } = useI18n();
  return (
    <WhatIfField
      {...props}
      usable={ageFrom(props.value) !== null}
      wrong={t("odds.plan.ageProblem", ODDS_AGE_RANGE)}
    />
  );
}

/** A question the domain refused, said on the section's own line; nothing when there is none. */
export function OddsProblem({ problem }: { problem: Problem<string> | null }) {
  const i18n = useI18n();
  return <FormError>{problem && cannotWorkOut(i18n, problem)}</FormError>;
}
