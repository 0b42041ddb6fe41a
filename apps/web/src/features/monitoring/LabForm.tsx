import {
  type Analyte,
  convertLab,
  type LabUnit,
  labUnits,
  type Preferences,
} from "@trellis/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useClient } from "../../app/client-context.tsx";
import { FormError } from "../../components/forms/Field.tsx";
import {
  isInFuture,
  localInputNow,
  parseDecimal,
  placeProblem,
  zonedFromLocalInput,
} from "../../components/forms/parse.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";
import { labDigits, preferredUnit, unitsDiffer } from "./units.ts";

/** In the order a stimulation cycle usually meets them. */
export const formAnalytes: readonly Analyte[] = ["E2", "LH", "P4", "FSH", "hCG", "AMH"];

type FieldName = "when" | "value" | "unit";
type Errors = Partial<Record<FieldName | "form", string>>;

/**
 * One blood result: which hormone, the value and unit as the lab printed them
 * (the unit list is the hormone's own, starting at the person's unit), and
 * when the blood was drawn.
 */
export function LabForm({
  cycleId,
  zone,
  prefs,
  onDone,
}: {
  cycleId: string;
  zone: string;
  prefs: Preferences;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const [analyte, setAnalyte] = useState<Analyte>("E2");
  const [unit, setUnit] = useState<LabUnit>(() => preferredUnit("E2", prefs));
  const [valueText, setValueText] = useState("");
  const [when, setWhen] = useState(() => localInputNow(zone));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const refs = {
    when: useRef<HTMLInputElement>(null),
    value: useRef<HTMLInputElement>(null),
    unit: useRef<HTMLSelectElement>(null),
  };

  const value = parseDecimal(valueText);
  const readable = value !== null && !Number.isNaN(value);
  const mine = preferredUnit(analyte, prefs);
  const shown = (n: number) => number(n, labDigits(n));
  let understood: string | null = null;
  if (readable) {
    const converted = unitsDiffer(analyte, unit, mine)
      ? convertLab({ analyte, value, unit }, mine)
      : null;
    understood = converted?.ok
      ? t("monitoring.lab.understoodConverted", {
          value: shown(value),
          unit,
          other: shown(converted.value.value),
          otherUnit: mine,
        })
      : t("monitoring.lab.understood", { value: shown(value), unit });
  }

  function fail(next: Errors) {
    setErrors(next);
    const first = (["when", "value", "unit"] as const).find((k) => next[k]);
    if (first) refs[first].current?.focus();
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    const drawnAt = zonedFromLocalInput(when, zone);
    if (!drawnAt) found.when = t("form.required");
    else if (isInFuture(drawnAt, Date.now())) found.when = t("form.dateInFuture");
    if (value === null) found.value = t("form.required");
    else if (Number.isNaN(value)) found.value = t("monitoring.lab.notANumber");
    if (Object.keys(found).length > 0 || !drawnAt || value === null) {
      fail(found);
      return;
    }
    setBusy(true);
    const r = await client.record("LabResultRecorded", {
      resultId: client.newId(),
      cycleId,
      drawnAt,
      analyte,
      value,
      unit,
    });
    setBusy(false);
    if (r.ok) {
      toast.show(t("monitoring.lab.saved", { analyte }));
      onDone();
      return;
    }
    const placed = placeProblem(i18n, r.error);
    if (placed.field === "value") fail({ value: capitalise(placed.text) });
    else if (placed.field === "unit") fail({ unit: capitalise(placed.text) });
    else if (placed.field === "drawnAt")
      fail({ when: t("form.problem", { message: placed.text }) });
    else fail({ form: notSaved(i18n, r.error) });
  }

  const described = (name: FieldName, extra: string[] = []) =>
    [...extra, errors[name] ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const errorText = (name: FieldName) =>
    errors[name] && (
      <p className="error" id={`${id}-${name}-error`}>
        {errors[name]}
      </p>
    );

  return (
    <form className="stack add-form" onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t("monitoring.lab.formTitle")}</h3>
      <div className="field">
        <label htmlFor={`${id}-analyte`}>{t("monitoring.lab.analyte")}</label>
        <select
          id={`${id}-analyte`}
          value={analyte}
          onChange={(e) => {
            const next = e.target.value as Analyte;
            setAnalyte(next);
            setUnit(preferredUnit(next, prefs));
          }}
          aria-describedby={`${id}-analyte-hint`}
        >
          {formAnalytes.map((a) => (
            <option key={a} value={a}>
              {t(`monitoring.analyte.${a}`)}
            </option>
          ))}
        </select>
        <p className="hint analyte-hint" id={`${id}-analyte-hint`}>
          {t(`monitoring.analyte.${analyte}.hint`)}
        </p>
      </div>
      <div className="form-pair">
        <div className={`field${errors.value ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-value`}>{t("monitoring.lab.value")}</label>
          <input
            id={`${id}-value`}
            ref={refs.value}
            inputMode="decimal"
            autoComplete="off"
            value={valueText}
            onChange={(e) => setValueText(e.target.value)}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={described("value", understood ? [`${id}-understood`] : [])}
          />
        </div>
        <div className={`field${errors.unit ? " field-invalid" : ""}`}>
          <label htmlFor={`${id}-unit`}>{t("monitoring.lab.unit")}</label>
          <select
            id={`${id}-unit`}
            ref={refs.unit}
            value={unit}
            onChange={(e) => setUnit(e.target.value as LabUnit)}
            aria-invalid={errors.unit ? true : undefined}
            aria-describedby={described("unit")}
          >
            {labUnits(analyte).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      </div>
      {understood && (
        <p className="understood small" id={`${id}-understood`}>
          {understood}
        </p>
      )}
      {errorText("value")}
      {errorText("unit")}
      <div className={`field${errors.when ? " field-invalid" : ""}`}>
        <label htmlFor={`${id}-when`}>{t("monitoring.lab.when")}</label>
        <input
          id={`${id}-when`}
          ref={refs.when}
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          aria-invalid={errors.when ? true : undefined}
          aria-describedby={described("when")}
        />
        {errorText("when")}
      </div>
      <FormError>{errors.form}</FormError>
      <div className="row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("form.saving") : t("monitoring.lab.save")}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t("form.cancel")}
        </button>
      </div>
    </form>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
