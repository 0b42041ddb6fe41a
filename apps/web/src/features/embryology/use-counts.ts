/**
 * The counts a form asks for (eggs, embryos, days), held the same way on
 * every embryology form: the text of each as typed, each bound to its
 * `CountField` with the form's id and error, and all read at once.
 */
import { useState } from "react";
import type { Found } from "../../components/forms/index.ts";
import type { I18n } from "../../i18n/i18n.tsx";
import { readCounts } from "./form-values.ts";

/** Whether a count must be given; a count left out of `read` is not asked for now (its field is hidden). */
export type Asked = "required" | "optional";

export interface Counts<F extends string> {
  /** `id`, `error`, `value` and `onChange` for the count's `CountField`. */
  field(name: F): {
    id: string;
    error: string | undefined;
    value: string;
    onChange(v: string): void;
  };
  /** The count's text as typed now. */
  text(name: F): string;
  /** The counts asked for now: the numbers, and what to show beside the others (for `form.fail`). */
  read(
    t: I18n["t"],
    asked: Readonly<Partial<Record<F, Asked>>>,
  ): { values: Partial<Record<F, number>>; found: Found<F> };
}

/** `initial` holds every count's first text ("" for none yet); `form` gives each its id and error. */
export function useCounts<F extends string>(
  form: { field(name: NoInfer<F>): { id: string; error: string | undefined } },
  initial: Readonly<Record<F, string>>,
): Counts<F> {
  const [texts, setTexts] = useState<Readonly<Record<F, string>>>(initial);
  const text = (name: F) => texts[name] ?? "";
  return {
    field: (name) => ({
      ...form.field(name),
      value: text(name),
      onChange: (v) => setTexts((x) => ({ ...x, [name]: v })),
    }),
    text,
    read: (t, asked) =>
      readCounts(
        t,
        Object.fromEntries(
          (Object.entries(asked) as [F, Asked][]).map(([name, how]) => [
            name,
            { text: text(name), required: how === "required" },
          ]),
        ) as Partial<Record<F, { text: string; required: boolean }>>,
      ),
  };
}
