import {
  addDays,
  type Cycle,
  catalogueMedicine,
  type DoseUnit,
  doseUnits,
  type PlannedMedication,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { currentSpec, planRange, timesText } from "../../app/format.ts";
import { todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";

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

function PlanRow({ cycle, item }: { cycle: Cycle; item: PlannedMedication }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const toast = useToast();
  const id = useId();
  const today = todayIso(cycle.zone);
  const spec = currentSpec(item, today);
  const [mode, setMode] = useState<"view" | "change" | "stop">("view");
  const [from, setFrom] = useState(addDays(today, 1));
  const [value, setValue] = useState(spec.dose.value);
  const [unit, setUnit] = useState<DoseUnit>(spec.dose.unit);
  const [last, setLast] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const known = item.medication.catalogueId
    ? catalogueMedicine(item.medication.catalogueId)
    : undefined;
  const units = known ? known.units : doseUnits;

  const earlier = item.changes
    .filter((c) => c.dose)
    .map((c) => `${i18n.dose(c.dose!)} ${t("plan.change.from").toLowerCase()} ${i18n.day(c.from)}`);

  async function change(e: FormEvent) {
    e.preventDefault();
    const r = await client.record("MedicationPlanAdjusted", {
      planItemId: item.id,
      from,
      dose: { value, unit },
    });
    if (!r.ok) return setError(notSaved(i18n, r.error));
    setError(null);
    setMode("view");
    toast.show(
      t("plan.change.saved", {
        date: i18n.day(from),
        name: item.medication.name,
        dose: i18n.dose({ value, unit }),
      }),
    );
  }

  async function stop(e: FormEvent) {
    e.preventDefault();
    const r = await client.record("MedicationPlanAdjusted", {
      planItemId: item.id,
      from: last,
      end: { kind: "date", date: last },
    });
    if (!r.ok) return setError(notSaved(i18n, r.error));
    setError(null);
    setMode("view");
    toast.show(t("plan.stop.saved", { name: item.medication.name, date: i18n.day(last) }));
  }

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
            <button type="button" className="button button-quiet" onClick={() => setMode("change")}>
              {t("plan.change")}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setMode("stop")}>
              {t("plan.stop")}
            </button>
          </div>
        </WhenCanRecord>
      )}
      {mode === "change" && (
        <form
          className="stack-tight"
          onSubmit={change}
          aria-label={t("plan.change.title", { name: item.medication.name })}
          noValidate
        >
          <div className="field">
            <label htmlFor={`${id}-from`}>{t("plan.change.from")}</label>
            <p className="hint" id={`${id}-from-hint`}>
              {t("plan.change.from.hint")}
            </p>
            <input
              id={`${id}-from`}
              type="date"
              value={from}
              aria-describedby={`${id}-from-hint`}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-dose`}>{t("plan.change.dose")}</label>
              <input
                id={`${id}-dose`}
                type="number"
                inputMode="decimal"
                step="any"
                min="0"
                value={Number.isNaN(value) ? "" : value}
                onChange={(e) => setValue(e.target.valueAsNumber)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-unit`}>{t("plan.unit")}</label>
              <select
                id={`${id}-unit`}
                value={unit}
                onChange={(e) => setUnit(e.target.value as DoseUnit)}
              >
                {units.map((u) => (
                  <option key={u} value={u}>
                    {t(`unit.${u}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="row">
            <button type="submit" className="button button-primary">
              {t("plan.change.save")}
            </button>
            <button type="button" className="button" onClick={() => setMode("view")}>
              {t("form.cancel")}
            </button>
          </div>
        </form>
      )}
      {mode === "stop" && (
        <form className="stack-tight" onSubmit={stop} noValidate>
          <div className="field">
            <label htmlFor={`${id}-last`}>{t("plan.stop.last")}</label>
            <input
              id={`${id}-last`}
              type="date"
              value={last}
              onChange={(e) => setLast(e.target.value)}
            />
          </div>
          <div className="row">
            <button type="submit" className="button button-primary">
              {t("plan.stop.save")}
            </button>
            <button type="button" className="button" onClick={() => setMode("view")}>
              {t("form.cancel")}
            </button>
          </div>
        </form>
      )}
      <FormError>{error}</FormError>
    </li>
  );
}
