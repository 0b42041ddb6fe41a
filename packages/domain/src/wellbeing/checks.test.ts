import { describe, expect, it } from "vitest";
import { describeProblem } from "../core/result.ts";
import { Temporal } from "../core/time.ts";
import { parseEvent } from "../events/envelope.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { moodOf } from "./events.ts";
import { latestTriage, triageFor } from "./selectors.ts";

const LON = "Europe/London";
const zoned = (date: string, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: LON, plainTime: time });
const ms = (date: string, time?: string) => zoned(date, time).epochMilliseconds;

function start(extra: object = {}) {
  const r = new Recorder("phone0030", 5);
  r.record(
    "JourneyCreated",
    {
      dateOfBirth: "1990-02-14",
      homeZone: LON,
      createdAt: zoned("2024-01-02").toString(),
      ...extra,
    },
    ms("2024-01-02"),
  );
  return r;
}

function check(r: Recorder, date: string, payload: object) {
  const checkId = r.newId(ms(date));
  r.record(
    "SymptomsChecked",
    { checkId, at: zoned(date).toString(), ...payload } as never,
    ms(date),
  );
  return checkId;
}

describe("SymptomsChecked, version 2: the stage it was asked for", () => {
  it("the issue's check the day after a 20-week loss (soaking a pad, very low mood) is an emergency with 999 first", () => {
    const r = start();
    const id = check(r, "2024-07-25", {
      stage: "after-loss",
      pregnancyWeeks: 20,
      answers: { bleeding: "soaking-pad-an-hour", mood: "very-low" },
    });
    const t = triageFor(r.state, id)!.triage;
    expect(t).toMatchObject({ stage: "after-loss", level: "emergency" });
    expect(t.callOrder[0]).toBe("emergency-number");
    expect(t.emergencyNumber.number).toBe("999");
    expect(t.reasons.map((x) => x.sign)).toEqual(["bleeding-soaking-pad", "mood-very-low"]);
  });

  it("is read with the stage it was asked in, whatever the record says later", () => {
    const r = start();
    const id = check(r, "2024-05-01", {
      stage: "pregnant",
      pregnancyWeeks: 22,
      daysSinceTransfer: 140,
      answers: { bleeding: "heavy" },
    });
    expect(triageFor(r.state, id)!.triage).toMatchObject({ stage: "pregnant", level: "emergency" });
  });

  it("the general check (stage null) is kept as such", () => {
    const r = start();
    const id = check(r, "2024-05-01", { stage: null, answers: { bleeding: "heavy" } });
    expect(triageFor(r.state, id)!.triage).toMatchObject({ stage: null, level: "call-clinic" });
  });

  it("thoughts of self-harm: the crisis line of the person's chosen country first", () => {
    const r = start({ country: "IE" });
    const id = check(r, "2024-05-01", {
      stage: "after-loss",
      answers: { thoughtsOfSelfHarm: true },
    });
    const t = latestTriage(r.state)!.triage;
    expect(latestTriage(r.state)!.check.id).toBe(id);
    expect(t.callOrder).toEqual(["crisis-line", "emergency-number", "clinic"]);
    expect(t.crisisLines.map((l) => l.service)).toEqual(["Samaritans", "Pieta"]);
    expect(t.emergencyNumber).toMatchObject({ number: "112", alsoWorks: ["999"] });
  });

  it.each([
    [
      { stage: "somewhere", answers: {} },
      "payload.stage",
      {
        reason: "not-one-of",
        params: { allowed: expect.stringMatching(/^stimulation, after-retrieval/) },
      },
    ],
    [
      { stage: "pregnant", pregnancyWeeks: 50, answers: {} },
      "payload.pregnancyWeeks",
      { reason: "too-big", params: { max: 44 } },
    ],
    [
      { stage: "after-loss", answers: { bleeding: "soaking" } },
      "payload.answers.bleeding",
      {
        reason: "not-one-of",
        params: { allowed: "none, spotting, light, heavy, soaking-pad-an-hour" },
      },
    ],
    [
      { stage: "after-loss", answers: { mood: "sad" } },
      "payload.answers.mood",
      { reason: "not-one-of", params: { allowed: "ok, low, very-low" } },
    ],
    [
      { stage: "after-loss", answers: { mood: 6 } },
      "payload.answers.mood",
      { reason: "too-big", params: { max: 5 } },
    ],
    [
      { stage: "after-loss", answers: { weightGainKgLastDay: 2 } },
      "payload.answers.weightGainKgLastDay",
      { reason: "unknown-field", params: { key: "weightGainKgLastDay" } },
    ],
    [
      { stage: "after-loss", answers: { thoughtsOfSelfHarm: "yes" } },
      "payload.answers.thoughtsOfSelfHarm",
      { reason: "wrong-kind", params: { expected: "boolean" } },
    ],
  ])("refuses %j, naming %s, and records nothing", (payload, field, refused) => {
    const r = start();
    const before = r.events.length;
    const attempt = r.tryRecord(
      "SymptomsChecked",
      {
        checkId: r.newId(ms("2024-05-01")),
        at: zoned("2024-05-01").toString(),
        ...payload,
      } as never,
      ms("2024-05-01"),
    );
    expect(attempt.ok).toBe(false);
    if (!attempt.ok) {
      expect(attempt.error).toMatchObject({ field, ...refused });
    }
    expect(r.events).toHaveLength(before);
  });
});

describe("SymptomsChecked, version 1: old checks still parse, fold and count", () => {
  /** A check as version 1 stored it: no stage, mood 1-5, bleeding up to heavy. */
  function v1(answers: object) {
    const r = start();
    const recorded = r.record(
      "SymptomsChecked",
      { checkId: r.newId(ms("2024-03-20")), at: zoned("2024-03-20").toString(), answers } as never,
      ms("2024-03-20"),
    );
    const old = parseEvent({ ...recorded, schemaVersion: 1 });
    if (!old.ok) throw new Error(describeProblem(old.error));
    const state = fold([...r.events.slice(0, -1), old.value]);
    expect(state.rejected).toEqual([]);
    return { state, id: recorded.payload.checkId };
  }

  it("is read with the OHSS stage's rules, as it was asked", () => {
    const { state, id } = v1({ bloating: "moderate", bloatingTrend: "worse", mood: 3 });
    const t = triageFor(state, id)!;
    expect(t.triage).toMatchObject({ stage: "stimulation", level: "call-clinic" });
    expect(t.symptoms.mood).toBe("ok");
  });

  it("its heavy bleeding and very low mood (1) now count: call the clinic", () => {
    const { state, id } = v1({ bleeding: "heavy", mood: 1 });
    const t = triageFor(state, id)!.triage;
    expect(t.level).toBe("call-clinic");
    expect(t.reasons.map((x) => x.sign)).toEqual(["bleeding-heavy", "mood-very-low"]);
  });

  it("maps the 1-5 mood: 1 very low, 2 low, 3 to 5 nothing to report", () => {
    expect([1, 2, 3, 4, 5].map((m) => moodOf(m))).toEqual(["very-low", "low", "ok", "ok", "ok"]);
    expect(moodOf("low")).toBe("low");
    expect(moodOf(undefined)).toBeUndefined();
  });
});
