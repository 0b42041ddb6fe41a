import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { draftPlanFromTemplate, draftTrigger } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { Recorder } from "../testing/recorder.ts";
import { careStage } from "./care-stage.ts";

const LON = "Europe/London";
/** Noon in London on a day, as epoch ms. */
const ms = (date: string, time = "12:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LON, plainTime: time })
    .epochMilliseconds;
const zoned = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LON, plainTime: time }).toString();
const stageOn = (r: Recorder, date: string, time?: string) =>
  careStage(r.state, { nowMs: ms(date, time) });

function start(seed: number) {
  const r = new Recorder("phone0010", seed);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1990-02-14", homeZone: LON, createdAt: zoned("2024-02-01", "09:00") },
    ms("2024-02-01"),
  );
  return r;
}

/** An antagonist cycle from `startDate`, with its trigger planned for `triggerOn` at 21:30. */
function stimulate(r: Recorder, startDate: string, triggerOn: string) {
  const template = protocolTemplate("antagonist")!;
  const at = ms(startDate, "08:00");
  const cycleId = r.record(
    "CycleStarted",
    {
      cycleId: r.newId(at),
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate,
      zone: LON,
      triggerToProcedureHours: 36,
    },
    at,
  ).payload.cycleId;
  for (const d of draftPlanFromTemplate(template))
    r.record(
      "MedicationPlanned",
      { cycleId, planItemId: r.newId(at), ...d, times: [...d.times] },
      at,
    );
  const trigger = draftTrigger(template, triggerOn, "21:30")!;
  const triggerItem = r.record(
    "MedicationPlanned",
    { cycleId, planItemId: r.newId(at), ...trigger, times: [...trigger.times] },
    at,
  ).payload.planItemId;
  return { cycleId, triggerItem };
}

function logTrigger(r: Recorder, planItemId: string, on: string) {
  const item = r.state.planItems.get(planItemId)!;
  r.record(
    "DoseLogged",
    {
      doseId: r.newId(ms(on, "21:31")),
      planItemId,
      slot: { date: on, time: "21:30" },
      takenAt: zoned(on, "21:31"),
      status: "taken",
      amount: item.dose,
    },
    ms(on, "21:31"),
  );
}

/** A retrieval on `on` with one day-5 blastocyst; returns the embryo's id. */
function retrieve(r: Recorder, on: string, cycleId?: string) {
  const id = r.newId(ms(on));
  r.record(
    "RetrievalRecorded",
    { retrievalId: id, retrievedOn: on, eggsRetrieved: 9, mature: 7, ...(cycleId && { cycleId }) },
    ms(on),
  );
  const day = (n: number) => Temporal.PlainDate.from(on).add({ days: n }).toString();
  r.record(
    "FertilizationReported",
    { cohortId: id, reportedOn: day(1), method: "icsi", fertilized: 5 },
    ms(day(1)),
  );
  const embryoId = r.newId(ms(day(5)));
  r.record(
    "BlastocystsReported",
    {
      cohortId: id,
      day: 5,
      reportedOn: day(5),
      blastocysts: [{ embryoId, grade: "4AA", biopsied: false, fate: "in-culture" }],
    },
    ms(day(5)),
  );
  return embryoId;
}

function transfer(
  r: Recorder,
  on: string,
  embryoId: string,
  recipient: { kind: "self" } | { kind: "carrier"; name: string } = { kind: "self" },
) {
  return r.record(
    "TransferRecorded",
    {
      transferId: r.newId(ms(on)),
      transferredOn: on,
      embryoIds: [embryoId],
      recipient,
      embryoDay: 5,
    },
    ms(on),
  ).payload.transferId;
}

function outcome(
  r: Recorder,
  transferId: string,
  kind: "miscarriage" | "live-birth" | "ongoing" | "negative" | "stillbirth",
  on: string,
  weeks?: number,
) {
  r.record(
    "OutcomeRecorded",
    {
      outcomeId: r.newId(ms(on)),
      transferId,
      outcome: kind,
      on,
      ...(weeks !== undefined && { gestationalAge: { weeks, days: 0 } }),
      ...(kind === "live-birth" && { babies: 1 }),
    },
    ms(on),
  );
}

describe("careStage: one journey through every stage (London, 2024)", () => {
  const r = start(1);
  it("has no stage before any treatment: a short general check", () => {
    expect(stageOn(r, "2024-02-10")).toBeNull();
  });

  const { cycleId, triggerItem } = stimulate(r, "2024-03-04", "2024-03-15");
  it("during the injections: stimulation", () => {
    expect(stageOn(r, "2024-03-08")).toMatchObject({
      stage: "stimulation",
      since: "2024-03-04",
      cycleId,
      transferId: null,
    });
  });

  it("after a logged trigger, before the retrieval is recorded: after-retrieval (OHSS can start)", () => {
    logTrigger(r, triggerItem, "2024-03-15");
    expect(stageOn(r, "2024-03-16")).toMatchObject({
      stage: "after-retrieval",
      since: "2024-03-15",
      cycleId,
    });
  });

  let embryo = "";
  it("after the retrieval: after-retrieval, from its day", () => {
    embryo = retrieve(r, "2024-03-17", cycleId);
    expect(stageOn(r, "2024-03-20")).toMatchObject({
      stage: "after-retrieval",
      since: "2024-03-17",
    });
  });

  let transferId = "";
  it("after a transfer: after-transfer, with the days since it", () => {
    transferId = transfer(r, "2024-03-22", embryo);
    expect(stageOn(r, "2024-03-25")).toMatchObject({
      stage: "after-transfer",
      since: "2024-03-22",
      transferId,
      daysSinceTransfer: 3,
      pregnancyWeeks: null,
    });
  });

  it("with a positive beta: pregnant, with the weeks from the transfer's dating", () => {
    r.record(
      "BetaRecorded",
      {
        betaId: r.newId(ms("2024-04-01")),
        transferId,
        drawnOn: "2024-04-01",
        value: 180,
        clinicReading: "positive",
      },
      ms("2024-04-01"),
    );
    // A day-5 transfer on 22 March is 2 weeks 5 days; 14 days later, 4 weeks 5 days.
    expect(stageOn(r, "2024-04-05")).toMatchObject({
      stage: "pregnant",
      transferId,
      pregnancyWeeks: 4,
      daysSinceTransfer: 14,
    });
    expect(stageOn(r, "2024-05-10")).toMatchObject({ stage: "pregnant", pregnancyWeeks: 9 });
  });

  it("after a miscarriage at 10 weeks: after-loss, never pregnant again, however long after", () => {
    outcome(r, transferId, "miscarriage", "2024-05-20", 10);
    expect(stageOn(r, "2024-05-21")).toMatchObject({
      stage: "after-loss",
      since: "2024-05-20",
      transferId,
      pregnancyWeeks: 10,
    });
    // The stimulation cycle was never ended: it is older than the loss and does not come back.
    expect(r.state.cycles.get(cycleId)!.status).toBe("active");
    expect(stageOn(r, "2025-05-20")?.stage).toBe("after-loss");
  });

  it("a new cycle after the loss is stimulation again", () => {
    stimulate(r, "2025-01-10", "2025-01-21");
    expect(stageOn(r, "2025-01-12")?.stage).toBe("stimulation");
  });
});

describe("careStage: when a stage ends", () => {
  it("a transfer more than 3 weeks ago with no news recorded: no stage", () => {
    const r = start(2);
    const embryo = retrieve(r, "2024-03-01");
    transfer(r, "2024-03-06", embryo);
    expect(stageOn(r, "2024-03-27")?.stage).toBe("after-transfer");
    expect(stageOn(r, "2024-03-28")).toBeNull();
  });

  it("a retrieval more than 14 days ago, cycle still open: no stage (not stimulation again)", () => {
    const r = start(3);
    const { cycleId } = stimulate(r, "2024-03-04", "2024-03-15");
    retrieve(r, "2024-03-17", cycleId);
    expect(stageOn(r, "2024-03-31")?.stage).toBe("after-retrieval");
    expect(stageOn(r, "2024-04-01")).toBeNull();
  });

  it("a negative test keeps the after-transfer questions for the rest of the 3 weeks", () => {
    const r = start(4);
    const t = transfer(r, "2024-03-06", retrieve(r, "2024-03-01"));
    outcome(r, t, "negative", "2024-03-16");
    expect(stageOn(r, "2024-03-18")?.stage).toBe("after-transfer");
  });

  it("after a birth: after-birth for a year, then no stage", () => {
    const r = start(5);
    const t = transfer(r, "2024-03-06", retrieve(r, "2024-03-01"));
    outcome(r, t, "ongoing", "2024-05-01");
    expect(stageOn(r, "2024-06-01")?.stage).toBe("pregnant");
    outcome(r, t, "live-birth", "2024-11-20", 39);
    expect(stageOn(r, "2024-11-21")).toMatchObject({ stage: "after-birth", pregnancyWeeks: 39 });
    expect(stageOn(r, "2025-11-20")?.stage).toBe("after-birth");
    expect(stageOn(r, "2025-11-21")).toBeNull();
  });

  it("a stillbirth is a loss: after-loss, with the weeks it happened at", () => {
    const r = start(6);
    const t = transfer(r, "2024-03-06", retrieve(r, "2024-03-01"));
    outcome(r, t, "stillbirth", "2024-07-24", 20);
    expect(stageOn(r, "2024-07-25")).toMatchObject({ stage: "after-loss", pregnancyWeeks: 20 });
  });

  it("a pregnancy with nothing recorded past 44 weeks is not taken as ongoing", () => {
    const r = start(7);
    const t = transfer(r, "2024-03-06", retrieve(r, "2024-03-01"));
    outcome(r, t, "ongoing", "2024-05-01");
    // A day-5 transfer on 6 March is 2 weeks 5 days: 44 weeks on 20-26 December.
    expect(stageOn(r, "2024-12-26")?.pregnancyWeeks).toBe(44);
    expect(stageOn(r, "2024-12-27")).toBeNull();
  });

  it("a transfer to a gestational carrier is not the person's own body: no stage", () => {
    const r = start(8);
    transfer(r, "2024-03-06", retrieve(r, "2024-03-01"), { kind: "carrier", name: "Jordan" });
    expect(stageOn(r, "2024-03-03")?.stage).toBe("after-retrieval");
    expect(stageOn(r, "2024-03-20")).toBeNull();
  });

  it("today is the home zone's date: 23:30 in London is still that day", () => {
    const r = start(9);
    const embryo = retrieve(r, "2024-03-01");
    transfer(r, "2024-03-06", embryo);
    expect(stageOn(r, "2024-03-27", "23:30")?.stage).toBe("after-transfer");
  });

  it("without a journey there is no stage", () => {
    expect(careStage(new Recorder("phone0011").state, { nowMs: ms("2024-03-01") })).toBeNull();
  });
});
