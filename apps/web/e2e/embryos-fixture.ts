import type { PayloadInput } from "@trellis/domain";
import { recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's journey in short (clinical reference A.1), as an export restored
 * through set-up: the 2015 retrieval and its four transfers (a biochemical
 * loss, two births, the stillbirth remembered as Rose), two egg-banking
 * retrievals in 2022 with PGT-A and frozen eggs, a carrier's path with Jess,
 * a storage fee now overdue, a miscarriage in 2024 and a transfer since,
 * with its first beta.
 */
export function mayaWholeJourney() {
  const { at, id, rec, journeyCreated, blastocysts, transfer, beta, outcome, file } = recordOnDates(
    "fixture04",
    1985,
    maya.homeZone,
  );
  journeyCreated("2014-03-01");
  const r1 = id("2015-04-15");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: r1,
      retrievedOn: "2015-04-15",
      clinic: "Hudson Fertility",
      folliclesAtTrigger: 16,
      eggsRetrieved: 14,
    },
    "2015-04-15",
  );
  rec(
    "FertilizationReported",
    { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
    "2015-04-16",
  );
  rec("Day3Reported", { cohortId: r1, reportedOn: "2015-04-18", developing: 7 }, "2015-04-18");
  const [aa, ab, bb, bc] = [1, 2, 3, 4].map(() => id("2015-04-20")) as [
    string,
    string,
    string,
    string,
  ];
  const tank = { storage: { location: "Tank 3" } };
  const unbiopsied = (embryoId: string, grade: string, fate: "frozen" | "in-culture" = "frozen") =>
    ({ embryoId, grade, biopsied: false, fate }) as const;
  blastocysts(
    r1,
    5,
    "2015-04-20",
    [unbiopsied(aa, "4AA", "in-culture"), unbiopsied(ab, "4AB")],
    tank,
  );
  const t1 = transfer("2015-04-20", [aa], { protocol: "fresh" });
  blastocysts(r1, 6, "2015-04-21", [unbiopsied(bb, "3BB"), unbiopsied(bc, "4BC")], tank);
  beta(t1, "2015-04-29", 12);
  beta(t1, "2015-05-01", 9);
  outcome(t1, "2015-05-01", { outcome: "biochemical" });
  rec("PregnancyDetailsResumed", { at: at("2015-08-01").toString() }, "2015-08-01");
  const t2 = transfer("2015-08-10", [ab], { protocol: "medicated", liningMm: 9.5 });
  beta(t2, "2015-08-19", 180);
  beta(t2, "2015-08-21", 410);
  beta(t2, "2015-08-23", 950);
  outcome(t2, "2016-04-14", { outcome: "live-birth", babies: 1 });
  const t3 = transfer("2017-09-05", [bb], { protocol: "natural" });
  outcome(t3, "2018-05-16", { outcome: "live-birth", babies: 1 });
  const t4 = transfer("2020-06-01", [bc], { protocol: "medicated" });
  beta(t4, "2020-06-10", 310);
  beta(t4, "2020-06-12", 720);
  outcome(t4, "2020-09-30", { outcome: "stillbirth", gestationalAge: { weeks: 20, days: 1 } });
  rec(
    "RemembranceAdded",
    {
      remembranceId: id("2020-10-20"),
      name: "Rose",
      date: "2020-09-30",
      note: "Our daughter. Placental abruption at 20 weeks.",
      transferId: t4,
    },
    "2020-10-20",
  );
  const r2 = id("2022-02-14");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: r2,
      retrievedOn: "2022-02-14",
      clinic: "Harbor Reproductive",
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
  const [e1, e2, e3] = [1, 2, 3].map(() => id("2022-02-19")) as [string, string, string];
  blastocysts(
    r2,
    5,
    "2022-02-19",
    [
      { embryoId: e1, label: "E1", grade: "4AA", biopsied: true, fate: "frozen" },
      { embryoId: e2, label: "E2", grade: "5AB", biopsied: true, fate: "frozen" },
      { embryoId: e3, label: "E3", grade: "4BB", biopsied: true, fate: "frozen" },
    ],
    { storage: { location: "Dewar B, cane 12" } },
  );
  rec(
    "PgtResultRecorded",
    {
      reportedOn: "2022-03-10",
      test: "PGT-A",
      results: [
        { embryoId: e1, result: "euploid", sex: "female" },
        { embryoId: e2, result: "aneuploid" },
        { embryoId: e3, result: "euploid" },
      ],
    },
    "2022-03-10",
  );
  rec(
    "EmbryoDisposed",
    { embryoIds: [e2], on: "2022-03-20", fate: "discarded", reason: "test-result" },
    "2022-03-20",
  );
  const r3 = id("2022-05-16");
  rec(
    "RetrievalRecorded",
    {
      retrievalId: r3,
      retrievedOn: "2022-05-16",
      clinic: "Harbor Reproductive",
      eggsRetrieved: 9,
      mature: 7,
    },
    "2022-05-16",
  );
  rec(
    "OocytesVitrified",
    { batchId: id("2022-05-16"), retrievalId: r3, frozenOn: "2022-05-16", count: 2 },
    "2022-05-16",
  );
  rec(
    "FertilizationReported",
    { cohortId: r3, reportedOn: "2022-05-17", method: "icsi", fertilized: 5 },
    "2022-05-17",
  );
  const [f1, f2] = [1, 2].map(() => id("2022-05-21")) as [string, string];
  blastocysts(r3, 5, "2022-05-21", [
    { embryoId: f1, grade: "4AB", biopsied: true, fate: "frozen" },
  ]);
  blastocysts(r3, 6, "2022-05-22", [
    { embryoId: f2, grade: "3BB", biopsied: true, fate: "frozen" },
  ]);
  rec(
    "PgtResultRecorded",
    {
      reportedOn: "2022-06-08",
      test: "PGT-A",
      results: [
        { embryoId: f1, result: "euploid" },
        { embryoId: f2, result: "mosaic", mosaicLevel: "low" },
      ],
    },
    "2022-06-08",
  );
  const path = id("2022-11-01");
  rec(
    "PathStarted",
    { pathId: path, kind: "gestational-carrier", name: "Jess", startedOn: "2022-11-01" },
    "2022-11-01",
  );
  const milestone = (
    on: string,
    what: PayloadInput<"PathMilestoneRecorded">["milestone"],
    note?: string,
    recordedOn = on,
  ) =>
    rec(
      "PathMilestoneRecorded",
      { milestoneId: id(recordedOn), pathId: path, milestone: what, on, ...(note && { note }) },
      recordedOn,
    );
  milestone("2022-11-20", "matched");
  milestone("2023-01-10", "contract", "Signed with both lawyers.");
  const t6 = transfer("2023-03-08", [e1], {
    recipient: { kind: "carrier", name: "Jess", pathId: path },
    protocol: "medicated",
  });
  beta(t6, "2023-03-17", 150);
  beta(t6, "2023-03-19", 360);
  outcome(t6, "2023-11-20", { outcome: "live-birth", babies: 1 });
  milestone("2023-11-20", "birth", undefined, "2023-11-21");
  rec(
    "StorageFeeScheduled",
    {
      feeId: id("2022-02-20"),
      clinic: "Harbor Reproductive",
      covers: "embryos-and-eggs",
      amount: { value: 1000, currency: "USD" },
      dueOn: "2023-01-31",
      renewsYearly: true,
    },
    "2022-02-20",
  );
  // The next transfer is planned, after a loss that asked for quiet: betas show, dates wait to be asked for.
  const t7 = transfer("2024-01-05", [e3], { protocol: "medicated" });
  beta(t7, "2024-01-14", 95);
  beta(t7, "2024-01-16", 130);
  beta(t7, "2024-01-18", 290);
  outcome(t7, "2024-02-08", { outcome: "miscarriage" });
  const t8 = transfer("2024-06-03", [f1], { protocol: "natural" });
  beta(t8, "2024-06-12", 160, { clinicReading: "positive" });
  return { file: file(at("2024-06-13").toString()), ids: { r1, r2, t2, t4, t6, t8, path } };
}
