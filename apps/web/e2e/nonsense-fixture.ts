import { draftPlanFromTemplate, draftTrigger, protocolTemplate } from "@trellis/domain";
import { antagonistCycle, recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/** The browser's clock for the nonsense tests: a Friday evening at stim day 9 of Maya's second cycle. */
export const NOW = new Date("2026-03-20T19:00:00-04:00");

/**
 * Maya's record with something behind every form, as an export restored
 * through set-up: her clinic; a first cycle (2025) with its trigger, a
 * retrieval reported to day 5 (two blastocysts biopsied and waiting for
 * their results, two not biopsied), ended; eggs frozen from a second
 * retrieval with nothing reported after day 0; a transfer in October with
 * one beta and no outcome yet, and one planned for April; a carrier's path;
 * a storage fee; a journal note; and a cycle under way (stim day 9 on
 * `NOW`) with its plan, a supply and an E2 result, and no trigger set yet.
 */
export function mayaWithEverything() {
  const zone = maya.homeZone;
  const { r, at, id, rec, journeyCreated, blastocysts, transfer, beta, file } = recordOnDates(
    "fixture11",
    2011,
    zone,
  );
  journeyCreated("2025-01-10");
  const clinicId = id("2025-01-11");
  rec(
    "ClinicSaved",
    { clinicId, name: "Hudson Fertility", phone24h: "(212) 555-0123", current: true },
    "2025-01-11",
  );

  // The first cycle: antagonist, trigger on 13 February, retrieval on the 15th.
  const template = protocolTemplate("antagonist")!;
  const first = id("2025-02-02");
  rec("CycleStarted", antagonistCycle(first, "2025-02-03", zone, { clinicId }), "2025-02-02");
  const trigger = draftTrigger(template, "2025-02-13", "21:30")!;
  const triggerItem = id("2025-02-12");
  rec(
    "MedicationPlanned",
    { cycleId: first, planItemId: triggerItem, ...trigger, times: [...trigger.times] },
    "2025-02-12",
  );
  rec(
    "DoseLogged",
    {
      doseId: id("2025-02-13", "21:31"),
      planItemId: triggerItem,
      slot: { date: "2025-02-13", time: "21:30" },
      takenAt: at("2025-02-13", "21:31").toString(),
      status: "taken",
      amount: trigger.dose,
    },
    "2025-02-13",
    "21:31",
  );
  const r1 = id("2025-02-15");
  rec(
    "RetrievalRecorded",
    { retrievalId: r1, cycleId: first, retrievedOn: "2025-02-15", eggsRetrieved: 12, mature: 10 },
    "2025-02-15",
  );
  rec(
    "FertilizationReported",
    { cohortId: r1, reportedOn: "2025-02-16", method: "icsi", fertilized: 8 },
    "2025-02-16",
  );
  rec("Day3Reported", { cohortId: r1, reportedOn: "2025-02-18", developing: 7 }, "2025-02-18");
  const [b1, b2, b3, b4] = [1, 2, 3, 4].map(() => id("2025-02-20")) as [
    string,
    string,
    string,
    string,
  ];
  blastocysts(
    r1,
    5,
    "2025-02-20",
    [
      { embryoId: b1, label: "B1", grade: "4AA", biopsied: true, fate: "frozen" },
      { embryoId: b2, label: "B2", grade: "4AB", biopsied: true, fate: "frozen" },
      { embryoId: b3, label: "B3", grade: "3BB", biopsied: false, fate: "frozen" },
      { embryoId: b4, label: "B4", grade: "4BB", biopsied: false, fate: "frozen" },
    ],
    { storage: { clinic: "Hudson Fertility", location: "Tank 3" } },
  );
  rec("CycleEnded", { cycleId: first, status: "completed", endedOn: "2025-03-20" }, "2025-03-20");

  // Eggs frozen from a second retrieval; nothing reported after day 0.
  const r2 = id("2025-06-10");
  rec(
    "RetrievalRecorded",
    { retrievalId: r2, retrievedOn: "2025-06-10", eggsRetrieved: 8, mature: 6 },
    "2025-06-10",
  );
  rec(
    "OocytesVitrified",
    { batchId: id("2025-06-10"), retrievalId: r2, frozenOn: "2025-06-10", count: 4 },
    "2025-06-10",
  );
  rec(
    "StorageFeeScheduled",
    {
      feeId: id("2025-06-11"),
      clinic: "Hudson Fertility",
      covers: "embryos-and-eggs",
      amount: { value: 800, currency: "USD" },
      dueOn: "2026-06-11",
      renewsYearly: true,
    },
    "2025-06-11",
  );

  // A transfer in October with one beta and nothing after it; another planned for April.
  const t1 = transfer("2025-10-01", [b3], { protocol: "medicated" });
  beta(t1, "2025-10-10", 120);
  const t2 = id("2026-03-01");
  rec(
    "TransferPlanned",
    { transferId: t2, plannedOn: "2026-04-15", embryoIds: [b4], recipient: { kind: "self" } },
    "2026-03-01",
  );
  const path = id("2025-11-01");
  rec(
    "PathStarted",
    { pathId: path, kind: "gestational-carrier", name: "Jess", startedOn: "2025-11-01" },
    "2025-11-01",
  );
  rec(
    "JournalNoteAdded",
    { noteId: id("2026-03-01"), text: "Calm week.", writtenAt: at("2026-03-01").toString() },
    "2026-03-01",
  );

  // The cycle under way: stim day 1 on 12 March, its plan, one pen, one E2.
  const cycleId = id("2026-03-11");
  rec("CycleStarted", antagonistCycle(cycleId, "2026-03-12", zone, { clinicId }), "2026-03-11");
  for (const d of draftPlanFromTemplate(template)) {
    rec(
      "MedicationPlanned",
      { cycleId, planItemId: id("2026-03-11"), ...d, times: [...d.times] },
      "2026-03-11",
    );
  }
  rec(
    "SupplyAdded",
    {
      supplyId: id("2026-03-11"),
      medication: { catalogueId: "follitropin-alfa", name: "Follitropin alfa" },
      quantity: 900,
      unit: "IU",
      packages: { count: 1, kind: "pen" },
      addedOn: "2026-03-11",
    },
    "2026-03-11",
  );
  rec(
    "LabResultRecorded",
    {
      resultId: id("2026-03-18", "07:40"),
      cycleId,
      drawnAt: at("2026-03-18", "07:40").toString(),
      analyte: "E2",
      value: 820,
      unit: "pg/mL",
    },
    "2026-03-18",
    "07:40",
  );
  return {
    file: file(at("2026-03-20", "18:00").toString()),
    events: r.events.length,
    ids: { first, cycleId, r1, r2, t1, t2, path },
  };
}
