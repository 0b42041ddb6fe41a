import {
  type Analyte,
  convertLab,
  type LabUnit,
  labUnits,
  type Preferences,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import {
  DateTimeField,
  FieldError,
  FormButtons,
  isInFuture,
  localInputNow,
  parseDecimal,
  useForm,
  zonedFromLocalInput,
} from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { CycleFormProps } from "./add-form.ts";
import { labDigits, preferredUnit, unitsDiffer } from "./units.ts";

/** In the order a stimulation cycle usually meets them. */
export const formAnalytes: readonly Analyte[] = ["E2", "LH", "P4", "FSH", "hCG", "AMH"];

/**
 * One blood result: which hormone, the value and unit as the lab printed them
 * (the unit list is the hormone's own, starting at the person's unit), and
 * when the blood was drawn.
 */
export function LabForm({ cycleId, zone, prefs, onDone }: CycleFormProps & { prefs: Preferences }) {
  const { t, number } = useI18n();
  const toast = useToast();
  const id = useId();
  const form = useForm<"when" | "value" | "unit">({ from: { drawnAt: "when" } });
  const [analyte, setAnalyte] = useState<Analyte>("E2");
  const [unit, setUnit] = useState<LabUnit>(() => preferredUnit("E2", prefs));
  const [valueText, setValueText] = useState("");
  const [when, setWhen] = useState(() => localInputNow(zone));

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

  async function save(e: FormEvent) {
    e.preventDefault();
    const drawnAt = zonedFromLocalInput(when, zone);
    const found = {
      when: !drawnAt
        ? t("form.required")
        : isInFuture(drawnAt, Date.now())
          ? t("form.dateInFuture")
          : undefined,
      value:
        value === null
          ? t("form.required")
          : Number.isNaN(value)
            ? t("monitoring.lab.notANumber")
            : undefined,
    };
    if (form.fail(found) || !drawnAt || value === null) return;
    const r = await form.record("LabResultRecorded", {
      resultId: form.newId(),
      cycleId,
      drawnAt,
      analyte,
      value,
      unit,
    });
    if (r.ok) {
      toast.show(t("monitoring.lab.saved", { analyte }));
      onDone();
    }
  }

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
        <div className={`field${form.fieldErrors.value ? " field-invalid" : ""}`}>
          <label htmlFor={form.id("value")}>{t("monitoring.lab.value")}</label>
          <input
            {...form.input("value", understood && `${id}-understood`)}
            inputMode="decimal"
            autoComplete="off"
            value={valueText}
            onChange={(e) => setValueText(e.target.value)}
          />
        </div>
        <div className={`field${form.fieldErrors.unit ? " field-invalid" : ""}`}>
          <label htmlFor={form.id("unit")}>{t("monitoring.lab.unit")}</label>
          <select
            {...form.input("unit")}
            value={unit}
            onChange={(e) => setUnit(e.target.value as LabUnit)}
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
      <FieldError {...form.field("value")} />
      <FieldError {...form.field("unit")} />
      <DateTimeField
        {...form.field("when")}
        label={t("monitoring.lab.when")}
        value={when}
        onChange={setWhen}
      />
      <FormButtons form={form} label={t("monitoring.lab.save")} onCancel={onDone} />
    </form>
  );
}
