/**
 * Starting a cycle records one batch: the cycle (event 0), then one
 * `MedicationPlanned` per medicine in the order shown. Pure, so the order,
 * and which medicine a refusal of the batch is about, are tested without a
 * screen.
 */
import type { BatchDraft } from "@trellis/client";
import {
  medicationCatalogue,
  type PlanDraftItem,
  type Problem,
  type ProtocolTemplate,
} from "@trellis/domain";
import { batchIndexOf } from "../../components/forms/index.ts";

/** A medicine of the plan being drawn up, with a key the screen knows it by. */
export type EditableItem = PlanDraftItem & { readonly key: string };

export interface CycleChoices {
  readonly template: ProtocolTemplate;
  readonly startDate: string;
  readonly zone: string;
  /** A clinic id, or "" for none. */
  readonly clinicId: string;
  readonly transferPlan: "freeze-all" | "fresh";
}

/** The batch that starts a cycle with its plan, and the new cycle's id. */
export function startCycleBatch(
  c: CycleChoices,
  items: readonly EditableItem[],
  newId: () => string,
): { cycleId: string; drafts: BatchDraft[] } {
  const cycleId = newId();
  const { template } = c;
  const cycle: BatchDraft = {
    type: "CycleStarted",
    payload: {
      cycleId,
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate: c.startDate,
      zone: c.zone,
      ...(c.clinicId && { clinicId: c.clinicId }),
      ...(template.cycleType === "stimulation" && { transferPlan: c.transferPlan }),
      ...(template.triggerToProcedureHours && {
        triggerToProcedureHours: template.triggerToProcedureHours,
      }),
    },
  };
  const medicines = items.map(
    ({ key: _key, ...item }): BatchDraft => ({
      type: "MedicationPlanned",
      payload: { ...item, times: [...item.times], cycleId, planItemId: newId(), note: item.note },
    }),
  );
  return { cycleId, drafts: [cycle, ...medicines] };
}

/**
 * Where a refusal of that batch goes: the key of the medicine it is about,
 * undefined for the cycle itself (its field names find their inputs), null
 * for an event the screen does not show (the form's own line).
 */
export function planItemOf(
  p: Pick<Problem<string>, "field">,
  items: readonly EditableItem[],
): string | null | undefined {
  const index = batchIndexOf(p);
  if (!index) return undefined;
  return items[index - 1]?.key ?? null;
}

/**
 * A medicine added to the plan by hand: one from the catalogue (`choice` is
 * its id; taken until the trigger in a stimulation or egg-freezing cycle),
 * or `"other"` with the name the person typed. Null when there is nothing to add.
 */
export function addedMedicine(
  choice: string,
  otherName: string,
  template: ProtocolTemplate,
): PlanDraftItem | null {
  const daily = { times: ["21:00"], start: { cycleDay: 1 }, everyDays: 1 } as const;
  if (choice === "other") {
    const name = otherName.trim();
    if (!name) return null;
    return {
      ...daily,
      times: [...daily.times],
      medication: { name, route: "subcutaneous", purpose: "other" },
      dose: { value: 1, unit: "mg" },
      end: { kind: "open" },
      timeCritical: false,
    };
  }
  const med = medicationCatalogue.find((m) => m.id === choice);
  if (!med) return null;
  const untilTrigger =
    template.cycleType === "stimulation" || template.cycleType === "egg-freezing";
  return {
    ...daily,
    times: [...daily.times],
    medication: {
      catalogueId: med.id,
      name: med.generic,
      route: med.route,
      form: med.form,
      purpose: med.purpose,
    },
    dose: med.typicalDose,
    end: untilTrigger ? { kind: "until-trigger" } : { kind: "open" },
    timeCritical: med.timeCritical,
  };
}
