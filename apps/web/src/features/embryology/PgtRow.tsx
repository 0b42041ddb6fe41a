import type { PgtAResult, PgtMResult } from "@trellis/domain";
import { SelectField } from "../../components/forms/index.ts";
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
  results,
  choice,
  recordSex,
  field,
  onChange,
}: {
  name: string;
  /** The results the test can give. */
  results: readonly (PgtAResult | PgtMResult)[];
  choice: PgtChoice;
  recordSex: boolean;
  field: { id: string; error: string | undefined };
  onChange: (patch: Partial<PgtChoice>) => void;
}) {
  const t = useT();
  return (
    <div className="stack-tight pgt-row">
      <SelectField
        {...field}
        label={t("embryos.pgt.result", { name })}
        options={[
          { value: "" as const, label: t("embryos.pgt.notInReport") },
          ...results.map((r) => ({ value: r, label: t(`embryos.pgt.result.${r}`) })),
        ]}
        value={choice.result}
        onChange={(result) => onChange({ result })}
      />
      {choice.result === "mosaic" && (
        <SelectField
          id={`${field.id}-level`}
          label={t("embryos.pgt.level")}
          options={(["low", "high"] as const).map((l) => ({
            value: l,
            label: t(`embryos.pgt.level.${l}`),
          }))}
          value={choice.level}
          onChange={(level) => onChange({ level })}
        />
      )}
      {recordSex && choice.result && (
        <SelectField
          id={`${field.id}-sex`}
          label={t("embryos.pgt.sex", { name })}
          options={(["", "female", "male"] as const).map((s) => ({
            value: s,
            label: t(`embryos.pgt.sex.${s || "none"}`),
          }))}
          value={choice.sex}
          onChange={(sex) => onChange({ sex })}
        />
      )}
    </div>
  );
}
