import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type OhssLevel,
  type OhssSign,
  type OhssSymptoms,
  ohssSigns,
  ohssTriage,
  parseOhssSymptoms,
} from "./ohss.ts";

const rank: Record<OhssLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };

/**
 * One row per sign (clinical-reference §5 "App triage" and the §8.1 table):
 * the smallest check-in that shows it, the level it must give, and the
 * source its reason must cite. Each row is its own test.
 */
const signs: readonly [OhssSign, OhssSymptoms, OhssLevel, RegExp][] = [
  // Emergency care now
  ["shortness-of-breath", { shortnessOfBreath: true }, "emergency", /RCOG patient leaflet/],
  ["chest-pain", { chestPain: true }, "emergency", /RCOG patient leaflet/],
  [
    "racing-heart-or-fast-breathing",
    { racingHeartOrFastBreathing: true },
    "emergency",
    /critical grade \(acute respiratory distress\)/,
  ],
  ["calf-pain-or-swelling", { calfPainOrSwelling: true }, "emergency", /RCOG patient leaflet/],
  ["fainting", { fainting: true }, "emergency", /critical grade/],
  ["urine-almost-none-12h", { urine: "almost-none-12h" }, "emergency", /critical grade/],
  ["severe-abdominal-pain", { abdominalPain: "severe" }, "emergency", /critical grade/],
  ["tight-abdomen", { tightAbdomen: true }, "emergency", /critical grade: tense abdomen/],
  ["fever", { fever: true }, "emergency", /Trellis's OHSS triage/],
  // Call your clinic today
  [
    "moderate-ohss",
    { abdominalPain: "moderate", nausea: "mild" },
    "call-clinic",
    /moderate grade: moderate pain with nausea/,
  ],
  ["pain-increasing", { abdominalPain: "mild", painTrend: "worse" }, "call-clinic", /leaflet/],
  [
    "bloating-increasing",
    { bloating: "mild", bloatingTrend: "worse" },
    "call-clinic",
    /Trellis's OHSS triage/,
  ],
  ["bloating-severe", { bloating: "severe" }, "call-clinic", /Trellis's OHSS triage/],
  ["waist-growing", { waistGrowing: true }, "call-clinic", /growing waist.*RBEJ/],
  ["vomiting-cannot-keep-down", { vomiting: "cannot-keep-down" }, "call-clinic", /leaflet/],
  ["vomiting", { vomiting: "some" }, "call-clinic", /leaflet/],
  ["weight-gain-day", { weightGainKgLastDay: 1 }, "call-clinic", /Trellis's OHSS triage/],
  ["weight-gain-total", { weightGainKgTotal: 3 }, "call-clinic", /Trellis's OHSS triage/],
  ["urine-much-less", { urine: "much-less" }, "call-clinic", /leaflet/],
  ["urine-less", { urine: "less" }, "call-clinic", /Trellis's OHSS triage/],
  ["dizziness", { dizziness: true }, "call-clinic", /Feeling faint/],
  // Watch: common, not a trigger
  ["abdominal-pain", { abdominalPain: "moderate", painTrend: "same" }, "none", /mild OHSS/],
  ["bloating", { bloating: "moderate" }, "none", /mild OHSS/],
  ["nausea", { nausea: "severe" }, "none", /mild OHSS/],
  ["diarrhoea", { diarrhoea: true }, "none", /Mayo Clinic/],
];

// Each field's answers from least to most worrying; `undefined` (unanswered) is lowest.
const ladders = {
  bloating: ["none", "mild", "moderate", "severe"],
  bloatingTrend: ["better", "same", "worse"],
  abdominalPain: ["none", "mild", "moderate", "severe"],
  painTrend: ["better", "same", "worse"],
  nausea: ["none", "mild", "moderate", "severe"],
  vomiting: ["none", "some", "cannot-keep-down"],
  urine: ["normal", "less", "much-less", "almost-none-12h"],
} as const;
const flags = [
  "waistGrowing",
  "racingHeartOrFastBreathing",
  "dizziness",
  "diarrhoea",
  "shortnessOfBreath",
  "chestPain",
  "calfPainOrSwelling",
  "fainting",
  "fever",
  "tightAbdomen",
] as const;
const kg = fc.double({ min: -10, max: 10, noNaN: true });
const symptomsArb: fc.Arbitrary<OhssSymptoms> = fc.record(
  {
    ...Object.fromEntries(
      Object.entries(ladders).map(([k, v]) => [k, fc.constantFrom(...(v as readonly string[]))]),
    ),
    ...Object.fromEntries(flags.map((k) => [k, fc.boolean()])),
    weightGainKgLastDay: kg,
    weightGainKgTotal: fc.double({ min: -30, max: 30, noNaN: true }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<OhssSymptoms>;

/** Field by field, the more worrying of two check-ins. */
function worst(a: OhssSymptoms, b: OhssSymptoms): OhssSymptoms {
  const out: Record<string, unknown> = { ...a };
  for (const [k, ladder] of Object.entries(ladders)) {
    const pos = (s: OhssSymptoms) =>
      (ladder as readonly unknown[]).indexOf((s as Record<string, unknown>)[k]);
    if (pos(b) > pos(a)) out[k] = (b as Record<string, unknown>)[k];
  }
  for (const k of flags) if (b[k] === true) out[k] = true;
  for (const k of ["weightGainKgLastDay", "weightGainKgTotal"] as const) {
    const bv = b[k];
    const av = a[k];
    if (bv !== undefined && (av === undefined || bv > av)) out[k] = bv;
  }
  return out as OhssSymptoms;
}

describe("ohssTriage: one spec per sign (clinical-reference §5, §8.1)", () => {
  it.each(signs)("%s alone gives %s (%o)", (sign, symptoms, level, source) => {
    const t = ohssTriage(symptoms);
    expect(t.level).toBe(level);
    expect(t.reasons).toHaveLength(1);
    expect(t.reasons[0]).toMatchObject({ sign, level });
    expect(t.reasons[0]!.source.citation).toMatch(source);
  });

  it("has a spec for every sign it can return", () => {
    expect(new Set(signs.map(([s]) => s))).toEqual(new Set(ohssSigns));
  });

  it("gives every reason a source with its tag and the reference section, and no English sentence", () => {
    for (const [sign, symptoms] of signs) {
      const reason = ohssTriage(symptoms).reasons[0]!;
      expect(Object.keys(reason).sort(), sign).toEqual(["level", "params", "sign", "source"]);
      expect(["checked", "secondary", "unverified"], sign).toContain(reason.source.tag);
      expect(reason.source.section, sign).toMatch(/^(5|8\.1)$/);
    }
  });
});

describe("ohssTriage: the fixes of issue 10", () => {
  it("moderate pain with moderate nausea and some vomiting is RCOG's moderate OHSS: call the clinic", () => {
    const t = ohssTriage({ abdominalPain: "moderate", nausea: "moderate", vomiting: "some" });
    expect(t.level).toBe("call-clinic");
    expect(t.reasons.map((r) => r.sign)).toEqual(["moderate-ohss", "vomiting"]);
  });

  it("moderate pain with nausea alone, or with vomiting alone, is the moderate pattern too", () => {
    expect(ohssTriage({ abdominalPain: "moderate", nausea: "mild" }).reasons[0]!.sign).toBe(
      "moderate-ohss",
    );
    expect(
      ohssTriage({ abdominalPain: "moderate", vomiting: "cannot-keep-down" }).reasons.map(
        (r) => r.sign,
      ),
    ).toEqual(["moderate-ohss", "vomiting-cannot-keep-down"]);
  });

  it("mild pain with nausea is still mild OHSS: both to watch", () => {
    const t = ohssTriage({ abdominalPain: "mild", nausea: "mild" });
    expect(t.level).toBe("none");
    expect(t.reasons.map((r) => r.sign)).toEqual(["abdominal-pain", "nausea"]);
  });

  it("a tight, tense abdomen is RCOG's critical grade: emergency care now", () => {
    expect(ohssTriage({ tightAbdomen: true }).level).toBe("emergency");
  });

  it("asks about dizziness, a racing heart or fast breathing, and a growing waist", () => {
    expect(ohssTriage({ dizziness: true }).level).toBe("call-clinic");
    expect(ohssTriage({ racingHeartOrFastBreathing: true }).level).toBe("emergency");
    expect(ohssTriage({ waistGrowing: true }).level).toBe("call-clinic");
  });
});

describe("ohssTriage: where each sign starts", () => {
  it("weight gain in a day: 0.9 kg is not a trigger, 1 kg is (clinical-reference §5)", () => {
    expect(ohssTriage({ weightGainKgLastDay: 0.9 }).level).toBe("none");
    expect(ohssTriage({ weightGainKgLastDay: 1 }).level).toBe("call-clinic");
  });

  it("weight gain in total: 2.9 kg is not a trigger, 3 kg is (clinical-reference §5)", () => {
    expect(ohssTriage({ weightGainKgTotal: 2.9 }).level).toBe("none");
    expect(ohssTriage({ weightGainKgTotal: 3 }).level).toBe("call-clinic");
  });

  it("a weight loss is nothing to report", () => {
    expect(ohssTriage({ weightGainKgLastDay: -0.8, weightGainKgTotal: -2 })).toMatchObject({
      level: "none",
      reasons: [],
    });
  });

  it("names the weight gained as a parameter for the message catalogue", () => {
    const [reason] = ohssTriage({ weightGainKgLastDay: 1.44 }).reasons;
    expect(reason).toMatchObject({ sign: "weight-gain-day", params: { kg: 1.4 } });
  });

  it("pain: increasing from mild calls the clinic; moderate and steady on its own is to watch; severe is an emergency", () => {
    expect(ohssTriage({ abdominalPain: "moderate", painTrend: "worse" }).level).toBe("call-clinic");
    expect(ohssTriage({ abdominalPain: "moderate", painTrend: "better" }).level).toBe("none");
    expect(ohssTriage({ abdominalPain: "severe", painTrend: "better" }).level).toBe("emergency");
  });

  it("bloating: increasing from mild or severe calls the clinic; steady moderate is to watch", () => {
    expect(ohssTriage({ bloating: "moderate", bloatingTrend: "worse" }).level).toBe("call-clinic");
    expect(ohssTriage({ bloating: "severe", bloatingTrend: "better" }).level).toBe("call-clinic");
    expect(ohssTriage({ bloating: "moderate", bloatingTrend: "same" }).level).toBe("none");
  });

  it("a worsening trend with no pain or bloating at all is not a sign", () => {
    expect(ohssTriage({ bloating: "none", bloatingTrend: "worse" }).reasons).toEqual([]);
    expect(ohssTriage({ abdominalPain: "none", painTrend: "worse" }).reasons).toEqual([]);
  });

  it("severe pain that is also increasing is one emergency reason, not two", () => {
    const t = ohssTriage({ abdominalPain: "severe", painTrend: "worse" });
    expect(t.reasons.map((r) => r.sign)).toEqual(["severe-abdominal-pain"]);
  });

  it("urine: normal is nothing; less and much less call the clinic; almost none for 12 h is an emergency", () => {
    expect(ohssTriage({ urine: "normal" }).reasons).toEqual([]);
    expect(ohssTriage({ urine: "less" }).level).toBe("call-clinic");
    expect(ohssTriage({ urine: "much-less" }).level).toBe("call-clinic");
    expect(ohssTriage({ urine: "almost-none-12h" }).level).toBe("emergency");
  });

  it("answers of no and none are nothing to report", () => {
    const calm: OhssSymptoms = {
      bloating: "none",
      abdominalPain: "none",
      nausea: "none",
      vomiting: "none",
      diarrhoea: false,
      urine: "normal",
      shortnessOfBreath: false,
      chestPain: false,
      calfPainOrSwelling: false,
      fainting: false,
      fever: false,
      tightAbdomen: false,
      waistGrowing: false,
      racingHeartOrFastBreathing: false,
      dizziness: false,
      weightGainKgLastDay: 0,
      weightGainKgTotal: 0,
    };
    expect(ohssTriage(calm)).toMatchObject({ level: "none", reasons: [] });
  });
});

describe("ohssTriage: the whole check-in", () => {
  it("an empty check-in is level none with no reasons, and still cites its source", () => {
    const t = ohssTriage({});
    expect(t).toMatchObject({ level: "none", reasons: [] });
    expect(t.source).toMatch(/Mayo Clinic/);
    expect(t.source).toMatch(/RCOG Green-top/);
  });

  it("Priya, day 3 after her first retrieval: bloating and 1.4 kg gained in a day -> call the clinic today", () => {
    // clinical reference A.2: "OHSS warning signs on day 3 after the first retrieval (bloating, 1.4 kg gained in a day)"
    const t = ohssTriage({ bloating: "moderate", bloatingTrend: "same", weightGainKgLastDay: 1.4 });
    expect(t.level).toBe("call-clinic");
    expect(t.reasons.map((r) => [r.sign, r.level])).toEqual([
      ["weight-gain-day", "call-clinic"],
      ["bloating", "none"],
    ]);
  });

  it("emergency beats call-clinic, and the most urgent reasons come first", () => {
    const t = ohssTriage({
      bloating: "severe",
      weightGainKgTotal: 4,
      nausea: "moderate",
      shortnessOfBreath: true,
      urine: "much-less",
    });
    expect(t.level).toBe("emergency");
    expect(t.reasons.map((r) => r.level)).toEqual([
      "emergency",
      "call-clinic",
      "call-clinic",
      "call-clinic",
      "none",
    ]);
    expect(t.reasons[0]!.sign).toBe("shortness-of-breath");
  });

  it("call-clinic beats watch signs", () => {
    const t = ohssTriage({ nausea: "mild", diarrhoea: true, vomiting: "cannot-keep-down" });
    expect(t.level).toBe("call-clinic");
    expect(t.reasons.map((r) => r.sign)).toEqual([
      "vomiting-cannot-keep-down",
      "nausea",
      "diarrhoea",
    ]);
  });

  it("every emergency sign together is still one emergency, with a reason each", () => {
    const t = ohssTriage({
      shortnessOfBreath: true,
      chestPain: true,
      racingHeartOrFastBreathing: true,
      calfPainOrSwelling: true,
      fainting: true,
      urine: "almost-none-12h",
      abdominalPain: "severe",
      tightAbdomen: true,
      fever: true,
    });
    expect(t.level).toBe("emergency");
    expect(t.reasons).toHaveLength(9);
    expect(t.reasons.every((r) => r.level === "emergency")).toBe(true);
  });

  it("never throws on nonsense; numbers that are not numbers count as unanswered", () => {
    expect(ohssTriage(null as never).level).toBe("none");
    expect(ohssTriage({ weightGainKgLastDay: Number.NaN }).level).toBe("none");
  });

  it("adding a symptom, or answering one as worse, never lowers the level", () => {
    fc.assert(
      fc.property(symptomsArb, symptomsArb, (a, b) => {
        const before = rank[ohssTriage(a).level];
        expect(rank[ohssTriage(worst(a, b)).level]).toBeGreaterThanOrEqual(before);
        // Answering a question that was unanswered: b's answers only where a has none.
        expect(rank[ohssTriage({ ...b, ...a }).level]).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("the level is always the most urgent reason's level", () => {
    fc.assert(
      fc.property(symptomsArb, (s) => {
        const t = ohssTriage(s);
        const top = Math.max(0, ...t.reasons.map((r) => rank[r.level]));
        expect(rank[t.level]).toBe(top);
      }),
    );
  });
});

describe("parseOhssSymptoms", () => {
  it("accepts a check-in and drops unanswered (null) questions", () => {
    const r = parseOhssSymptoms({ bloating: "mild", weightGainKgLastDay: 1.4, fever: null });
    expect(r).toEqual({ ok: true, value: { bloating: "mild", weightGainKgLastDay: 1.4 } });
  });

  it("accepts a weight loss (a negative gain)", () => {
    expect(parseOhssSymptoms({ weightGainKgLastDay: -1.2, weightGainKgTotal: -3 }).ok).toBe(true);
  });

  it.each([
    [{ weightGainKgLastDay: 50 }, "weightGainKgLastDay", "too-big", { max: 10, bound: "at-most" }],
    [
      { weightGainKgLastDay: -50 },
      "weightGainKgLastDay",
      "too-small",
      { min: -10, bound: "at-least" },
    ],
    [{ weightGainKgTotal: 800 }, "weightGainKgTotal", "too-big", { max: 30, bound: "at-most" }],
    [{ weightGainKgLastDay: Number.NaN }, "weightGainKgLastDay", "not-a-number", undefined],
    [
      { weightGainKgTotal: Number.POSITIVE_INFINITY },
      "weightGainKgTotal",
      "not-a-number",
      undefined,
    ],
    [{ weightGainKgLastDay: "1.4" }, "weightGainKgLastDay", "not-a-number", undefined],
    [{ bloating: "huge" }, "bloating", "not-one-of", { allowed: "none, mild, moderate, severe" }],
    [
      { urine: "dark" },
      "urine",
      "not-one-of",
      { allowed: "normal, less, much-less, almost-none-12h" },
    ],
    [{ fever: "yes" }, "fever", "wrong-kind", { expected: "boolean" }],
  ])("refuses %o, naming %s (%s)", (raw, field, reason, params) => {
    const r = parseOhssSymptoms(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ reason, field });
      expect(r.error.params).toEqual(params);
    }
  });

  it("refuses a symptom it does not know, so a misspelling cannot silently drop out of triage", () => {
    const r = parseOhssSymptoms({ shortnesOfBreath: true });
    expect(r).toEqual({
      ok: false,
      error: {
        reason: "unknown-symptom",
        field: "shortnesOfBreath",
        params: { key: "shortnesOfBreath" },
      },
    });
  });

  it.each([null, 5, "bloating", [1]])("refuses %j, which is not a check-in", (raw) => {
    const r = parseOhssSymptoms(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ reason: "wrong-kind", field: "symptoms" });
  });

  it("accepts anything triage can read, and triage agrees on what it parsed", () => {
    fc.assert(
      fc.property(symptomsArb, (s) => {
        const r = parseOhssSymptoms(s);
        expect(r.ok).toBe(true);
        if (r.ok) expect(ohssTriage(r.value)).toEqual(ohssTriage(s));
      }),
    );
  });
});
