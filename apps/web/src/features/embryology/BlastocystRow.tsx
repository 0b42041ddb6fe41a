import { parseGardner } from "@trellis/domain";
import { useId } from "react";
import {
  FieldError,
  type Form,
  PillCheck,
  PillGroup,
  QuietButton,
  TextField,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";

/** One blastocyst as the form holds it; `key` stays with it when rows above are removed. */
export interface Blastocyst {
  readonly key: number;
  readonly label: string;
  readonly grade: string;
  readonly biopsied: boolean;
  readonly fate: "frozen" | "in-culture" | "discarded";
}

/** The fields of a row, by its place in the list: the place a refusal names (`blastocysts.1.grade`). */
export type RowField = `grade-${number}` | `label-${number}`;

export const fates = ["frozen", "in-culture", "discarded"] as const;

/** A new row below `last`: biopsied like the one above it, since labs usually test all or none. */
export function nextBlastocyst(last: Blastocyst | undefined): Blastocyst {
  return {
    key: (last?.key ?? 0) + 1,
    label: "",
    grade: "",
    biopsied: last?.biopsied ?? false,
    fate: "frozen",
  };
}

/**
 * One blastocyst of a report: its grade (read back as understood), the lab's
 * name for it, biopsied or not, and what the lab did with it.
 */
export function BlastocystRow({
  n,
  row,
  form,
  onChange,
  onRemove,
}: {
  /** Its place in the list, from 0. */
  n: number;
  row: Blastocyst;
  form: Pick<Form<RowField>, "field" | "input" | "id" | "fieldErrors">;
  onChange: (patch: Partial<Blastocyst>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const grade = `grade-${n}` as const;
  const parsed = row.grade.trim() ? parseGardner(row.grade) : null;
  return (
    <fieldset className="blast-row">
      <legend>{t("embryos.blasts.row", { n: n + 1 })}</legend>
      <div className="form-pair">
        <div className={`field${form.fieldErrors[grade] ? " field-invalid" : ""}`}>
          <label htmlFor={form.id(grade)}>{t("embryos.blasts.grade")}</label>
          <input
            {...form.input(grade, `${id}-hint`)}
            autoComplete="off"
            autoCapitalize="characters"
            value={row.grade}
            onChange={(e) => onChange({ grade: e.target.value })}
          />
        </div>
        <TextField
          {...form.field(`label-${n}`)}
          label={t("embryos.blasts.label")}
          value={row.label}
          onChange={(label) => onChange({ label })}
        />
      </div>
      <p className="hint" id={`${id}-hint`}>
        {parsed?.ok
          ? t("embryos.blasts.grade.understood", { grade: parsed.value.text })
          : t("embryos.blasts.grade.hint")}
      </p>
      <FieldError {...form.field(grade)} />
      <PillCheck
        label={t("embryos.blasts.biopsied")}
        checked={row.biopsied}
        onChange={(biopsied) => onChange({ biopsied })}
      />
      <PillGroup
        legend={t("embryos.blasts.fate")}
        name={`${id}-fate`}
        options={fates.map((f) => ({ value: f, label: t(`embryos.blasts.fate.${f}`) }))}
        value={row.fate}
        onChange={(fate) => onChange({ fate })}
      />
      <QuietButton label={t("embryos.blasts.removeRow", { n: n + 1 })} onClick={onRemove} />
    </fieldset>
  );
}
