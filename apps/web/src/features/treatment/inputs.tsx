import { catalogueMedicine, type DoseUnit, doseUnits } from "@trellis/domain";
import type { FormEvent, ReactNode } from "react";
import { Field, type Form, FormError, type InputFieldProps } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** The units a medicine comes in: its own when it is in the catalogue, else every unit. */
export function unitsFor(catalogueId: string | undefined): readonly DoseUnit[] {
  const known = catalogueId ? catalogueMedicine(catalogueId) : undefined;
  return known ? known.units : doseUnits;
}

/**
 * A number input (a dose, a count of pens, hours, a day of the cycle) with
 * its label, hint and error, like the kit's fields but holding a number
 * (empty while it is `NaN`), as the plan's drafts do.
 * `step="1"` asks for whole numbers and brings the number pad.
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
  dose,
  units,
  onChange,
  ...amount
}: Omit<InputFieldProps, "value" | "onChange" | "hint"> & {
  dose: { value: number; unit: DoseUnit };
  units: readonly DoseUnit[];
  onChange: (dose: { value: number; unit: DoseUnit }) => void;
}) {
  return (
    <div className="grid-2">
      <NumberField
        {...amount}
        min="0"
        value={dose.value}
        onChange={(value) => onChange({ ...dose, value })}
      />
      <UnitSelect
        id={`${amount.id}-unit`}
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
 * The browser checks nothing (`noValidate`): a refusal is said in words.
 */
export function InlineForm({
  form,
  label,
  onSubmit,
  primary = false,
  children,
}: {
  form: Pick<Form<string>, "busy" | "formError">;
  label: string;
  onSubmit: (e: FormEvent) => void;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <form className="stack-tight" onSubmit={onSubmit} noValidate>
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
