import {
  cycleClinicName,
  type JourneyState,
  type PlanEndSpec,
  type PlannedMedication,
} from "@trellis/domain";
import { type Cell, csvText } from "./csv-format.ts";
import { retrievalColumns, retrievalRows } from "./csv-lab.ts";

/**
 * The two tables the others hang on, in the zip so the record can come back
 * on a fresh device: `cycles.csv` (every dose, test, scan and cost names its
 * cycle) and `medicines.csv` (every dose names its planned medicine, and is
 * checked against the plan). Same conventions as `toCsv`.
 */

export const planTables = ["cycles", "medicines", "retrievals"] as const;
export type PlanTable = (typeof planTables)[number];

export const planColumns = {
  cycles: [
    "cycle_id",
    "cycle_type",
    "protocol_id",
    "protocol_name",
    "day_one",
    "start_date",
    "time_zone",
    "transfer_plan",
    "clinic",
    "trigger_to_procedure_hours",
    "status",
    "ended_on",
  ],
  medicines: [
    "plan_item_id",
    "cycle_id",
    "medicine",
    "catalogue_id",
    "route",
    "form",
    "purpose",
    "dose",
    "unit",
    "times",
    "start",
    "end",
    "every_days",
    "time_critical",
    "changes",
    "note",
  ],
  retrievals: retrievalColumns,
} as const satisfies Record<PlanTable, readonly string[]>;

/** `cycle-day:12`, `date:2015-04-20`, `until-trigger`, `open`. */
export function endText(end: PlanEndSpec): string {
  if (end.kind === "cycle-day") return `cycle-day:${end.day}`;
  if (end.kind === "date") return `date:${end.date}`;
  return end.kind;
}

const startText = (s: PlannedMedication["start"]) =>
  "cycleDay" in s ? `cycle-day:${s.cycleDay}` : `date:${s.date}`;

/** Each change from a day on: `from|dose|unit|times|end`, times space-separated, empty when unchanged; `;` between changes. */
function changesText(item: PlannedMedication): string {
  return item.changes
    .map((c) =>
      [
        c.from,
        c.dose?.value ?? "",
        c.dose?.unit ?? "",
        c.times ? c.times.join(" ") : "",
        c.end ? endText(c.end) : "",
      ].join("|"),
    )
    .join(";");
}

function rows(state: JourneyState, table: PlanTable): Cell[][] {
  if (table === "retrievals") return retrievalRows(state);
  if (table === "cycles") {
    return [...state.cycles.values()]
      .filter((c) => !c.retracted)
      .sort((a, b) => (a.startDate + a.id < b.startDate + b.id ? -1 : 1))
      .map((c) => [
        c.id,
        c.cycleType,
        c.protocolId,
        c.protocolName,
        c.dayOne,
        c.startDate,
        c.zone,
        c.transferPlan,
        cycleClinicName(state, c.id),
        c.triggerToProcedureHours,
        c.status,
        c.endedOn,
      ]);
  }
  const cycleStart = (id: string) => state.cycles.get(id)?.startDate ?? "";
  return [...state.planItems.values()]
    .filter((p) => !p.retracted && state.cycles.get(p.cycleId)?.retracted === false)
    .sort((a, b) => (cycleStart(a.cycleId) + a.id < cycleStart(b.cycleId) + b.id ? -1 : 1))
    .map((p) => [
      p.id,
      p.cycleId,
      p.medication.name,
      p.medication.catalogueId ?? null,
      p.medication.route,
      p.medication.form ?? null,
      p.medication.purpose,
      p.dose.value,
      p.dose.unit,
      p.times.join(" "),
      startText(p.start),
      endText(p.end),
      p.everyDays,
      p.timeCritical,
      changesText(p),
      p.note,
    ]);
}

/** `cycles.csv`, `medicines.csv` or `retrievals.csv`. */
export function toPlanCsv(state: JourneyState, table: PlanTable): string {
  return csvText(planColumns[table], rows(state, table));
}
