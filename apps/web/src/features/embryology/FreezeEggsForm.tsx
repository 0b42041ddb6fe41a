import type { EggCohort } from "@trellis/domain";
import { type FormEvent, useState } from "react";
import { CountField, DateField, TextField, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { readCounts, storageOf } from "./form-values.ts";
import { ReportForm, useReported } from "./ReportForm.tsx";

/** Mature eggs frozen from this retrieval (egg freezing, or a split with some fertilized). */
export function FreezeEggsForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  const form = useForm<"frozenOn" | "count" | "location">({
    from: { "storage.location": "location" },
  });
  const reported = useReported(onDone);
  const [date, setDate] = useState(cohort.date);
  const [count, setCount] = useState("");
  const [location, setLocation] = useState("");

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = readCounts(t, { count: { text: count, required: true } });
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
      <DateField
        {...form.field("frozenOn")}
        label={t("embryos.form.date")}
        value={date}
        onChange={setDate}
      />
      <CountField
        {...form.field("count")}
        label={t("embryos.freezeEggs.count")}
        value={count}
        onChange={setCount}
      />
      <TextField
        {...form.field("location")}
        label={t("embryos.new.location")}
        value={location}
        onChange={setLocation}
      />
    </ReportForm>
  );
}
