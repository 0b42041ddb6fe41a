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
import { useJourneyState } from "../../app/client-context.tsx";
import { when } from "../../app/format.ts";
import { useCanRecord } from "../../app/sync-context.tsx";
import { deviceZone, todayIso } from "../../app/time.ts";
import {
  DateField,
  FormButtons,
  NumberField,
  SelectField,
  TimeField,
  useForm,
} from "../../components/forms/index.ts";
import { WhenCanRecord } from "../../components/ReadOnly.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { InlineForm } from "./inputs.tsx";
import { duration } from "./ProcedureCard.tsx";

const triggerMeds = medicationCatalogue.filter((m) => m.purpose === "trigger");

/** The trigger shot and the retrieval (or insemination) it sets, for one cycle. */
export function TriggerCard({ cycle }: { cycle: Cycle }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = useJourneyState();
  const canRecord = useCanRecord();
  const id = useId();
  const zone = deviceZone();
  const trigger = cycleTrigger(state, cycle.id);
  const procedure = procedureTime(state, cycle.id);
  const iui = cycle.cycleType === "iui";

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
            <TriggerHours cycle={cycle} />
          </WhenCanRecord>
        </>
      ) : !canRecord ? (
        <p className="muted">{t("trigger.none")}</p>
      ) : (
        <PlanTrigger cycle={cycle} />
      )}
    </section>
  );
}

/**
 * Setting the trigger: its date, exact time and medicine, planned as a
 * one-day, time-critical medicine (the protocol's own trigger when it has one).
 */
function PlanTrigger({ cycle }: { cycle: Cycle }) {
  const i18n = useI18n();
  const { t } = i18n;
  const template = cycle.protocolId ? protocolTemplate(cycle.protocolId) : undefined;
  // The plan's dates and times are the form's date and time.
  const form = useForm<"date" | "time" | "medicine">({
    from: { start: "date", end: "date", times: "time", medication: "medicine", dose: "medicine" },
  });
  const [date, setDate] = useState(todayIso(cycle.zone));
  const [time, setTime] = useState("21:30");
  const [medId, setMedId] = useState(template?.trigger?.medicationId ?? triggerMeds[0]!.id);

  async function save(e: FormEvent) {
    e.preventDefault();
    const found = {
      date: date ? undefined : t("form.required"),
      time: time ? undefined : t("form.required"),
    };
    if (form.fail(found)) return;
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
    await form.record("MedicationPlanned", {
      ...draft,
      times: [...draft.times],
      cycleId: cycle.id,
      planItemId: form.newId(),
    });
  }

  return (
    <form className="stack-tight" onSubmit={save} noValidate>
      <h3>{t("trigger.set")}</h3>
      <div className="grid-2">
        <DateField {...form.bind("date", date, setDate)} label={t("trigger.date")} />
        <TimeField
          {...form.field("time")}
          label={t("trigger.time")}
          value={time}
          onChange={setTime}
        />
      </div>
      <SelectField
        {...form.field("medicine")}
        label={t("trigger.medicine")}
        options={triggerMeds.map((m) => ({
          value: m.id,
          label: `${m.generic} (${m.brands.join(", ")}) ${i18n.dose(m.typicalDose)}`,
        }))}
        value={medId}
        onChange={setMedId}
      />
      <FormButtons form={form} label={t("trigger.save")} />
    </form>
  );
}

/** How many hours after the trigger the clinic does the retrieval (or insemination). */
function TriggerHours({ cycle }: { cycle: Cycle }) {
  const { t } = useI18n();
  const toast = useToast();
  const form = useForm<"hours">({ from: { triggerToProcedureHours: "hours" } });
  const [hours, setHours] = useState(cycle.triggerToProcedureHours);

  async function save(e: FormEvent) {
    e.preventDefault();
    const r = await form.record("CycleUpdated", {
      cycleId: cycle.id,
      triggerToProcedureHours: hours,
    });
    if (r.ok) toast.show(t("trigger.hours.saved"));
  }

  // Outside the band the refusal is said beside the hours, in words; the browser's own
  // bubble would say "Value must be less than or equal to 48".
  return (
    <InlineForm form={form} label={t("trigger.hours.save")} onSubmit={save}>
      <NumberField
        {...form.field("hours")}
        label={t("trigger.hours")}
        hint={t("trigger.hours.hint", { hours: DEFAULT_TRIGGER_TO_PROCEDURE_HOURS })}
        min={TRIGGER_TO_PROCEDURE_HOURS.min}
        max={TRIGGER_TO_PROCEDURE_HOURS.max}
        step="0.5"
        value={hours}
        onChange={setHours}
      />
    </InlineForm>
  );
}
