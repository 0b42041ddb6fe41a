import { problem } from "../core/result.ts";
import { doseProblem } from "../medication/catalogue.ts";
import { addDays } from "../schedule/civil.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import { liveCycle } from "./live-cycle.ts";
import { isPlannedSlot, slotKey, startDateOf, toPlanItem } from "./plan.ts";
import type { PlanEndSpec } from "./state.ts";
import { DEFAULT_TRIGGER_TO_PROCEDURE_HOURS } from "./trigger.ts";

type TreatmentEvents =
  | "CycleStarted"
  | "CycleUpdated"
  | "CycleEnded"
  | "CycleStillOpen"
  | "CycleRetracted"
  | "MedicationPlanned"
  | "MedicationPlanAdjusted"
  | "MedicationPlanRetracted"
  | "DoseLogged"
  | "DoseLogRetracted";

/** A cycle may name any clinic the person saved, also one removed since (another device may have removed it meanwhile). */
function unknownClinic(s: JourneyState, clinicId: string | null | undefined) {
  return clinicId && !s.clinics.has(clinicId)
    ? problem("unknown-clinic", "payload.clinicId")
    : null;
}

/** The plan item an event names, with its cycle. */
function liveItem(s: JourneyState, planItemId: string) {
  const found = liveRecord(s.planItems, planItemId, "unknown-plan-item", "payload.planItemId");
  if (found.problem) return { problem: found.problem };
  return { item: found.record, cycle: s.cycles.get(found.record.cycleId)! };
}

function endBeforeStart(startDate: string, end: PlanEndSpec, cycleStart: string): boolean {
  if (end.kind === "date") return end.date < startDate;
  if (end.kind === "cycle-day") return addDays(cycleStart, end.day - 1) < startDate;
  return false;
}

export const treatmentHandlers: Handlers<TreatmentEvents> = {
  CycleStarted: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.cycles.has(p.cycleId)) return problem("duplicate-cycle", "payload.cycleId");
      const clinic = unknownClinic(s, p.clinicId);
      if (clinic) return clinic;
      if (p.transferPlan && p.cycleType !== "stimulation") {
        return problem("transfer-plan-needs-stimulation", "payload.transferPlan");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.cycles.set(p.cycleId, {
        id: p.cycleId,
        cycleType: p.cycleType,
        protocolId: p.protocolId,
        protocolName: p.protocolName,
        dayOne: p.dayOne,
        startDate: p.startDate,
        zone: p.zone,
        transferPlan: p.transferPlan ?? (p.cycleType === "stimulation" ? "freeze-all" : null),
        clinic: p.clinic?.length ? p.clinic : null,
        clinicId: p.clinicId ?? null,
        triggerToProcedureHours: p.triggerToProcedureHours ?? DEFAULT_TRIGGER_TO_PROCEDURE_HOURS,
        status: "active",
        endedOn: null,
        stillOpenOn: null,
        retracted: false,
      });
    },
  },
  CycleUpdated: {
    check: (s, { payload: p }) => liveCycle(s, p.cycleId).problem ?? unknownClinic(s, p.clinicId),
    apply: (d, { payload: p }) => {
      const c = d.cycles.get(p.cycleId)!;
      d.cycles.set(p.cycleId, {
        ...c,
        ...givenFields(p, [
          "startDate",
          "protocolName",
          "clinicId",
          "transferPlan",
          "triggerToProcedureHours",
        ]),
        ...(p.clinic !== undefined && { clinic: p.clinic?.length ? p.clinic : null }),
      });
    },
  },
  CycleEnded: {
    check: (s, { payload: p }) => {
      const { record: cycle, problem: missing } = liveCycle(s, p.cycleId);
      if (missing) return missing;
      if (p.endedOn < cycle.startDate) {
        return problem("before-cycle-start", "payload.endedOn", { date: cycle.startDate });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      const c = d.cycles.get(p.cycleId)!;
      d.cycles.set(p.cycleId, { ...c, status: p.status, endedOn: p.endedOn });
    },
  },
  CycleStillOpen: {
    check: (s, { payload: p }) => {
      const { record: cycle, problem: missing } = liveCycle(s, p.cycleId);
      if (missing) return missing;
      if (cycle.status !== "active") {
        return problem(
          "cycle-ended",
          "payload.cycleId",
          cycle.endedOn ? { date: cycle.endedOn } : undefined,
        );
      }
      if (p.on < cycle.startDate) {
        return problem("before-cycle-start", "payload.on", { date: cycle.startDate });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      const c = d.cycles.get(p.cycleId)!;
      // Answers can arrive from two devices in any order: the latest day counts.
      if (c.stillOpenOn === null || p.on > c.stillOpenOn)
        d.cycles.set(p.cycleId, { ...c, stillOpenOn: p.on });
    },
  },
  CycleRetracted: markGone({
    collection: "cycles",
    idField: "cycleId",
    reason: "unknown-cycle",
  }),
  MedicationPlanned: {
    check: (s, { payload: p }) => {
      const { record: cycle, problem: missing } = liveCycle(s, p.cycleId);
      if (missing) return missing;
      if (s.planItems.has(p.planItemId)) {
        return problem("duplicate-plan-item", "payload.planItemId");
      }
      const bad = doseProblem(p.dose, p.medication.catalogueId, "payload.dose");
      if (bad) return bad;
      const start = startDateOf(cycle, p.start);
      if (endBeforeStart(start, p.end, cycle.startDate)) {
        return problem("end-before-start", "payload.end");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.planItems.set(p.planItemId, {
        id: p.planItemId,
        cycleId: p.cycleId,
        medication: p.medication,
        dose: p.dose,
        times: [...p.times].sort(),
        start: p.start,
        end: p.end,
        everyDays: p.everyDays ?? 1,
        timeCritical: p.timeCritical,
        note: p.note ?? null,
        changes: [],
        retracted: false,
      });
    },
  },
  MedicationPlanAdjusted: {
    check: (s, { payload: p }) => {
      const found = liveItem(s, p.planItemId);
      if (found.problem) return found.problem;
      const { item, cycle } = found;
      const start = startDateOf(cycle, item.start);
      if (p.from < start) {
        return problem("before-start", "payload.from", {
          date: start,
          after: "medicine-start",
          medicine: item.medication.name,
        });
      }
      if (p.dose) {
        const bad = doseProblem(p.dose, item.medication.catalogueId, "payload.dose");
        if (bad) return bad;
      }
      if (
        p.end &&
        endBeforeStart(p.from, p.end, cycle.startDate) &&
        !(p.end.kind === "date" && p.end.date === addDays(p.from, -1))
      ) {
        return problem("end-before-start", "payload.end");
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const item = d.planItems.get(p.planItemId)!;
      d.planItems.set(p.planItemId, {
        ...item,
        changes: [
          ...item.changes,
          {
            from: p.from,
            dose: p.dose,
            times: p.times ? [...p.times].sort() : undefined,
            end: p.end,
            note: p.note,
            eventId: id,
          },
        ],
      });
    },
  },
  MedicationPlanRetracted: markGone({
    collection: "planItems",
    idField: "planItemId",
    reason: "unknown-plan-item",
  }),
  DoseLogged: {
    check: (s, { payload: p }) => {
      if (s.doseLogs.has(p.doseId)) return problem("duplicate-dose", "payload.doseId");
      const found = liveItem(s, p.planItemId);
      if (found.problem) return found.problem;
      const { item, cycle } = found;
      const planItem = toPlanItem(cycle, item);
      if (!isPlannedSlot(planItem, p.slot.date, p.slot.time)) {
        return problem("not-planned", "payload.slot", {
          medicine: item.medication.name,
          date: p.slot.date,
          time: p.slot.time,
        });
      }
      if (s.doseBySlot.has(slotKey(p.planItemId, p.slot.date, p.slot.time))) {
        return problem("already-logged", "payload.slot");
      }
      // The local date of the time it was taken, as written (no zone maths needed for a
      // one-day-tolerant check): a dose cannot be taken before its cycle began.
      const firstDay = [cycle.startDate, planItem.startDate].sort()[0]!;
      if (p.takenAt.slice(0, 10) < addDays(firstDay, -1)) {
        return problem("before-cycle-start", "payload.takenAt", {
          date: cycle.startDate,
          medicine: item.medication.name,
        });
      }
      if (p.amount) {
        const bad = doseProblem(p.amount, item.medication.catalogueId, "payload.amount");
        if (bad) return bad;
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      d.doseLogs.set(p.doseId, {
        id: p.doseId,
        eventId: id,
        planItemId: p.planItemId,
        slot: p.slot,
        takenAt: p.takenAt,
        status: p.status,
        amount: p.amount ?? null,
        site: p.site ?? null,
        note: p.note ?? null,
        retracted: false,
      });
      d.doseBySlot.set(slotKey(p.planItemId, p.slot.date, p.slot.time), p.doseId);
    },
  },
  DoseLogRetracted: {
    check: (s, { payload: p }) => {
      const log = s.doseLogs.get(p.doseId);
      if (!log) return problem("unknown-dose", "payload.doseId");
      if (log.retracted) return problem("already-undone", "payload.doseId");
      return null;
    },
    apply: (d, { payload: p }) => {
      const log = d.doseLogs.get(p.doseId)!;
      d.doseLogs.set(p.doseId, { ...log, retracted: true });
      d.doseBySlot.delete(slotKey(log.planItemId, log.slot.date, log.slot.time));
    },
  },
};
