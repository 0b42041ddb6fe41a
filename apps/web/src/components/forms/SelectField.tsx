import { Field } from "./Field.tsx";
import type { PillOption } from "./PillGroup.tsx";

/**
 * One answer from a list (`<select>`), with its label, hint and error: for
 * lists too long to show at once as pills (`PillGroup`). An option with an
 * empty value stands for "none chosen".
 */
export function SelectField<V extends string>({
  id,
  label,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly PillOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(input) => (
        // The value is always one of the options' own.
        <select {...input} value={value} onChange={(e) => onChange(e.target.value as V)}>
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
