import {
  type Cycle,
  catalogueMedicine,
  cycleTrigger,
  DEFAULT_TRIGGER_TO_PROCEDURE_HOURS,
  draftTrigger,
  medicationCatalogue,
  procedureTime,
  protocolTemplate,
  TRIGGER_TO_PROCEDURE_HOURS,
} from "@trellis/domain";
import { type FormEvent, useId, useState } from "react";
import { useClient, useJourneyState } from "../../app/client-context.tsx";
import { when } from "../../app/format.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, todayIso } from "../../app/time.ts";
import { FormError } from "../../components/forms/Field.tsx";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { notSaved } from "../../i18n/refusals.ts";
import { duration } from "./ProcedureCard.tsx";

const triggerMeds = medicationCatalogue.filter((m) => m.purpose === "trigger");

/** The trigger shot and the retrieval (or insemination) it sets, for one cycle. */
export function TriggerCard({ cycle }: { cycle: Cycle }) {
  const i18n = useI18n();
  const { t } = i18n;
  const client = useClient();
  const state = useJourneyState();
  const toast = useToast();
  const canRecord = useCanRecord();
  const id = useId();
  const zone = deviceZone();
  const trigger = cycleTrigger(state, cycle.id);
  const procedure = procedureTime(state, cycle.id);
  const template = cycle.protocolId ? protocolTemplate(cycle.protocolId) : undefined;
  const iui = cycle.cycleType === "iui";

  const [date, setDate] = useState(todayIso(cycle.zone));
  const [time, setTime] = useState("21:30");
  const [medId, setMedId] = useState(template?.trigger?.medicationId ?? triggerMeds[0]!.id);
  const [hours, setHours] = useState(cycle.triggerToProcedureHours);
  const [error, setError] = useState<string | null>(null);

  async function planTrigger(e: FormEvent) {
    e.preventDefault();
    const med = catalogueMedicine(medId)!;
    const fromTemplate =
      template && template.trigger?.medicationId === medId
        ? draftTrigger(template, date, time)
        : null;
    const draft = fromTemplate ?? {
      medication: {
        catalogueId: med.id,
        name: med.generic,
        route: med.route,
        form: med.form,
        purpose: "trigger" as const,
      },
      dose: med.typicalDose,
      times: [time],
      start: { date },
      end: { kind: "date" as const, date },
      everyDays: 1,
      timeCritical: true,
    };
    const r = await client.record("MedicationPlanned", {
      ...draft,
      times: [...draft.times],
      cycleId: cycle.id,
      planItemId: client.newId(),
    });
    setError(r.ok ? null : notSaved(i18n, r.error));
  }

  async function saveHours(e: FormEvent) {
    e.preventDefault();
    const r = await client.record("CycleUpdated", {
      cycleId: cycle.id,
      triggerToProcedureHours: hours,
    });
    if (r.ok) toast.show(t("trigger.hours.saved"));
    else setError(notSaved(i18n, r.error));
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("trigger.title")}</h2>
      <p className="hint">{t(iui ? "trigger.intro.iui" : "trigger.intro")}</p>
      {trigger ? (
        <>
          <p className="big-line">
            {t(trigger.logged ? "trigger.logged" : "trigger.planned", {
              when: when(i18n, trigger.at, zone),
            })}
          </p>
          <p className="muted small">{t("trigger.exact")}</p>
          {procedure && (
            <div className="highlight">
              <p className="big-line">
                {t(iui ? "trigger.procedure.iui" : "trigger.procedure", {
                  when: when(i18n, procedure.at, zone),
                })}
              </p>
              {procedure.basedOn === "appointment" ? (
                <p className="small">{t("trigger.procedure.booked")}</p>
              ) : (
                <>
                  <p className="small">
                    {t("trigger.procedure.basis", {
                      hours: i18n.number(procedure.hoursAfterTrigger),
                    })}
                  </p>
                  <p className="small muted">{t("trigger.procedure.planned")}</p>
                </>
              )}
              {(procedure.triggerTiming === "late" || procedure.triggerTiming === "early") && (
                <p className="notice">
                  {t(
                    procedure.triggerTiming === "late"
                      ? "today.procedure.late"
                      : "today.procedure.early",
                    {
                      duration: duration(i18n, procedure.triggerOffsetMinutes!),
                      procedure: procedure.kind,
                    },
                  )}
                </p>
              )}
            </div>
          )}
          <WhenCanRecord>
            <form className="row align-end" onSubmit={saveHours}>
              <div className="field">
                <label htmlFor={`${id}-hours`}>{t("trigger.hours")}</label>
                <p className="hint" id={`${id}-hours-hint`}>
                  {t("trigger.hours.hint", { hours: DEFAULT_TRIGGER_TO_PROCEDURE_HOURS })}
                </p>
                <input
                  id={`${id}-hours`}
                  type="number"
                  inputMode="decimal"
                  min={TRIGGER_TO_PROCEDURE_HOURS.min}
                  max={TRIGGER_TO_PROCEDURE_HOURS.max}
                  step="0.5"
                  value={hours}
                  aria-describedby={`${id}-hours-hint`}
                  onChange={(e) => setHours(e.target.valueAsNumber)}
                />
              </div>
              <button type="submit" className="button">
                {t("trigger.hours.save")}
              </button>
            </form>
          </WhenCanRecord>
        </>
      ) : !canRecord ? (
        <p className="muted">{t("trigger.none")}</p>
      ) : (
        <form className="stack-tight" onSubmit={planTrigger} noValidate>
          <h3>{t("trigger.set")}</h3>
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${id}-date`}>{t("trigger.date")}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-time`}>{t("trigger.time")}</label>
              <input
                id={`${id}-time`}
                type="time"
                value={time}
                onChange={(e) => setTime(e.target.value)}
              />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-med`}>{t("trigger.medicine")}</label>
            <select id={`${id}-med`} value={medId} onChange={(e) => setMedId(e.target.value)}>
              {triggerMeds.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.generic} (${m.brands.join(", ")}) ${i18n.dose(m.typicalDose)}`}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="button button-primary">
              {t("trigger.save")}
            </button>
          </div>
        </form>
      )}
      <FormError>{error}</FormError>
    </section>
  );
}
