import { mayaJourney, Recorder } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { defaultCurrency } from "./currency.ts";

describe("the currency a new cost or storage fee starts in", () => {
  it("is that of the cost recorded last, one taken off the list not counted", () => {
    const maya = mayaJourney();
    // Her costs moved from USD to AUD when she moved to Sydney.
    expect(defaultCurrency(maya.state)).toBe("AUD");
    const r = maya.recorder;
    const at = Date.parse("2024-01-21T10:00:00+11:00");
    const costId = r.newId(at);
    r.record(
      "CostRecorded",
      {
        costId,
        description: "A consultation while visiting London",
        category: "monitoring",
        amount: { value: 250, currency: "GBP" },
        incurredOn: "2024-01-21",
        status: "paid",
        paidOn: "2024-01-21",
        paidBy: "Maya",
        coverage: [],
      },
      at,
    );
    expect(defaultCurrency(r.state)).toBe("GBP");
    r.record("CostRemoved", { costId }, at + 60_000);
    expect(defaultCurrency(r.state)).toBe("AUD");
  });

  it("with no costs, is that of the person's country, else US dollars", () => {
    for (const [homeZone, currency] of [
      ["Australia/Sydney", "AUD"],
      ["Europe/Berlin", "EUR"],
      ["Asia/Kolkata", "INR"],
      ["Etc/UTC", "USD"],
    ] as const) {
      const r = new Recorder("phone0001");
      r.record(
        "JourneyCreated",
        {
          displayName: "Priya",
          dateOfBirth: "1990-05-04",
          homeZone,
          createdAt: `2024-01-02T09:00:00+00:00[Etc/UTC]`,
        },
        Date.parse("2024-01-02T09:00:00Z"),
      );
      expect(defaultCurrency(r.state), homeZone).toBe(currency);
    }
  });
});
