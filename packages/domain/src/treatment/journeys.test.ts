import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { inventory } from "../inventory/selectors.ts";
import { labSeries, scanSeries } from "../monitoring/selectors.ts";
import {
  draftPlanFromTemplate,
  draftTrigger,
  type PlanDraftItem,
} from "../protocols/instantiate.ts";
import { protocolTemplate, protocolTemplates } from "../protocols/templates.ts";
import { addDays } from "../schedule/civil.ts";
import { expandSchedule } from "../schedule/expand.ts";
import { Recorder } from "../testing/recorder.ts";
import { latestTriage } from "../wellbeing/selectors.ts";
import {
  cyclePlan,
  cycleTrigger,
  daySchedule,
  procedureTime,
  rangeSchedule,
  suggestSite,
} from "./selectors.ts";

const ms = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;

function startJourney(zone: string, dateOfBirth: string, createdAt: string, seed = 1) {
  const r = new Recorder("phone0001", seed);
  r.record("JourneyCreated", { dateOfBirth, homeZone: zone, createdAt }, ms(createdAt));
  return r;
}

function startCycle(
  r: Recorder,
  options: {
    templateId: string;
    startDate: string;
    zone: string;
    at: string;
    drafts?: PlanDraftItem[];
  },
) {
  const template = protocolTemplate(options.templateId)!;
  const cycle = r.record(
    "CycleStarted",
    {
      cycleId: r.newId(ms(options.at)),
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate: options.startDate,
      zone: options.zone,
      triggerToProcedureHours: template.triggerToProcedureHours,
    },
    ms(options.at),
  );
  const items = (options.drafts ?? draftPlanFromTemplate(template)).map((d) =>
    r.record(
      "MedicationPlanned",
      {
        cycleId: cycle.payload.cycleId,
        planItemId: r.newId(ms(options.at)),
        ...d,
        times: [...d.times],
      },
      ms(options.at),
    ),
  );
  return { cycleId: cycle.payload.cycleId, items, template };
}

describe("every protocol template starts a cycle whose plan expands as the template says", () => {
  for (const template of protocolTemplates) {
    it(`${template.name}`, () => {
      const r = startJourney(
        "Europe/London",
        "1990-02-14",
        "2024-02-01T09:00:00+00:00[Europe/London]",
      );
      const { cycleId, items } = startCycle(r, {
        templateId: template.id,
        startDate: "2024-03-04",
        zone: "Europe/London",
        at: "2024-02-20T09:00:00+00:00[Europe/London]",
      });
      expect(r.state.rejected).toEqual([]);
      expect(items).toHaveLength(template.items.length);
      const trigger = draftTrigger(template, "2024-03-15", "21:30");
      if (trigger) {
        r.record(
          "MedicationPlanned",
          {
            cycleId,
            planItemId: r.newId(ms("2024-03-14T12:00:00+00:00[Europe/London]")),
            ...trigger,
            times: [...trigger.times],
          },
          ms("2024-03-14T12:00:00+00:00[Europe/London]"),
        );
        expect(cycleTrigger(r.state, cycleId)).toMatchObject({
          at: "2024-03-15T21:30:00+00:00[Europe/London]",
          logged: false,
        });
      }
      const plan = cyclePlan(r.state, cycleId);
      const doses = expandSchedule(plan, {
        zone: "Europe/London",
        from: "2024-01-01",
        to: "2024-04-30",
      });
      for (const [i, t] of template.items.entries()) {
        const mine = doses.filter((d) => d.planItemId === items[i]!.payload.planItemId);
        const first = addDays("2024-03-04", t.startDay - 1);
        expect(mine[0]?.date, `${t.medicationId} starts on day ${t.startDay}`).toBe(first);
        if (typeof t.end === "object") {
          const days = t.end.day - t.startDay;
          expect(mine).toHaveLength((Math.floor(days / (t.everyDays ?? 1)) + 1) * t.times.length);
        }
        if (t.end === "until-trigger" && trigger) {
          expect(
            mine.every((d) => d.epochMs < ms("2024-03-15T21:30:00+00:00[Europe/London]")),
          ).toBe(true);
        }
      }
    });
  }
});

describe("Maya's first antagonist cycle, New York, April 2015", () => {
  const zone = "America/New_York";
  const r = startJourney(zone, "1985-11-30", "2015-03-20T20:00:00-04:00[America/New_York]", 11);
  const template = protocolTemplate("antagonist")!;
  const drafts = draftPlanFromTemplate(template);
  const { cycleId, items } = startCycle(r, {
    templateId: "antagonist",
    startDate: "2015-04-02",
    zone,
    at: "2015-04-01T20:00:00-04:00[America/New_York]",
    drafts,
  });
  const [follitropin, menotropins, ganirelix] = items.map((i) => i.payload.planItemId) as [
    string,
    string,
    string,
  ];

  const log = (
    planItemId: string,
    date: string,
    time: string,
    takenAt: string,
    extra: object = {},
  ) =>
    r.tryRecord(
      "DoseLogged",
      {
        doseId: r.newId(ms(takenAt)),
        planItemId,
        slot: { date, time },
        takenAt,
        status: "taken",
        amount: r.state.planItems.get(planItemId)!.dose,
        ...extra,
      },
      ms(takenAt),
    );

  it("shows the first evening's two injections as due at 21:00, then taken", () => {
    const before = daySchedule(r.state, {
      zone,
      date: "2015-04-02",
      nowMs: ms("2015-04-02T21:05:00-04:00[America/New_York]"),
    });
    expect(before.map((d) => [d.medicationName, d.status])).toEqual([
      ["Follitropin alfa", "due"],
      ["Menotropins (hMG)", "due"],
    ]);
    expect(suggestSite(r.state, "subcutaneous")).toBe("abdomen-upper-left");
    expect(
      log(follitropin, "2015-04-02", "21:00", "2015-04-02T21:10:00-04:00[America/New_York]", {
        site: "abdomen-upper-left",
      }).ok,
    ).toBe(true);
    expect(suggestSite(r.state, "subcutaneous")).toBe("abdomen-upper-right");
    expect(
      log(menotropins, "2015-04-02", "21:00", "2015-04-02T21:12:00-04:00[America/New_York]", {
        site: "abdomen-upper-right",
      }).ok,
    ).toBe(true);
    const after = daySchedule(r.state, {
      zone,
      date: "2015-04-02",
      nowMs: ms("2015-04-02T21:15:00-04:00[America/New_York]"),
    });
    expect(after.map((d) => d.status)).toEqual(["taken", "taken"]);
  });

  it("refuses logging the same dose twice", () => {
    const again = log(
      follitropin,
      "2015-04-02",
      "21:00",
      "2015-04-02T21:30:00-04:00[America/New_York]",
    );
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.error).toMatchObject({ reason: "already-logged", field: "payload.slot" });
  });

  it("records a partial and a skipped dose as such", () => {
    expect(
      log(follitropin, "2015-04-03", "21:00", "2015-04-03T21:05:00-04:00[America/New_York]", {
        status: "partial",
        amount: { value: 150, unit: "IU" },
      }).ok,
    ).toBe(true);
    const skipped = r.tryRecord(
      "DoseLogged",
      {
        doseId: r.newId(ms("2015-04-03T22:00:00-04:00[America/New_York]")),
        planItemId: menotropins,
        slot: { date: "2015-04-03", time: "21:00" },
        takenAt: "2015-04-03T22:00:00-04:00[America/New_York]",
        status: "skipped",
      },
      ms("2015-04-03T22:00:00-04:00[America/New_York]"),
    );
    expect(skipped.ok).toBe(true);
    expect(
      daySchedule(r.state, {
        zone,
        date: "2015-04-03",
        nowMs: ms("2015-04-03T23:00:00-04:00[America/New_York]"),
      }).map((d) => d.status),
    ).toEqual(["partial", "skipped"]);
  });

  it("a dose change from stim day 5 changes every later day and keeps the history", () => {
    r.record(
      "MedicationPlanAdjusted",
      { planItemId: follitropin, from: "2015-04-06", dose: { value: 300, unit: "IU" } },
      ms("2015-04-05T12:00:00-04:00[America/New_York]"),
    );
    const doses = rangeSchedule(r.state, {
      zone,
      from: "2015-04-04",
      to: "2015-04-08",
      nowMs: 0,
    }).filter((d) => d.planItemId === follitropin);
    expect(doses.map((d) => d.dose.value)).toEqual([225, 225, 300, 300, 300]);
    expect(r.state.planItems.get(follitropin)!.changes).toHaveLength(1);
  });

  it("ganirelix starts on stim day 6 at 08:00", () => {
    const day6 = daySchedule(r.state, { zone, date: "2015-04-07", nowMs: 0 });
    expect(day6.map((d) => [d.time, d.medicationName])).toEqual([
      ["08:00", "Ganirelix"],
      ["21:00", "Follitropin alfa"],
      ["21:00", "Menotropins (hMG)"],
    ]);
  });

  it("a planned 21:30 trigger puts retrieval 36 hours later; logging it two minutes late keeps that time and stops the until-trigger medicines", () => {
    const trigger = draftTrigger(template, "2015-04-13", "21:30")!;
    const triggerItem = r.record(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(ms("2015-04-12T12:00:00-04:00[America/New_York]")),
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
      ms("2015-04-12T12:00:00-04:00[America/New_York]"),
    );
    expect(procedureTime(r.state, cycleId)).toMatchObject({
      kind: "retrieval",
      at: "2015-04-15T09:30:00-04:00[America/New_York]",
      basedOn: "planned-trigger",
      plannedTriggerAt: "2015-04-13T21:30:00-04:00[America/New_York]",
      loggedTriggerAt: null,
      triggerTiming: null,
    });
    const logged = log(
      triggerItem.payload.planItemId,
      "2015-04-13",
      "21:30",
      "2015-04-13T21:32:00-04:00[America/New_York]",
    );
    expect(logged.ok).toBe(true);
    expect(procedureTime(r.state, cycleId)).toMatchObject({
      at: "2015-04-15T09:30:00-04:00[America/New_York]",
      basedOn: "planned-trigger",
      hoursAfterTrigger: 36,
      loggedTriggerAt: "2015-04-13T21:32:00-04:00[America/New_York]",
      triggerOffsetMinutes: 2,
      triggerTiming: "on-time",
    });
    // The logged trigger still ends the medicines taken "until the trigger".
    expect(cycleTrigger(r.state, cycleId)).toMatchObject({
      at: "2015-04-13T21:32:00-04:00[America/New_York]",
      logged: true,
    });
    const after = rangeSchedule(r.state, { zone, from: "2015-04-13", to: "2015-04-20", nowMs: 0 });
    expect(after.filter((d) => d.planItemId === ganirelix).map((d) => d.date)).toEqual([
      "2015-04-13",
    ]);
    // "Until trigger" means until the trigger instant: the 21:00 injection on trigger night stays.
    expect(after.filter((d) => d.planItemId === follitropin).map((d) => d.at)).toEqual([
      "2015-04-13T21:00:00-04:00[America/New_York]",
    ]);
  });

  it("the clinic's own interval replaces 36 hours, counted from the planned trigger", () => {
    r.record(
      "CycleUpdated",
      { cycleId, triggerToProcedureHours: 35 },
      ms("2015-04-13T22:00:00-04:00[America/New_York]"),
    );
    expect(procedureTime(r.state, cycleId)?.at).toBe("2015-04-15T08:30:00-04:00[America/New_York]");
  });

  it("once the clinic books the retrieval, its time is the one shown", () => {
    const booking = r.record(
      "AppointmentScheduled",
      {
        appointmentId: r.newId(ms("2015-04-14T10:00:00-04:00[America/New_York]")),
        cycleId,
        at: "2015-04-15T09:15:00-04:00[America/New_York]",
        kind: "retrieval",
        place: "City Fertility, 3rd floor",
      },
      ms("2015-04-14T10:00:00-04:00[America/New_York]"),
    );
    expect(procedureTime(r.state, cycleId)).toMatchObject({
      at: "2015-04-15T09:15:00-04:00[America/New_York]",
      basedOn: "appointment",
      appointmentId: booking.payload.appointmentId,
      hoursAfterTrigger: 35,
    });
    r.record(
      "AppointmentCancelled",
      { appointmentId: booking.payload.appointmentId },
      ms("2015-04-14T11:00:00-04:00[America/New_York]"),
    );
    expect(procedureTime(r.state, cycleId)).toMatchObject({
      at: "2015-04-15T08:30:00-04:00[America/New_York]",
      basedOn: "planned-trigger",
      appointmentId: null,
    });
  });
});

describe("Alex's cycle in Toronto across the end of daylight saving (2025-11-02)", () => {
  it("keeps 21:00 doses at 21:00 and puts retrieval 36 real hours after a 23:45 trigger", () => {
    const zone = "America/Toronto";
    const r = startJourney(zone, "1988-07-04", "2025-10-01T20:00:00-04:00[America/Toronto]", 5);
    const { cycleId, items } = startCycle(r, {
      templateId: "antagonist",
      startDate: "2025-10-24",
      zone,
      at: "2025-10-20T20:00:00-04:00[America/Toronto]",
    });
    const trigger = draftTrigger(protocolTemplate("antagonist")!, "2025-11-02", "23:45")!;
    r.record(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(ms("2025-11-01T12:00:00-04:00[America/Toronto]")),
        ...trigger,
        times: [...trigger.times],
      },
      ms("2025-11-01T12:00:00-04:00[America/Toronto]"),
    );
    const fsh = rangeSchedule(r.state, {
      zone,
      from: "2025-10-31",
      to: "2025-11-03",
      nowMs: 0,
    }).filter((d) => d.planItemId === items[0]!.payload.planItemId);
    expect(fsh.map((d) => d.at)).toEqual([
      "2025-10-31T21:00:00-04:00[America/Toronto]",
      "2025-11-01T21:00:00-04:00[America/Toronto]",
      "2025-11-02T21:00:00-05:00[America/Toronto]",
    ]);
    expect(procedureTime(r.state, cycleId)?.at).toBe("2025-11-04T11:45:00-05:00[America/Toronto]");
  });
});

describe("bad input is refused with a reason naming the field, and nothing is saved", () => {
  const zone = "Europe/London";
  const setup = () => {
    const r = startJourney(zone, "1990-02-14", "2024-02-01T09:00:00+00:00[Europe/London]", 3);
    const c = startCycle(r, {
      templateId: "egg-freezing",
      startDate: "2024-03-04",
      zone,
      at: "2024-03-01T09:00:00+00:00[Europe/London]",
    });
    return { r, ...c };
  };
  const at = ms("2024-03-05T09:00:00+00:00[Europe/London]");

  it("a negative dose", () => {
    const { r, cycleId } = setup();
    const before = r.events.length;
    const out = r.tryRecord(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(at),
        medication: { name: "Gonal-f", route: "subcutaneous", purpose: "stimulation" },
        dose: { value: -150, unit: "IU" },
        times: ["21:00"],
        start: { cycleDay: 1 },
        end: { kind: "open" },
        timeCritical: false,
      },
      at,
    );
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.error).toMatchObject({
        reason: "too-small",
        field: "payload.dose.value",
        params: { min: 0, bound: "above" },
      });
    expect(r.events.length).toBe(before);
  });

  it("a dose with an extra zero, or in a unit the medicine does not use", () => {
    const { r, cycleId } = setup();
    const med = {
      catalogueId: "follitropin-alfa",
      name: "Gonal-f",
      route: "subcutaneous",
      purpose: "stimulation",
    } as const;
    const tooMuch = r.tryRecord(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(at),
        medication: med,
        dose: { value: 22500, unit: "IU" },
        times: ["21:00"],
        start: { cycleDay: 1 },
        end: { kind: "open" },
        timeCritical: false,
      },
      at,
    );
    expect(!tooMuch.ok && tooMuch.error).toEqual({
      reason: "implausible-dose",
      field: "payload.dose",
      params: { value: 22500, unit: "IU", max: 20000 },
    });
    const wrongUnit = r.tryRecord(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(at),
        medication: med,
        dose: { value: 225, unit: "mg" },
        times: ["21:00"],
        start: { cycleDay: 1 },
        end: { kind: "open" },
        timeCritical: false,
      },
      at,
    );
    expect(!wrongUnit.ok && wrongUnit.error).toEqual({
      reason: "wrong-dose-unit",
      field: "payload.dose",
      params: { medicine: "Follitropin alfa", units: "IU", unit: "mg" },
    });
  });

  it("a follicle of 90 mm", () => {
    const { r, cycleId } = setup();
    const out = r.tryRecord(
      "FollicleScanRecorded",
      {
        scanId: r.newId(at),
        cycleId,
        scannedAt: "2024-03-09T08:30:00+00:00[Europe/London]",
        leftMm: [14, 90],
        rightMm: [12],
      },
      at,
    );
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.error).toMatchObject({
        reason: "too-big",
        field: "payload.leftMm.1",
        params: { max: 40 },
      });
    expect(r.state.scans.size).toBe(0);
  });

  it("an E2 with no unit", () => {
    const { r, cycleId } = setup();
    const out = r.tryRecord(
      "LabResultRecorded",
      {
        resultId: r.newId(at),
        cycleId,
        drawnAt: "2024-03-09T08:30:00+00:00[Europe/London]",
        analyte: "E2",
        value: 850,
      } as never,
      at,
    );
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.field).toBe("payload.unit");
    const wrong = r.tryRecord(
      "LabResultRecorded",
      {
        resultId: r.newId(at),
        cycleId,
        drawnAt: "2024-03-09T08:30:00+00:00[Europe/London]",
        analyte: "E2",
        value: 850,
        unit: "nmol/L",
      },
      at,
    );
    expect(!wrong.ok && wrong.error.field).toBe("payload.unit");
    const huge = r.tryRecord(
      "LabResultRecorded",
      {
        resultId: r.newId(at),
        cycleId,
        drawnAt: "2024-03-09T08:30:00+00:00[Europe/London]",
        analyte: "E2",
        value: 90000,
        unit: "pg/mL",
      },
      at,
    );
    expect(!huge.ok && huge.error).toMatchObject({
      reason: "implausible-value",
      field: "payload.value",
    });
    expect(r.state.labResults.size).toBe(0);
  });

  it("a trigger logged before the cycle started", () => {
    const { r, cycleId, template } = setup();
    const trigger = draftTrigger(template, "2024-03-15", "21:30")!;
    const item = r.record(
      "MedicationPlanned",
      { cycleId, planItemId: r.newId(at), ...trigger, times: [...trigger.times] },
      at,
    );
    const out = r.tryRecord(
      "DoseLogged",
      {
        doseId: r.newId(at),
        planItemId: item.payload.planItemId,
        slot: { date: "2024-03-15", time: "21:30" },
        takenAt: "2024-02-28T21:30:00+00:00[Europe/London]",
        status: "taken",
        amount: trigger.dose,
      },
      at,
    );
    expect(out.ok).toBe(false);
    if (!out.ok)
      expect(out.error).toMatchObject({ field: "payload.takenAt", reason: "before-cycle-start" });
    expect(r.state.doseLogs.size).toBe(0);
  });

  it("a dose logged for a day it is not planned", () => {
    const { r, items } = setup();
    const out = r.tryRecord(
      "DoseLogged",
      {
        doseId: r.newId(at),
        planItemId: items[0]!.payload.planItemId,
        slot: { date: "2024-03-01", time: "21:00" },
        takenAt: "2024-03-01T21:00:00+00:00[Europe/London]",
        status: "taken",
        amount: { value: 225, unit: "IU" },
      },
      at,
    );
    expect(!out.ok && out.error.reason).toBe("not-planned");
  });
});

describe("inventory follows logged doses and forecasts the day a medicine runs out", () => {
  it("a 900 IU pen lasts four doses of 225 IU", () => {
    const zone = "Europe/London";
    const r = startJourney(zone, "1990-02-14", "2024-02-01T09:00:00+00:00[Europe/London]", 9);
    const { items } = startCycle(r, {
      templateId: "egg-freezing",
      startDate: "2024-03-04",
      zone,
      at: "2024-03-01T09:00:00+00:00[Europe/London]",
    });
    const fsh = items[0]!.payload.planItemId;
    const at = ms("2024-03-02T10:00:00+00:00[Europe/London]");
    r.record(
      "SupplyAdded",
      {
        supplyId: r.newId(at),
        medication: { catalogueId: "follitropin-alfa", name: "Gonal-f 900 IU pen" },
        quantity: 900,
        unit: "IU",
        packages: { count: 1, kind: "pen" },
        expiry: "2025-01-31",
        addedOn: "2024-03-02",
      },
      at,
    );
    for (const day of ["2024-03-04", "2024-03-05"]) {
      const takenAt = `${day}T21:00:00+00:00[Europe/London]`;
      r.record(
        "DoseLogged",
        {
          doseId: r.newId(ms(takenAt)),
          planItemId: fsh,
          slot: { date: day, time: "21:00" },
          takenAt,
          status: "taken",
          amount: { value: 225, unit: "IU" },
        },
        ms(takenAt),
      );
    }
    const [stock] = inventory(r.state, {
      zone,
      nowMs: ms("2024-03-06T09:00:00+00:00[Europe/London]"),
      warnDays: 3,
    });
    expect(stock).toMatchObject({
      remaining: 450,
      runsOutOn: "2024-03-08",
      daysLeft: 2,
      warn: true,
    });
    expect(stock!.supplies[0]!.remaining).toBe(450);
    // Another pen pushes the day out.
    r.record(
      "SupplyAdded",
      {
        supplyId: r.newId(at),
        medication: { catalogueId: "follitropin-alfa", name: "Gonal-f 900 IU pen" },
        quantity: 900,
        unit: "IU",
        packages: { count: 1, kind: "pen" },
        addedOn: "2024-03-06",
      },
      ms("2024-03-06T10:00:00+00:00[Europe/London]"),
    );
    const [more] = inventory(r.state, {
      zone,
      nowMs: ms("2024-03-06T11:00:00+00:00[Europe/London]"),
      warnDays: 3,
    });
    expect(more).toMatchObject({ remaining: 1350, runsOutOn: "2024-03-12" });
  });
});

describe("monitoring and wellbeing", () => {
  it("E2 converts to the person's unit and excluded draws leave the chart; scans give the lead follicle", () => {
    const zone = "Europe/London";
    const r = startJourney(zone, "1990-02-14", "2024-02-01T09:00:00+00:00[Europe/London]", 4);
    const { cycleId } = startCycle(r, {
      templateId: "egg-freezing",
      startDate: "2024-03-04",
      zone,
      at: "2024-03-01T09:00:00+00:00[Europe/London]",
    });
    const at = ms("2024-03-09T12:00:00+00:00[Europe/London]");
    r.record(
      "LabResultRecorded",
      {
        resultId: r.newId(at),
        cycleId,
        drawnAt: "2024-03-09T08:00:00+00:00[Europe/London]",
        analyte: "E2",
        value: 1000,
        unit: "pg/mL",
      },
      at,
    );
    const wrong = r.record(
      "LabResultRecorded",
      {
        resultId: r.newId(at),
        cycleId,
        drawnAt: "2024-03-10T08:00:00+00:00[Europe/London]",
        analyte: "E2",
        value: 150,
        unit: "pg/mL",
      },
      at,
    );
    r.record(
      "LabResultExcluded",
      { resultId: wrong.payload.resultId, excluded: true, reason: "Haemolysed sample" },
      at,
    );
    const series = labSeries(r.state, { analyte: "E2", unit: "pmol/L", cycleId });
    expect(series.map((p) => [p.cycleDay, p.value, p.unit])).toEqual([[6, 3671, "pmol/L"]]);
    r.record(
      "FollicleScanRecorded",
      {
        scanId: r.newId(at),
        cycleId,
        scannedAt: "2024-03-09T08:30:00+00:00[Europe/London]",
        leftMm: [9, 14.5, 12],
        rightMm: [16, 8],
        liningMm: 8.2,
      },
      at,
    );
    expect(scanSeries(r.state, { cycleId })[0]).toMatchObject({
      cycleDay: 6,
      countAtLeast10: 3,
      leadMm: 16,
    });
  });

  it("Priya gains 1.4 kg in a day after her first retrieval: call the clinic today, naming the sign", () => {
    const zone = "Europe/London";
    const r = startJourney(zone, "1990-02-14", "2024-02-01T09:00:00+00:00[Europe/London]", 6);
    const check = (at: string, answers: object) =>
      r.record("SymptomsChecked", { checkId: r.newId(ms(at)), at, answers }, ms(at));
    check("2024-03-18T08:00:00+00:00[Europe/London]", {
      weight: { value: 61.0, unit: "kg" },
      bloating: "mild",
    });
    check("2024-03-19T08:00:00+00:00[Europe/London]", {
      weight: { value: 62.4, unit: "kg" },
      bloating: "moderate",
      bloatingTrend: "worse",
    });
    const latest = latestTriage(r.state)!;
    expect(latest.symptoms.weightGainKgLastDay).toBe(1.4);
    expect(latest.triage.level).toBe("call-clinic");
    expect(latest.triage.reasons.map((x) => x.sign)).toEqual(
      expect.arrayContaining(["weight-gain-day"]),
    );
    check("2024-03-19T20:00:00+00:00[Europe/London]", { shortnessOfBreath: true });
    expect(latestTriage(r.state)!.triage.level).toBe("emergency");
  });
});
