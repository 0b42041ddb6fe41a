import type { EggCohort } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { CountField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { storageOf } from "./form-values.ts";
import { ReportDate, ReportForm, useReported } from "./ReportForm.tsx";
import { StorageFields } from "./StorageFields.tsx";
import { useCounts } from "./use-counts.ts";

/** Mature eggs frozen from this retrieval (egg freezing, or a split with some fertilized). */
export function FreezeEggsForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  const form = useForm<"frozenOn" | "count" | "location">({
    from: { "storage.location": "location" },
  });
  const counts = useCounts(form, { count: "" });
  const reported = useReported(onDone);
  const [date, setDate] = useState(cohort.date);
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(t, { count: "required" });
    if (form.fail(found) || values.count === undefined) return;
    const storage = storageOf("", location);
    const r = await form.record("OocytesVitrified", {
      batchId: form.newId(),
      retrievalId: cohort.id,
      frozenOn: date,
      count: values.count,
      ...(storage && { storage }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm title={t("embryos.freezeEggs.title")} form={form} onSubmit={save}>
      <ReportDate {...form.field("frozenOn")} value={date} onChange={setDate} />
      <CountField {...counts.field("count")} label={t("embryos.freezeEggs.count")} />
      <StorageFields
        location={{ ...form.field("location"), value: location, onChange: setLocation }}
      />
    </ReportForm>
  );
}
