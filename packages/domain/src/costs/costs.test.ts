import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import type { PayloadInput } from "../events/catalog.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import {
  currencyCodes,
  currencyDigits,
  decimalsOf,
  fitsCurrency,
  isCurrencyCode,
  toMinor,
} from "./currency.ts";
import { costEventTypes } from "./events.ts";
import { costCurrencies, costList, cycleCosts } from "./selectors.ts";

const ZONE = "America/New_York";
const at = (date: string, time = "20:00") =>
  Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds;

/** Dana in New York, one stimulation cycle in spring 2026. */
function dana() {
  const r = new Recorder("phone0017", 17);
  r.record(
    "JourneyCreated",
    {
      displayName: "Dana",
      dateOfBirth: "1989-02-11",
      homeZone: ZONE,
      createdAt: `2026-03-01T20:00:00-05:00[${ZONE}]`,
    },
    at("2026-03-01"),
  );
  const cycleId = r.newId(at("2026-03-02"));
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist (short) protocol",
      dayOne: "stim-day",
      startDate: "2026-03-03",
      zone: ZONE,
    },
    at("2026-03-02"),
  );
  return { r, cycleId };
}

type CostInput = PayloadInput<"CostRecorded">;
const base = (r: Recorder, on: string, extra: Partial<CostInput> = {}): CostInput => ({
  costId: r.newId(at(on)),
  description: "Stimulation medicines",
  category: "medication",
  amount: { value: 3120.55, currency: "USD" },
  incurredOn: on,
  status: "paid",
  paidOn: on,
  coverage: [],
  ...extra,
});

describe("currencies", () => {
  it("knows ISO 4217 codes and their minor units", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("AUD")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("XYZ")).toBe(false);
    expect([currencyDigits("USD"), currencyDigits("JPY"), currencyDigits("KWD")]).toEqual([
      2, 0, 3,
    ]);
  });

  it("counts the decimals a value was typed with, and converts to minor units exactly", () => {
    expect([decimalsOf(1234.5), decimalsOf(1234.56), decimalsOf(12), decimalsOf(1e-7)]).toEqual([
      1, 2, 0, 7,
    ]);
    expect(decimalsOf(0.1 + 0.2)).toBeGreaterThan(2);
    expect(fitsCurrency(1234.56, "USD")).toBe(true);
    expect(fitsCurrency(1234.567, "USD")).toBe(false);
    expect(fitsCurrency(12_000.5, "JPY")).toBe(false);
    // 1234.56 * 100 is 123455.99999999999 in floating point: rounding makes it exact.
    expect(toMinor(1234.56, "USD")).toBe(123_456);
    expect(toMinor(0.29, "USD")).toBe(29);
  });

  it("lists real currencies only: each one Intl can format, funds codes left out", () => {
    expect(currencyCodes.length).toBeGreaterThan(150);
    for (const code of currencyCodes) {
      const shown = new Intl.NumberFormat("en", {
        style: "currency",
        currency: code,
        maximumFractionDigits: currencyDigits(code),
      }).format(1234);
      expect(shown, code).toMatch(/1,234/);
    }
    for (const funds of ["USN", "CLF", "BOV", "XAU", "XXX"])
      expect(isCurrencyCode(funds)).toBe(false);
  });
});

describe("costs: recorded, changed, paid and removed", () => {
  it("records a paid cost with its coverage, as the payload says (nulls for what is absent)", () => {
    const { r, cycleId } = dana();
    const p = base(r, "2026-03-03", {
      cycleId,
      paidBy: "Dana",
      coverage: [
        { kind: "insurer", source: "Aetna", value: 1500, received: true },
        { kind: "employer", value: 500.55, received: false },
      ],
    });
    r.record("CostRecorded", p, at("2026-03-03"));
    expect(r.state.costs.get(p.costId)).toEqual({
      id: p.costId,
      description: "Stimulation medicines",
      category: "medication",
      amount: { value: 3120.55, currency: "USD" },
      incurredOn: "2026-03-03",
      cycleId,
      paidBy: "Dana",
      status: "paid",
      paidOn: "2026-03-03",
      dueOn: null,
      remindDaysBefore: null,
      coverage: [
        { kind: "insurer", source: "Aetna", value: 1500, received: true },
        { kind: "employer", source: null, value: 500.55, received: false },
      ],
      receipt: null,
      note: null,
      removed: false,
    });
    expect(cycleCosts(r.state, cycleId).map((c) => c.id)).toEqual([p.costId]);
  });

  const refusals: [string, (r: Recorder, cycleId: string) => CostInput, object][] = [
    [
      "an unknown currency",
      (r) => base(r, "2026-03-04", { amount: { value: 10, currency: "XYZ" } }),
      { reason: "unknown-currency", field: "payload.amount.currency" },
    ],
    [
      "cents on yen",
      (r) => base(r, "2026-03-04", { amount: { value: 12_000.5, currency: "JPY" } }),
      {
        reason: "too-many-decimals",
        field: "payload.amount.value",
        params: { digits: 0, currency: "JPY" },
      },
    ],
    [
      "a coverage with a third decimal",
      (r) =>
        base(r, "2026-03-04", {
          coverage: [{ kind: "refund", value: 10.001, received: true }],
        }),
      { reason: "too-many-decimals", field: "payload.coverage.0.value" },
    ],
    [
      "coverage adding up to more than the cost",
      (r) =>
        base(r, "2026-03-04", {
          amount: { value: 1000, currency: "USD" },
          coverage: [
            { kind: "insurer", value: 600, received: true },
            { kind: "grant", value: 400.01, received: false },
          ],
        }),
      {
        reason: "coverage-exceeds-amount",
        field: "payload.coverage",
        params: { currency: "USD", covered: 1000.01, amount: 1000 },
      },
    ],
    [
      "a due cost without its due date",
      (r) => base(r, "2026-03-04", { status: "due", paidOn: undefined }),
      { reason: "due-needs-date", field: "payload.dueOn" },
    ],
    [
      "a due cost with a paid date",
      (r) => base(r, "2026-03-04", { status: "due", dueOn: "2026-04-01" }),
      { reason: "due-with-paid-date", field: "payload.paidOn" },
    ],
    [
      "a cycle that is not in the record",
      (r) => base(r, "2026-03-04", { cycleId: r.newId(at("2026-01-01")) }),
      { reason: "unknown-cycle", field: "payload.cycleId" },
    ],
    [
      "a date nobody could mean",
      (r) => base(r, "2026-03-04", { incurredOn: "2926-03-04", paidOn: undefined }),
      { reason: "invalid-date", field: "payload.incurredOn" },
    ],
    [
      "a category that is not one",
      (r) => base(r, "2026-03-04", { category: "food" as never }),
      { reason: "not-one-of", field: "payload.category" },
    ],
  ];
  for (const [what, payload, expected] of refusals) {
    it(`refuses ${what}, and nothing changes`, () => {
      const { r, cycleId } = dana();
      const before = r.events.length;
      const out = r.tryRecord("CostRecorded", payload(r, cycleId), at("2026-03-04"));
      expect(!out.ok && out.error).toMatchObject(expected);
      expect(r.events.length).toBe(before);
      expect(r.state.costs.size).toBe(0);
    });
  }

  it("a change is checked as the cost it leaves: coverage over a lowered amount is refused", () => {
    const { r } = dana();
    const p = base(r, "2026-03-05", {
      amount: { value: 900, currency: "USD" },
      coverage: [{ kind: "insurer", value: 700, received: false }],
    });
    r.record("CostRecorded", p, at("2026-03-05"));
    const lower = r.tryRecord(
      "CostChanged",
      { costId: p.costId, amount: { value: 650, currency: "USD" } },
      at("2026-03-06"),
    );
    expect(!lower.ok && lower.error).toMatchObject({
      reason: "coverage-exceeds-amount",
      field: "payload.coverage",
    });
    const toYen = r.tryRecord(
      "CostChanged",
      { costId: p.costId, amount: { value: 900.5, currency: "JPY" } },
      at("2026-03-06"),
    );
    expect(!toYen.ok && toYen.error).toMatchObject({
      reason: "too-many-decimals",
      field: "payload.amount.value",
    });
    const nothing = r.tryRecord("CostChanged", { costId: p.costId }, at("2026-03-06"));
    expect(!nothing.ok && nothing.error.reason).toBe("nothing-to-change");
    r.record(
      "CostChanged",
      {
        costId: p.costId,
        coverage: [{ kind: "insurer", source: "Aetna", value: 700, received: true }],
        receipt: {
          attachmentId: r.newId(at("2026-03-06")),
          key: "A".repeat(43),
          mediaType: "image/jpeg",
          bytes: 48_213,
        },
        note: "Claim paid in full.",
      },
      at("2026-03-06"),
    );
    const cost = r.state.costs.get(p.costId)!;
    expect(cost.coverage).toEqual([
      { kind: "insurer", source: "Aetna", value: 700, received: true },
    ]);
    expect(cost.receipt?.mediaType).toBe("image/jpeg");
    r.record("CostChanged", { costId: p.costId, receipt: null, note: null }, at("2026-03-07"));
    expect(r.state.costs.get(p.costId)).toMatchObject({ receipt: null, note: null });
  });

  it("a due cost is paid once; a second payment is refused", () => {
    const { r, cycleId } = dana();
    const p = base(r, "2026-03-15", {
      description: "Egg retrieval and anaesthesia",
      category: "retrieval",
      amount: { value: 8200, currency: "USD" },
      cycleId,
      status: "due",
      paidOn: undefined,
      dueOn: "2026-04-15",
      remindDaysBefore: 7,
    });
    r.record("CostRecorded", p, at("2026-03-15"));
    expect(r.state.costs.get(p.costId)).toMatchObject({
      status: "due",
      dueOn: "2026-04-15",
      remindDaysBefore: 7,
    });
    r.record("CostPaid", { costId: p.costId, paidOn: "2026-04-10" }, at("2026-04-10"));
    expect(r.state.costs.get(p.costId)).toMatchObject({
      status: "paid",
      paidOn: "2026-04-10",
      dueOn: "2026-04-15",
    });
    const again = r.tryRecord(
      "CostPaid",
      { costId: p.costId, paidOn: "2026-04-11" },
      at("2026-04-11"),
    );
    expect(!again.ok && again.error).toEqual({
      reason: "cost-already-paid",
      field: "payload.costId",
    });
    // Back to due needs the due date it kept, and no paid date.
    const back = r.tryRecord("CostChanged", { costId: p.costId, status: "due" }, at("2026-04-12"));
    expect(!back.ok && back.error.reason).toBe("due-with-paid-date");
    r.record("CostChanged", { costId: p.costId, status: "due", paidOn: null }, at("2026-04-12"));
    expect(r.state.costs.get(p.costId)).toMatchObject({ status: "due", paidOn: null });
  });

  it("a removed cost leaves the list, stays in the state, and cannot change or be removed again", () => {
    const { r } = dana();
    const p = base(r, "2026-03-20", { category: "travel", description: "Taxi to the clinic" });
    r.record("CostRecorded", p, at("2026-03-20"));
    r.record("CostRemoved", { costId: p.costId }, at("2026-03-21"));
    expect(costList(r.state)).toEqual([]);
    expect(r.state.costs.get(p.costId)?.removed).toBe(true);
    for (const [type, payload] of [
      ["CostRemoved", { costId: p.costId }],
      ["CostPaid", { costId: p.costId, paidOn: "2026-03-22" }],
      ["CostChanged", { costId: p.costId, note: "x" }],
    ] as const) {
      const out = r.tryRecord(type, payload as never, at("2026-03-22"));
      expect(!out.ok && out.error).toEqual({ reason: "unknown-cost", field: "payload.costId" });
    }
    const dup = r.tryRecord("CostRecorded", { ...p }, at("2026-03-22"));
    expect(!dup.ok && dup.error.reason).toBe("duplicate-cost");
  });

  it("costs in two currencies stay apart; any order of the events folds to the same state", () => {
    const { r, cycleId } = dana();
    r.record("CostRecorded", base(r, "2026-03-03", { cycleId }), at("2026-03-03"));
    r.record(
      "CostRecorded",
      base(r, "2026-03-10", {
        description: "Flight to Sydney for the transfer",
        category: "travel",
        amount: { value: 1890, currency: "AUD" },
      }),
      at("2026-03-10"),
    );
    expect(costCurrencies(r.state)).toEqual(["AUD", "USD"]);
    expect(costList(r.state).map((c) => c.incurredOn)).toEqual(["2026-03-10", "2026-03-03"]);
    expect(fold([...r.events].reverse())).toEqual(r.state);
  });

  it("lists exactly the cost event types for the sync layer", () => {
    expect([...costEventTypes]).toEqual(["CostRecorded", "CostChanged", "CostPaid", "CostRemoved"]);
  });
});
