import type { EggCohort } from "@trellis/domain";
import type { FormEvent } from "react";
import { CountField, useForm } from "../../components/forms/index.ts";
import { useToast } from "../../components/Toast.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { ReportForm, useReported } from "./ReportForm.tsx";
import { useCounts } from "./use-counts.ts";

type Count = "eggs" | "survived" | "mature" | "fertilized" | "day3";

/** The counts a retrieval or a thaw has, in the order the lab reports them. */
function countsOf(cohort: EggCohort): readonly Count[] {
  return cohort.kind === "thaw"
    ? ["survived", "fertilized", "day3"]
    : ["eggs", "mature", "fertilized", "day3"];
}

/** A count the lab corrected (or that was typed wrong): only what changes is saved, checked against every report. */
export function CorrectForm({ cohort, onDone }: { cohort: EggCohort; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const form = useForm<Count>();
  const text = (n: number | null) => (n === null ? "" : String(n));
  const counts = useCounts(form, {
    eggs: text(cohort.eggs),
    survived: text(cohort.survived),
    mature: text(cohort.mature),
    fertilized: text(cohort.fertilized),
    day3: text(cohort.day3),
  });
  const reported = useReported(onDone);
  const fields = countsOf(cohort);
  const labels: Record<Count, string> = {
    eggs: t("embryos.new.eggs"),
    survived: t("embryos.thaw.survived"),
    mature: t("embryos.day1.mature"),
    fertilized: t("embryos.day1.fertilized"),
    day3: t("embryos.day3.developing"),
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const { values, found } = counts.read(
      t,
      Object.fromEntries(fields.map((f) => [f, f === "eggs" ? "required" : "optional"])),
    );
    if (form.fail(found)) return;
    const changes = Object.fromEntries(
      fields.filter((f) => (values[f] ?? null) !== cohort[f]).map((f) => [f, values[f] ?? null]),
    );
    if (Object.keys(changes).length === 0) {
      toast.show(t("embryos.correct.nothing"));
      return onDone();
    }
    const r = await form.record("LabCountsCorrected", { cohortId: cohort.id, ...changes });
    if (r.ok) reported();
  }

  return (
    <ReportForm title={t("embryos.correct.title")} form={form} onSubmit={save}>
      <p className="hint">{t("embryos.correct.hint")}</p>
      {fields.map((f) => (
        <CountField key={f} {...counts.field(f)} label={labels[f]} />
      ))}
    </ReportForm>
  );
}
