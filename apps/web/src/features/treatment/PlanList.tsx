import { addDays, type Cycle, type DoseUnit, type PlannedMedication } from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useJourneyState } from "../../app/client-context.tsx";
import { currentSpec, planRange, timesText } from "../../app/format.ts";
import { todayIso } from "../../app/time.ts";
import { DateField, FormButtons, QuietButton, useForm } from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { DoseInputs, unitsFor } from "./inputs.tsx";

/** The medicines of a cycle as they stand today, each with "change from a day" and "stop". */
export function PlanList({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  const state = useJourneyState();
  const id = useId();
  const items = [...state.planItems.values()].filter(
    (p) => p.cycleId === cycle.id && !p.retracted && p.medication.purpose !== "trigger",
  );
  return (
    <section className="stack-tight" aria-labelledby={`${id}-plan`}>
      <h2 id={`${id}-plan`}>{t("plan.title")}</h2>
      {items.length === 0 ? (
        <p className="card empty">{t("cycle.new.noMedicines")}</p>
      ) : (
        <ul className="plain-list stack-tight">
          {items.map((item) => (
            <PlanRow key={item.id} cycle={cycle} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Mode = "view" | "change" | "stop";

function PlanRow({ cycle, item }: { cycle: Cycle; item: PlannedMedication }) {
  const i18n = useI18n();
  const { t } = i18n;
  const today = todayIso(cycle.zone);
  const spec = currentSpec(item, today);
  const [mode, setMode] = useState<Mode>("view");

  const earlier = item.changes
    .filter((c) => c.dose)
    .map((c) => `${i18n.dose(c.dose!)} ${t("plan.change.from").toLowerCase()} ${i18n.day(c.from)}`);

  return (
    <li className="card">
      <h3 className="plan-name">{item.medication.name}</h3>
      <p className="big-line">
        {i18n.dose(spec.dose)} · {timesText(i18n, spec.times)}
        {item.everyDays > 1 && ` · ${t("plan.everyDays.value", { n: item.everyDays })}`}
      </p>
      <p className="muted small">{planRange(i18n, cycle, item)}</p>
      {earlier.length > 0 && (
        <p className="muted small">
          {t("plan.history", { first: i18n.dose(item.dose), items: earlier.join("; ") })}
        </p>
      )}
      {item.timeCritical && <p className="muted small">{t("plan.timeCritical.hint")}</p>}
      {mode === "view" && (
        <WhenCanRecord>
          <div className="row">
            <QuietButton label={t("plan.change")} onClick={() => setMode("change")} />
            <QuietButton label={t("plan.stop")} onClick={() => setMode("stop")} />
          </div>
        </WhenCanRecord>
      )}
      {mode === "change" && (
        <ChangeDose
          item={item}
          from={addDays(today, 1)}
          dose={spec.dose}
          onDone={() => setMode("view")}
        />
      )}
      {mode === "stop" && <StopMedicine item={item} last={today} onDone={() => setMode("view")} />}
    </li>
  );
}

/** A new dose from a day on, as the clinic said: `MedicationPlanAdjusted` with the dose. */
function ChangeDose({
  item,
  from: firstDay,
  dose: current,
  onDone,
}: {
  item: PlannedMedication;
  from: string;
  dose: { value: number; unit: DoseUnit };
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const form = useForm<"from" | "dose">();
  const [from, setFrom] = useState(firstDay);
  const [dose, setDose] = useState(current);
  const name = item.medication.name;

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await form.record("MedicationPlanAdjusted", { planItemId: item.id, from, dose });
    if (!r.ok) return;
    onDone();
    toast.show(t("plan.change.saved", { date: i18n.day(from), name, dose: i18n.dose(dose) }));
  }

  return (
    <form
      className="stack-tight"
      onSubmit={save}
      aria-label={t("plan.change.title", { name })}
      noValidate
    >
      <DateField
        {...form.bind("from", from, setFrom)}
        label={t("plan.change.from")}
        hint={t("plan.change.from.hint")}
      />
      <DoseInputs
        {...form.field("dose")}
        label={t("plan.change.dose")}
        dose={dose}
        units={unitsFor(item.medication.catalogueId)}
        onChange={setDose}
      />
      <FormButtons form={form} label={t("plan.change.save")} onCancel={onDone} />
    </form>
  );
}

/** The last day of a medicine: `MedicationPlanAdjusted` ending it on that day. */
function StopMedicine({
  item,
  last: today,
  onDone,
}: {
  item: PlannedMedication;
  last: string;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const toast = useToast();
  const form = useForm<"last">({ from: { from: "last", end: "last" } });
  const [last, setLast] = useState(today);

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await form.record("MedicationPlanAdjusted", {
      planItemId: item.id,
      from: last,
      end: { kind: "date", date: last },
    });
    if (!r.ok) return;
    onDone();
    toast.show(t("plan.stop.saved", { name: item.medication.name, date: i18n.day(last) }));
  }

  return (
    <form className="stack-tight" onSubmit={save} noValidate>
      <DateField {...form.bind("last", last, setLast)} label={t("plan.stop.last")} />
      <FormButtons form={form} label={t("plan.stop.save")} onCancel={onDone} />
    </form>
  );
}
