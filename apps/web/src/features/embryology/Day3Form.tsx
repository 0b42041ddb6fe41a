import { addDays, type EggCohort } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { CountField, parseCount, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { storageOf } from "./form-values.ts";
import { ReportDate, ReportForm, useReported } from "./ReportForm.tsx";
import { StorageFields } from "./StorageFields.tsx";
import { useCounts } from "./use-counts.ts";

/** The day-3 call: how many still developing, and any frozen or kept for a transfer today. */
export function Day3Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  // The embryos the lab froze or kept are the frozen and kept counts.
  const form = useForm<"reportedOn" | "developing" | "frozen" | "kept" | "location">({
    from: { embryos: "frozen", "storage.location": "location" },
  });
  const counts = useCounts(form, { developing: "", frozen: "0", kept: "0" });
  const reported = useReported(onDone);
  const [date, setDate] = useState(addDays(cohort.date, 3));
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(t, {
      developing: "required",
      frozen: "optional",
      kept: "optional",
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
      <ReportDate {...form.field("reportedOn")} value={date} onChange={setDate} />
      <CountField {...counts.field("developing")} label={t("embryos.day3.developing")} />
      <p className="hint">{t("embryos.day3.leaving.hint")}</p>
      <div className="form-pair">
        <CountField {...counts.field("frozen")} label={t("embryos.day3.frozen")} />
        <CountField {...counts.field("kept")} label={t("embryos.day3.kept")} />
      </div>
      {parseCount(counts.text("frozen")) ? (
        <StorageFields
          location={{ ...form.field("location"), value: location, onChange: setLocation }}
        />
      ) : null}
    </ReportForm>
  );
}
