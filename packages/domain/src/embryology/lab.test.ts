import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { Recorder } from "../testing/recorder.ts";
import {
  bankCounts,
  cohortFunnel,
  embryoBank,
  oocyteBatchList,
  storageFeeList,
  typicalFunnel,
} from "./selectors.ts";

const LON = "Europe/London";
const ms = (date: string, zone = LON) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: "19:00" })
    .epochMilliseconds;

function journey(dateOfBirth: string, zone = LON, seed = 7) {
  const r = new Recorder("phone0002", seed);
  r.record(
    "JourneyCreated",
    {
      dateOfBirth,
      homeZone: zone,
      createdAt: Temporal.PlainDate.from("2024-01-02")
        .toZonedDateTime({ timeZone: zone, plainTime: "09:00" })
        .toString(),
    },
    ms("2024-01-02", zone),
  );
  return r;
}

describe("Priya (clinical reference A.2): eggs frozen at 34, thawed at 39, into the same bank", () => {
  const r = journey("1990-02-14");
  const first = r.newId(ms("2024-03-20"));
  const second = r.newId(ms("2024-09-18"));
  const batch1 = r.newId(ms("2024-03-20"));
  const batch2 = r.newId(ms("2024-09-18"));
  const thaw = r.newId(ms("2029-06-04"));

  it("two retrievals, 12 and 9 mature eggs vitrified; no more frozen than mature", () => {
    r.record(
      "RetrievalRecorded",
      {
        retrievalId: first,
        retrievedOn: "2024-03-20",
        clinic: "Thames Fertility",
        eggsRetrieved: 15,
        mature: 12,
      },
      ms("2024-03-20"),
    );
    const tooMany = r.tryRecord(
      "OocytesVitrified",
      { batchId: batch1, retrievalId: first, frozenOn: "2024-03-20", count: 13 },
      ms("2024-03-20"),
    );
    expect(!tooMany.ok && tooMany.error).toMatchObject({
      reason: "inconsistent-counts",
      field: "payload.count",
      params: { count: "eggsFrozen", value: 13, than: "mature", limit: 12 },
    });
    r.record(
      "OocytesVitrified",
      {
        batchId: batch1,
        retrievalId: first,
        frozenOn: "2024-03-20",
        count: 12,
        storage: { location: "Dewar 2" },
      },
      ms("2024-03-20"),
    );
    r.record(
      "RetrievalRecorded",
      {
        retrievalId: second,
        retrievedOn: "2024-09-18",
        clinic: "Thames Fertility",
        eggsRetrieved: 11,
        mature: 9,
      },
      ms("2024-09-18"),
    );
    r.record(
      "OocytesVitrified",
      { batchId: batch2, retrievalId: second, frozenOn: "2024-09-18", count: 9 },
      ms("2024-09-18"),
    );
    expect(
      oocyteBatchList(r.state).map((b) => [
        b.batch.frozenOn,
        b.remaining,
        b.age,
        b.batch.storage?.clinic,
      ]),
    ).toEqual([
      ["2024-09-18", 9, 34, "Thames Fertility"],
      ["2024-03-20", 12, 34, "Thames Fertility"],
    ]);
    expect(cohortFunnel(r.state, first)).toMatchObject({
      eggs: 15,
      mature: 12,
      eggsFrozen: 12,
      blastocysts: null,
    });
  });

  it("2029: 21 eggs thawed, 19 survived, 14 2PN (ICSI), 5 blastocysts, 2 euploid", () => {
    const more = r.tryRecord(
      "OocytesThawed",
      {
        thawId: thaw,
        batches: [{ batchId: batch1, count: 13 }],
        thawedOn: "2029-06-04",
        survived: 12,
      },
      ms("2029-06-04"),
    );
    expect(!more.ok && more.error).toEqual({
      reason: "not-enough-eggs",
      field: "payload.batches.0.count",
      params: { left: 12, date: "2024-03-20" },
    });
    const survivedTooMany = r.tryRecord(
      "OocytesThawed",
      {
        thawId: thaw,
        batches: [
          { batchId: batch1, count: 12 },
          { batchId: batch2, count: 9 },
        ],
        thawedOn: "2029-06-04",
        survived: 22,
      },
      ms("2029-06-04"),
    );
    expect(!survivedTooMany.ok && survivedTooMany.error.field).toBe("payload.survived");
    r.record(
      "OocytesThawed",
      {
        thawId: thaw,
        batches: [
          { batchId: batch1, count: 12 },
          { batchId: batch2, count: 9 },
        ],
        thawedOn: "2029-06-04",
        survived: 19,
      },
      ms("2029-06-04"),
    );
    const tooMany2pn = r.tryRecord(
      "FertilizationReported",
      { cohortId: thaw, reportedOn: "2029-06-05", method: "icsi", fertilized: 20 },
      ms("2029-06-05"),
    );
    expect(!tooMany2pn.ok && tooMany2pn.error.params).toMatchObject({
      count: "fertilized",
      value: 20,
      than: "survived",
      limit: 19,
    });
    r.record(
      "FertilizationReported",
      { cohortId: thaw, reportedOn: "2029-06-05", method: "icsi", fertilized: 14 },
      ms("2029-06-05"),
    );
    const ids = [1, 2, 3, 4, 5].map(() => r.newId(ms("2029-06-09")));
    r.record(
      "BlastocystsReported",
      {
        cohortId: thaw,
        day: 5,
        reportedOn: "2029-06-09",
        blastocysts: ids.slice(0, 3).map((embryoId, i) => ({
          embryoId,
          label: `E${i + 1}`,
          grade: ["4AA", "4AB", "3BB"][i]!,
          biopsied: true,
          fate: "frozen" as const,
        })),
      },
      ms("2029-06-09"),
    );
    r.record(
      "BlastocystsReported",
      {
        cohortId: thaw,
        day: 6,
        reportedOn: "2029-06-10",
        blastocysts: ids.slice(3).map((embryoId, i) => ({
          embryoId,
          label: `E${i + 4}`,
          grade: ["4BB", "3BC"][i]!,
          biopsied: true,
          fate: "frozen" as const,
        })),
      },
      ms("2029-06-10"),
    );
    r.record(
      "PgtResultRecorded",
      {
        reportedOn: "2029-06-28",
        test: "PGT-A",
        results: ids.map((embryoId, i) => ({
          embryoId,
          result: i === 0 || i === 3 ? ("euploid" as const) : ("aneuploid" as const),
        })),
      },
      ms("2029-06-28"),
    );
    expect(cohortFunnel(r.state, thaw)).toMatchObject({
      kind: "thaw",
      eggs: 21,
      survived: 19,
      fertilized: 14,
      blastocysts: 5,
      tested: 5,
      euploid: 2,
      aneuploid: 3,
    });
    expect(oocyteBatchList(r.state).map((b) => b.remaining)).toEqual([0, 0]);
    // Egg quality follows the age the eggs were collected (34), not the age at the thaw (39).
    expect(embryoBank(r.state).map((b) => b.age)).toEqual([34, 34, 34, 34, 34]);
    expect(bankCounts(r.state)).toMatchObject({ total: 5, frozenEuploid: 2 });
  });

  it("the typical funnel of a thaw starts from the same eggs, with the egg-survival source (Cobo 2016, 85%)", () => {
    const typical = typicalFunnel(r.state, thaw)!;
    expect(typical.age).toBe(34);
    expect(typical.steps.map((s) => s.step)).toEqual([
      "eggs",
      "survived",
      "fertilized",
      "blastocysts",
      "euploid",
    ]);
    expect(typical.steps[0]!.typical).toBe(21);
    expect(typical.steps[1]!.typical).toBeCloseTo(17.85, 5);
    expect(typical.sources).toContainEqual(
      expect.objectContaining({ id: "oocyteSurvival", tag: "checked" }),
    );
    expect(typical.sources.some((s) => s.id === "sunkara2011")).toBe(false);
  });

  it("the retrieval with eggs thawed later cannot be removed until the thaw is", () => {
    const out = r.tryRecord("RetrievalRetracted", { cohortId: first }, ms("2029-07-01"));
    expect(!out.ok && out.error.reason).toBe("has-thawed-eggs");
  });
});

describe("lab reports are checked against the whole record, in any order they arrive", () => {
  const setup = () => {
    const r = journey("1988-07-04", "America/Toronto", 11);
    const id = r.newId(ms("2025-11-04"));
    r.record(
      "RetrievalRecorded",
      { retrievalId: id, retrievedOn: "2025-11-04", eggsRetrieved: 10 },
      ms("2025-11-04"),
    );
    return { r, id };
  };

  it("conventional IVF without a maturity count: 2PN up to the eggs retrieved", () => {
    const { r, id } = setup();
    expect(
      r.tryRecord(
        "FertilizationReported",
        { cohortId: id, reportedOn: "2025-11-05", method: "conventional", fertilized: 11 },
        ms("2025-11-05"),
      ).ok,
    ).toBe(false);
    expect(
      r.tryRecord(
        "FertilizationReported",
        { cohortId: id, reportedOn: "2025-11-05", method: "conventional", fertilized: 7 },
        ms("2025-11-05"),
      ).ok,
    ).toBe(true);
  });

  it("more mature eggs than eggs is refused on the mature field", () => {
    const r = journey("1988-07-04");
    const out = r.tryRecord(
      "RetrievalRecorded",
      {
        retrievalId: r.newId(ms("2025-11-04")),
        retrievedOn: "2025-11-04",
        eggsRetrieved: 10,
        mature: 11,
      },
      ms("2025-11-04"),
    );
    expect(!out.ok && out.error).toMatchObject({
      field: "payload.mature",
      reason: "inconsistent-counts",
    });
  });

  it("a correction that would make an earlier report impossible is refused", () => {
    const { r, id } = setup();
    r.record(
      "FertilizationReported",
      { cohortId: id, reportedOn: "2025-11-05", method: "icsi", mature: 8, fertilized: 6 },
      ms("2025-11-05"),
    );
    const blasts = [1, 2, 3].map(() => r.newId(ms("2025-11-09")));
    r.record(
      "BlastocystsReported",
      {
        cohortId: id,
        day: 5,
        reportedOn: "2025-11-09",
        blastocysts: blasts.map((embryoId) => ({
          embryoId,
          grade: "4BB",
          biopsied: false,
          fate: "frozen" as const,
        })),
      },
      ms("2025-11-09"),
    );
    // The lab corrects 2PN down to 2: but three blastocysts exist.
    const out = r.tryRecord(
      "LabCountsCorrected",
      { cohortId: id, fertilized: 2 },
      ms("2025-11-10"),
    );
    expect(!out.ok && out.error).toMatchObject({
      reason: "inconsistent-counts",
      field: "payload.fertilized",
      params: { count: "blastocysts", value: 3, than: "fertilized", limit: 2 },
    });
    expect(
      r.tryRecord("LabCountsCorrected", { cohortId: id, fertilized: 5 }, ms("2025-11-10")).ok,
    ).toBe(true);
    expect(cohortFunnel(r.state, id)!.fertilized).toBe(5);
    // A day-3 count given late still has to hold the blastocysts already reported.
    const day3 = r.tryRecord(
      "Day3Reported",
      { cohortId: id, reportedOn: "2025-11-07", developing: 2 },
      ms("2025-11-10"),
    );
    expect(!day3.ok && day3.error.field).toBe("payload.developing");
  });

  it("a report dated before the retrieval, or for a retrieval that does not exist, is refused", () => {
    const { r, id } = setup();
    const early = r.tryRecord(
      "FertilizationReported",
      { cohortId: id, reportedOn: "2025-11-01", method: "icsi", fertilized: 1 },
      ms("2025-11-05"),
    );
    expect(!early.ok && early.error.field).toBe("payload.reportedOn");
    const unknown = r.tryRecord(
      "Day3Reported",
      { cohortId: r.newId(ms("2025-11-05")), reportedOn: "2025-11-07", developing: 1 },
      ms("2025-11-07"),
    );
    expect(!unknown.ok && unknown.error.reason).toBe("unknown-retrieval");
  });

  it("a PGT-A result for an embryo that was not biopsied names the embryo", () => {
    const { r, id } = setup();
    const e = r.newId(ms("2025-11-09"));
    r.record(
      "BlastocystsReported",
      {
        cohortId: id,
        day: 5,
        reportedOn: "2025-11-09",
        blastocysts: [{ embryoId: e, label: "E7", grade: "5AA", biopsied: false, fate: "frozen" }],
      },
      ms("2025-11-09"),
    );
    const out = r.tryRecord(
      "PgtResultRecorded",
      { reportedOn: "2025-11-30", test: "PGT-A", results: [{ embryoId: e, result: "euploid" }] },
      ms("2025-11-30"),
    );
    expect(!out.ok && out.error).toEqual({
      reason: "not-biopsied",
      field: "payload.results.0.embryoId",
      params: { embryo: "E7", day: 5 },
    });
    const wrongKind = r.tryRecord(
      "PgtResultRecorded",
      { reportedOn: "2025-11-30", test: "PGT-M", results: [{ embryoId: e, result: "euploid" }] },
      ms("2025-11-30"),
    );
    expect(!wrongKind.ok).toBe(true);
    r.record("EmbryoCorrected", { embryoId: e, biopsied: true }, ms("2025-11-30"));
    r.record(
      "PgtResultRecorded",
      {
        reportedOn: "2025-11-30",
        test: "PGT-M",
        results: [{ embryoId: e, result: "unaffected", sex: "female" }],
      },
      ms("2025-11-30"),
    );
    expect(r.state.embryos.get(e)).toMatchObject({
      pgtM: { result: "unaffected" },
      sex: "female",
      status: "frozen",
    });
    expect(r.state.embryos.get(e)!.history.map((h) => h.note ?? h.status)).toEqual([
      "frozen",
      "corrected",
      "result",
    ]);
  });

  it("a day-3 freeze, a thaw that did not survive, a move, a donation: each one step in the history", () => {
    const { r, id } = setup();
    r.record(
      "FertilizationReported",
      { cohortId: id, reportedOn: "2025-11-05", method: "icsi", mature: 8, fertilized: 6 },
      ms("2025-11-05"),
    );
    const [a, b, c] = [1, 2, 3].map(() => r.newId(ms("2025-11-07"))) as [string, string, string];
    r.record(
      "Day3Reported",
      {
        cohortId: id,
        reportedOn: "2025-11-07",
        developing: 5,
        embryos: [
          { embryoId: a, grade: "8-cell, grade 1", fate: "frozen" },
          { embryoId: b, grade: "7-cell, grade 2", fate: "frozen" },
          { embryoId: c, fate: "in-culture" },
        ],
        storage: { clinic: "Lakeshore IVF" },
      },
      ms("2025-11-07"),
    );
    r.record("EmbryosFrozen", { embryoIds: [c], frozenOn: "2025-11-07" }, ms("2025-11-07"));
    r.record(
      "EmbryoThawed",
      { embryoId: a, thawedOn: "2026-01-10", survived: false },
      ms("2026-01-10"),
    );
    r.record(
      "EmbryosMoved",
      {
        embryoIds: [b],
        movedOn: "2026-02-01",
        storage: { clinic: "North Shore Storage", location: "Tank B" },
      },
      ms("2026-02-01"),
    );
    r.record(
      "EmbryoDisposed",
      { embryoIds: [c], on: "2026-03-01", fate: "donated", to: "Research" },
      ms("2026-03-01"),
    );
    const thawAgain = r.tryRecord(
      "EmbryoThawed",
      { embryoId: a, thawedOn: "2026-03-02", survived: true },
      ms("2026-03-02"),
    );
    expect(!thawAgain.ok && thawAgain.error).toMatchObject({
      reason: "embryo-not-available",
      params: { doing: "thaw", status: "discarded" },
    });
    expect(r.state.embryos.get(a)).toMatchObject({
      status: "discarded",
      discardReason: "did-not-survive-thaw",
    });
    expect(r.state.embryos.get(b)).toMatchObject({
      status: "frozen",
      storage: { clinic: "North Shore Storage", location: "Tank B" },
    });
    expect(r.state.embryos.get(c)).toMatchObject({ status: "donated", to: "Research" });
    expect(r.state.embryos.get(c)!.history.map((h) => h.status)).toEqual([
      "in-culture",
      "frozen",
      "donated",
    ]);
    expect(bankCounts(r.state)).toMatchObject({
      total: 3,
      inBank: 1,
      byStatus: { frozen: 1, discarded: 1, donated: 1 },
    });
  });

  it("an embryo entered by mistake leaves the bank view but keeps its history; it cannot be removed while in a transfer", () => {
    const { r, id } = setup();
    const [a, b] = [1, 2].map(() => r.newId(ms("2025-11-09"))) as [string, string];
    r.record(
      "BlastocystsReported",
      {
        cohortId: id,
        day: 5,
        reportedOn: "2025-11-09",
        blastocysts: [a, b].map((embryoId) => ({
          embryoId,
          grade: "4AB",
          biopsied: false,
          fate: "frozen" as const,
        })),
      },
      ms("2025-11-09"),
    );
    r.record("EmbryoRetracted", { embryoId: a }, ms("2025-11-10"));
    expect(bankCounts(r.state).total).toBe(1);
    expect(r.state.embryos.get(a)).toMatchObject({ retracted: true, status: "frozen" });
    const t = r.newId(ms("2026-01-10"));
    r.record(
      "TransferRecorded",
      { transferId: t, transferredOn: "2026-01-10", embryoIds: [b], recipient: { kind: "self" } },
      ms("2026-01-10"),
    );
    expect(r.tryRecord("EmbryoRetracted", { embryoId: b }, ms("2026-01-11")).ok).toBe(false);
    expect(r.tryRecord("RetrievalRetracted", { cohortId: id }, ms("2026-01-11")).ok).toBe(false);
  });
});

describe("storage fees", () => {
  it("a one-off fee is paid once; an ended fee leaves the reminders", () => {
    const r = journey("1990-02-14");
    const once = r.newId(ms("2024-03-01"));
    const yearly = r.newId(ms("2024-03-01"));
    r.record(
      "StorageFeeScheduled",
      {
        feeId: once,
        clinic: "Thames Fertility",
        covers: "eggs",
        amount: { value: 350, currency: "GBP" },
        dueOn: "2024-04-01",
        renewsYearly: false,
        remindDaysBefore: 14,
      },
      ms("2024-03-01"),
    );
    r.record(
      "StorageFeeScheduled",
      {
        feeId: yearly,
        clinic: "Thames Fertility",
        covers: "eggs",
        amount: { value: 300, currency: "GBP" },
        dueOn: "2025-03-20",
        renewsYearly: true,
      },
      ms("2024-03-01"),
    );
    expect(storageFeeList(r.state, { today: "2024-03-10" }).map((f) => f.state)).toEqual([
      "later",
      "later",
    ]);
    expect(storageFeeList(r.state, { today: "2024-03-20" }).map((f) => f.state)).toEqual([
      "due-soon",
      "later",
    ]);
    r.record(
      "StorageFeePaid",
      { feeId: once, dueOn: "2024-04-01", paidOn: "2024-03-25" },
      ms("2024-03-25"),
    );
    expect(
      r.tryRecord(
        "StorageFeePaid",
        { feeId: once, dueOn: "2024-04-01", paidOn: "2024-03-26" },
        ms("2024-03-26"),
      ).ok,
    ).toBe(false);
    r.record("StorageFeeEnded", { feeId: yearly, endedOn: "2029-06-04" }, ms("2029-06-04"));
    const states = new Map(
      storageFeeList(r.state, { today: "2029-06-10" }).map((f) => [f.fee.id, f.state]),
    );
    expect([states.get(once), states.get(yearly)]).toEqual(["paid", "ended"]);
    const badCurrency = r.tryRecord(
      "StorageFeeScheduled",
      {
        feeId: r.newId(ms("2024-03-01")),
        clinic: "X",
        covers: "eggs",
        amount: { value: 1, currency: "pounds" },
        dueOn: "2024-04-01",
        renewsYearly: true,
      },
      ms("2024-03-01"),
    );
    expect(!badCurrency.ok && badCurrency.error.field).toBe("payload.amount.currency");
  });
});
