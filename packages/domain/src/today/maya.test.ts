import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { draftPlanFromTemplate, draftTrigger } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { Recorder } from "../testing/recorder.ts";
import { todayAgenda } from "./agenda.ts";

/**
 * Maya's first two cycles (the clinical reference, Appendix A.1), as Today sees
 * them day by day: the antagonist cycle of April 2015 (trigger 13 April at
 * 21:30, retrieval booked for 15 April at 09:30, the 4AA transferred fresh on
 * day 5, betas 12 then 9 on a booked test day, a biochemical loss), then the
 * medicated frozen transfer of the 4AB in August.
 */

const NY = "America/New_York";
const at = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: NY, plainTime: time });
const ms = (date: string, time = "20:00") => at(date, time).epochMilliseconds;
const zoned = (date: string, time = "20:00") => at(date, time).toString();
const on = (date: string, time = "12:00") => ({ nowMs: ms(date, time), zone: NY });

describe("Maya's first cycle and frozen transfer, New York 2015, on Today", () => {
  const r = new Recorder("phone0001", 1985);
  const id = (date: string) => r.newId(ms(date));
  const rec = <K extends Parameters<typeof r.record>[0]>(
    type: K,
    payload: Parameters<typeof r.record<K>>[1],
    date: string,
    time = "20:00",
  ) => r.record(type, payload, ms(date, time));

  rec(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: NY,
      partnerName: "Sam",
      createdAt: zoned("2015-03-20"),
    },
    "2015-03-20",
  );
  const template = protocolTemplate("antagonist")!;
  const cycle1 = id("2015-04-01");
  rec(
    "CycleStarted",
    {
      cycleId: cycle1,
      cycleType: "stimulation",
      protocolId: template.id,
      protocolName: template.name,
      dayOne: "stim-day",
      startDate: "2015-04-02",
      zone: NY,
      transferPlan: "fresh",
      clinic: "Hudson Fertility",
      triggerToProcedureHours: 36,
    },
    "2015-04-01",
  );
  for (const d of draftPlanFromTemplate(template)) {
    rec(
      "MedicationPlanned",
      { cycleId: cycle1, planItemId: id("2015-04-01"), ...d, times: [...d.times] },
      "2015-04-01",
    );
  }
  const trigger = draftTrigger(template, "2015-04-13", "21:30")!;
  const triggerItem = id("2015-04-12");
  rec(
    "MedicationPlanned",
    {
      cycleId: cycle1,
      planItemId: triggerItem,
      ...trigger,
      dose: { value: 10000, unit: "IU" },
      medication: {
        ...trigger.medication,
        catalogueId: "hcg-urinary",
        name: "hCG (Pregnyl)",
        route: "intramuscular",
      },
      times: [...trigger.times],
    },
    "2015-04-12",
    "12:00",
  );

  it("before any retrieval or transfer, Today leads with the doses and asks nothing", () => {
    const agenda = todayAgenda(r.state, on("2015-04-06"));
    expect(agenda).toMatchObject({
      today: "2015-04-06",
      mainAction: "doses",
      afterRetrieval: [],
      transferDays: [],
      transferWaits: [],
      cyclesToAsk: [],
      afterLoss: null,
    });
    // The retrieval is already known from the planned trigger, but is days away.
    expect(agenda.procedures).toMatchObject([
      { cycleId: cycle1, daysAway: 9, whatToExpect: false },
    ]);
  });

  it("trigger night: the shot logged on time; the retrieval stays 36 hours after the plan", () => {
    rec(
      "DoseLogged",
      {
        doseId: id("2015-04-13"),
        planItemId: triggerItem,
        slot: { date: "2015-04-13", time: "21:30" },
        takenAt: zoned("2015-04-13", "21:31"),
        status: "taken",
        amount: { value: 10000, unit: "IU" },
        site: "buttock-left",
      },
      "2015-04-13",
      "21:31",
    );
    const [procedure] = todayAgenda(r.state, on("2015-04-13", "21:40")).procedures;
    expect(procedure).toMatchObject({
      daysAway: 2,
      whatToExpect: false,
      procedure: {
        kind: "retrieval",
        at: zoned("2015-04-15", "09:30"),
        basedOn: "planned-trigger",
        triggerTiming: "on-time",
        triggerOffsetMinutes: 1,
      },
    });
  });

  it("the day before, the booked 09:30 retrieval shows with what to expect", () => {
    rec(
      "AppointmentScheduled",
      {
        appointmentId: id("2015-04-14"),
        cycleId: cycle1,
        at: zoned("2015-04-15", "09:30"),
        kind: "retrieval",
        place: "Hudson Fertility, 3rd floor",
      },
      "2015-04-14",
      "10:00",
    );
    const [procedure] = todayAgenda(r.state, on("2015-04-14", "18:00")).procedures;
    expect(procedure).toMatchObject({
      daysAway: 1,
      whatToExpect: true,
      procedure: { at: zoned("2015-04-15", "09:30"), basedOn: "appointment" },
    });
  });

  it("on the retrieval day: what to expect before it, the after-retrieval check once it is past", () => {
    const morning = todayAgenda(r.state, on("2015-04-15", "07:00"));
    expect(morning.procedures).toMatchObject([{ daysAway: 0, whatToExpect: true }]);
    expect(morning.afterRetrieval).toEqual([]);
    const afternoon = todayAgenda(r.state, on("2015-04-15", "14:00"));
    expect(afternoon.procedures).toEqual([]);
    expect(afternoon.afterRetrieval).toEqual([
      { cycleId: cycle1, retrievedOn: "2015-04-15", daysSince: 0 },
    ]);
  });

  const embryo: Record<string, string> = {};
  it("three days later (14 eggs recorded) the after-retrieval check is still offered", () => {
    const r1 = id("2015-04-15");
    rec(
      "RetrievalRecorded",
      { retrievalId: r1, cycleId: cycle1, retrievedOn: "2015-04-15", eggsRetrieved: 14 },
      "2015-04-15",
    );
    rec(
      "FertilizationReported",
      { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
      "2015-04-16",
    );
    rec("Day3Reported", { cohortId: r1, reportedOn: "2015-04-18", developing: 7 }, "2015-04-18");
    expect(todayAgenda(r.state, on("2015-04-18")).afterRetrieval).toEqual([
      { cycleId: cycle1, retrievedOn: "2015-04-15", daysSince: 3 },
    ]);
    embryo.aa = id("2015-04-20");
    embryo.ab = id("2015-04-20");
    rec(
      "BlastocystsReported",
      {
        cohortId: r1,
        day: 5,
        reportedOn: "2015-04-20",
        blastocysts: [
          { embryoId: embryo.aa, grade: "4AA", biopsied: false, fate: "in-culture" },
          { embryoId: embryo.ab, grade: "4AB", biopsied: false, fate: "frozen" },
        ],
      },
      "2015-04-20",
      "08:00",
    );
  });

  const transfer: Record<string, string> = {};
  it("transfer day: the fresh transfer of the 4AA, with the typical beta days 9-11 days later", () => {
    transfer.t1 = id("2015-04-20");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t1,
        transferredOn: "2015-04-20",
        embryoIds: [embryo.aa!],
        recipient: { kind: "self" },
        cycleId: cycle1,
        protocol: "fresh",
      },
      "2015-04-20",
      "13:00",
    );
    const agenda = todayAgenda(r.state, on("2015-04-20", "15:00"));
    expect(agenda.transferDays).toEqual([
      {
        transferId: transfer.t1,
        status: "done",
        recipient: { kind: "self" },
        at: null,
        test: {
          source: "typical",
          from: "2015-04-29",
          to: "2015-05-01",
          daysAfter: { from: 9, to: 11 },
        },
      },
    ]);
    // After the transfer, the person is no longer "after the retrieval".
    expect(agenda.afterRetrieval).toEqual([]);
  });

  it("the wait: the clinic books the beta for 29 April; Today says when, and on the day that it is test day", () => {
    const beta = id("2015-04-21");
    rec(
      "AppointmentScheduled",
      { appointmentId: beta, cycleId: cycle1, at: zoned("2015-04-29", "08:00"), kind: "bloods" },
      "2015-04-21",
    );
    const waiting = todayAgenda(r.state, on("2015-04-24"));
    expect(waiting.transferWaits).toEqual([
      {
        transferId: transfer.t1,
        transferredOn: "2015-04-20",
        recipient: { kind: "self" },
        phase: "waiting",
        test: {
          source: "booked",
          on: "2015-04-29",
          at: zoned("2015-04-29", "08:00"),
          appointmentId: beta,
        },
      },
    ]);
    expect(waiting.cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2015-04-29", "06:30")).transferWaits).toMatchObject([
      { phase: "test-day", test: { source: "booked", on: "2015-04-29" } },
    ]);
  });

  it("a beta recorded ends the wait; after the loss Today never asks whether the cycle is over", () => {
    rec(
      "BetaRecorded",
      { betaId: id("2015-04-29"), transferId: transfer.t1!, drawnOn: "2015-04-29", value: 12 },
      "2015-04-29",
      "16:00",
    );
    expect(todayAgenda(r.state, on("2015-04-29", "17:00")).transferWaits).toEqual([]);
    rec(
      "BetaRecorded",
      { betaId: id("2015-05-01"), transferId: transfer.t1!, drawnOn: "2015-05-01", value: 9 },
      "2015-05-01",
      "16:00",
    );
    const loss = rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2015-05-01"),
        transferId: transfer.t1!,
        outcome: "biochemical",
        on: "2015-05-01",
      },
      "2015-05-01",
      "17:00",
    );
    const after = todayAgenda(r.state, on("2015-05-20"));
    expect(after.afterLoss?.id).toBe(loss.payload.outcomeId);
    expect(after.cyclesToAsk).toEqual([]);
    // The cycle is still open, so its (empty) medicines lead, not "Start a cycle".
    expect(after.mainAction).toBe("doses");
  });

  it("once the cycle is closed, Today offers remembrance and support, not a new cycle", () => {
    rec(
      "CycleEnded",
      { cycleId: cycle1, status: "completed", endedOn: "2015-05-21" },
      "2015-05-21",
    );
    expect(todayAgenda(r.state, on("2015-06-15"))).toMatchObject({
      mainAction: "remembrance-and-support",
      procedures: [],
      transferWaits: [],
      cyclesToAsk: [],
    });
  });

  const cycle2 = id("2015-07-20");
  it("when she starts a frozen transfer cycle, the doses lead again and the loss is no longer the first thing", () => {
    rec(
      "CycleStarted",
      {
        cycleId: cycle2,
        cycleType: "fet-medicated",
        protocolId: "fet-medicated",
        protocolName: "Medicated frozen transfer",
        dayOne: "cycle-day",
        startDate: "2015-07-22",
        zone: NY,
      },
      "2015-07-20",
    );
    expect(todayAgenda(r.state, on("2015-07-25"))).toMatchObject({
      mainAction: "doses",
      afterLoss: null,
      // A frozen transfer cycle has no retrieval, whatever its trigger.
      procedures: [],
    });
  });

  it("the planned transfer and its booked time show on the day; recorded, the test days wait until she asks for pregnancy details again", () => {
    transfer.t2 = id("2015-08-01");
    rec(
      "TransferPlanned",
      {
        transferId: transfer.t2,
        plannedOn: "2015-08-10",
        embryoIds: [embryo.ab!],
        recipient: { kind: "self" },
        cycleId: cycle2,
        protocol: "medicated",
      },
      "2015-08-01",
    );
    rec(
      "AppointmentScheduled",
      {
        appointmentId: id("2015-08-01"),
        cycleId: cycle2,
        at: zoned("2015-08-10", "11:00"),
        kind: "transfer",
      },
      "2015-08-01",
    );
    expect(todayAgenda(r.state, on("2015-08-09")).transferDays).toEqual([]);
    expect(todayAgenda(r.state, on("2015-08-10", "07:00")).transferDays).toEqual([
      {
        transferId: transfer.t2,
        status: "planned",
        recipient: { kind: "self" },
        at: zoned("2015-08-10", "11:00"),
        test: null,
      },
    ]);
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t2,
        transferredOn: "2015-08-10",
        embryoIds: [embryo.ab!],
        recipient: { kind: "self" },
        cycleId: cycle2,
        protocol: "medicated",
      },
      "2015-08-10",
      "13:00",
    );
    // Pregnancy details are paused since the loss: no test day, no wait.
    const paused = todayAgenda(r.state, on("2015-08-10", "15:00"));
    expect(paused.transferDays).toMatchObject([{ status: "done", test: null }]);
    expect(todayAgenda(r.state, on("2015-08-15")).transferWaits).toEqual([]);

    rec("PregnancyDetailsResumed", { at: zoned("2015-08-12") }, "2015-08-12");
    expect(todayAgenda(r.state, on("2015-08-15")).transferWaits).toMatchObject([
      {
        transferId: transfer.t2,
        phase: "waiting",
        // The 4AB is a day-5 blastocyst: typically 9 to 11 days after.
        test: { source: "typical", from: "2015-08-19", to: "2015-08-21" },
      },
    ]);
    expect(todayAgenda(r.state, on("2015-08-20")).transferWaits).toMatchObject([
      { phase: "test-day" },
    ]);
    // After the typical days, Today stops talking about the test.
    expect(todayAgenda(r.state, on("2015-08-22")).transferWaits).toEqual([]);
  });

  it("in quiet mode, no test day and no wait either", () => {
    rec("PreferencesUpdated", { quietMode: true }, "2015-08-16");
    expect(todayAgenda(r.state, on("2015-08-20")).transferWaits).toEqual([]);
    rec("PreferencesUpdated", { quietMode: false }, "2015-08-16", "21:00");
  });

  it("a frozen transfer cycle 14 days past its transfer with nothing recorded asks whether it is over", () => {
    expect(todayAgenda(r.state, on("2015-08-23")).cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2015-08-24")).cyclesToAsk).toEqual([
      {
        cycleId: cycle2,
        since: { kind: "transfer", on: "2015-08-10" },
        lastRecordedOn: "2015-08-10",
      },
    ]);
    // She records her first beta (180, drawn on the 20th): news, so the question goes away.
    rec(
      "BetaRecorded",
      { betaId: id("2015-08-24"), transferId: transfer.t2!, drawnOn: "2015-08-20", value: 180 },
      "2015-08-24",
      "21:00",
    );
    expect(todayAgenda(r.state, on("2015-08-25")).cyclesToAsk).toEqual([]);
  });
});
