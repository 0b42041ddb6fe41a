import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { bankCounts } from "../embryology/selectors.ts";
import { Recorder } from "../testing/recorder.ts";
import {
  betaTrendOf,
  latestOutcome,
  lossList,
  outcomeGestationalAge,
  pathTimeline,
  pregnancyDetails,
  remembranceList,
  transferDating,
  transferList,
  transferStanding,
} from "./selectors.ts";

const TOR = "America/Toronto";
const ms = (date: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: "18:00" })
    .epochMilliseconds;

/** Alex and Jordan (clinical reference A.3): Alex's eggs, Jordan carries. */
function alexAndJordan() {
  const r = new Recorder("phone0003", 2025);
  r.record(
    "JourneyCreated",
    {
      displayName: "Alex",
      dateOfBirth: "1988-07-04",
      homeZone: TOR,
      partnerName: "Jordan",
      createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
    },
    ms("2025-10-01"),
  );
  const retrieval = r.newId(ms("2025-11-04"));
  r.record(
    "RetrievalRecorded",
    {
      retrievalId: retrieval,
      retrievedOn: "2025-11-04",
      clinic: "Lakeshore IVF",
      folliclesAtTrigger: 12,
      eggsRetrieved: 10,
      mature: 8,
    },
    ms("2025-11-04"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2025-11-05", method: "icsi", fertilized: 6 },
    ms("2025-11-05"),
  );
  const [aa, bb, an] = [1, 2, 3].map(() => r.newId(ms("2025-11-09"))) as [string, string, string];
  r.record(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2025-11-09",
      blastocysts: [
        { embryoId: aa, grade: "5AA", biopsied: true, fate: "frozen" },
        { embryoId: bb, grade: "4BB", biopsied: true, fate: "frozen" },
        { embryoId: an, grade: "3BC", biopsied: true, fate: "frozen" },
      ],
    },
    ms("2025-11-09"),
  );
  r.record(
    "PgtResultRecorded",
    {
      reportedOn: "2025-11-28",
      test: "PGT-A",
      results: [
        { embryoId: aa, result: "euploid" },
        { embryoId: bb, result: "euploid" },
        { embryoId: an, result: "aneuploid" },
      ],
    },
    ms("2025-11-28"),
  );
  return { r, retrieval, aa, bb, an };
}

describe("Alex and Jordan: a slow first rise, a miscarriage at 7w3d, then an ongoing pregnancy", () => {
  const { r, aa, bb } = alexAndJordan();
  const t1 = r.newId(ms("2026-01-10"));

  it("a planned transfer keeps the embryo in the bank until it is done", () => {
    r.record(
      "TransferPlanned",
      {
        transferId: t1,
        plannedOn: "2026-01-14",
        embryoIds: [aa],
        recipient: { kind: "self" },
        protocol: "medicated",
      },
      ms("2026-01-10"),
    );
    expect(r.state.embryos.get(aa)!.status).toBe("frozen");
    expect(transferList(r.state)[0]).toMatchObject({ status: "planned" });
    const early = r.tryRecord(
      "BetaRecorded",
      { betaId: r.newId(ms("2026-01-12")), transferId: t1, drawnOn: "2026-01-23", value: 95 },
      ms("2026-01-12"),
    );
    expect(!early.ok && early.error.reason).toBe("not-transferred");
    r.record(
      "TransferRecorded",
      {
        transferId: t1,
        transferredOn: "2026-01-14",
        embryoIds: [aa],
        recipient: { kind: "self" },
        protocol: "medicated",
        liningMm: 8.2,
      },
      ms("2026-01-14"),
    );
    expect(r.state.embryos.get(aa)!.status).toBe("transferred");
    expect(bankCounts(r.state)).toMatchObject({ inBank: 2, frozenEuploid: 1 });
  });

  it("95 -> 130 -> 290, 48 h apart: the first rise is below the 49% minimum, the second is not", () => {
    for (const [date, value] of [
      ["2026-01-23", 95],
      ["2026-01-25", 130],
      ["2026-01-27", 290],
    ] as const) {
      r.record(
        "BetaRecorded",
        { betaId: r.newId(ms(date)), transferId: t1, drawnOn: date, value },
        ms(date),
      );
    }
    const trend = betaTrendOf(r.state, t1)!;
    expect(
      trend.intervals.map((i) => [
        Math.round(i.rise48hPercent ?? Number.NaN),
        i.minimalRise48hPercent,
        i.meetsMinimalRise,
      ]),
    ).toEqual([
      [37, 49, false],
      [123, 49, true],
    ]);
    expect(trend.noteKey).toBe("beta.ultrasound-decides");
    expect(transferStanding(r.state, t1)).toBe("pregnant");
    expect(transferDating(r.state, t1, "2026-01-27")).toMatchObject({
      dueDate: "2026-10-02",
      gestationalAge: { weeks: 4, days: 4 },
    });
  });

  it("a beta before the transfer, or above what labs report, is refused", () => {
    const before = r.tryRecord(
      "BetaRecorded",
      { betaId: r.newId(ms("2026-01-28")), transferId: t1, drawnOn: "2026-01-10", value: 20 },
      ms("2026-01-28"),
    );
    expect(!before.ok && before.error.field).toBe("payload.drawnOn");
    const huge = r.tryRecord(
      "BetaRecorded",
      {
        betaId: r.newId(ms("2026-01-28")),
        transferId: t1,
        drawnOn: "2026-01-29",
        value: 9_000_000,
      },
      ms("2026-01-28"),
    );
    expect(!huge.ok && huge.error.field).toBe("payload.value");
  });

  it("a miscarriage recorded without an age gets it from the dating; pregnancy details pause", () => {
    const loss = r.newId(ms("2026-02-16"));
    r.record(
      "OutcomeRecorded",
      { outcomeId: loss, transferId: t1, outcome: "miscarriage", on: "2026-02-16" },
      ms("2026-02-16"),
    );
    expect(outcomeGestationalAge(r.state, latestOutcome(r.state, t1)!)).toEqual({
      weeks: 7,
      days: 3,
      recorded: false,
    });
    expect(lossList(r.state).map((o) => o.outcome)).toEqual(["miscarriage"]);
    expect(pregnancyDetails(r.state)).toMatchObject({
      show: false,
      pausedAfterLoss: { outcomeId: loss },
    });
  });

  it("the next transfer (Jordan's FET with the 4BB) shows no dating until they say yes", () => {
    const t2 = r.newId(ms("2026-05-12"));
    r.record(
      "TransferRecorded",
      {
        transferId: t2,
        transferredOn: "2026-05-12",
        embryoIds: [bb],
        recipient: { kind: "self" },
        protocol: "medicated",
      },
      ms("2026-05-12"),
    );
    r.record(
      "BetaRecorded",
      {
        betaId: r.newId(ms("2026-05-21")),
        transferId: t2,
        drawnOn: "2026-05-21",
        value: 210,
        clinicReading: "positive",
      },
      ms("2026-05-21"),
    );
    r.record(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms("2026-06-10")),
        transferId: t2,
        outcome: "ongoing",
        on: "2026-06-10",
      },
      ms("2026-06-10"),
    );
    expect(transferStanding(r.state, t2)).toBe("pregnant");
    expect(pregnancyDetails(r.state).show).toBe(false);
    r.record(
      "PregnancyDetailsResumed",
      { at: "2026-06-10T19:00:00-04:00[America/Toronto]" },
      ms("2026-06-10"),
    );
    expect(pregnancyDetails(r.state).show).toBe(true);
    r.record("PreferencesUpdated", { quietMode: true }, ms("2026-06-11"));
    expect(pregnancyDetails(r.state)).toMatchObject({
      show: false,
      quietMode: true,
      pausedAfterLoss: null,
    });
  });
});

describe("outcomes and transfers can be corrected without losing an embryo", () => {
  it("a transfer entered by mistake is removed; its embryo goes back to the freezer and its loss stops pausing", () => {
    const { r, aa } = alexAndJordan();
    const t = r.newId(ms("2026-01-14"));
    r.record(
      "TransferRecorded",
      { transferId: t, transferredOn: "2026-01-14", embryoIds: [aa], recipient: { kind: "self" } },
      ms("2026-01-14"),
    );
    r.record(
      "OutcomeRecorded",
      { outcomeId: r.newId(ms("2026-02-01")), transferId: t, outcome: "ectopic", on: "2026-02-01" },
      ms("2026-02-01"),
    );
    expect(pregnancyDetails(r.state).pausedAfterLoss).not.toBeNull();
    r.record("TransferRetracted", { transferId: t }, ms("2026-02-02"));
    expect(r.state.embryos.get(aa)).toMatchObject({ status: "frozen", transferId: null });
    expect(r.state.embryos.get(aa)!.history.map((h) => [h.status, h.cause])).toEqual([
      ["frozen", "BlastocystsReported"],
      ["frozen", "PgtResultRecorded"],
      ["transferred", "TransferRecorded"],
      ["frozen", "TransferRetracted"],
    ]);
    expect(pregnancyDetails(r.state).pausedAfterLoss).toBeNull();
    expect(transferList(r.state)).toEqual([]);
  });

  it("an outcome entered by mistake is removed, and the right one recorded", () => {
    const { r, aa } = alexAndJordan();
    const t = r.newId(ms("2026-01-14"));
    r.record(
      "TransferRecorded",
      { transferId: t, transferredOn: "2026-01-14", embryoIds: [aa], recipient: { kind: "self" } },
      ms("2026-01-14"),
    );
    const wrong = r.newId(ms("2026-01-24"));
    r.record(
      "OutcomeRecorded",
      { outcomeId: wrong, transferId: t, outcome: "negative", on: "2026-01-24" },
      ms("2026-01-24"),
    );
    expect(
      r.tryRecord(
        "OutcomeRecorded",
        {
          outcomeId: r.newId(ms("2026-01-25")),
          transferId: t,
          outcome: "biochemical",
          on: "2026-01-25",
        },
        ms("2026-01-25"),
      ).ok,
    ).toBe(false);
    r.record("OutcomeRetracted", { outcomeId: wrong }, ms("2026-01-25"));
    r.record(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms("2026-01-25")),
        transferId: t,
        outcome: "biochemical",
        on: "2026-01-25",
      },
      ms("2026-01-25"),
    );
    expect(latestOutcome(r.state, t)!.outcome).toBe("biochemical");
  });

  it("a birth needs the number of babies, and nothing else does", () => {
    const { r, aa } = alexAndJordan();
    const t = r.newId(ms("2026-01-14"));
    r.record(
      "TransferRecorded",
      { transferId: t, transferredOn: "2026-01-14", embryoIds: [aa], recipient: { kind: "self" } },
      ms("2026-01-14"),
    );
    const noBabies = r.tryRecord(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms("2026-10-01")),
        transferId: t,
        outcome: "live-birth",
        on: "2026-10-01",
      },
      ms("2026-10-01"),
    );
    expect(!noBabies.ok && noBabies.error.field).toBe("payload.babies");
    const babiesOnLoss = r.tryRecord(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms("2026-10-01")),
        transferId: t,
        outcome: "stillbirth",
        on: "2026-10-01",
        babies: 1,
      },
      ms("2026-10-01"),
    );
    expect(!babiesOnLoss.ok && babiesOnLoss.error.field).toBe("payload.babies");
  });

  it("an embryo that is not in the bank cannot be transferred, and says where it is", () => {
    const { r, an } = alexAndJordan();
    r.record(
      "EmbryoDisposed",
      { embryoIds: [an], on: "2025-12-01", fate: "discarded", reason: "test-result" },
      ms("2025-12-01"),
    );
    const out = r.tryRecord(
      "TransferRecorded",
      {
        transferId: r.newId(ms("2026-01-14")),
        transferredOn: "2026-01-14",
        embryoIds: [an],
        recipient: { kind: "self" },
      },
      ms("2026-01-14"),
    );
    expect(!out.ok && out.error).toMatchObject({
      reason: "embryo-not-available",
      field: "payload.embryoIds.0",
      params: { embryo: "3BC", day: 5, doing: "transfer", status: "discarded" },
    });
  });
});

describe("remembrance and other paths", () => {
  it("a remembrance keeps a name, a date and words; it can change and be taken away", () => {
    const { r } = alexAndJordan();
    const id = r.newId(ms("2026-03-01"));
    expect(r.tryRecord("RemembranceAdded", { remembranceId: id }, ms("2026-03-01")).ok).toBe(false);
    r.record(
      "RemembranceAdded",
      { remembranceId: id, name: "Little bean", date: "2026-02-17" },
      ms("2026-03-01"),
    );
    r.record(
      "RemembranceChanged",
      { remembranceId: id, note: "We planted a tree." },
      ms("2026-03-02"),
    );
    expect(remembranceList(r.state)).toMatchObject([
      { name: "Little bean", date: "2026-02-17", note: "We planted a tree." },
    ]);
    expect(
      r.tryRecord(
        "RemembranceChanged",
        { remembranceId: id, name: null, date: null, note: null },
        ms("2026-03-03"),
      ).ok,
    ).toBe(false);
    r.record("RemembranceRemoved", { remembranceId: id }, ms("2026-03-03"));
    expect(remembranceList(r.state)).toEqual([]);
  });

  it("an adoption path is a timeline of its own steps", () => {
    const { r } = alexAndJordan();
    const path = r.newId(ms("2027-01-05"));
    r.record(
      "PathStarted",
      { pathId: path, kind: "adoption", name: "Open Arms Agency", startedOn: "2027-01-05" },
      ms("2027-01-05"),
    );
    for (const [milestone, on] of [
      ["home-study", "2027-04-20"],
      ["approved", "2027-06-01"],
      ["matched", "2028-02-10"],
      ["placement", "2028-03-15"],
      ["finalisation", "2028-09-30"],
    ] as const) {
      r.record(
        "PathMilestoneRecorded",
        { milestoneId: r.newId(ms(on)), pathId: path, milestone, on },
        ms(on),
      );
    }
    const other = r.tryRecord(
      "PathMilestoneRecorded",
      {
        milestoneId: r.newId(ms("2028-10-01")),
        pathId: path,
        milestone: "other",
        on: "2028-10-01",
      },
      ms("2028-10-01"),
    );
    expect(!other.ok && other.error.field).toBe("payload.title");
    const carrierStep = r.tryRecord(
      "PathMilestoneRecorded",
      {
        milestoneId: r.newId(ms("2028-10-01")),
        pathId: path,
        milestone: "contract",
        on: "2028-10-01",
      },
      ms("2028-10-01"),
    );
    expect(!carrierStep.ok && carrierStep.error).toMatchObject({
      reason: "wrong-path-step",
      field: "payload.milestone",
      params: { kind: "adoption", allowed: expect.stringMatching(/^agency, home-study/) },
    });
    expect(
      pathTimeline(r.state, path).map((i) =>
        i.kind === "milestone" ? i.milestone.milestone : i.kind,
      ),
    ).toEqual(["started", "home-study", "approved", "matched", "placement", "finalisation"]);
  });
});
