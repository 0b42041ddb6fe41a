import { catalogueMedicine, type DoseUnit, doseUnits } from "@trellis/domain";
import type { FormEvent, ReactNode } from "react";
import { Field, type Form, FormError } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** The units a medicine comes in: its own when it is in the catalogue, else every unit. */
export function unitsFor(catalogueId: string | undefined): readonly DoseUnit[] {
  const known = catalogueId ? catalogueMedicine(catalogueId) : undefined;
  return known ? known.units : doseUnits;
}

/**
 * A number input (a dose, a count of pens, hours, a day of the cycle) with
 * its label, hint lines (`also`) and error; empty while the value is `NaN`.
 * `step="1"` asks for whole numbers and brings the number pad.
 */
export function NumberField({
  id,
  label,
  hint,
  value,
  onChange,
  error,
  also,
  min,
  max,
  step = "any",
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  value: number;
  onChange: (value: number) => void;
  error?: string | undefined;
  also?: readonly (string | false | null | undefined)[];
  min?: string | number | undefined;
  max?: string | number | undefined;
  step?: string;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error} also={also}>
      {(input) => (
        <input
          {...input}
          type="number"
          inputMode={step === "1" ? "numeric" : "decimal"}
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

/** Which unit a dose or a supply is counted in, from the units the medicine comes in. */
export function UnitSelect({
  id,
  units,
  value,
  onChange,
}: {
  id: string;
  units: readonly DoseUnit[];
  value: DoseUnit;
  onChange: (unit: DoseUnit) => void;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t("plan.unit")}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DoseUnit)}>
        {units.map((u) => (
          <option key={u} value={u}>
            {t(`unit.${u}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A dose as people read it off the box: the amount and its unit side by side
 * (a plan's dose, a change of dose, a supply's total). The amount's error is
 * `error`; the unit is chosen from `units`.
 */
export function DoseInputs({
  id,
  label,
  dose,
  units,
  onChange,
  error,
  also,
}: {
  id: string;
  label: string;
  dose: { value: number; unit: DoseUnit };
  units: readonly DoseUnit[];
  onChange: (dose: { value: number; unit: DoseUnit }) => void;
  error?: string | undefined;
  also?: readonly (string | false | null | undefined)[];
}) {
  return (
    <div className="grid-2">
      <NumberField
        id={id}
        label={label}
        min="0"
        value={dose.value}
        onChange={(value) => onChange({ ...dose, value })}
        error={error}
        also={also}
      />
      <UnitSelect
        id={`${id}-unit`}
        units={units}
        value={units.includes(dose.unit) ? dose.unit : units[0]!}
        onChange={(unit) => onChange({ ...dose, unit })}
      />
    </div>
  );
}

/**
 * A one-field form on a line: the field (`children`), its save button beside
 * it (waiting while the form is busy), and the form's own error line below.
 * `validate` lets the browser hold a number inside its `min` and `max`.
 */
export function InlineForm({
  form,
  label,
  onSubmit,
  primary = false,
  validate = false,
  children,
}: {
  form: Pick<Form<string>, "busy" | "formError">;
  label: string;
  onSubmit: (e: FormEvent) => void;
  primary?: boolean;
  validate?: boolean;
  children: ReactNode;
}) {
  return (
    <form className="stack-tight" onSubmit={onSubmit} noValidate={!validate}>
      <div className="row align-end">
        {children}
        <button
          type="submit"
          className={primary ? "button button-primary" : "button"}
          disabled={form.busy}
        >
          {label}
        </button>
      </div>
      <FormError>{form.formError}</FormError>
    </form>
  );
}
