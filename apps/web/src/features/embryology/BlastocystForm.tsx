import { addDays, type EggCohort, parseGardner } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { type Found, PillGroup, rowOf, useForm } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { fieldOf, refusalText } from "../../i18n/refusals.ts";
import { type Blastocyst, BlastocystRow, nextBlastocyst, type RowField } from "./BlastocystRow.tsx";
import { storageOf } from "./form-values.ts";
import { ReportDate, ReportForm, useReported } from "./ReportForm.tsx";
import { StorageFields } from "./StorageFields.tsx";

type Day = 5 | 6 | 7;
const days = [5, 6, 7] as const;

/** The day-5, 6 or 7 call: each blastocyst with its grade (read back as understood), biopsy, and what the lab did. */
export function BlastocystForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const form = useForm<"reportedOn" | "clinic" | "location" | RowField>({
    from: { "storage.clinic": "clinic", "storage.location": "location" },
    // A blastocyst's grade or name beside its row; anything else about a row on the form's line.
    place: (p) => {
      const n = rowOf(p, "blastocysts");
      if (n === null) return undefined;
      const field = fieldOf(p);
      return field === "blastocysts.grade"
        ? `grade-${n}`
        : field === "blastocysts.label"
          ? `label-${n}`
          : null;
    },
  });
  const reported = useReported(onDone);
  const nextDay = days.find((d) => !cohort.blastocystDays.includes(d)) ?? 5;
  const [day, setDay] = useState<Day>(nextDay);
  const [date, setDate] = useState(addDays(cohort.date, nextDay));
  const [rows, setRows] = useState<Blastocyst[]>([nextBlastocyst(undefined)]);
  const [clinic, setClinic] = useState(cohort.clinic ?? "");
  const [location, setLocation] = useState("");

  function change(n: number, patch: Partial<Blastocyst>) {
    setRows((rs) => rs.map((r, i) => (i === n ? { ...r, ...patch } : r)));
    // A corrected grade should not keep the old words beside it.
    if (patch.grade !== undefined) form.clear(`grade-${n}`);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const found: Found<RowField> = {};
    rows.forEach((row, n) => {
      const g = row.grade.trim() ? parseGardner(row.grade) : null;
      if (!g) found[`grade-${n}`] = t("form.required");
      else if (!g.ok) found[`grade-${n}`] = refusalText(i18n, g.error);
    });
    if (form.fail(found)) return;
    const storage = storageOf(clinic, location);
    const r = await form.record("BlastocystsReported", {
      cohortId: cohort.id,
      day,
      reportedOn: date,
      blastocysts: rows.map((row) => ({
        embryoId: form.newId(),
        ...(row.label.trim() && { label: row.label.trim() }),
        grade: row.grade,
        biopsied: row.biopsied,
        fate: row.fate,
      })),
      ...(storage && { storage }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm
      title={t("embryos.blasts.title")}
      form={form}
      onSubmit={save}
      saveLabel={
        rows.length === 0 ? t("embryos.blasts.saveNone", { day }) : t("embryos.blasts.save")
      }
    >
      <PillGroup
        legend={t("embryos.blasts.day")}
        name={`${id}-day`}
        options={days.map((d) => ({ value: d, label: t("embryos.blasts.day.option", { day: d }) }))}
        value={day}
        onChange={(d) => {
          setDay(d);
          setDate(addDays(cohort.date, d));
        }}
      />
      <ReportDate {...form.field("reportedOn")} value={date} onChange={setDate} />
      {rows.map((row, n) => (
        <BlastocystRow
          key={row.key}
          n={n}
          row={row}
          form={form}
          onChange={(patch) => change(n, patch)}
          onRemove={() => {
            setRows((rs) => rs.filter((r) => r.key !== row.key));
            form.clear();
          }}
        />
      ))}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => setRows((rs) => [...rs, nextBlastocyst(rs.at(-1))])}
        >
          {t("embryos.blasts.add")}
        </button>
      </div>
      {rows.some((r) => r.fate === "frozen") && (
        <fieldset className="stack-tight">
          <legend>{t("embryos.blasts.storage")}</legend>
          <StorageFields
            clinic={{ ...form.field("clinic"), value: clinic, onChange: setClinic }}
            location={{ ...form.field("location"), value: location, onChange: setLocation }}
            paired
          />
        </fieldset>
      )}
    </ReportForm>
  );
}
