import type { PayloadInput } from "@trellis/domain";
import { antagonistCycle, recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's record for the Costs tests, as an export restored through set-up:
 * a 2025 retrieval cycle (ended) with one retrieval and a frozen blastocyst,
 * a 2026 frozen transfer cycle (running) where that embryo was transferred,
 * and embryo storage paid with the bank in 2025 (USD 600), which the Costs
 * screen counts without anyone entering it again. No costs unless
 * `withCosts` (the README's pictures): the tests enter them through the form,
 * the same ones.
 */
export function mayaForCosts({ withCosts = false } = {}) {
  const { rec, id, journeyCreated, blastocysts, transfer, file, at } = recordOnDates(
    "fixture17",
    1717,
    maya.homeZone,
  );
  journeyCreated("2025-01-10");
  const retrieval = id("2025-03-03");
  rec("CycleStarted", antagonistCycle(retrieval, "2025-03-03", maya.homeZone), "2025-03-03");
  const retrievalId = id("2025-03-16");
  rec(
    "RetrievalRecorded",
    {
      retrievalId,
      cycleId: retrieval,
      retrievedOn: "2025-03-16",
      clinic: "Hudson Fertility",
      eggsRetrieved: 9,
    },
    "2025-03-16",
  );
  rec(
    "FertilizationReported",
    { cohortId: retrievalId, reportedOn: "2025-03-17", method: "icsi", mature: 7, fertilized: 5 },
    "2025-03-17",
  );
  rec(
    "Day3Reported",
    { cohortId: retrievalId, reportedOn: "2025-03-19", developing: 4 },
    "2025-03-19",
  );
  const embryoId = id("2025-03-21");
  blastocysts(
    retrievalId,
    5,
    "2025-03-21",
    [{ embryoId, grade: "4AA", biopsied: false, fate: "frozen" }],
    { storage: { location: "Tank 2" } },
  );
  rec(
    "CycleEnded",
    { cycleId: retrieval, status: "completed", endedOn: "2025-04-02" },
    "2025-04-02",
  );
  const fet = id("2026-01-12");
  rec(
    "CycleStarted",
    {
      cycleId: fet,
      cycleType: "fet-medicated",
      protocolId: null,
      protocolName: "Frozen transfer",
      dayOne: "cycle-day",
      startDate: "2026-01-12",
      zone: maya.homeZone,
    },
    "2026-01-12",
  );
  transfer("2026-02-10", [embryoId], { protocol: "medicated", cycleId: fet });
  const feeId = id("2025-04-20");
  rec(
    "StorageFeeScheduled",
    {
      feeId,
      clinic: "Hudson Fertility",
      covers: "embryos",
      amount: { value: 600, currency: "USD" },
      dueOn: "2025-06-30",
      renewsYearly: true,
    },
    "2025-04-20",
  );
  rec("StorageFeePaid", { feeId, dueOn: "2025-06-30", paidOn: "2025-06-28" }, "2025-06-28");
  if (withCosts) {
    const cost = (
      on: string,
      payload: Omit<PayloadInput<"CostRecorded">, "costId" | "incurredOn">,
    ) => rec("CostRecorded", { costId: id(on), incurredOn: on, ...payload }, on);
    cost("2025-03-05", {
      description: "Stimulation medicines",
      category: "medication",
      amount: { value: 3200.5, currency: "USD" },
      cycleId: retrieval,
      status: "paid",
      coverage: [{ kind: "employer", source: "Progyny", value: 1200.25, received: false }],
    });
    cost("2025-03-20", {
      description: "Clinic invoice 2291",
      category: "retrieval",
      amount: { value: 8500, currency: "USD" },
      cycleId: retrieval,
      status: "paid",
      coverage: [{ kind: "insurer", source: "Aetna", value: 5000, received: true }],
    });
    cost("2026-01-15", {
      description: "Legal advice",
      category: "legal",
      amount: { value: 450, currency: "USD" },
      status: "paid",
      coverage: [],
    });
    cost("2026-02-10", {
      description: "Transfer fee",
      category: "transfer",
      amount: { value: 4100, currency: "AUD" },
      cycleId: fet,
      status: "paid",
      coverage: [{ kind: "refund", source: "Medicare", value: 1650.4, received: true }],
    });
    cost("2026-03-01", {
      description: "Pathology",
      category: "monitoring",
      amount: { value: 350, currency: "AUD" },
      cycleId: fet,
      status: "due",
      dueOn: "2026-04-15",
      remindDaysBefore: 7,
      coverage: [],
    });
  }
  return {
    file: file(at("2026-03-20", "19:00").toString()),
    names: {
      retrieval: "Antagonist (short) protocol",
      fet: "Frozen transfer",
    },
  };
}
