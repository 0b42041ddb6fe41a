import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { bankOdds } from "./bank.ts";
import { eggFreezingOdds } from "./eggs.ts";
import { mayaRetrievals } from "./fixtures.ts";
import { oddsFromRecord } from "./from-record.ts";
import { retrievalPlan } from "./plan.ts";
import { bankOddsInput, eggFreezingInput, retrievalPlanInput } from "./record-inputs.ts";

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/**
 * The selector from a person's record to the odds engine, on the fictional
 * journeys of the clinical reference, Appendix A, recorded event by event the way
 * the app records them.
 */

const ms = (date: string, zone: string, time = "19:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: time })
    .epochMilliseconds;

function journey(dateOfBirth: string, zone: string, seed: number) {
  const r = new Recorder("phone0005", seed);
  const created = Temporal.PlainDate.from("2014-03-01").toZonedDateTime({
    timeZone: zone,
    plainTime: "09:00",
  });
  r.record(
    "JourneyCreated",
    { dateOfBirth, homeZone: zone, createdAt: created.toString() },
    created.epochMilliseconds,
  );
  return r;
}

interface Blast {
  readonly label: string;
  readonly grade: string;
  readonly day: 5 | 6;
  readonly fate?: "frozen" | "in-culture";
  readonly pgt?: "euploid" | "aneuploid" | "mosaic";
}

/** A retrieval and its lab calls (ICSI), returning each blastocyst's id by label. */
function retrieval(
  r: Recorder,
  zone: string,
  on: string,
  counts: { eggs: number; mature: number; fertilized: number },
  blasts: readonly Blast[],
): { id: string; embryo: Record<string, string> } {
  const day = (n: number) => Temporal.PlainDate.from(on).add({ days: n }).toString();
  const id = r.newId(ms(on, zone));
  r.record(
    "RetrievalRecorded",
    { retrievalId: id, retrievedOn: on, eggsRetrieved: counts.eggs, mature: counts.mature },
    ms(on, zone),
  );
  r.record(
    "FertilizationReported",
    { cohortId: id, reportedOn: day(1), method: "icsi", fertilized: counts.fertilized },
    ms(day(1), zone),
  );
  const embryo: Record<string, string> = {};
  for (const d of [5, 6] as const) {
    const today = blasts.filter((b) => b.day === d);
    r.record(
      "BlastocystsReported",
      {
        cohortId: id,
        day: d,
        reportedOn: day(d),
        blastocysts: today.map((b) => {
          embryo[b.label] = r.newId(ms(day(d), zone));
          return {
            embryoId: embryo[b.label]!,
            label: b.label,
            grade: b.grade,
            biopsied: b.pgt !== undefined,
            fate: b.fate ?? "frozen",
          };
        }),
      },
      ms(day(d), zone),
    );
  }
  const tested = blasts.filter((b) => b.pgt);
  if (tested.length > 0) {
    r.record(
      "PgtResultRecorded",
      {
        reportedOn: day(21),
        test: "PGT-A",
        results: tested.map((b) => ({ embryoId: embryo[b.label]!, result: b.pgt! })),
      },
      ms(day(21), zone),
    );
  }
  return { id, embryo };
}

function transfer(r: Recorder, zone: string, on: string, embryoId: string): string {
  const transferId = r.newId(ms(on, zone));
  r.record(
    "TransferRecorded",
    { transferId, transferredOn: on, embryoIds: [embryoId], recipient: { kind: "self" } },
    ms(on, zone),
  );
  return transferId;
}

type Ending = "negative" | "biochemical" | "miscarriage" | "stillbirth" | "ongoing" | "live-birth";

function outcome(r: Recorder, zone: string, transferId: string, kind: Ending, on: string) {
  r.record(
    "OutcomeRecorded",
    {
      outcomeId: r.newId(ms(on, zone)),
      transferId,
      outcome: kind,
      on,
      ...(kind === "live-birth" && { babies: 1 }),
    },
    ms(on, zone),
  );
}

function amh(r: Recorder, zone: string, on: string, value: number, unit: string) {
  const drawn = Temporal.PlainDate.from(on).toZonedDateTime({ timeZone: zone, plainTime: "08:00" });
  const resultId = r.newId(drawn.epochMilliseconds);
  r.record(
    "LabResultRecorded",
    { resultId, drawnAt: drawn.toString(), analyte: "AMH", value, unit },
    drawn.epochMilliseconds,
  );
  return resultId;
}

/** Maya (clinical reference A.1) up to mid-2022: the 2015 retrieval used up, two egg-banking cycles at 36. */
function maya() {
  const zone = "America/New_York";
  const r = journey("1985-11-30", zone, 5);
  amh(r, zone, "2014-06-10", 1.4, "ng/mL");
  const first = retrieval(r, zone, "2015-04-15", { eggs: 14, mature: 11, fertilized: 8 }, [
    { label: "A1", grade: "4AA", day: 5, fate: "in-culture" },
    { label: "A2", grade: "4AB", day: 5 },
    { label: "A3", grade: "3BB", day: 6 },
    { label: "A4", grade: "4BC", day: 6 },
  ]);
  // A biochemical loss, two births, and a loss at 20 weeks (clinical reference A.1).
  outcome(r, zone, transfer(r, zone, "2015-04-20", first.embryo.A1!), "biochemical", "2015-05-01");
  outcome(r, zone, transfer(r, zone, "2015-08-10", first.embryo.A2!), "live-birth", "2016-04-14");
  outcome(r, zone, transfer(r, zone, "2018-01-22", first.embryo.A3!), "live-birth", "2018-05-16");
  outcome(r, zone, transfer(r, zone, "2020-03-09", first.embryo.A4!), "stillbirth", "2020-09-30");
  // Taken again before banking, in the other unit: 10 pmol/L is 1.4 ng/mL.
  const latestAmh = amh(r, zone, "2021-12-01", 10, "pmol/L");
  const second = retrieval(r, zone, "2022-02-14", { eggs: 12, mature: 9, fertilized: 7 }, [
    { label: "B1", grade: "4AA", day: 5, pgt: "euploid" },
    { label: "B2", grade: "4AB", day: 5, pgt: "aneuploid" },
    { label: "B3", grade: "4BB", day: 6, pgt: "euploid" },
  ]);
  r.record(
    "EmbryoDisposed",
    {
      embryoIds: [second.embryo.B2!],
      on: "2022-03-10",
      fate: "discarded",
      reason: "test-result",
    },
    ms("2022-03-10", zone),
  );
  const third = retrieval(r, zone, "2022-05-16", { eggs: 9, mature: 7, fertilized: 5 }, [
    { label: "C1", grade: "5AA", day: 5, pgt: "euploid" },
    { label: "C2", grade: "4BB", day: 5, pgt: "mosaic" },
  ]);
  return { r, zone, first, second, third, latestAmh };
}

describe("Maya in July 2022: three embryos and a mosaic in the bank, three retrievals behind her", () => {
  const { r } = maya();
  const record = oddsFromRecord(r.state, { today: "2022-07-01" });

  it("counts only the embryos still in the bank, at the age the eggs were collected", () => {
    expect(record.age).toBe(36);
    expect(record.bank.map((e) => [e.label, e.input])).toEqual([
      ["B1", { ageAtRetrieval: 36, pgt: "euploid", day: 5, grade: "4AA" }],
      ["B3", { ageAtRetrieval: 36, pgt: "euploid", day: 6, grade: "4BB" }],
      ["C1", { ageAtRetrieval: 36, pgt: "euploid", day: 5, grade: "5AA" }],
      ["C2", { ageAtRetrieval: 36, pgt: "mosaic", day: 5, grade: "4BB" }],
    ]);
    expect(record.bankLeftOut).toEqual([]);
  });

  it("turns each complete retrieval into the engine's counts, tested ones with their euploid results", () => {
    // The same counts as the engine's own fixture; tested retrievals say how many were tested.
    expect(record.history.map((h) => h.input)).toEqual(
      mayaRetrievals.map((x) => (x.euploid === undefined ? x : { ...x, biopsied: x.blastocysts })),
    );
    expect(record.history.map((h) => h.retrievedOn)).toEqual([
      "2015-04-15",
      "2022-02-14",
      "2022-05-16",
    ]);
    expect(record.historyLeftOut).toEqual([]);
  });

  it("reads the latest AMH in ng/mL, whatever unit the lab used", () => {
    expect(record.amh?.ngPerMl).toBeCloseTo(1.4, 2);
    expect(record.amh).toMatchObject({ value: 10, unit: "pmol/L" });
  });

  it("asks the engine about the bank at her age today, and it answers", () => {
    const input = bankOddsInput(record)!;
    expect(input).toEqual({
      embryos: record.bank.map((e) => e.input),
      ageAtTransfer: 36,
      pastTransfers: record.transfers.map((t) => t.input),
    });
    const odds = bankOdds(input);
    expect(odds.ok && odds.value.transfers).toBe(4);
    expect(odds.ok && odds.value.atLeastOne.denominator).toBe("from this bank");
  });

  it("plans more retrievals with her own results beside the typical ones", () => {
    const input = retrievalPlanInput(record, { retrievals: 3, tested: true })!;
    expect(input).toMatchObject({ age: 36, retrievals: 3, tested: true });
    expect(input.amh).toBeCloseTo(1.4, 2);
    expect(input.bank).toHaveLength(4);
    expect(input.history).toHaveLength(3);
    const plan = retrievalPlan(input);
    expect(plan.ok && plan.value.personal?.length).toBe(3);
    expect(plan.ok && plan.value.population.length).toBe(3);
  });

  it("lets a what-if age and AMH be typed over the record's, or AMH left out", () => {
    const input = retrievalPlanInput(record, { retrievals: 1, tested: false, age: 38, amh: null })!;
    expect(input.age).toBe(38);
    expect("amh" in input).toBe(false);
    expect(retrievalPlan(input).ok).toBe(true);
  });

  it("leaves out an AMH marked as wrong, and falls back to the one before", () => {
    const { r, zone, latestAmh } = maya();
    r.record(
      "LabResultExcluded",
      { resultId: latestAmh, excluded: true, reason: "typed into the wrong box" },
      ms("2022-01-01", zone),
    );
    const amh = oddsFromRecord(r.state, { today: "2022-07-01" }).amh;
    expect(amh).toMatchObject({ value: 1.4, unit: "ng/mL", ngPerMl: 1.4 });
  });
});

describe("Maya's own transfers teach her personal estimate, losses and births alike", () => {
  it("reads each finished transfer with its embryo as it was and how it ended", () => {
    const { r } = maya();
    const record = oddsFromRecord(r.state, { today: "2022-07-01" });
    expect(record.transfers.map((t) => [t.transferredOn, t.input])).toEqual([
      [
        "2015-04-20",
        {
          ageAtTransfer: 29,
          embryos: [{ ageAtRetrieval: 29, pgt: "untested", day: 5, grade: "4AA" }],
          outcome: "biochemical",
        },
      ],
      [
        "2015-08-10",
        {
          ageAtTransfer: 29,
          embryos: [{ ageAtRetrieval: 29, pgt: "untested", day: 5, grade: "4AB" }],
          outcome: "live-birth",
        },
      ],
      [
        "2018-01-22",
        {
          ageAtTransfer: 32,
          embryos: [{ ageAtRetrieval: 29, pgt: "untested", day: 6, grade: "3BB" }],
          outcome: "live-birth",
        },
      ],
      [
        "2020-03-09",
        {
          ageAtTransfer: 34,
          embryos: [{ ageAtRetrieval: 29, pgt: "untested", day: 6, grade: "4BC" }],
          outcome: "stillbirth",
        },
      ],
    ]);
    expect(record.transfersLeftOut).toEqual([]);
  });

  it("two births in four transfers of untested embryos: her personal chance per transfer is above the typical one, beside it", () => {
    const { r } = maya();
    const odds = value(bankOdds(bankOddsInput(oddsFromRecord(r.state, { today: "2022-07-01" }))!));
    expect(odds.transfersCounted).toBe(4);
    const b1 = (o: { embryos: typeof odds.embryos }) => o.embryos[0]!.perTransfer;
    expect(b1(odds.personal!).central).toBeGreaterThan(b1(odds).central);
    expect(odds.personal!.atLeastOne.central).toBeGreaterThan(odds.atLeastOne.central);
    expect(odds.notes.map((n) => n.id)).toContain("personal-transfers");
  });

  it("after two failed euploid transfers (a what-if 2023), the personal estimate for her last euploid embryo falls, and the range moves down with it", () => {
    const { r, zone, second, third } = maya();
    const before = value(
      bankOdds(bankOddsInput(oddsFromRecord(r.state, { today: "2023-01-01" }))!),
    );
    outcome(r, zone, transfer(r, zone, "2023-02-06", second.embryo.B1!), "negative", "2023-02-20");
    const c1 = transfer(r, zone, "2023-05-08", third.embryo.C1!);
    // No outcome recorded, but the clinic called the beta negative: that is an end.
    r.record(
      "BetaRecorded",
      {
        betaId: r.newId(ms("2023-05-18", zone)),
        transferId: c1,
        drawnOn: "2023-05-18",
        value: 2,
        clinicReading: "negative",
      },
      ms("2023-05-18", zone),
    );
    const record = oddsFromRecord(r.state, { today: "2023-06-01" });
    expect(record.transfers.map((t) => t.input.outcome)).toEqual([
      "biochemical",
      "live-birth",
      "live-birth",
      "stillbirth",
      "negative",
      "negative",
    ]);
    const after = value(bankOdds(bankOddsInput(record)!));
    // B3 (euploid, day 6) is the first embryo left in the bank now, as it was second before.
    const b3Before = before.personal!.embryos[1]!.perTransfer;
    const b3After = after.personal!.embryos[0]!.perTransfer;
    expect(b3After.central).toBeLessThan(b3Before.central);
    expect(b3After.low).toBeLessThan(b3Before.low);
    expect(b3After.high).toBeLessThan(b3Before.high);
    // The typical figure does not move: it is shown beside the personal one.
    expect(after.embryos[0]!.perTransfer).toEqual(before.embryos[1]!.perTransfer);
  });
});

describe("Alex and Jordan (clinical reference A.3): a loss after a heartbeat, then a negative test", () => {
  const zone = "America/Toronto";
  function alex(second: Ending) {
    const r = journey("1988-07-04", zone, 11);
    const cohort = retrieval(r, zone, "2025-11-04", { eggs: 10, mature: 8, fertilized: 6 }, [
      { label: "E1", grade: "5AA", day: 5, pgt: "euploid" },
      { label: "E2", grade: "4BB", day: 5, pgt: "euploid" },
      { label: "E3", grade: "4BC", day: 6, pgt: "aneuploid" },
    ]);
    outcome(
      r,
      zone,
      transfer(r, zone, "2026-01-12", cohort.embryo.E1!),
      "miscarriage",
      "2026-02-27",
    );
    outcome(r, zone, transfer(r, zone, "2026-05-11", cohort.embryo.E2!), second, "2026-05-25");
    return oddsFromRecord(r.state, { today: "2026-07-01" });
  }

  it("an ongoing pregnancy counts as nothing yet: only the loss teaches, and it is listed as waiting", () => {
    const record = alex("ongoing");
    expect(record.transfers.map((t) => t.input.outcome)).toEqual(["miscarriage"]);
    expect(record.transfersLeftOut.map((t) => t.reason)).toEqual(["waiting"]);
  });

  it("after two failed euploid transfers, the personal chance per transfer of a new euploid blastocyst is below the typical one, at the middle and at both ends of the range", () => {
    const record = alex("negative");
    expect(record.transfers.map((t) => t.input.outcome)).toEqual(["miscarriage", "negative"]);
    const plan = value(retrievalPlan(retrievalPlanInput(record, { retrievals: 1, tested: true })!));
    expect(plan.transfersCounted).toBe(2);
    const { population, personal } = plan.perTransfer;
    expect(personal!.central).toBeLessThan(population.central);
    expect(personal!.low).toBeLessThan(population.low);
    expect(personal!.high).toBeLessThan(population.high);
    // Only part of the way: two transfers are evidence, not a verdict.
    expect(personal!.central).toBeGreaterThan(population.central * 0.6);
    expect(plan.personal![0]!.atLeastOne.central).toBeLessThan(
      plan.population[0]!.atLeastOne.central,
    );
  });

  it("a loss after a heartbeat teaches less than a negative test would", () => {
    const plan = (record: ReturnType<typeof alex>) =>
      value(retrievalPlan(retrievalPlanInput(record, { retrievals: 1, tested: true })!));
    const lossOnly = plan(alex("ongoing")).perTransfer;
    const zone2 = "America/Toronto";
    const r = journey("1988-07-04", zone2, 11);
    const cohort = retrieval(r, zone2, "2025-11-04", { eggs: 10, mature: 8, fertilized: 6 }, [
      { label: "E1", grade: "5AA", day: 5, pgt: "euploid" },
      { label: "E2", grade: "4BB", day: 5, pgt: "euploid" },
    ]);
    outcome(
      r,
      zone2,
      transfer(r, zone2, "2026-01-12", cohort.embryo.E1!),
      "negative",
      "2026-01-26",
    );
    const negativeOnly = plan(oddsFromRecord(r.state, { today: "2026-07-01" })).perTransfer;
    expect(lossOnly.personal!.central).toBeLessThan(lossOnly.population.central);
    expect(negativeOnly.personal!.central).toBeLessThan(lossOnly.personal!.central);
  });
});

describe("what the engine cannot use is listed with the reason, never dropped silently", () => {
  it("a retrieval still waiting for the lab teaches nothing yet; a removed one is gone", () => {
    const { r, zone } = maya();
    const fresh = r.newId(ms("2022-08-01", zone));
    r.record(
      "RetrievalRecorded",
      { retrievalId: fresh, retrievedOn: "2022-08-01", eggsRetrieved: 8, mature: 6 },
      ms("2022-08-01", zone),
    );
    const gone = r.newId(ms("2022-08-02", zone));
    r.record(
      "RetrievalRecorded",
      { retrievalId: gone, retrievedOn: "2022-08-02", eggsRetrieved: 3 },
      ms("2022-08-02", zone),
    );
    r.record("RetrievalRetracted", { cohortId: gone }, ms("2022-08-02", zone));
    const record = oddsFromRecord(r.state, { today: "2022-08-03" });
    expect(record.history).toHaveLength(3);
    expect(record.historyLeftOut).toEqual([
      { cohortId: fresh, retrievedOn: "2022-08-01", reason: "waiting-for-lab" },
    ]);
  });

  it("a day-3 embryo stays in the bank but out of the odds, and so does its retrieval", () => {
    const zone = "America/Toronto";
    const r = journey("1988-07-04", zone, 9);
    const id = r.newId(ms("2025-11-04", zone));
    r.record(
      "RetrievalRecorded",
      { retrievalId: id, retrievedOn: "2025-11-04", eggsRetrieved: 10, mature: 8 },
      ms("2025-11-04", zone),
    );
    r.record(
      "FertilizationReported",
      { cohortId: id, reportedOn: "2025-11-05", method: "icsi", fertilized: 6 },
      ms("2025-11-05", zone),
    );
    const day3 = r.newId(ms("2025-11-07", zone));
    r.record(
      "Day3Reported",
      {
        cohortId: id,
        reportedOn: "2025-11-07",
        developing: 5,
        embryos: [{ embryoId: day3, label: "D1", grade: "8-cell, grade 1", fate: "frozen" }],
      },
      ms("2025-11-07", zone),
    );
    const blast = r.newId(ms("2025-11-09", zone));
    r.record(
      "BlastocystsReported",
      {
        cohortId: id,
        day: 5,
        reportedOn: "2025-11-09",
        blastocysts: [
          { embryoId: blast, label: "E1", grade: "4AB", biopsied: false, fate: "frozen" },
        ],
      },
      ms("2025-11-09", zone),
    );
    const record = oddsFromRecord(r.state, { today: "2026-01-05" });
    expect(record.bank.map((e) => [e.label, e.input])).toEqual([
      ["E1", { ageAtRetrieval: 37, pgt: "untested", day: 5, grade: "4AB" }],
    ]);
    expect(record.bankLeftOut).toEqual([{ embryoId: day3, label: "D1", reason: "day-3" }]);
    expect(record.historyLeftOut.map((h) => h.reason)).toEqual(["day-3"]);
    expect(record.amh).toBeNull();
    expect(retrievalPlanInput(record, { retrievals: 2, tested: false })).toEqual({
      age: 37,
      retrievals: 2,
      tested: false,
      bank: [{ ageAtRetrieval: 37, pgt: "untested", day: 5, grade: "4AB" }],
    });
  });
});

describe("Priya (clinical reference A.2): eggs frozen at 34", () => {
  const zone = "Europe/London";
  const r = journey("1990-02-14", zone, 3);
  const batches: string[] = [];
  for (const [on, eggs, mature] of [
    ["2024-03-20", 15, 12],
    ["2024-09-18", 11, 9],
  ] as const) {
    const id = r.newId(ms(on, zone));
    r.record(
      "RetrievalRecorded",
      { retrievalId: id, retrievedOn: on, eggsRetrieved: eggs, mature },
      ms(on, zone),
    );
    const batchId = r.newId(ms(on, zone));
    batches.push(batchId);
    r.record(
      "OocytesVitrified",
      { batchId, retrievalId: id, frozenOn: on, count: mature },
      ms(on, zone),
    );
  }

  it("offers the frozen eggs to the egg-freezing question, at her age today for the transfer", () => {
    const record = oddsFromRecord(r.state, { today: "2027-05-01" });
    expect(record.frozenEggs.map((b) => [b.frozenOn, b.remaining, b.ageAtFreezing])).toEqual([
      ["2024-03-20", 12, 34],
      ["2024-09-18", 9, 34],
    ]);
    const input = eggFreezingInput(record)!;
    expect(input).toEqual({ ageAtFreezing: 34, matureEggs: 21, ageAtTransfer: 37 });
    expect(eggFreezingOdds(input).ok).toBe(true);
    // Egg-freezing retrievals say nothing about fertilization or blastocysts.
    expect(record.historyLeftOut.map((h) => h.reason)).toEqual(["eggs-frozen", "eggs-frozen"]);
    expect(record.bank).toEqual([]);
    expect(bankOddsInput(record)).toBeNull();
  });

  it("once thawed, the embryos join the bank at the age the eggs were frozen, not at the thaw", () => {
    const thaw = r.newId(ms("2029-06-04", zone));
    r.record(
      "OocytesThawed",
      {
        thawId: thaw,
        batches: [
          { batchId: batches[0]!, count: 12 },
          { batchId: batches[1]!, count: 9 },
        ],
        thawedOn: "2029-06-04",
        survived: 19,
      },
      ms("2029-06-04", zone),
    );
    r.record(
      "FertilizationReported",
      { cohortId: thaw, reportedOn: "2029-06-05", method: "icsi", fertilized: 14 },
      ms("2029-06-05", zone),
    );
    const ids = [1, 2].map(() => r.newId(ms("2029-06-09", zone)));
    r.record(
      "BlastocystsReported",
      {
        cohortId: thaw,
        day: 5,
        reportedOn: "2029-06-09",
        blastocysts: ids.map((embryoId, i) => ({
          embryoId,
          label: `E${i + 1}`,
          grade: "4AB",
          biopsied: true,
          fate: "frozen" as const,
        })),
      },
      ms("2029-06-09", zone),
    );
    r.record(
      "PgtResultRecorded",
      {
        reportedOn: "2029-06-28",
        test: "PGT-A",
        results: [
          { embryoId: ids[0]!, result: "euploid" },
          { embryoId: ids[1]!, result: "no-result" },
        ],
      },
      ms("2029-06-28", zone),
    );
    const record = oddsFromRecord(r.state, { today: "2029-07-01" });
    expect(record.frozenEggs).toEqual([]);
    expect(eggFreezingInput(record)).toBeNull();
    // A test without a result says nothing: that embryo counts as untested.
    expect(record.bank.map((e) => e.input)).toEqual([
      { ageAtRetrieval: 34, pgt: "euploid", day: 5, grade: "4AB" },
      { ageAtRetrieval: 34, pgt: "untested", day: 5, grade: "4AB" },
    ]);
    expect(bankOddsInput(record)).toMatchObject({ ageAtTransfer: 39 });
    // An egg thaw is not a retrieval: it does not teach the egg yield.
    expect(record.history).toEqual([]);
  });
});

describe("before set-up", () => {
  it("knows no age and asks the engine nothing", () => {
    const record = oddsFromRecord(fold([]), { today: "2026-01-01" });
    expect(record).toEqual({
      age: null,
      amh: null,
      bank: [],
      bankLeftOut: [],
      history: [],
      historyLeftOut: [],
      frozenEggs: [],
      transfers: [],
      transfersLeftOut: [],
    });
    expect(retrievalPlanInput(record, { retrievals: 1, tested: true })).toBeNull();
    expect(retrievalPlanInput(record, { retrievals: 1, tested: true, age: 35 })).toMatchObject({
      age: 35,
      bank: [],
    });
  });
});
