import { addDays, type EggCohort, type FertilizationMethod } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { CountField, PillGroup, useForm } from "../../components/forms/index.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ReportDate, ReportForm, useReported } from "./ReportForm.tsx";
import { useCounts } from "./use-counts.ts";

/** The day-1 call: ICSI or conventional, mature eggs if known (not for a thaw), normally fertilized (2PN). */
export function Day1Form({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const form = useForm<"reportedOn" | "mature" | "fertilized">();
  const counts = useCounts(form, {
    mature: cohort.mature === null ? "" : String(cohort.mature),
    fertilized: "",
  });
  const reported = useReported(onDone);
  const [date, setDate] = useState(addDays(cohort.date, 1));
  const [method, setMethod] = useState<FertilizationMethod>("icsi");
  const thaw = cohort.kind === "thaw";

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(
      t,
      thaw ? { fertilized: "required" } : { mature: "optional", fertilized: "required" },
    );
    if (form.fail(found) || values.fertilized === undefined) return;
    const r = await form.record("FertilizationReported", {
      cohortId: cohort.id,
      reportedOn: date,
      method,
      fertilized: values.fertilized,
      ...(values.mature !== undefined &&
        values.mature !== cohort.mature && { mature: values.mature }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm title={t("embryos.day1.title")} form={form} onSubmit={save}>
      <ReportDate {...form.field("reportedOn")} value={date} onChange={setDate} />
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
          {...counts.field("mature")}
          label={t("embryos.day1.mature")}
          hint={t("embryos.day1.mature.hint")}
        />
      )}
      <CountField {...counts.field("fertilized")} label={t("embryos.day1.fertilized")} />
    </ReportForm>
  );
}
