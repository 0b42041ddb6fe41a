import type { InputHTMLAttributes } from "react";
import { Field } from "./Field.tsx";

/** What every labelled input takes; `id` and `error` come from `form.field(name)`. */
export interface InputFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

type Attributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "autoComplete" | "className"
>;

function LabelledInput({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  ...attributes
}: InputFieldProps & Attributes) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(input) => (
        <input
          {...input}
          {...attributes}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A whole-number input with its label, hint and error, sized for a thumb. */
export function CountField(props: InputFieldProps) {
  return (
    <LabelledInput {...props} inputMode="numeric" autoComplete="off" className="count-input" />
  );
}

/** A date input (YYYY-MM-DD) with its label and error. */
export function DateField(props: InputFieldProps) {
  return <LabelledInput {...props} type="date" />;
}

/** A short text input with its label, hint and error. */
export function TextField({
  autoComplete = "off",
  inputMode,
  ...props
}: InputFieldProps & { autoComplete?: string; inputMode?: "decimal" | "text" }) {
  return <LabelledInput {...props} autoComplete={autoComplete} inputMode={inputMode} />;
}
