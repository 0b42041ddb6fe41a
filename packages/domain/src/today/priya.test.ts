import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { draftPlanFromTemplate, draftTrigger } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { addDays } from "../schedule/civil.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { procedureTime, TRIGGER_ON_TIME_MINUTES } from "../treatment/selectors.ts";
import { todayAgenda } from "./agenda.ts";
import { ASK_AGAIN_AFTER_DAYS, cyclesToAskAbout, QUIET_CYCLE_DAYS } from "./cycle-over.ts";

/**
 * Priya's first egg-freezing cycle (the clinical reference, Appendix A.2), London,
 * March 2024: trigger planned for 14 March at 21:30 and logged 40 minutes
 * late, retrieval booked by the clinic, 15 eggs and 12 frozen, then nothing
 * more recorded for weeks: Today asks whether the cycle is over.
 */

const LDN = "Europe/London";
const at = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LDN, plainTime: time });
const ms = (date: string, time = "20:00") => at(date, time).epochMilliseconds;
const zoned = (date: string, time = "20:00") => at(date, time).toString();
const on = (date: string, time = "12:00") => ({ nowMs: ms(date, time), zone: LDN });

/** Priya's egg-freezing cycle up to a planned trigger; `seed` keeps ids apart between runs. */
function priyaToTrigger(seed = 1990) {
  const r = new Recorder("phone0002", seed);
  const id = (date: string) => r.newId(ms(date));
  r.record(
    "JourneyCreated",
    {
      displayName: "Priya",
      dateOfBirth: "1990-02-14",
      homeZone: LDN,
      createdAt: zoned("2024-02-01"),
    },
    ms("2024-02-01"),
  );
  const template = protocolTemplate("egg-freezing")!;
  const cycleId = id("2024-03-01");
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate: "2024-03-04",
      zone: LDN,
      clinic: "Thames Fertility",
      triggerToProcedureHours: 36,
    },
    ms("2024-03-01"),
  );
  for (const d of draftPlanFromTemplate(template)) {
    r.record(
      "MedicationPlanned",
      { cycleId, planItemId: id("2024-03-01"), ...d, times: [...d.times] },
      ms("2024-03-01"),
    );
  }
  const trigger = draftTrigger(template, "2024-03-14", "21:30")!;
  const triggerItem = id("2024-03-13");
  r.record(
    "MedicationPlanned",
    { cycleId, planItemId: triggerItem, ...trigger, times: [...trigger.times] },
    ms("2024-03-13", "12:00"),
  );
  const logTrigger = (takenAt: Temporal.ZonedDateTime) =>
    r.record(
      "DoseLogged",
      {
        doseId: r.newId(takenAt.epochMilliseconds),
        planItemId: triggerItem,
        slot: { date: "2024-03-14", time: "21:30" },
        takenAt: takenAt.toString(),
        status: "taken",
        amount: trigger.dose,
      },
      takenAt.epochMilliseconds,
    );
  return { r, id, cycleId, logTrigger };
}

describe("Priya's egg-freezing cycle, London 2024, on Today", () => {
  const { r, id, cycleId, logTrigger } = priyaToTrigger();

  it("a trigger logged 40 minutes late says so, and the retrieval stays 36 hours after the plan", () => {
    logTrigger(at("2024-03-14", "22:10"));
    expect(procedureTime(r.state, cycleId)).toEqual({
      kind: "retrieval",
      at: zoned("2024-03-16", "09:30"),
      basedOn: "planned-trigger",
      appointmentId: null,
      hoursAfterTrigger: 36,
      plannedTriggerAt: zoned("2024-03-14", "21:30"),
      loggedTriggerAt: zoned("2024-03-14", "22:10"),
      triggerOffsetMinutes: 40,
      triggerTiming: "late",
    });
  });

  it("the clinic's booking at 09:00 is the time shown; the late trigger is still said", () => {
    const booking = id("2024-03-15");
    r.record(
      "AppointmentScheduled",
      { appointmentId: booking, cycleId, at: zoned("2024-03-16", "09:00"), kind: "retrieval" },
      ms("2024-03-15", "09:00"),
    );
    const [day] = todayAgenda(r.state, on("2024-03-15")).procedures;
    expect(day).toMatchObject({
      daysAway: 1,
      whatToExpect: true,
      procedure: {
        at: zoned("2024-03-16", "09:00"),
        basedOn: "appointment",
        appointmentId: booking,
        triggerOffsetMinutes: 40,
        triggerTiming: "late",
      },
    });
  });

  it("15 eggs, 12 frozen; nothing more recorded: not asked on day 13, asked on day 14", () => {
    const retrieval = id("2024-03-16");
    r.record(
      "RetrievalRecorded",
      { retrievalId: retrieval, cycleId, retrievedOn: "2024-03-16", eggsRetrieved: 15, mature: 12 },
      ms("2024-03-16", "15:00"),
    );
    r.record(
      "OocytesVitrified",
      { batchId: id("2024-03-16"), retrievalId: retrieval, frozenOn: "2024-03-16", count: 12 },
      ms("2024-03-16", "15:05"),
    );
    expect(todayAgenda(r.state, on("2024-03-19")).afterRetrieval).toEqual([
      { cycleId, retrievedOn: "2024-03-16", daysSince: 3 },
    ]);
    expect(todayAgenda(r.state, on("2024-03-29", "23:00")).cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2024-03-30", "08:00")).cyclesToAsk).toEqual([
      { cycleId, since: { kind: "retrieval", on: "2024-03-16" }, lastRecordedOn: "2024-03-16" },
    ]);
  });

  it('"not yet" stops the question for a week; then it comes back', () => {
    r.record("CycleStillOpen", { cycleId, on: "2024-03-30" }, ms("2024-03-30", "08:01"));
    expect(r.state.cycles.get(cycleId)!.stillOpenOn).toBe("2024-03-30");
    expect(todayAgenda(r.state, on("2024-03-30", "08:02")).cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2024-04-05")).cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2024-04-06")).cyclesToAsk).toHaveLength(1);
  });

  it("a booking in the cycle counts as something recorded: asked again 14 days after it", () => {
    r.record(
      "AppointmentScheduled",
      {
        appointmentId: id("2024-04-06"),
        cycleId,
        at: zoned("2024-04-20", "10:00"),
        kind: "consultation",
      },
      ms("2024-04-06", "12:05"),
    );
    expect(todayAgenda(r.state, on("2024-04-21")).cyclesToAsk).toEqual([]);
    expect(todayAgenda(r.state, on("2024-05-04")).cyclesToAsk).toMatchObject([
      { lastRecordedOn: "2024-04-20" },
    ]);
  });

  it("ending it closes the question and Today offers to start a cycle", () => {
    r.record(
      "CycleEnded",
      { cycleId, status: "completed", endedOn: "2024-05-04" },
      ms("2024-05-04", "12:01"),
    );
    expect(todayAgenda(r.state, on("2024-05-04", "12:02"))).toMatchObject({
      cyclesToAsk: [],
      mainAction: "start-cycle",
      afterLoss: null,
    });
  });

  it('"not yet" is refused for an ended cycle, a day before it started, or an unknown cycle, and nothing changes', () => {
    const before = r.events.length;
    const ended = r.tryRecord("CycleStillOpen", { cycleId, on: "2024-05-05" }, ms("2024-05-05"));
    expect(!ended.ok && ended.error).toMatchObject({
      reason: "cycle-ended",
      field: "payload.cycleId",
    });
    const unknown = r.tryRecord(
      "CycleStillOpen",
      { cycleId: id("2024-05-05"), on: "2024-05-05" },
      ms("2024-05-05"),
    );
    expect(!unknown.ok && unknown.error).toMatchObject({
      reason: "unknown-cycle",
      field: "payload.cycleId",
    });
    const badDay = r.tryRecord("CycleStillOpen", { cycleId, on: "2024-02-30" }, ms("2024-05-05"));
    expect(!badDay.ok && badDay.error.field).toBe("payload.on");
    expect(r.events.length).toBe(before);
  });

  it('"not yet" before the cycle started is refused, naming the day', () => {
    const fresh = priyaToTrigger(7);
    const out = fresh.r.tryRecord(
      "CycleStillOpen",
      { cycleId: fresh.cycleId, on: "2024-03-01" },
      ms("2024-03-13"),
    );
    expect(!out.ok && out.error).toMatchObject({
      reason: "before-cycle-start",
      field: "payload.on",
    });
  });
});

describe("rules that hold for any day", () => {
  it("a logged trigger never moves the retrieval; it is late or early only beyond the tolerance", () => {
    fc.assert(
      fc.property(fc.integer({ min: -240, max: 240 }), (offset) => {
        const { r, cycleId, logTrigger } = priyaToTrigger(1000 + offset);
        const planned = procedureTime(r.state, cycleId)!;
        logTrigger(at("2024-03-14", "21:30").add({ minutes: offset }));
        const p = procedureTime(r.state, cycleId)!;
        expect(p.at).toBe(planned.at);
        expect(p.triggerOffsetMinutes).toBe(offset);
        expect(p.triggerTiming).toBe(
          offset > TRIGGER_ON_TIME_MINUTES
            ? "late"
            : offset < -TRIGGER_ON_TIME_MINUTES
              ? "early"
              : "on-time",
        );
      }),
      { numRuns: 40 },
    );
  });

  it("a retrieved cycle is asked about exactly when 14 quiet days have passed and no 'not yet' came in the last 7", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        (days, notYetAfter) => {
          const { r, id, cycleId } = priyaToTrigger(2000 + days);
          r.record(
            "RetrievalRecorded",
            {
              retrievalId: id("2024-03-16"),
              cycleId,
              retrievedOn: "2024-03-16",
              eggsRetrieved: 11,
            },
            ms("2024-03-16"),
          );
          const saidNotYet = notYetAfter !== undefined && notYetAfter <= days;
          if (saidNotYet) {
            r.record(
              "CycleStillOpen",
              { cycleId, on: addDays("2024-03-16", notYetAfter) },
              ms(addDays("2024-03-16", notYetAfter), "21:00"),
            );
          }
          const asked = cyclesToAskAbout(r.state, on(addDays("2024-03-16", days), "22:00"));
          const expected =
            days >= QUIET_CYCLE_DAYS && (!saidNotYet || days - notYetAfter >= ASK_AGAIN_AFTER_DAYS);
          expect(asked.length).toBe(expected ? 1 : 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('"not yet" answers from two devices, in any order, keep the latest day', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 }),
        (offsets) => {
          const { r, cycleId } = priyaToTrigger(3000);
          const shared = r.events.length;
          const other = new Recorder("tablet01", 9);
          other.receive(r.events);
          offsets.forEach((d, i) => {
            // Each device answers on its own; the later day is not always the later stamp.
            (i % 2 === 0 ? r : other).record(
              "CycleStillOpen",
              { cycleId, on: addDays("2024-03-20", d) },
              ms("2024-03-20", "09:00") + (offsets.length - i) * 60_000,
            );
          });
          const merged = fold([...r.events, ...other.events.slice(shared)]);
          const latest = addDays("2024-03-20", Math.max(...offsets));
          expect(merged.cycles.get(cycleId)!.stillOpenOn).toBe(latest);
        },
      ),
      { numRuns: 30 },
    );
  });
});
