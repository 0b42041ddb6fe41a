import {
  addDays,
  type EggCohort,
  type Embryo,
  type PgtTest,
  pgtAResults,
  pgtMResults,
  pgtTests,
} from "@trellis/domain";
import { type FormEvent, useId, useRef, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { todayIso } from "../../app/time.ts";
import { PillCheck, PillGroup, rowOf, useForm } from "../../components/forms/index.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { noChoice, type PgtChoice, PgtRow } from "./PgtRow.tsx";
import { ReportDate, ReportForm, useReported } from "./ReportForm.tsx";
import { embryoShort } from "./words.ts";

/** Test results, weeks later: one result per biopsied embryo (those not in this report left out). */
export function PgtForm({
  cohort,
  embryos,
  onDone,
}: {
  cohort: EggCohort;
  embryos: Embryo[];
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const id = useId();
  // The embryos of the last save, in the order sent: a refusal names one by its place.
  const sent = useRef<string[]>([]);
  const form = useForm<"reportedOn" | `result-${string}`>({
    place: (p) => {
      const n = rowOf(p, "results");
      const embryoId = n === null ? undefined : sent.current[n];
      return embryoId === undefined ? undefined : `result-${embryoId}`;
    },
  });
  const reported = useReported(onDone);
  const [test, setTest] = useState<PgtTest>("PGT-A");
  const now = todayIso(state.journey!.homeZone);
  const [date, setDate] = useState([addDays(cohort.date, 21), now].sort()[0]!);
  const [choices, setChoices] = useState<Record<string, PgtChoice>>({});
  const [recordSex, setRecordSex] = useState(false);
  const biopsied = embryos.filter((e) => e.biopsied && (test === "PGT-A" ? !e.pgtA : !e.pgtM));
  const choiceOf = (embryoId: string) => choices[embryoId] ?? noChoice;

  async function save(e: FormEvent) {
    e.preventDefault();
    const chosen = biopsied.filter((b) => choiceOf(b.id).result);
    if (form.fail({ form: chosen.length === 0 ? t("embryos.pgt.nothingChosen") : undefined })) {
      return;
    }
    sent.current = chosen.map((b) => b.id);
    const r = await form.record("PgtResultRecorded", {
      reportedOn: date,
      test,
      results: chosen.map((b) => {
        const { result, level, sex } = choiceOf(b.id);
        return {
          embryoId: b.id,
          result: result as Exclude<PgtChoice["result"], "">,
          ...(result === "mosaic" && { mosaicLevel: level }),
          ...(recordSex && sex && { sex }),
        };
      }),
    });
    if (r.ok) reported();
  }

  return (
    <ReportForm
      title={t("embryos.pgt.title")}
      form={form}
      onSubmit={save}
      saveLabel={biopsied.length === 0 ? null : undefined}
    >
      <PillGroup
        legend={t("embryos.pgt.test")}
        name={`${id}-test`}
        options={pgtTests.map((x) => ({ value: x, label: x }))}
        value={test}
        onChange={(next) => {
          // A result of one test is not a result of the other.
          setTest(next);
          setChoices({});
          form.clear();
        }}
      />
      <ReportDate {...form.field("reportedOn")} value={date} onChange={setDate} />
      {biopsied.length === 0 ? (
        <p className="muted">{t("embryos.pgt.noneBiopsied")}</p>
      ) : (
        <>
          {biopsied.map((b) => (
            <PgtRow
              key={b.id}
              name={embryoShort(i18n, b)}
              results={test === "PGT-A" ? pgtAResults : pgtMResults}
              choice={choiceOf(b.id)}
              recordSex={recordSex}
              field={form.field(`result-${b.id}`)}
              onChange={(patch) =>
                setChoices((c) => ({ ...c, [b.id]: { ...(c[b.id] ?? noChoice), ...patch } }))
              }
            />
          ))}
          <div className="stack-tight">
            <PillCheck
              label={t("embryos.pgt.recordSex")}
              checked={recordSex}
              onChange={setRecordSex}
            />
            <p className="hint">{t("embryos.pgt.recordSex.hint")}</p>
          </div>
        </>
      )}
    </ReportForm>
  );
}
