import { Field } from "./Field.tsx";
import type { PillOption } from "./PillGroup.tsx";

/**
 * One answer from a list (`<select>`), with its label, hint and error: for
 * lists too long to show at once as pills (`PillGroup`). An option with an
 * empty value stands for "none chosen". `also` names other lines that
 * describe it, as `Field`'s does.
 */
export function SelectField<V extends string | number>({
  id,
  label,
  hint,
  error,
  also,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  also?: readonly (string | false | null | undefined)[];
  options: readonly PillOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} also={also}>
      {(input) => (
        // The answer is the chosen option's own value, a number where it is one.
        <select
          {...input}
          value={value}
          onChange={(e) => onChange(options[e.target.selectedIndex]!.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
