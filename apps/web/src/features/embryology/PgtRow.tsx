import type { PgtAResult, PgtMResult } from "@trellis/domain";
import { Field } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** What the report says of one embryo; an empty result leaves it out of this report. */
export interface PgtChoice {
  readonly result: PgtAResult | PgtMResult | "";
  readonly level: "low" | "high";
  readonly sex: "" | "female" | "male";
}

export const noChoice: PgtChoice = { result: "", level: "low", sex: "" };

/**
 * One biopsied embryo in a test report: its result (or "not in this
 * report"), the mosaic level for a mosaic, and the sex when the person
 * chose to record it. `field` gives the result's id and error.
 */
export function PgtRow({
  name,
  options,
  choice,
  recordSex,
  field,
  onChange,
}: {
  name: string;
  options: readonly (PgtAResult | PgtMResult)[];
  choice: PgtChoice;
  recordSex: boolean;
  field: { id: string; error: string | undefined };
  onChange: (patch: Partial<PgtChoice>) => void;
}) {
  const t = useT();
  return (
    <div className="stack-tight pgt-row">
      <Field {...field} label={t("embryos.pgt.result", { name })}>
        {(input) => (
          <select
            {...input}
            value={choice.result}
            onChange={(e) => onChange({ result: e.target.value as PgtChoice["result"] })}
          >
            <option value="">{t("embryos.pgt.notInReport")}</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {t(`embryos.pgt.result.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {choice.result === "mosaic" && (
        <Field id={`${field.id}-level`} label={t("embryos.pgt.level")}>
          {(input) => (
            <select
              {...input}
              value={choice.level}
              onChange={(e) => onChange({ level: e.target.value as PgtChoice["level"] })}
            >
              <option value="low">{t("embryos.pgt.level.low")}</option>
              <option value="high">{t("embryos.pgt.level.high")}</option>
            </select>
          )}
        </Field>
      )}
      {recordSex && choice.result && (
        <Field id={`${field.id}-sex`} label={t("embryos.pgt.sex", { name })}>
          {(input) => (
            <select
              {...input}
              value={choice.sex}
              onChange={(e) => onChange({ sex: e.target.value as PgtChoice["sex"] })}
            >
              <option value="">{t("embryos.pgt.sex.none")}</option>
              <option value="female">{t("embryos.pgt.sex.female")}</option>
              <option value="male">{t("embryos.pgt.sex.male")}</option>
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
