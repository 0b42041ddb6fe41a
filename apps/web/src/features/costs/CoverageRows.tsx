import { type CoverageKind, coverageKinds } from "@trellis/domain";
import { useId } from "react";
import {
  CheckField,
  FieldError,
  type Form,
  SelectField,
  TextField,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import type { CostField } from "./CostForm.tsx";

/** One line of coverage as typed: who covered part of the cost, how much, and whether it came in. */
export interface CoverageRow {
  /** For React only: rows come and go. */
  readonly key: string;
  readonly kind: CoverageKind;
  readonly source: string;
  readonly value: string;
  readonly received: boolean;
}

export const emptyRow = (): CoverageRow => ({
  key: crypto.randomUUID(),
  kind: "insurer",
  source: "",
  value: "",
  received: false,
});

/**
 * "Covered by others": a fieldset of lines, each an insurer, an employer
 * benefit, a grant or a refund, who it was, how much (in the cost's
 * currency) and whether it has come in; a line can be taken out. The
 * domain's refusal of coverage above the amount is said under the legend.
 */
export function CoverageRows({
  form,
  currency,
  rows,
  onChange,
  onAdd,
}: {
  form: Form<CostField>;
  currency: string;
  rows: readonly CoverageRow[];
  onChange: (rows: CoverageRow[]) => void;
  onAdd: () => void;
}) {
  const t = useT();
  const id = useId();
  const set = (i: number, change: Partial<CoverageRow>) =>
    onChange(rows.map((r, at) => (at === i ? { ...r, ...change } : r)));
  const whole = form.field("coverage");
  return (
    <fieldset className="stack-tight coverage" aria-describedby={`${id}-hint`}>
      <legend className="coverage-legend">{t("costs.form.coverage")}</legend>
      <p className="hint" id={`${id}-hint`}>
        {t("costs.form.coverageHint")}
      </p>
      {/* Where a refusal about the coverage as a whole goes (and focus with it). */}
      <div id={whole.id} tabIndex={-1}>
        <FieldError id={whole.id} error={whole.error} />
      </div>
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <fieldset key={row.key} className="card coverage-row stack-tight">
            <legend className="small">{t("costs.form.coverageRow", { n })}</legend>
            <SelectField
              id={`${id}-${row.key}-kind`}
              label={t("costs.form.coverageKind")}
              options={coverageKinds.map((k) => ({ value: k, label: t(`costs.coverage.${k}`) }))}
              value={row.kind}
              onChange={(kind) => set(i, { kind })}
            />
            <TextField
              {...form.bind(`coverage.${i}.source`, row.source, (source) => set(i, { source }))}
              label={t("costs.form.coverageSource")}
              maxLength={80}
            />
            <TextField
              {...form.bind(`coverage.${i}.value`, row.value, (value) => set(i, { value }))}
              label={`${t("costs.form.coverageAmount")} (${currency})`}
              inputMode="decimal"
              autoComplete="off"
            />
            <CheckField
              label={t("costs.form.coverageReceived")}
              checked={row.received}
              onChange={(received) => set(i, { received })}
            />
            <div>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t("costs.form.coverageRemoveLabel", { n })}
                onClick={() => onChange(rows.filter((_, at) => at !== i))}
              >
                {t("costs.form.coverageRemove")}
              </button>
            </div>
          </fieldset>
        );
      })}
      {rows.length < 12 && (
        <div>
          <button type="button" className="button" onClick={onAdd}>
            {t("costs.form.coverageAdd")}
          </button>
        </div>
      )}
    </fieldset>
  );
}
