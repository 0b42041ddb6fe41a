import { checkLabValue } from "../clinical/labs.ts";
import { type Problem, problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import { optionalCycleProblem } from "../treatment/live-cycle.ts";

type MonitoringEvents =
  | "AppointmentScheduled"
  | "AppointmentChanged"
  | "AppointmentCancelled"
  | "LabResultRecorded"
  | "LabResultCorrected"
  | "LabResultExcluded"
  | "LabResultRetracted"
  | "FollicleScanRecorded"
  | "FollicleScanCorrected"
  | "FollicleScanRetracted";

const prefixed = (p: Problem): Problem => ({ ...p, field: `payload.${p.field}` });

const liveResult = (s: JourneyState, id: string) =>
  liveRecord(s.labResults, id, "unknown-result", "payload.resultId");

export const monitoringHandlers: Handlers<MonitoringEvents> = {
  AppointmentScheduled: {
    check: (s, { payload: p }) =>
      s.appointments.has(p.appointmentId)
        ? problem("duplicate-appointment", "payload.appointmentId")
        : optionalCycleProblem(s, p.cycleId),
    apply: (d, { payload: p }) => {
      d.appointments.set(p.appointmentId, {
        id: p.appointmentId,
        cycleId: p.cycleId ?? null,
        at: p.at,
        kind: p.kind,
        place: p.place ?? null,
        note: p.note ?? null,
        cancelled: false,
      });
    },
  },
  AppointmentChanged: {
    check: (s, { payload: p }) =>
      liveRecord(
        s.appointments,
        p.appointmentId,
        "unknown-appointment",
        "payload.appointmentId",
        "cancelled",
      ).problem ?? null,
    apply: (d, { payload: p }) => {
      d.appointments.set(p.appointmentId, {
        ...d.appointments.get(p.appointmentId)!,
        ...givenFields(p, ["at", "kind", "place", "note"]),
      });
    },
  },
  AppointmentCancelled: markGone({
    collection: "appointments",
    idField: "appointmentId",
    reason: "unknown-appointment",
    flag: "cancelled",
  }),
  LabResultRecorded: {
    check: (s, { payload: p }) => {
      if (s.labResults.has(p.resultId)) return problem("duplicate-result", "payload.resultId");
      const checked = checkLabValue({ analyte: p.analyte, value: p.value, unit: p.unit });
      if (!checked.ok) return prefixed(checked.error);
      return optionalCycleProblem(s, p.cycleId);
    },
    apply: (d, { payload: p }) => {
      const checked = checkLabValue({ analyte: p.analyte, value: p.value, unit: p.unit });
      if (!checked.ok) return;
      d.labResults.set(p.resultId, {
        id: p.resultId,
        cycleId: p.cycleId ?? null,
        drawnAt: p.drawnAt,
        analyte: checked.value.analyte,
        value: checked.value.value,
        unit: checked.value.unit,
        note: p.note ?? null,
        excluded: false,
        excludedReason: null,
        retracted: false,
        corrections: [],
      });
    },
  },
  LabResultCorrected: {
    check: (s, { payload: p }) => {
      const { record: r, problem: missing } = liveResult(s, p.resultId);
      if (missing) return missing;
      const checked = checkLabValue({
        analyte: r.analyte,
        value: p.value ?? r.value,
        unit: p.unit ?? r.unit,
      });
      return checked.ok ? null : prefixed(checked.error);
    },
    apply: (d, { payload: p }) => {
      const r = d.labResults.get(p.resultId)!;
      const checked = checkLabValue({
        analyte: r.analyte,
        value: p.value ?? r.value,
        unit: p.unit ?? r.unit,
      });
      if (!checked.ok) return;
      d.labResults.set(p.resultId, {
        ...r,
        value: checked.value.value,
        unit: checked.value.unit,
        drawnAt: p.drawnAt ?? r.drawnAt,
        corrections: [...r.corrections, { value: r.value, unit: r.unit, drawnAt: r.drawnAt }],
      });
    },
  },
  LabResultExcluded: {
    check: (s, { payload: p }) => liveResult(s, p.resultId).problem ?? null,
    apply: (d, { payload: p }) => {
      d.labResults.set(p.resultId, {
        ...d.labResults.get(p.resultId)!,
        excluded: p.excluded,
        excludedReason: p.excluded ? (p.reason ?? null) : null,
      });
    },
  },
  LabResultRetracted: markGone({
    collection: "labResults",
    idField: "resultId",
    reason: "unknown-result",
  }),
  FollicleScanRecorded: {
    check: (s, { payload: p }) =>
      s.scans.has(p.scanId)
        ? problem("duplicate-scan", "payload.scanId")
        : optionalCycleProblem(s, p.cycleId),
    apply: (d, { payload: p }) => {
      d.scans.set(p.scanId, {
        id: p.scanId,
        cycleId: p.cycleId ?? null,
        scannedAt: p.scannedAt,
        leftMm: [...p.leftMm].sort((a, b) => b - a),
        rightMm: [...p.rightMm].sort((a, b) => b - a),
        liningMm: p.liningMm ?? null,
        liningPattern: p.liningPattern ?? null,
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  FollicleScanCorrected: {
    check: (s, { payload: p }) =>
      liveRecord(s.scans, p.scanId, "unknown-scan", "payload.scanId").problem ?? null,
    apply: (d, { payload: p }) => {
      const scan = d.scans.get(p.scanId)!;
      d.scans.set(p.scanId, {
        ...scan,
        ...(p.leftMm && { leftMm: [...p.leftMm].sort((a, b) => b - a) }),
        ...(p.rightMm && { rightMm: [...p.rightMm].sort((a, b) => b - a) }),
        ...(p.liningMm !== undefined && { liningMm: p.liningMm }),
        ...(p.scannedAt && { scannedAt: p.scannedAt }),
      });
    },
  },
  FollicleScanRetracted: markGone({
    collection: "scans",
    idField: "scanId",
    reason: "unknown-scan",
  }),
};
