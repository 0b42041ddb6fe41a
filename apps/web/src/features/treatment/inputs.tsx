import { catalogueMedicine, type DoseUnit, doseUnits } from "@trellis/domain";
import type { FormEvent, ReactNode } from "react";
import {
  type Form,
  FormError,
  type InputFieldProps,
  NumberField,
  SelectField,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** The units a medicine comes in: its own when it is in the catalogue, else every unit. */
export function unitsFor(catalogueId: string | undefined): readonly DoseUnit[] {
  const known = catalogueId ? catalogueMedicine(catalogueId) : undefined;
  return known ? known.units : doseUnits;
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
    <SelectField
      id={id}
      label={t("plan.unit")}
      options={units.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
      value={value}
      onChange={onChange}
    />
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
