import { type InputHTMLAttributes, useId } from "react";
import type { MessageKey } from "../../i18n/en.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Field } from "./Field.tsx";

/**
 * What every labelled input of the kit takes: `{...form.field(name)}` gives
 * `id` and `error`; `value` is the text as typed, read by the parse helpers.
 */
export interface InputFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Other lines that describe the input (a shared hint, what was understood). */
  also?: readonly (string | false | null | undefined)[];
}

type Attributes = Pick<
  InputHTMLAttributes<HTMLInputElement>,
  | "type"
  | "inputMode"
  | "autoComplete"
  | "className"
  | "maxLength"
  | "min"
  | "max"
  | "required"
  | "placeholder"
  | "autoCapitalize"
  | "spellCheck"
>;

function LabelledInput({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  also,
  unit,
  ...attributes
}: InputFieldProps & Attributes & { unit?: string | undefined }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} also={also}>
      {(input) => {
        const field = (
          <input
            {...input}
            {...attributes}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        );
        return unit ? (
          <div className="input-unit">
            {field}
            <span aria-hidden="true">{unit}</span>
          </div>
        ) : (
          field
        );
      }}
    </Field>
  );
}

/** A whole-number input with its label, hint and error, sized for a thumb. */
export function CountField(props: InputFieldProps) {
  return (
    <LabelledInput {...props} inputMode="numeric" autoComplete="off" className="count-input" />
  );
}

/** A number with decimals and its unit beside it ("9,5 mm", "64.5 kg"), read with `parseDecimal`. */
export function MeasureField({ unit, ...props }: InputFieldProps & { unit: string }) {
  return <LabelledInput {...props} unit={unit} inputMode="decimal" autoComplete="off" />;
}

/** A date input (YYYY-MM-DD) with its label and error. */
export function DateField(
  props: InputFieldProps & Pick<Attributes, "autoComplete" | "min" | "max" | "required">,
) {
  return <LabelledInput {...props} type="date" />;
}

/** A date and time input (`YYYY-MM-DDTHH:mm`, the person's wall clock), read with `zonedFromLocalInput`. */
export function DateTimeField(props: InputFieldProps) {
  return <LabelledInput {...props} type="datetime-local" />;
}

/** A time of day input (`HH:mm`, the person's wall clock), e.g. when a dose was taken. */
export function TimeField(props: InputFieldProps) {
  return <LabelledInput {...props} type="time" />;
}

/**
 * A short text input with its label, hint and error; `type` "tel" or "url"
 * brings the matching keyboard, "password" hides what is typed. `verbatim`
 * (a username, a password, an address) keeps the keyboard from capitalising
 * or correcting it.
 */
export function TextField({
  autoComplete = "off",
  type,
  inputMode = type === "tel" || type === "url" ? type : undefined,
  verbatim = false,
  ...props
}: InputFieldProps &
  Pick<Attributes, "maxLength" | "placeholder"> & {
    autoComplete?: string;
    type?: "text" | "tel" | "url" | "password";
    inputMode?: "numeric" | "decimal" | "text" | "tel" | "url";
    verbatim?: boolean;
  }) {
  return (
    <LabelledInput
      {...props}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      {...(verbatim && { autoCapitalize: "none", spellCheck: false })}
    />
  );
}

/** A few lines of free text (a note) with its label, hint and error. */
export function TextAreaField({
  value,
  onChange,
  rows = 2,
  maxLength,
  ...field
}: InputFieldProps & { rows?: number; maxLength?: number }) {
  return (
    <Field {...field}>
      {(input) => (
        <textarea
          {...input}
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * A number input (a dose, a count of pens, hours, a day of the cycle, minutes
 * before a reminder) with its label, hint and error, like the other fields
 * but holding a number (empty while it is `NaN`), as the plan's drafts and
 * the settings do. A whole `step` ("1", "5") asks for whole numbers and
 * brings the number pad.
 */
export function NumberField({
  value,
  onChange,
  min,
  max,
  step = "any",
  ...field
}: Omit<InputFieldProps, "value" | "onChange"> & {
  value: number;
  onChange: (value: number) => void;
  min?: string | number | undefined;
  max?: string | number | undefined;
  step?: string;
}) {
  return (
    <Field {...field}>
      {(input) => (
        <input
          {...input}
          type="number"
          inputMode={Number.isInteger(Number(step)) ? "numeric" : "decimal"}
          min={min}
          max={max}
          step={step}
          value={Number.isNaN(value) ? "" : value}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
      )}
    </Field>
  );
}

/**
 * A password or passphrase: hidden as typed, never corrected or capitalised.
 * `autoComplete` says which (the current one, a new one, or neither).
 */
export function PasswordField(
  props: Omit<Parameters<typeof TextField>[0], "type" | "verbatim" | "autoComplete"> & {
    autoComplete: "current-password" | "new-password" | "off";
  },
) {
  return <TextField {...props} type="password" verbatim />;
}

/** A catalogue key that has a `.hint` beside it: a checkbox's words and its hint. */
type CheckWords = {
  [K in MessageKey]: `${K}.hint` extends MessageKey ? K : never;
}[MessageKey];

/**
 * A yes-or-no setting as a checkbox with its words beside it, and a hint
 * under it that is read with the box: given as `label` and `hint`, or as
 * `words`, a catalogue key whose `.hint` is the hint. Without an `id` it
 * makes its own.
 */
export function CheckField({
  id,
  words,
  label,
  hint,
  checked,
  onChange,
}: {
  id?: string;
  words?: CheckWords;
  label?: string;
  hint?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useT();
  const own = useId();
  const boxId = id ?? own;
  const text = words ? t(words) : (label ?? "");
  const help = words ? t(`${words}.hint` as MessageKey) : hint;
  return (
    <>
      <label className="check">
        <input
          id={boxId}
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={help ? `${boxId}-hint` : undefined}
        />
        {text}
      </label>
      {help && (
        <p className="hint" id={`${boxId}-hint`}>
          {help}
        </p>
      )}
    </>
  );
}
