import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeProblem, type Problem, type Result } from "../core/result.ts";
import { checkLabValue, convertLab, type LabValue, labUnits, plausibleRange } from "./labs.ts";
import { type Analyte, analytes, LAB_ANALYTES } from "./units.ts";

const value = (r: Result<LabValue, Problem>): LabValue => {
  if (!r.ok) throw new Error(describeProblem(r.error));
  return r.value;
};
const refusal = (r: Result<LabValue, Problem>): Problem => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
};

describe("convertLab: the factors of clinical reference §6", () => {
  it.each([
    // [analyte, value, from, to, expected]
    ["E2", 1, "pg/mL", "pmol/L", 3.671],
    ["E2", 2000, "pg/mL", "pmol/L", 7342], // a stimulated E2: 2000 x 3.671
    ["E2", 367.1, "pmol/L", "pg/mL", 100],
    ["P4", 1, "ng/mL", "nmol/L", 3.18],
    ["P4", 31.8, "nmol/L", "ng/mL", 10], // a luteal-support P4 of 10 ng/mL
    ["hCG", 290, "mIU/mL", "IU/L", 290], // Jordan's third beta, 1:1
    ["hCG", 95, "IU/L", "mIU/mL", 95],
    ["AMH", 1.4, "ng/mL", "pmol/L", 9.996], // Maya's AMH: 1.4 x 7.14
    ["AMH", 7.14, "pmol/L", "ng/mL", 1],
    ["LH", 12, "IU/L", "mIU/mL", 12],
    ["FSH", 8.5, "mIU/mL", "IU/L", 8.5],
  ] as const)("%s %d %s is %d %s", (analyte, v, from, to, expected) => {
    const out = value(convertLab({ analyte, value: v, unit: from }, to));
    expect(out.analyte).toBe(analyte);
    expect(out.unit).toBe(to);
    expect(out.value).toBeCloseTo(expected, 9);
  });

  it("returns the value unchanged when converting to the same unit", () => {
    expect(value(convertLab({ analyte: "E2", value: 1234.5, unit: "pg/mL" }, "pg/mL"))).toEqual({
      analyte: "E2",
      value: 1234.5,
      unit: "pg/mL",
    });
  });

  it("accepts analyte and unit in any case and spells them back the standard way", () => {
    expect(value(convertLab({ analyte: " hcg ", value: 410, unit: "miu/ml" }, "iu/l"))).toEqual({
      analyte: "hCG",
      value: 410,
      unit: "IU/L",
    });
  });

  it("accepts zero, which labs report for an undetectable value", () => {
    expect(value(convertLab({ analyte: "hCG", value: 0, unit: "IU/L" }, "mIU/mL")).value).toBe(0);
  });

  it("refuses an analyte it does not know, naming the field", () => {
    const p = refusal(convertLab({ analyte: "TSH", value: 2, unit: "mIU/L" }, "mIU/L"));
    expect(p).toEqual({
      reason: "unknown-analyte",
      field: "analyte",
      params: { analyte: "TSH", known: "E2, P4, hCG, AMH, LH, FSH" },
    });
  });

  it("refuses a unit that does not belong to the analyte (E2 in nmol/L)", () => {
    const p = refusal(convertLab({ analyte: "E2", value: 300, unit: "nmol/L" }, "pg/mL"));
    expect(p).toEqual({
      reason: "wrong-unit",
      field: "unit",
      params: { analyte: "E2", units: "pg/mL, pmol/L", unit: "nmol/L" },
    });
  });

  it("refuses a target unit that does not belong to the analyte, naming toUnit", () => {
    const p = refusal(convertLab({ analyte: "P4", value: 12, unit: "ng/mL" }, "pmol/L"));
    expect(p).toMatchObject({ reason: "wrong-unit", field: "toUnit" });
  });

  it.each([undefined, null, "", "  "])(
    "refuses a missing unit (%j), saying which units fit",
    (u) => {
      const p = refusal(convertLab({ analyte: "AMH", value: 1.4, unit: u }, "pmol/L"));
      expect(p).toEqual({
        reason: "missing-unit",
        field: "unit",
        params: { analyte: "AMH", units: "ng/mL, pmol/L" },
      });
    },
  );

  it.each([
    [-1, "negative-value"],
    [Number.NaN, "invalid-value"],
    [Number.POSITIVE_INFINITY, "invalid-value"],
    ["12" as unknown as number, "invalid-value"],
  ])("refuses the value %d (%s), naming the field", (v, reason) => {
    const p = refusal(convertLab({ analyte: "E2", value: v, unit: "pg/mL" }, "pmol/L"));
    expect(p).toMatchObject({ reason, field: "value" });
  });

  it("never throws on input that is not a lab value at all", () => {
    expect(refusal(convertLab(null as never, "pg/mL")).field).toBe("analyte");
    expect(refusal(convertLab({} as never, "pg/mL")).field).toBe("analyte");
  });

  const pairs = analytes.flatMap((a) =>
    labUnits(a).flatMap((from) => labUnits(a).map((to) => [a, from, to] as const)),
  );
  const pairArb = fc.constantFrom(...pairs);
  const amount = fc.double({ min: 0, max: 1e6, noNaN: true });

  it("converting there and back returns the value, within floating error", () => {
    fc.assert(
      fc.property(pairArb, amount, ([analyte, from, to], v) => {
        const there = value(convertLab({ analyte, value: v, unit: from }, to));
        const back = value(convertLab(there, from));
        expect(back.unit).toBe(from);
        // Relative error, with a floor for subnormal doubles (below 1e-307) that lose digits.
        expect(Math.abs(back.value - v)).toBeLessThanOrEqual(Math.max(v * 1e-12, 1e-300));
      }),
    );
  });

  it("a value and its double convert to a value and its double (the conversion is linear)", () => {
    fc.assert(
      fc.property(pairArb, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ([a, from, to], v) => {
        const one = value(convertLab({ analyte: a, value: v, unit: from }, to)).value;
        const two = value(convertLab({ analyte: a, value: 2 * v, unit: from }, to)).value;
        expect(two / one).toBeCloseTo(2, 12);
      }),
    );
  });
});

describe("labUnits", () => {
  it.each([
    ["E2", ["pg/mL", "pmol/L"]],
    ["P4", ["ng/mL", "nmol/L"]],
    ["hCG", ["mIU/mL", "IU/L"]],
    ["AMH", ["ng/mL", "pmol/L"]],
    ["LH", ["IU/L", "mIU/mL"]],
    ["FSH", ["IU/L", "mIU/mL"]],
  ] as const)("lists the units of %s, preferred first", (analyte, units) => {
    expect(labUnits(analyte)).toEqual(units);
  });

  it("lists nothing for an analyte it does not know", () => {
    expect(labUnits("TSH")).toEqual([]);
  });

  it("keeps one table, each analyte with its source and the preferred unit at factor 1", () => {
    for (const a of analytes as Analyte[]) {
      const entry = LAB_ANALYTES[a];
      expect(entry.units[0]?.perPreferred).toBe(1);
      expect(entry.source.length).toBeGreaterThan(0);
    }
    expect(LAB_ANALYTES.E2.source).toMatch(/clinical reference §6/);
  });
});

describe("checkLabValue: a plausibility guard, not a normal range", () => {
  it("refuses an E2 no lab would report, with what a screen needs to say so", () => {
    const p = refusal(checkLabValue({ analyte: "E2", value: 90000, unit: "pg/mL" }));
    expect(p).toEqual({
      reason: "implausible-value",
      field: "value",
      params: { analyte: "E2", value: 90000, unit: "pg/mL", max: 20000 },
    });
  });

  it("judges the value in the unit given (90000 pmol/L is also too high; 20000 pmol/L is fine)", () => {
    expect(refusal(checkLabValue({ analyte: "E2", value: 90000, unit: "pmol/L" })).params).toEqual({
      analyte: "E2",
      value: 90000,
      unit: "pmol/L",
      max: 73420,
    });
    expect(value(checkLabValue({ analyte: "E2", value: 20000, unit: "pmol/L" })).value).toBe(20000);
  });

  it.each([
    ["E2", 4500, "pg/mL"], // a high stimulated E2
    ["P4", 150, "ng/mL"], // late pregnancy
    ["hCG", 950, "mIU/mL"], // Maya's third beta
    ["hCG", 1_200_000, "mIU/mL"], // molar pregnancy range
    ["AMH", 1.4, "ng/mL"], // Maya
    ["AMH", 15, "ng/mL"], // PCOS
    ["LH", 80, "IU/L"], // surge
    ["FSH", 120, "mIU/mL"], // menopausal
  ] as const)("accepts a real-world %s of %d %s", (analyte, v, unit) => {
    expect(value(checkLabValue({ analyte, value: v, unit }))).toEqual({ analyte, value: v, unit });
  });

  it.each([
    ["P4", 5000, "ng/mL"],
    ["hCG", 5_000_000, "IU/L"],
    ["AMH", 900, "pmol/L"],
    ["LH", 2000, "mIU/mL"],
    ["FSH", 2000, "IU/L"],
  ] as const)("refuses a %s of %d %s", (analyte, v, unit) => {
    expect(refusal(checkLabValue({ analyte, value: v, unit }))).toMatchObject({
      reason: "implausible-value",
      field: "value",
      params: { analyte, value: v, unit },
    });
  });

  it("refuses what convertLab refuses, with the same fields", () => {
    expect(refusal(checkLabValue({ analyte: "E2", value: 100, unit: "nmol/L" })).field).toBe(
      "unit",
    );
    expect(refusal(checkLabValue({ analyte: "E2", value: -5, unit: "pg/mL" })).field).toBe("value");
    expect(refusal(checkLabValue({ analyte: "T", value: 5, unit: "ng/mL" })).field).toBe("analyte");
  });

  it("gives the accepted range per unit, the same bound in every unit", () => {
    expect(plausibleRange("E2", "pg/mL")).toEqual({ min: 0, max: 20000 });
    expect(plausibleRange("E2", "pmol/L")?.max).toBeCloseTo(73420, 6);
    expect(plausibleRange("AMH", "pmol/L")?.max).toBeCloseTo(714, 6);
    expect(plausibleRange("E2", "nmol/L")).toBeNull();
    expect(plausibleRange("TSH", "mIU/L")).toBeNull();
  });
});
