import { antagonistCycle, recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's record for the Costs tests, as an export restored through set-up:
 * a 2025 retrieval cycle (ended), a 2026 frozen transfer cycle (running),
 * and embryo storage paid with the bank in 2025 (USD 600), which the Costs
 * screen counts without anyone entering it again. No costs yet: the tests
 * enter those through the form.
 */
export function mayaForCosts() {
  const { rec, id, journeyCreated, file, at } = recordOnDates("fixture17", 1717, maya.homeZone);
  journeyCreated("2025-01-10");
  const retrieval = id("2025-03-03");
  rec("CycleStarted", antagonistCycle(retrieval, "2025-03-03", maya.homeZone), "2025-03-03");
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
  return {
    file: file(at("2026-03-20", "19:00").toString()),
    names: {
      retrieval: "Antagonist (short) protocol",
      fet: "Frozen transfer",
    },
  };
}
