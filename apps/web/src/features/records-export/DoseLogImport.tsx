import {
  checkDoseLog,
  type DoseLogField,
  type DoseLogMapping,
  type DoseRowProblem,
  type DoseRowReason,
  doseLogFields,
  guessDoseMapping,
  readDoseSheet,
  type SheetRow,
} from "@trellis/exports";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import {
  FormButtons,
  FormError,
  PickFileButton,
  SelectField,
  useForm,
} from "../../components/forms/index.ts";
import { type I18n, useI18n } from "../../i18n/i18n.tsx";
import { refusalText } from "../../i18n/refusals.ts";

interface Sheet {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly SheetRow[];
}

const NONE = -1;
const optional: readonly DoseLogField[] = ["time", "dose", "unit"];

/** A row's reason in plain words. */
function reasonText(i18n: I18n, r: DoseRowReason): string {
  switch (r.reason) {
    case "missing":
      return i18n.t("records.doses.reason.missing", {
        field: i18n.t(`records.doses.field.${r.field}`).toLocaleLowerCase(i18n.locale),
      });
    case "refused":
      return refusalText(i18n, r.problem);
    case "not-planned":
    case "which-dose":
    case "already-logged":
      return i18n.t(`records.doses.reason.${r.reason}`, {
        medicine: r.medicine,
        date: i18n.day(r.date, true),
      });
    case "unknown-medicine":
      return i18n.t("records.doses.reason.unknown-medicine", { medicine: r.medicine });
    case "twice-in-file":
      return i18n.t("records.doses.reason.twice-in-file", { otherRow: r.otherRow });
    default:
      return i18n.t(`records.doses.reason.${r.reason}`, { value: r.value });
  }
}

/**
 * A dose log from a spreadsheet: pick the CSV, say which column holds what
 * (guessed from the header), then every row is checked against the plan.
 * Nothing is saved unless every row is right; then all rows are saved as one
 * batch, so the record never holds half a file.
 */
export function DoseLogImport() {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const form = useForm<DoseLogField | "file">();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [mapping, setMapping] = useState<DoseLogMapping | null>(null);
  const [problems, setProblems] = useState<readonly DoseRowProblem[]>([]);
  const [saved, setSaved] = useState<number | null>(null);

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    setProblems([]);
    setSaved(null);
    if (!file) return;
    const read = readDoseSheet(await file.text());
    if (!read.ok) {
      setSheet(null);
      setMapping(null);
      form.fail({
        file:
          read.reason === "empty"
            ? t("records.doses.empty")
            : read.reason === "unclosed-quote"
              ? t("records.doses.unclosed", { row: read.row ?? 1 })
              : t("records.doses.unreadable"),
      });
      return;
    }
    form.clear();
    setSheet({ name: file.name, header: read.header, rows: read.rows });
    setMapping(guessDoseMapping(read.header));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!sheet || !mapping) return;
    setSaved(null);
    const chosen = doseLogFields.map((f) => mapping[f]);
    const found: Partial<Record<DoseLogField, string>> = {};
    for (const field of doseLogFields) {
      const col = mapping[field];
      if (col === null) {
        if (!optional.includes(field)) found[field] = t("records.doses.column.required");
      } else if (chosen.indexOf(col) !== doseLogFields.indexOf(field)) {
        found[field] = t("records.doses.column.twice");
      }
    }
    if (form.fail(found)) return;
    const checked = checkDoseLog(state, sheet.rows, mapping, {
      nowMs: Date.now(),
      newId: () => form.newId(),
    });
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    const done = await form.recordBatch(checked.drafts);
    if (!done.ok) return;
    setSaved(checked.drafts.length);
    setSheet(null);
    setMapping(null);
  }

  const columns = [
    { value: NONE, label: t("records.doses.column.none") },
    ...(sheet?.header ?? []).map((h, i) => ({ value: i, label: h || `${i + 1}` })),
  ];

  return (
    <form className="stack-tight" onSubmit={save} noValidate aria-labelledby="dose-import-title">
      <h3 id="dose-import-title">{t("records.doses.title")}</h3>
      <p className="hint">{t("records.doses.intro")}</p>
      <div className="stack-tight">
        <PickFileButton label={t("records.doses.pick")} accept=".csv,text/csv" onPick={pick} />
        <FormError>{form.fieldErrors.file}</FormError>
      </div>
      {saved !== null && <p role="status">{t("records.doses.done", { count: saved })}</p>}
      {sheet && mapping && (
        <>
          <p>{t("records.doses.picked", { name: sheet.name, count: sheet.rows.length })}</p>
          {doseLogFields.map((field) => (
            <SelectField
              key={field}
              {...form.field(field)}
              label={t("records.doses.column", { field: t(`records.doses.field.${field}`) })}
              options={columns}
              value={mapping[field] ?? NONE}
              onChange={(v) => setMapping({ ...mapping, [field]: v === NONE ? null : v })}
            />
          ))}
          {problems.length > 0 && (
            <div className="notice stack-tight" role="alert">
              <p>{t("records.doses.refused", { count: problems.length })}</p>
              <ul>
                {problems.map((p) => (
                  <li key={p.row}>
                    <strong>{t("records.doses.row", { row: p.row })}</strong>:{" "}
                    {p.reasons.map((r) => reasonText(i18n, r)).join(" ")}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <FormButtons
            form={form}
            label={t("records.doses.check")}
            busyLabel={t("records.doses.checking")}
          />
        </>
      )}
    </form>
  );
}
