import { addDays, type EggCohort, type FertilizationMethod } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { CountField, DateField, PillGroup, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { readCounts } from "./form-values.ts";
import { ReportForm, useReported } from "./ReportForm.tsx";

/** The day-1 call: ICSI or conventional, mature eggs if known (not for a thaw), normally fertilized (2PN). */
export function Day1Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const form = useForm<"reportedOn" | "mature" | "fertilized">();
  const reported = useReported(onDone);
  const [date, setDate] = useState(addDays(cohort.date, 1));
  const [method, setMethod] = useState<FertilizationMethod>("icsi");
  const [mature, setMature] = useState(cohort.mature === null ? "" : String(cohort.mature));
  const [fertilized, setFertilized] = useState("");
  const thaw = cohort.kind === "thaw";

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = readCounts(t, {
      mature: { text: mature, required: false },
      fertilized: { text: fertilized, required: true },
    });
    if (form.fail(found) || values.fertilized === undefined) return;
    const r = await form.record("FertilizationReported", {
      cohortId: cohort.id,
      reportedOn: date,
      method,
      fertilized: values.fertilized,
      ...(!thaw &&
        values.mature !== undefined &&
        values.mature !== cohort.mature && { mature: values.mature }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm title={t("embryos.day1.title")} form={form} onSubmit={save}>
      <DateField
        {...form.field("reportedOn")}
        label={t("embryos.form.date")}
        value={date}
        onChange={setDate}
      />
      <PillGroup
        legend={t("embryos.day1.method")}
        name={`${id}-method`}
        options={[
          { value: "icsi" as const, label: t("embryos.day1.method.icsi") },
          { value: "conventional" as const, label: t("embryos.day1.method.conventional") },
        ]}
        value={method}
        onChange={setMethod}
      />
      {!thaw && (
        <CountField
          {...form.field("mature")}
          label={t("embryos.day1.mature")}
          hint={t("embryos.day1.mature.hint")}
          value={mature}
          onChange={setMature}
        />
      )}
      <CountField
        {...form.field("fertilized")}
        label={t("embryos.day1.fertilized")}
        value={fertilized}
        onChange={setFertilized}
      />
    </ReportForm>
  );
}
