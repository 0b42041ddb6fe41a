import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import {
  bankCounts,
  cohortFunnel,
  embryoBank,
  storageFeesDue,
  typicalFunnel,
} from "../embryology/selectors.ts";
import { fold } from "../state/fold.ts";
import { mayaJourney } from "../testing/maya.ts";
import { Recorder } from "../testing/recorder.ts";
import {
  betaSeries,
  betaTrendOf,
  latestOutcome,
  outcomeGestationalAge,
  pathTimeline,
  pregnancyDetails,
  remembranceList,
  transferDating,
  transferList,
  transferStanding,
} from "./selectors.ts";

/**
 * Maya's journey (the clinical reference, Appendix A.1), 2014-2024: three
 * retrievals at two clinics, six transfers (one to a gestational carrier) and
 * every kind of news. Two dates in the reference do not fit together and are
 * shifted here, as a colleague noted:
 *
 * - The natural frozen transfer of the day-6 3BB is listed in 2018-01, but the
 *   birth is on 2018-05-16, which would be about 19 weeks. The transfer is
 *   moved to 2017-09-05: a day-6 blastocyst is at 2w6d on transfer day, so
 *   2018-05-16 is then 39w0d.
 * - The medicated transfer of the 4BC is listed in 2020-03, but the loss at
 *   20w1d is on 2020-09-30, which would be about 30 weeks. The transfer is
 *   moved to 2020-06-01: with the 4BC a day-6 blastocyst, 2020-09-30 is then
 *   exactly 20w1d (the colleague's "about 2020-05-27" would give 20w6d).
 *
 * The reference lists five transfers; the sixth (a negative frozen transfer of
 * a euploid embryo in 2022-09, before the carrier journey) is added to cover a
 * negative result in a long journey.
 */

const NY = "America/New_York";
const SYD = "Australia/Sydney";
const ms = (date: string, zone = NY, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: time })
    .epochMilliseconds;
const zoned = (date: string, zone = NY, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: time }).toString();

const CLINIC_A = "Hudson Fertility";
const CLINIC_B = "Harbor Reproductive";

describe("Maya's journey: three retrievals, two clinics, six transfers", () => {
  const r = new Recorder("phone0001", 1985);
  const id = (date: string) => r.newId(ms(date));
  const embryo: Record<string, string> = {};
  const transfer: Record<string, string> = {};
  let zone = NY;
  const rec = <K extends Parameters<typeof r.record>[0]>(
    type: K,
    payload: Parameters<typeof r.record<K>>[1],
    date: string,
  ) => r.record(type, payload, ms(date, zone));

  r.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: NY,
      partnerName: "Sam",
      createdAt: zoned("2014-03-01"),
    },
    ms("2014-03-01"),
  );
  const cycle1 = id("2015-04-01");
  rec(
    "CycleStarted",
    {
      cycleId: cycle1,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist (short) protocol",
      dayOne: "stim-day",
      startDate: "2015-04-02",
      zone: NY,
      transferPlan: "fresh",
      clinic: CLINIC_A,
    },
    "2015-04-01",
  );
  const r1 = id("2015-04-15");

  it("day 0: 14 eggs retrieved, maturity not known yet", () => {
    rec(
      "RetrievalRecorded",
      {
        retrievalId: r1,
        cycleId: cycle1,
        retrievedOn: "2015-04-15",
        folliclesAtTrigger: 16,
        eggsRetrieved: 14,
      },
      "2015-04-15",
    );
    expect(cohortFunnel(r.state, r1)).toMatchObject({
      eggs: 14,
      mature: null,
      fertilized: null,
      blastocysts: null,
    });
    expect(r.state.cohorts.get(r1)!.clinic).toBe(CLINIC_A);
  });

  it("day 1: a report of more 2PN than mature eggs with ICSI is refused, and nothing changes", () => {
    const before = r.events.length;
    const out = r.tryRecord(
      "FertilizationReported",
      { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 12 },
      ms("2015-04-16"),
    );
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error).toEqual({
        reason: "inconsistent-counts",
        field: "payload.fertilized",
        params: { count: "fertilized", value: 12, than: "mature", limit: 11, frozen: 0, icsi: 1 },
      });
    }
    expect(r.events.length).toBe(before);
    expect(cohortFunnel(r.state, r1)!.fertilized).toBeNull();
  });

  it("day 1, 3, 5 and 6 fill the record in: 11 MII, 8 2PN, 7 on day 3, 4 blastocysts", () => {
    rec(
      "FertilizationReported",
      { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
      "2015-04-16",
    );
    rec("Day3Reported", { cohortId: r1, reportedOn: "2015-04-18", developing: 7 }, "2015-04-18");
    embryo.aa = id("2015-04-20");
    embryo.ab = id("2015-04-20");
    rec(
      "BlastocystsReported",
      {
        cohortId: r1,
        day: 5,
        reportedOn: "2015-04-20",
        blastocysts: [
          { embryoId: embryo.aa, grade: "4 aa", biopsied: false, fate: "in-culture" },
          { embryoId: embryo.ab, grade: "4AB", biopsied: false, fate: "frozen" },
        ],
        storage: { location: "Tank 3" },
      },
      "2015-04-20",
    );
    expect(r.state.embryos.get(embryo.aa)!.grade).toBe("4AA");
    expect(r.state.embryos.get(embryo.ab)!.storage).toEqual({
      clinic: CLINIC_A,
      location: "Tank 3",
    });
    expect(bankCounts(r.state)).toMatchObject({
      total: 2,
      inBank: 2,
      byStatus: { "in-culture": 1, frozen: 1 },
    });
  });

  it("a grade that is not a Gardner grade is refused with the reason", () => {
    const out = r.tryRecord(
      "BlastocystsReported",
      {
        cohortId: r1,
        day: 6,
        reportedOn: "2015-04-21",
        blastocysts: [
          { embryoId: id("2015-04-21"), grade: "4AD", biopsied: false, fate: "frozen" },
        ],
      },
      ms("2015-04-21"),
    );
    expect(!out.ok && out.error).toMatchObject({
      reason: "invalid-grade",
      field: "payload.blastocysts.0.grade",
      params: { grade: "4AD", why: "letters" },
    });
  });

  it("transfer 1: the 4AA fresh on day 5; the bank shows it transferred", () => {
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
    );
    const t1 = r.state.transfers.get(transfer.t1)!;
    expect(t1).toMatchObject({ status: "done", fresh: true, embryoDay: 5 });
    expect(bankCounts(r.state)).toMatchObject({
      total: 2,
      inBank: 1,
      byStatus: { transferred: 1, frozen: 1 },
    });
  });

  it("day 6: two more blastocysts frozen; more than the 7 developing on day 3 would be refused", () => {
    embryo.bb = id("2015-04-21");
    embryo.bc = id("2015-04-21");
    rec(
      "BlastocystsReported",
      {
        cohortId: r1,
        day: 6,
        reportedOn: "2015-04-21",
        blastocysts: [
          { embryoId: embryo.bb, grade: "3BB", biopsied: false, fate: "frozen" },
          { embryoId: embryo.bc, grade: "4BC", biopsied: false, fate: "frozen" },
        ],
        storage: { location: "Tank 3" },
      },
      "2015-04-21",
    );
    const tooMany = r.tryRecord(
      "BlastocystsReported",
      {
        cohortId: r1,
        day: 7,
        reportedOn: "2015-04-22",
        blastocysts: [1, 2, 3, 4].map(() => ({
          embryoId: id("2015-04-22"),
          grade: "2",
          biopsied: false,
          fate: "discarded" as const,
        })),
      },
      ms("2015-04-22"),
    );
    expect(!tooMany.ok && tooMany.error).toMatchObject({
      field: "payload.blastocysts",
      reason: "inconsistent-counts",
      params: { count: "blastocysts", value: 8, kept: 0, than: "day3", limit: 7 },
    });
    expect(cohortFunnel(r.state, r1)).toMatchObject({
      eggs: 14,
      mature: 11,
      fertilized: 8,
      day3: 7,
      blastocysts: 4,
      blastocystsByDay: { 5: 2, 6: 2, 7: 0 },
      tested: null,
    });
  });

  it("the typical funnel at 29 (age at retrieval) comes from the odds parameters, with sources and tags", () => {
    const typical = typicalFunnel(r.state, r1)!;
    expect(typical.age).toBe(29);
    expect(typical.steps.map((s) => s.step)).toEqual([
      "eggs",
      "mature",
      "fertilized",
      "blastocysts",
    ]);
    const [eggs, mature, fertilized, blasts] = typical.steps.map((s) => s.typical) as [
      number,
      number,
      number,
      number,
    ];
    expect(eggs).toBeGreaterThan(9);
    expect(eggs).toBeLessThan(14);
    expect(mature / eggs).toBeCloseTo(0.78, 2);
    expect(blasts).toBeLessThan(fertilized);
    expect(typical.sources.map((s) => [s.id, s.tag])).toEqual(
      expect.arrayContaining([
        ["sunkara2011", "checked"],
        ["romanski2022", "checked"],
      ]),
    );
    // No embryo of this retrieval was tested, so no euploid step and no euploidy source.
    expect(typical.sources.some((s) => s.id === "franasiak2014")).toBe(false);
  });

  it("transfer 1: betas 12 then 9 fall; a biochemical loss pauses pregnancy details", () => {
    rec(
      "BetaRecorded",
      { betaId: id("2015-04-29"), transferId: transfer.t1!, drawnOn: "2015-04-29", value: 12 },
      "2015-04-29",
    );
    rec(
      "BetaRecorded",
      { betaId: id("2015-05-01"), transferId: transfer.t1!, drawnOn: "2015-05-01", value: 9 },
      "2015-05-01",
    );
    const trend = betaTrendOf(r.state, transfer.t1!)!;
    expect(trend.intervals[0]).toMatchObject({
      trend: "falling",
      meetsMinimalRise: null,
      doublingTimeHours: null,
    });
    expect(trend.noteKey).toBe("beta.ultrasound-decides");
    const loss = id("2015-05-01");
    rec(
      "OutcomeRecorded",
      { outcomeId: loss, transferId: transfer.t1!, outcome: "biochemical", on: "2015-05-01" },
      "2015-05-01",
    );
    expect(transferStanding(r.state, transfer.t1!)).toBe("loss");
    expect(pregnancyDetails(r.state)).toMatchObject({
      show: false,
      pausedAfterLoss: { outcomeId: loss },
    });
    const again = r.tryRecord(
      "OutcomeRecorded",
      {
        outcomeId: id("2015-05-02"),
        transferId: transfer.t1!,
        outcome: "ongoing",
        on: "2015-05-02",
      },
      ms("2015-05-02"),
    );
    expect(!again.ok && again.error).toEqual({
      reason: "outcome-exists",
      field: "payload.outcome",
      params: { outcome: "biochemical" },
    });
  });

  const feeA = r.newId(ms("2015-05-10"));
  it("a yearly storage fee shows as due within 30 days, and moves a year on when paid", () => {
    rec(
      "StorageFeeScheduled",
      {
        feeId: feeA,
        clinic: CLINIC_A,
        covers: "embryos",
        amount: { value: 800, currency: "USD" },
        dueOn: "2016-01-15",
        renewsYearly: true,
      },
      "2015-05-10",
    );
    expect(storageFeesDue(r.state, { today: "2015-12-01" })).toEqual([]);
    expect(
      storageFeesDue(r.state, { today: "2015-12-20" }).map((f) => [
        f.nextDueOn,
        f.state,
        f.daysUntilDue,
      ]),
    ).toEqual([["2016-01-15", "due-soon", 26]]);
    const early = r.tryRecord(
      "StorageFeePaid",
      { feeId: feeA, dueOn: "2017-01-15", paidOn: "2016-01-10" },
      ms("2016-01-10"),
    );
    expect(!early.ok && early.error).toEqual({
      reason: "not-next-due",
      field: "payload.dueOn",
      params: { date: "2016-01-15" },
    });
    rec("StorageFeePaid", { feeId: feeA, dueOn: "2016-01-15", paidOn: "2016-01-10" }, "2016-01-10");
    expect(storageFeesDue(r.state, { today: "2016-01-20" })).toEqual([]);
    expect(storageFeesDue(r.state, { today: "2017-01-20" })[0]).toMatchObject({
      nextDueOn: "2017-01-15",
      state: "overdue",
    });
  });

  it("transfer 2 (medicated, the 4AB): betas 180, 410, 950 rise in the usual range; due 2016-04-27", () => {
    rec("PregnancyDetailsResumed", { at: zoned("2015-08-01") }, "2015-08-01");
    expect(pregnancyDetails(r.state).show).toBe(true);
    transfer.t2 = id("2015-08-10");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t2,
        transferredOn: "2015-08-10",
        embryoIds: [embryo.ab!],
        recipient: { kind: "self" },
        protocol: "medicated",
        liningMm: 9.5,
      },
      "2015-08-10",
    );
    for (const [date, value] of [
      ["2015-08-19", 180],
      ["2015-08-21", 410],
      ["2015-08-23", 950],
    ] as const) {
      rec(
        "BetaRecorded",
        { betaId: id(date), transferId: transfer.t2, drawnOn: date, value },
        date,
      );
    }
    const trend = betaTrendOf(r.state, transfer.t2)!;
    expect(trend.intervals.map((i) => [Math.round(i.risePercent), i.meetsMinimalRise])).toEqual([
      [128, true],
      [132, true],
    ]);
    expect(trend.intervals[0]!.doublingTimeHours).toBeCloseTo(40.4, 1);
    expect(transferStanding(r.state, transfer.t2)).toBe("pregnant");
    const dating = transferDating(r.state, transfer.t2, "2015-09-10")!;
    expect(dating.dueDate).toBe("2016-04-27");
    expect(dating.gestationalAge).toMatchObject({ weeks: 7, days: 1 });
    const dup = r.tryRecord(
      "BetaRecorded",
      { betaId: id("2015-08-23"), transferId: transfer.t2, drawnOn: "2015-08-23", value: 960 },
      ms("2015-08-23"),
    );
    expect(!dup.ok && dup.error).toMatchObject({
      reason: "duplicate-time",
      field: "payload.drawnOn",
      params: { at: "2015-08-23" },
    });
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2015-09-10"),
        transferId: transfer.t2,
        outcome: "ongoing",
        on: "2015-09-10",
      },
      "2015-09-10",
    );
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2016-04-14"),
        transferId: transfer.t2,
        outcome: "live-birth",
        on: "2016-04-14",
        babies: 1,
      },
      "2016-04-14",
    );
    expect(transferStanding(r.state, transfer.t2)).toBe("born");
    expect(outcomeGestationalAge(r.state, latestOutcome(r.state, transfer.t2)!)).toEqual({
      weeks: 38,
      days: 1,
      recorded: false,
    });
  });

  it("transfer 3 (natural, the day-6 3BB, frozen two years): born 2018-05-16 at 39w0d", () => {
    transfer.t3 = id("2017-09-05");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t3,
        transferredOn: "2017-09-05",
        embryoIds: [embryo.bb!],
        recipient: { kind: "self" },
        protocol: "natural",
      },
      "2017-09-05",
    );
    expect(r.state.transfers.get(transfer.t3)).toMatchObject({ embryoDay: 6, fresh: false });
    rec(
      "BetaRecorded",
      {
        betaId: id("2017-09-14"),
        transferId: transfer.t3,
        drawnOn: "2017-09-14",
        value: 240,
        clinicReading: "positive",
      },
      "2017-09-14",
    );
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2018-05-16"),
        transferId: transfer.t3,
        outcome: "live-birth",
        on: "2018-05-16",
        babies: 1,
      },
      "2018-05-16",
    );
    expect(outcomeGestationalAge(r.state, latestOutcome(r.state, transfer.t3)!)).toEqual({
      weeks: 39,
      days: 0,
      recorded: false,
    });
    expect(bankCounts(r.state)).toMatchObject({
      total: 4,
      inBank: 1,
      byStatus: { transferred: 3, frozen: 1 },
    });
  });

  it("transfer 4 (the 4BC): a loss at 20w1d; a remembrance; quiet mode on", () => {
    transfer.t4 = id("2020-06-01");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t4,
        transferredOn: "2020-06-01",
        embryoIds: [embryo.bc!],
        recipient: { kind: "self" },
        protocol: "medicated",
      },
      "2020-06-01",
    );
    rec("StorageFeeEnded", { feeId: feeA, endedOn: "2020-06-01" }, "2020-06-01");
    rec(
      "BetaRecorded",
      { betaId: id("2020-06-10"), transferId: transfer.t4, drawnOn: "2020-06-10", value: 310 },
      "2020-06-10",
    );
    rec(
      "BetaRecorded",
      { betaId: id("2020-06-12"), transferId: transfer.t4, drawnOn: "2020-06-12", value: 720 },
      "2020-06-12",
    );
    expect(transferStanding(r.state, transfer.t4)).toBe("pregnant");
    const loss = id("2020-09-30");
    rec(
      "OutcomeRecorded",
      {
        outcomeId: loss,
        transferId: transfer.t4,
        outcome: "stillbirth",
        on: "2020-09-30",
        gestationalAge: { weeks: 20, days: 1 },
        note: "Placental abruption.",
      },
      "2020-09-30",
    );
    // The recorded age and the dating agree once the transfer date is shifted (see the top of this file).
    expect(transferDating(r.state, transfer.t4, "2020-09-30")!.gestationalAge).toMatchObject({
      weeks: 20,
      days: 1,
    });
    expect(pregnancyDetails(r.state)).toMatchObject({
      show: false,
      pausedAfterLoss: { outcomeId: loss, since: "2020-09-30" },
    });
    rec(
      "RemembranceAdded",
      {
        remembranceId: id("2020-10-20"),
        name: "Rose",
        date: "2020-09-30",
        note: "Our daughter.",
        transferId: transfer.t4,
      },
      "2020-10-20",
    );
    rec("PreferencesUpdated", { quietMode: true }, "2020-10-20");
    expect(remembranceList(r.state).map((x) => x.name)).toEqual(["Rose"]);
    expect(pregnancyDetails(r.state)).toMatchObject({ show: false, quietMode: true });
    expect(bankCounts(r.state)).toMatchObject({ total: 4, inBank: 0 });
    const history = r.state.embryos.get(embryo.bc!)!.history.map((h) => [h.on, h.status, h.cause]);
    expect(history).toEqual([
      ["2015-04-21", "frozen", "BlastocystsReported"],
      ["2020-06-01", "transferred", "TransferRecorded"],
    ]);
  });

  const r2 = r.newId(ms("2022-02-14"));
  const r3 = r.newId(ms("2022-05-16"));
  it("2022 at a second clinic: two egg-banking retrievals with PGT-A results weeks later", () => {
    rec(
      "RetrievalRecorded",
      {
        retrievalId: r2,
        retrievedOn: "2022-02-14",
        clinic: CLINIC_B,
        eggsRetrieved: 12,
        mature: 9,
      },
      "2022-02-14",
    );
    rec(
      "FertilizationReported",
      { cohortId: r2, reportedOn: "2022-02-15", method: "icsi", fertilized: 7 },
      "2022-02-15",
    );
    embryo.r2a = id("2022-02-19");
    embryo.r2b = id("2022-02-19");
    embryo.r2c = id("2022-02-20");
    rec(
      "BlastocystsReported",
      {
        cohortId: r2,
        day: 5,
        reportedOn: "2022-02-19",
        blastocysts: [
          { embryoId: embryo.r2a, label: "E1", grade: "4AA", biopsied: true, fate: "frozen" },
          { embryoId: embryo.r2b, label: "E2", grade: "5AB", biopsied: true, fate: "frozen" },
        ],
      },
      "2022-02-19",
    );
    rec(
      "BlastocystsReported",
      {
        cohortId: r2,
        day: 6,
        reportedOn: "2022-02-20",
        blastocysts: [
          { embryoId: embryo.r2c, label: "E3", grade: "4BB", biopsied: true, fate: "frozen" },
        ],
      },
      "2022-02-20",
    );
    rec(
      "PgtResultRecorded",
      {
        reportedOn: "2022-03-10",
        test: "PGT-A",
        results: [
          { embryoId: embryo.r2a, result: "euploid" },
          { embryoId: embryo.r2b, result: "aneuploid" },
          { embryoId: embryo.r2c, result: "euploid" },
        ],
      },
      "2022-03-10",
    );
    rec(
      "EmbryoDisposed",
      { embryoIds: [embryo.r2b], on: "2022-03-20", fate: "discarded", reason: "test-result" },
      "2022-03-20",
    );

    rec(
      "RetrievalRecorded",
      { retrievalId: r3, retrievedOn: "2022-05-16", clinic: CLINIC_B, eggsRetrieved: 9, mature: 7 },
      "2022-05-16",
    );
    rec(
      "FertilizationReported",
      { cohortId: r3, reportedOn: "2022-05-17", method: "icsi", fertilized: 5 },
      "2022-05-17",
    );
    embryo.r3a = id("2022-05-21");
    embryo.r3b = id("2022-05-22");
    rec(
      "BlastocystsReported",
      {
        cohortId: r3,
        day: 5,
        reportedOn: "2022-05-21",
        blastocysts: [{ embryoId: embryo.r3a, grade: "4AB", biopsied: true, fate: "frozen" }],
      },
      "2022-05-21",
    );
    rec(
      "BlastocystsReported",
      {
        cohortId: r3,
        day: 6,
        reportedOn: "2022-05-22",
        blastocysts: [{ embryoId: embryo.r3b, grade: "3BB", biopsied: true, fate: "frozen" }],
      },
      "2022-05-22",
    );
    const notMosaic = r.tryRecord(
      "PgtResultRecorded",
      {
        reportedOn: "2022-06-08",
        test: "PGT-A",
        results: [{ embryoId: embryo.r3a, result: "euploid", mosaicLevel: "low" }],
      },
      ms("2022-06-08"),
    );
    expect(!notMosaic.ok && notMosaic.error.field).toBe("payload.results.0.mosaicLevel");
    rec(
      "PgtResultRecorded",
      {
        reportedOn: "2022-06-08",
        test: "PGT-A",
        results: [
          { embryoId: embryo.r3a, result: "euploid" },
          { embryoId: embryo.r3b, result: "mosaic", mosaicLevel: "low" },
        ],
      },
      "2022-06-08",
    );

    expect(cohortFunnel(r.state, r2)).toMatchObject({
      eggs: 12,
      mature: 9,
      fertilized: 7,
      blastocysts: 3,
      tested: 3,
      euploid: 2,
      aneuploid: 1,
    });
    expect(cohortFunnel(r.state, r3)).toMatchObject({
      eggs: 9,
      mature: 7,
      fertilized: 5,
      blastocysts: 2,
      tested: 2,
      euploid: 1,
      mosaic: 1,
    });
    const typical = typicalFunnel(r.state, r2)!;
    expect(typical.age).toBe(36);
    expect(typical.steps.map((s) => s.step)).toContain("euploid");
    expect(typical.sources.map((s) => s.id)).toContain("franasiak2014");
    expect(bankCounts(r.state)).toMatchObject({
      total: 9,
      inBank: 4,
      frozenEuploid: 3,
      frozenMosaic: 1,
      byStatus: { discarded: 1 },
    });
  });

  it("a move to Sydney; transfer 5 (a euploid, medicated) is negative", () => {
    rec("JourneyUpdated", { homeZone: SYD }, "2022-07-01");
    zone = SYD;
    transfer.t5 = id("2022-09-14");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t5,
        transferredOn: "2022-09-14",
        embryoIds: [embryo.r3a!],
        recipient: { kind: "self" },
        protocol: "medicated",
        clinic: CLINIC_B,
      },
      "2022-09-14",
    );
    rec(
      "BetaRecorded",
      {
        betaId: id("2022-09-23"),
        transferId: transfer.t5,
        drawnOn: "2022-09-23",
        value: 2,
        clinicReading: "negative",
      },
      "2022-09-23",
    );
    expect(transferStanding(r.state, transfer.t5)).toBe("negative");
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2022-09-23"),
        transferId: transfer.t5,
        outcome: "negative",
        on: "2022-09-23",
      },
      "2022-09-23",
    );
    // A negative test is hard news, but not the loss of a pregnancy: nothing new is paused.
    expect(pregnancyDetails(r.state).pausedAfterLoss?.since).toBe("2020-09-30");
  });

  it("transfer 6 to a gestational carrier, on her own timeline, ending in a birth", () => {
    const path = id("2022-11-01");
    rec(
      "PathStarted",
      { pathId: path, kind: "gestational-carrier", name: "Jess", startedOn: "2022-11-01" },
      "2022-11-01",
    );
    rec(
      "PathMilestoneRecorded",
      { milestoneId: id("2022-11-20"), pathId: path, milestone: "matched", on: "2022-11-20" },
      "2022-11-20",
    );
    rec(
      "PathMilestoneRecorded",
      { milestoneId: id("2023-01-10"), pathId: path, milestone: "contract", on: "2023-01-10" },
      "2023-01-10",
    );
    const wrong = r.tryRecord(
      "PathMilestoneRecorded",
      { milestoneId: id("2023-01-11"), pathId: path, milestone: "home-study", on: "2023-01-11" },
      ms("2023-01-11", SYD),
    );
    expect(!wrong.ok && wrong.error.field).toBe("payload.milestone");
    transfer.t6 = id("2023-03-08");
    rec(
      "TransferRecorded",
      {
        transferId: transfer.t6,
        transferredOn: "2023-03-08",
        embryoIds: [embryo.r2a!],
        recipient: { kind: "carrier", name: "Jess", pathId: path },
        protocol: "medicated",
      },
      "2023-03-08",
    );
    expect(r.state.embryos.get(embryo.r2a!)!.status).toBe("carrier");
    rec(
      "BetaRecorded",
      { betaId: id("2023-03-17"), transferId: transfer.t6, drawnOn: "2023-03-17", value: 150 },
      "2023-03-17",
    );
    rec(
      "BetaRecorded",
      { betaId: id("2023-03-19"), transferId: transfer.t6, drawnOn: "2023-03-19", value: 360 },
      "2023-03-19",
    );
    // Still paused after the 2020 loss, and quiet: no due date until Maya asks.
    expect(pregnancyDetails(r.state).show).toBe(false);
    rec("PregnancyDetailsResumed", { at: zoned("2023-03-20", SYD) }, "2023-03-20");
    rec("PreferencesUpdated", { quietMode: false }, "2023-03-20");
    expect(pregnancyDetails(r.state).show).toBe(true);
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2023-04-20"),
        transferId: transfer.t6,
        outcome: "ongoing",
        on: "2023-04-20",
      },
      "2023-04-20",
    );
    rec(
      "OutcomeRecorded",
      {
        outcomeId: id("2023-11-20"),
        transferId: transfer.t6,
        outcome: "live-birth",
        on: "2023-11-20",
        babies: 1,
      },
      "2023-11-20",
    );
    rec(
      "PathMilestoneRecorded",
      { milestoneId: id("2023-11-21"), pathId: path, milestone: "birth", on: "2023-11-20" },
      "2023-11-21",
    );
    rec(
      "PathMilestoneRecorded",
      {
        milestoneId: id("2024-01-15"),
        pathId: path,
        milestone: "parentage",
        on: "2024-01-15",
        note: "Parentage order granted.",
      },
      "2024-01-15",
    );
    expect(pathTimeline(r.state, path).map((i) => [i.on, i.kind])).toEqual([
      ["2022-11-01", "started"],
      ["2022-11-20", "milestone"],
      ["2023-01-10", "milestone"],
      ["2023-03-08", "transfer"],
      ["2023-11-20", "milestone"],
      ["2023-11-20", "outcome"],
      ["2024-01-15", "milestone"],
    ]);
  });

  it("at the end: six transfers, every embryo accounted for, two still frozen at the second clinic", () => {
    expect(r.state.rejected).toEqual([]);
    expect(
      transferList(r.state).map((t) => [t.date, latestOutcome(r.state, t.id)?.outcome]),
    ).toEqual([
      ["2023-03-08", "live-birth"],
      ["2022-09-14", "negative"],
      ["2020-06-01", "stillbirth"],
      ["2017-09-05", "live-birth"],
      ["2015-08-10", "live-birth"],
      ["2015-04-20", "biochemical"],
    ]);
    expect(bankCounts(r.state)).toEqual({
      total: 9,
      byStatus: {
        "in-culture": 0,
        frozen: 2,
        transferred: 5,
        discarded: 1,
        donated: 0,
        shipped: 0,
        carrier: 1,
      },
      inBank: 2,
      frozenEuploid: 1,
      frozenMosaic: 1,
      frozenUntested: 0,
    });
    const frozen = embryoBank(r.state).filter((b) => b.embryo.status === "frozen");
    expect(
      frozen.map((b) => [b.embryo.grade, b.embryo.pgtA?.result, b.embryo.storage?.clinic, b.age]),
    ).toEqual([
      ["3BB", "mosaic", CLINIC_B, 36],
      ["4BB", "euploid", CLINIC_B, 36],
    ]);
  });

  it("mayaJourney(), the shared fixture, tells the same story: transfers, news, funnels, bank", () => {
    // The fixture adds cycles, doses, labs and costs; what this test built must be in it unchanged.
    const fixture = mayaJourney().state;
    const story = (s: typeof r.state) => ({
      transfers: transferList(s).map((t) => [
        t.date,
        t.embryoIds.map((e) => s.embryos.get(e)!.grade),
        t.recipient.kind,
        latestOutcome(s, t.id)?.outcome,
        latestOutcome(s, t.id)?.on,
        betaSeries(s, t.id).map((b) => [b.drawnOn, b.value]),
      ]),
      funnels: [...s.cohorts.values()].map((c) => cohortFunnel(s, c.id)),
      bank: bankCounts(s),
      frozen: embryoBank(s)
        .filter((b) => b.embryo.status === "frozen")
        .map((b) => [b.embryo.grade, b.embryo.pgtA?.result, b.embryo.storage?.clinic, b.age]),
      remembrances: remembranceList(s).map((x) => [x.name, x.date]),
      paths: [...s.pathMilestones.values()].map((m) => [m.milestone, m.on]),
      zone: s.journey?.homeZone,
      quiet: s.preferences.quietMode,
      pregnancyDetails: pregnancyDetails(s).show,
    });
    expect(story(fixture)).toEqual(story(r.state));
  });

  it("the same events in any order fold to the same state", () => {
    const shuffled = [...r.events].reverse();
    expect(fold(shuffled)).toEqual(r.state);
  });
});
