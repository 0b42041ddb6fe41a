import { addDays, type EggCohort } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import {
  CountField,
  DateField,
  parseCount,
  TextField,
  useForm,
} from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { readCounts, storageOf } from "./form-values.ts";
import { ReportForm, useReported } from "./ReportForm.tsx";

/** The day-3 call: how many still developing, and any frozen or kept for a transfer today. */
export function Day3Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  // The embryos the lab froze or kept are the frozen and kept counts.
  const form = useForm<"reportedOn" | "developing" | "frozen" | "kept" | "location">({
    from: { embryos: "frozen", "storage.location": "location" },
  });
  const reported = useReported(onDone);
  const [date, setDate] = useState(addDays(cohort.date, 3));
  const [developing, setDeveloping] = useState("");
  const [frozen, setFrozen] = useState("0");
  const [kept, setKept] = useState("0");
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = readCounts(t, {
      developing: { text: developing, required: true },
      frozen: { text: frozen, required: false },
      kept: { text: kept, required: false },
    });
    if (form.fail(found) || values.developing === undefined) return;
    const embryos = [
      ...Array.from({ length: values.frozen ?? 0 }, () => ({
        embryoId: form.newId(),
        fate: "frozen" as const,
      })),
      ...Array.from({ length: values.kept ?? 0 }, () => ({
        embryoId: form.newId(),
        fate: "in-culture" as const,
      })),
    ];
    const storage = storageOf("", location);
    const r = await form.record("Day3Reported", {
      cohortId: cohort.id,
      reportedOn: date,
      developing: values.developing,
      ...(embryos.length > 0 && { embryos }),
      ...(storage && { storage }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm title={t("embryos.day3.title")} form={form} onSubmit={save}>
      <DateField
        {...form.field("reportedOn")}
        label={t("embryos.form.date")}
        value={date}
        onChange={setDate}
      />
      <CountField
        {...form.field("developing")}
        label={t("embryos.day3.developing")}
        value={developing}
        onChange={setDeveloping}
      />
      <p className="hint">{t("embryos.day3.leaving.hint")}</p>
      <div className="form-pair">
        <CountField
          {...form.field("frozen")}
          label={t("embryos.day3.frozen")}
          value={frozen}
          onChange={setFrozen}
        />
        <CountField
          {...form.field("kept")}
          label={t("embryos.day3.kept")}
          value={kept}
          onChange={setKept}
        />
      </div>
      {parseCount(frozen) ? (
        <TextField
          {...form.field("location")}
          label={t("embryos.new.location")}
          value={location}
          onChange={setLocation}
        />
      ) : null}
    </ReportForm>
  );
}
