import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { Recorder } from "../testing/recorder.ts";

const ms = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
const at = "2024-03-09T08:30:00+00:00[Europe/London]";

describe("retracting a record entered by mistake", () => {
  const r = new Recorder("phone0001", 5);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1990-02-14", homeZone: "Europe/London", createdAt: at },
    ms(at),
  );
  const check = r.record(
    "SymptomsChecked",
    { checkId: r.newId(ms(at)), at, answers: { nausea: "mild" } },
    ms(at),
  );
  const id = check.payload.checkId;

  it("keeps the record in the state, flagged, so the log still explains it", () => {
    r.record("SymptomsCheckRetracted", { checkId: id }, ms(at) + 1000);
    expect(r.state.symptomChecks.get(id)).toMatchObject({
      id,
      retracted: true,
      answers: { nausea: "mild" },
    });
  });

  it("refuses to retract it twice, naming the field", () => {
    const again = r.tryRecord("SymptomsCheckRetracted", { checkId: id }, ms(at) + 2000);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.error).toMatchObject({ reason: "unknown-check", field: "payload.checkId" });
  });

  it("refuses an id that was never recorded", () => {
    const unknown = r.tryRecord("LabResultRetracted", { resultId: r.newId(ms(at)) }, ms(at) + 3000);
    expect(!unknown.ok && unknown.error.reason).toBe("unknown-result");
  });
});

describe("records flagged gone in other ways: cancelled, or retracted with what names them", () => {
  const r = new Recorder("phone0002", 7);
  const t0 = ms("2024-03-01T09:00:00+00:00[Europe/London]");
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1990-02-14", homeZone: "Europe/London", createdAt: at },
    t0,
  );
  const cycleId = r.record(
    "CycleStarted",
    {
      cycleId: r.newId(t0),
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist",
      dayOne: "cycle-day",
      startDate: "2024-03-02",
      zone: "Europe/London",
    },
    t0,
  ).payload.cycleId;
  const appointmentId = r.record(
    "AppointmentScheduled",
    {
      appointmentId: r.newId(t0),
      cycleId,
      at: "2024-03-08T08:30:00+00:00[Europe/London]",
      kind: "scan",
      place: "City Fertility, 2nd floor",
      note: "Bring the diary",
    },
    t0,
  ).payload.appointmentId;

  it("changes only the appointment's fields given; null clears one", () => {
    r.record("AppointmentChanged", { appointmentId, place: null, kind: "bloods" }, t0 + 1000);
    expect(r.state.appointments.get(appointmentId)).toMatchObject({
      at: "2024-03-08T08:30:00+00:00[Europe/London]",
      kind: "bloods",
      place: null,
      note: "Bring the diary",
      cancelled: false,
    });
  });

  it("keeps a cancelled appointment, flagged, and refuses to change or cancel it again", () => {
    r.record("AppointmentCancelled", { appointmentId }, t0 + 2000);
    expect(r.state.appointments.get(appointmentId)).toMatchObject({
      cancelled: true,
      kind: "bloods",
    });
    for (const attempt of [
      r.tryRecord("AppointmentCancelled", { appointmentId }, t0 + 3000),
      r.tryRecord("AppointmentChanged", { appointmentId, note: "again" }, t0 + 3000),
    ]) {
      expect(attempt.ok).toBe(false);
      if (!attempt.ok) {
        expect(attempt.error).toMatchObject({
          reason: "unknown-appointment",
          field: "payload.appointmentId",
        });
      }
    }
  });

  it("retracts a medicine added by mistake once, and then refuses doses of it", () => {
    const planItemId = r.record(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(t0),
        medication: { name: "Gonal-f", route: "subcutaneous", purpose: "stimulation" },
        dose: { value: 150, unit: "IU" },
        times: ["21:00"],
        start: { cycleDay: 1 },
        end: { kind: "open" },
        timeCritical: false,
      },
      t0 + 3500,
    ).payload.planItemId;
    r.record("MedicationPlanRetracted", { planItemId }, t0 + 3600);
    expect(r.state.planItems.get(planItemId)).toMatchObject({
      retracted: true,
      dose: { value: 150 },
    });
    const again = r.tryRecord("MedicationPlanRetracted", { planItemId }, t0 + 3700);
    expect(!again.ok && again.error).toMatchObject({
      reason: "unknown-plan-item",
      field: "payload.planItemId",
    });
  });

  it("retracts a cycle once, and then refuses what names it", () => {
    r.record("CycleRetracted", { cycleId }, t0 + 4000);
    expect(r.state.cycles.get(cycleId)?.retracted).toBe(true);
    const again = r.tryRecord("CycleRetracted", { cycleId }, t0 + 5000);
    expect(!again.ok && again.error).toMatchObject({
      reason: "unknown-cycle",
      field: "payload.cycleId",
    });
    const scan = r.tryRecord(
      "FollicleScanRecorded",
      {
        scanId: r.newId(t0 + 5000),
        cycleId,
        scannedAt: "2024-03-08T08:30:00+00:00[Europe/London]",
        leftMm: [12],
        rightMm: [11],
      },
      t0 + 5000,
    );
    expect(!scan.ok && scan.error).toMatchObject({
      reason: "unknown-cycle",
      field: "payload.cycleId",
    });
  });

  it("changes a storage fee's given fields, and refuses changes once it ended", () => {
    const feeId = r.record(
      "StorageFeeScheduled",
      {
        feeId: r.newId(t0),
        clinic: "Thames Fertility",
        covers: "embryos",
        amount: { value: 300, currency: "GBP" },
        dueOn: "2025-03-20",
        renewsYearly: true,
      },
      t0 + 6000,
    ).payload.feeId;
    r.record(
      "StorageFeeChanged",
      { feeId, amount: { value: 320, currency: "GBP" }, nextDueOn: "2025-04-01" },
      t0 + 7000,
    );
    expect(r.state.storageFees.get(feeId)).toMatchObject({
      clinic: "Thames Fertility",
      amount: { value: 320, currency: "GBP" },
      anchorDueOn: "2025-04-01",
      renewsYearly: true,
      remindDaysBefore: 30,
    });
    r.record("StorageFeeEnded", { feeId, endedOn: "2025-01-10" }, t0 + 8000);
    for (const attempt of [
      r.tryRecord("StorageFeeChanged", { feeId, renewsYearly: false }, t0 + 9000),
      r.tryRecord("StorageFeeEnded", { feeId, endedOn: "2025-01-11" }, t0 + 9000),
    ]) {
      expect(!attempt.ok && attempt.error).toMatchObject({
        reason: "fee-ended",
        field: "payload.feeId",
      });
    }
  });
});
