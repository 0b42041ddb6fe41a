import { type CatalogueMedicine, catalogueMedicine } from "../medication/catalogue.ts";
import type { Dose } from "../schedule/expand.ts";
import type { MedicationRef, PlanEndSpec, PlanStart } from "../treatment/state.ts";
import type { ProtocolTemplate, TemplateItem } from "./templates.ts";

/** A medicine of a plan being drawn up: what `MedicationPlanned` needs, minus ids. */
export interface PlanDraftItem {
  readonly medication: MedicationRef;
  readonly dose: Dose;
  readonly times: readonly string[];
  readonly start: PlanStart;
  readonly end: PlanEndSpec;
  readonly everyDays: number;
  readonly timeCritical: boolean;
  readonly note?: string | undefined;
}

/** How a plan refers to a catalogue medicine, for the purpose it serves in this plan. */
function medicationRef(med: CatalogueMedicine, purpose: MedicationRef["purpose"]): MedicationRef {
  return { catalogueId: med.id, name: med.generic, route: med.route, form: med.form, purpose };
}

export function draftFromTemplateItem(item: TemplateItem): PlanDraftItem {
  const med = catalogueMedicine(item.medicationId);
  if (!med) throw new Error(`protocol template names an unknown medicine: ${item.medicationId}`);
  return {
    medication: medicationRef(med, med.purpose),
    dose: item.dose,
    times: item.times,
    start: { cycleDay: item.startDay },
    end:
      item.end === "until-trigger"
        ? { kind: "until-trigger" }
        : item.end === "open"
          ? { kind: "open" }
          : { kind: "cycle-day", day: item.end.day },
    everyDays: item.everyDays ?? 1,
    timeCritical: med.timeCritical,
    note: item.note,
  };
}

/** The template's medicines as an editable plan; the person changes what their clinic prescribed. */
export function draftPlanFromTemplate(template: ProtocolTemplate): PlanDraftItem[] {
  return template.items.map(draftFromTemplateItem);
}

/** The trigger the template suggests, planned for a date and time the clinic gives. */
export function draftTrigger(
  template: ProtocolTemplate,
  date: string,
  time: string,
): PlanDraftItem | null {
  if (!template.trigger) return null;
  const med = catalogueMedicine(template.trigger.medicationId);
  if (!med) return null;
  return {
    medication: medicationRef(med, "trigger"),
    dose: template.trigger.dose,
    times: [time],
    start: { date },
    end: { kind: "date", date },
    everyDays: 1,
    timeCritical: true,
  };
}
