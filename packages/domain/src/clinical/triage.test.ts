import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crisisLinesFor, emergencyNumberFor } from "./crisis-lines.ts";
import { ohssSigns, ohssTriage } from "./ohss.ts";
import {
  type CareStage,
  careStages,
  parseStageSymptoms,
  type StageContext,
  type StageSymptoms,
  symptomTriage,
  type TriageLevel,
  type TriageSign,
  triageSigns,
} from "./triage.ts";

const rank: Record<TriageLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };

type Row = readonly [
  stage: CareStage | null,
  symptoms: StageSymptoms,
  sign: TriageSign,
  level: TriageLevel,
  source: RegExp,
  context?: Omit<StageContext, "stage">,
];

/**
 * One row per sign and stage: the smallest check-in that shows the sign, the
 * level it must give there, and the source its reason must cite. Each group
 * names the table row of docs/clinical-reference.md §8 it comes from.
 */
const rows: readonly Row[] = [
  // §8.1 Stimulation and after egg collection (beside the OHSS rules, tested in ohss.test.ts)
  // "Spotting or light dark-red/brown bleeding for a few days after collection | WATCH | clinic pages"
  ["after-retrieval", { bleeding: "spotting" }, "bleeding-light", "none", /Clinic instructions/],
  ["stimulation", { bleeding: "light" }, "bleeding-light", "none", /Clinic instructions/],
  // "Bleeding as heavy as a period, or bright red and not slowing | CALL TODAY | clinic instructions"
  ["after-retrieval", { bleeding: "heavy" }, "bleeding-heavy", "call-clinic", /Clinic instr/],
  // "Fever, shivers or smelly discharge after collection | CALL TODAY | Ludwig 2006"
  ["after-retrieval", { foulDischarge: true }, "foul-discharge", "call-clinic", /Ludwig 2006/],
  // "Fainting; severe belly pain; belly tight and swollen; almost no urine | EMERGENCY | RCOG GTG5"
  ["after-retrieval", { tightAbdomen: true }, "tight-abdomen", "emergency", /critical grade/],
  ["stimulation", { fainting: true }, "fainting", "emergency", /critical grade/],
  // RCOG moderate grade: moderate pain with nausea and/or vomiting
  [
    "stimulation",
    { abdominalPain: "moderate", nausea: "moderate" },
    "moderate-ohss",
    "call-clinic",
    /moderate grade/,
  ],
  ["stimulation", { dizziness: true }, "dizziness", "call-clinic", /Feeling faint/],

  // §8.2 After embryo transfer
  // "Light spotting or pink/brown discharge; mild cramps | WATCH (keep medicines) | clinic pages"
  ["after-transfer", { bleeding: "spotting" }, "spotting-after-transfer", "none", /Clinic pages/],
  ["after-transfer", { abdominalPain: "mild" }, "abdominal-pain", "none", /mild OHSS/],
  // "Bleeding like a period, bright red, or with clots | CALL TODAY | clinic pages"
  ["after-transfer", { bleeding: "heavy" }, "bleeding-heavy", "call-clinic", /Clinic pages/],
  ["after-transfer", { clotsLargerThanPlum: true }, "clots", "call-clinic", /Clinic pages/],
  // "Bloating, nausea, weight gain returning or starting 1-2 weeks after transfer | CALL TODAY | Dahl Lyons 1994"
  [
    "after-transfer",
    { bloating: "mild" },
    "bloating-after-transfer",
    "call-clinic",
    /Dahl Lyons 1994/,
    { daysSinceTransfer: 9 },
  ],
  [
    "after-transfer",
    { nausea: "mild" },
    "nausea-after-transfer",
    "call-clinic",
    /Dahl Lyons 1994/,
    { daysSinceTransfer: 9 },
  ],
  ["after-transfer", { weightGainKgLastDay: 1.2 }, "weight-gain-day", "call-clinic", /OHSS triage/],
  // "One-sided low pain, or shoulder-tip pain, before or after the test | CALL TODAY | nidirect"
  ["after-transfer", { oneSidedPain: true }, "one-sided-pain", "call-clinic", /nidirect/],
  ["after-transfer", { shoulderTipPain: true }, "shoulder-tip-pain", "call-clinic", /nidirect/],
  // "Any severe OHSS sign from section 1 | EMERGENCY | as section 1"
  ["after-transfer", { urine: "almost-none-12h" }, "urine-almost-none-12h", "emergency", /RCOG/],
  // "Sudden severe belly pain with dizziness or fainting | EMERGENCY | nidirect"
  [
    "after-transfer",
    { oneSidedPain: true, dizziness: true },
    "pain-with-dizziness",
    "emergency",
    /nidirect/,
  ],

  // §8.3 Early pregnancy
  // "Light spotting, no pain, under 12 weeks | CALL TODAY | Tommy's" and "Any bleeding after 12 weeks"
  [
    "pregnant",
    { bleeding: "spotting" },
    "bleeding-in-pregnancy",
    "call-clinic",
    /Tommy's/,
    { pregnancyWeeks: 7 },
  ],
  [
    "pregnant",
    { bleeding: "light" },
    "bleeding-in-pregnancy",
    "call-clinic",
    /Tommy's/,
    { pregnancyWeeks: 14 },
  ],
  // "Bleeding, cramps, passing tissue | CALL TODAY | NHS-derived"
  [
    "pregnant",
    { bleeding: "heavy" },
    "heavy-bleeding-in-pregnancy",
    "call-clinic",
    /NHS-derived/,
    { pregnancyWeeks: 9 },
  ],
  // "Soaking a pad in 30-60 min; clots; severe pain | EMERGENCY | Tommy's"
  ["pregnant", { bleeding: "soaking-pad-an-hour" }, "bleeding-soaking-pad", "emergency", /Tommy/],
  ["pregnant", { clotsLargerThanPlum: true }, "clots", "emergency", /Tommy's/],
  ["pregnant", { abdominalPain: "severe" }, "severe-abdominal-pain", "emergency", /Tommy's/],
  // "One-sided pain, shoulder-tip pain, pain on peeing/pooing | CALL TODAY | nidirect",
  // raised by the default mapping: shoulder-tip pain in pregnancy is an emergency
  ["pregnant", { oneSidedPain: true }, "one-sided-pain", "call-clinic", /nidirect/],
  ["pregnant", { shoulderTipPain: true }, "shoulder-tip-pain", "emergency", /WHO/],
  // "Fainting or very dizzy, very pale, sudden intense pain | EMERGENCY | nidirect"
  ["pregnant", { fainting: true }, "fainting", "emergency", /nidirect/],
  ["pregnant", { oneSidedPain: true, dizziness: true }, "pain-with-dizziness", "emergency", /nidi/],
  ["pregnant", { dizziness: true }, "dizziness", "call-clinic", /nidirect/],
  // Not in the pregnancy tables: Trellis's conservative choice
  ["pregnant", { fever: true }, "fever", "call-clinic", /Trellis's conservative choice/],

  // §8.4 Later pregnancy
  // "Severe headache; vision changes; pain under the ribs; sudden swelling | CALL TODAY | NHS"
  ["pregnant", { severeHeadache: true }, "severe-headache", "call-clinic", /pre-eclampsia/],
  ["pregnant", { visionChanges: true }, "vision-changes", "call-clinic", /pre-eclampsia/],
  ["pregnant", { suddenSwelling: true }, "sudden-swelling", "call-clinic", /pre-eclampsia/],
  // "The same with breathlessness, confusion or a fit | EMERGENCY | ACOG, AWHONN"
  ["pregnant", { seizure: true }, "seizure", "emergency", /default levels/],
  ["pregnant", { confusion: true }, "confusion", "emergency", /default levels/],
  // "Baby moving less or not at all (from ~24 weeks) | CALL TODAY, now | NHS trusts"
  [
    "pregnant",
    { reducedMovements: true },
    "reduced-movements",
    "call-clinic",
    /movements/,
    { pregnancyWeeks: 30 },
  ],
  // "Reduced movements with pain or bleeding | EMERGENCY | NHS trust triage"
  [
    "pregnant",
    { reducedMovements: true, bleeding: "spotting" },
    "reduced-movements-with-pain-or-bleeding",
    "emergency",
    /NHS trust triage/,
    { pregnancyWeeks: 30 },
  ],
  // "Fluid leak before 37 weeks, or coloured, bloody or smelly | CALL TODAY, now | NHS"
  ["pregnant", { fluidLeak: true }, "fluid-leak", "call-clinic", /waters/],
  // "Any bleeding after 20 weeks | CALL TODAY, now (heavy: EMERGENCY) | Tommy's"
  [
    "pregnant",
    { bleeding: "heavy" },
    "heavy-bleeding-in-pregnancy",
    "emergency",
    /Tommy's/,
    { pregnancyWeeks: 22 },
  ],

  // §8.5 After a miscarriage, a loss, or a birth
  // "Bleeding easing over days, small clots, after-pains | WATCH | UK postnatal pages"
  ["after-loss", { bleeding: "light" }, "bleeding-light", "none", /postnatal/],
  ["after-birth", { abdominalPain: "moderate" }, "abdominal-pain", "none", /postnatal/],
  // "Heavier bleeding again, bad smell, fever ≥38 °C, worsening belly pain | CALL TODAY | HSE; NICE CG37"
  ["after-loss", { bleeding: "heavy" }, "bleeding-heavy", "emergency", /NICE CG37.*haemorrhage/],
  ["after-loss", { foulDischarge: true }, "foul-discharge", "call-clinic", /HSE/],
  ["after-birth", { fever: true }, "fever", "call-clinic", /NICE CG37/],
  [
    "after-loss",
    { abdominalPain: "mild", painTrend: "worse" },
    "pain-increasing",
    "call-clinic",
    /HSE/,
  ],
  // "Wound or stitches red, oozing or not healing | CALL TODAY | AWHONN; Alberta MyHealth"
  ["after-birth", { woundProblem: true }, "wound-problem", "call-clinic", /Alberta/],
  // "Headache not eased by painkillers, or with vision changes | CALL TODAY | AWHONN"
  ["after-birth", { severeHeadache: true }, "severe-headache", "call-clinic", /AWHONN/],
  ["after-loss", { visionChanges: true }, "vision-changes", "call-clinic", /AWHONN/],
  // "Soaking a pad an hour; clots egg-sized or bigger; faint or racing heart | EMERGENCY | AWHONN; NICE"
  ["after-loss", { bleeding: "soaking-pad-an-hour" }, "bleeding-soaking-pad", "emergency", /NICE/],
  ["after-loss", { clotsLargerThanPlum: true }, "clots", "emergency", /AWHONN/],
  ["after-loss", { dizziness: true }, "dizziness", "emergency", /NICE CG37/],
  [
    "after-birth",
    { racingHeartOrFastBreathing: true },
    "racing-heart-or-fast-breathing",
    "emergency",
    /NICE/,
  ],
  // "Painful, red, warm or swollen leg | CALL TODAY (AWHONN) / EMERGENCY (NHS trusts) | app uses EMERGENCY"
  ["after-loss", { calfPainOrSwelling: true }, "calf-pain-or-swelling", "emergency", /Trellis/],
  // "Chest pain, breathlessness, coughing blood, seizure | EMERGENCY | AWHONN; HSE"
  ["after-birth", { chestPain: true }, "chest-pain", "emergency", /AWHONN/],
  ["after-loss", { shortnessOfBreath: true }, "shortness-of-breath", "emergency", /AWHONN/],
  ["after-loss", { coughingBlood: true }, "coughing-blood", "emergency", /HSE/],
  ["after-birth", { seizure: true }, "seizure", "emergency", /AWHONN/],
  // Sepsis signs (NHS trust): confusion, no urine all day
  ["after-birth", { confusion: true }, "confusion", "emergency", /sepsis/],

  // §9 Mental health, at every stage
  // "Sad, tearful, anxious for days | WATCH (offer support lines)"
  ["after-loss", { mood: "low" }, "mood-low", "none", /NHS content on low mood/],
  // "Low mood most days for 2+ weeks; can't cope | CALL TODAY (GP / clinic counsellor)"
  ["stimulation", { mood: "very-low" }, "mood-very-low", "call-clinic", /HSE Ireland/],
  // "Thoughts of self-harm or of not wanting to live | crisis line now"
  ["pregnant", { thoughtsOfSelfHarm: true }, "thoughts-of-self-harm", "emergency", /NHS 111/],
  // "Has self-harmed, has a plan, or thoughts of harming the baby | EMERGENCY" (AWHONN)
  [
    "after-birth",
    { thoughtsOfHarmingOthers: true },
    "thoughts-of-harming-others",
    "emergency",
    /AWHONN/,
  ],

  // No stage: a short general check, at least as cautious as the stage tables
  [null, { bleeding: "heavy" }, "bleeding-heavy", "call-clinic", /default levels/],
  [null, { bleeding: "spotting" }, "bleeding-light", "none", /default levels/],
  [null, { dizziness: true }, "dizziness", "call-clinic", /default levels/],
  [null, { shortnessOfBreath: true }, "shortness-of-breath", "emergency", /default levels/],
];

describe("symptomTriage: one spec per sign and stage (clinical-reference §8, §9)", () => {
  for (const [stage, symptoms, sign, level, source, context] of rows) {
    it(`${stage}: ${JSON.stringify(symptoms)} gives ${sign} at ${level}`, () => {
      const t = symptomTriage({ stage, symptoms, ...context });
      expect(t.stage).toBe(stage);
      expect(t.level).toBe(level);
      const reason = t.reasons.find((r) => r.sign === sign);
      expect(reason, `${sign} in ${t.reasons.map((r) => r.sign)}`).toMatchObject({ sign, level });
      expect(reason!.source.citation).toMatch(source);
      expect(reason!.source.section).toMatch(/^(5|8(\.[1-5])?|9)$/);
    });
  }

  it("has a spec for every sign it can return (the OHSS signs in ohss.test.ts)", () => {
    const covered = new Set<string>([...rows.map(([, , sign]) => sign), ...ohssSigns]);
    expect(triageSigns.filter((s) => !covered.has(s))).toEqual([]);
  });
});

describe("symptomTriage: the stage decides", () => {
  it("the issue's check the day after a 20-week loss, heavy bleeding (soaking a pad) and very low mood: emergency", () => {
    const t = symptomTriage({
      stage: "after-loss",
      pregnancyWeeks: 20,
      symptoms: { bleeding: "soaking-pad-an-hour", mood: "very-low" },
      country: "GB",
    });
    expect(t.level).toBe("emergency");
    expect(t.reasons.map((r) => [r.sign, r.level])).toEqual([
      ["bleeding-soaking-pad", "emergency"],
      ["mood-very-low", "call-clinic"],
    ]);
    expect(t.callOrder).toEqual(["emergency-number", "clinic"]);
    expect(t.emergencyNumber.number).toBe("999");
  });

  it("during stimulation the OHSS rules apply: moderate pain, moderate nausea, some vomiting calls the clinic", () => {
    const t = symptomTriage({
      stage: "stimulation",
      symptoms: { abdominalPain: "moderate", nausea: "moderate", vomiting: "some" },
    });
    expect(t.level).toBe("call-clinic");
    expect(t.callOrder).toEqual(["clinic"]);
    expect(t.source).toMatch(/Mayo Clinic patient guidance on OHSS/);
  });

  it("the same bleeding means different things by stage: light is to watch after retrieval, a call in pregnancy", () => {
    const light: StageSymptoms = { bleeding: "light" };
    expect(symptomTriage({ stage: "after-retrieval", symptoms: light }).level).toBe("none");
    expect(symptomTriage({ stage: "after-transfer", symptoms: light }).level).toBe("none");
    expect(symptomTriage({ stage: "pregnant", symptoms: light }).level).toBe("call-clinic");
    expect(symptomTriage({ stage: "after-loss", symptoms: light }).level).toBe("none");
  });

  it("heavy bleeding in pregnancy: a call before 20 weeks, an emergency from 20 weeks or when the weeks are not known", () => {
    const heavy: StageSymptoms = { bleeding: "heavy" };
    expect(symptomTriage({ stage: "pregnant", symptoms: heavy, pregnancyWeeks: 19 }).level).toBe(
      "call-clinic",
    );
    expect(symptomTriage({ stage: "pregnant", symptoms: heavy, pregnancyWeeks: 20 }).level).toBe(
      "emergency",
    );
    expect(symptomTriage({ stage: "pregnant", symptoms: heavy }).level).toBe("emergency");
  });

  it("after a transfer, bloating counts as late OHSS from day 5; before, it is to watch", () => {
    const bloating: StageSymptoms = { bloating: "mild" };
    const at = (daysSinceTransfer: number) =>
      symptomTriage({ stage: "after-transfer", symptoms: bloating, daysSinceTransfer });
    expect(at(2).reasons.map((r) => [r.sign, r.level])).toEqual([["bloating", "none"]]);
    expect(at(5).reasons.map((r) => [r.sign, r.level])).toEqual([
      ["bloating-after-transfer", "call-clinic"],
    ]);
  });

  it("in the first three weeks of a pregnancy the OHSS rules still apply (late OHSS); later they do not", () => {
    const signs: StageSymptoms = { weightGainKgTotal: 3.5, bloating: "moderate" };
    expect(symptomTriage({ stage: "pregnant", symptoms: signs, daysSinceTransfer: 12 }).level).toBe(
      "call-clinic",
    );
    expect(symptomTriage({ stage: "pregnant", symptoms: signs, daysSinceTransfer: 60 }).level).toBe(
      "none",
    );
  });

  it("dizziness: a call during stimulation and pregnancy, an emergency after a loss or a birth (NICE CG37)", () => {
    const dizzy: StageSymptoms = { dizziness: true };
    expect(symptomTriage({ stage: "stimulation", symptoms: dizzy }).level).toBe("call-clinic");
    expect(symptomTriage({ stage: "pregnant", symptoms: dizzy }).level).toBe("call-clinic");
    expect(symptomTriage({ stage: "after-loss", symptoms: dizzy }).level).toBe("emergency");
    expect(symptomTriage({ stage: "after-birth", symptoms: dizzy }).level).toBe("emergency");
  });

  it("pregnancy signs do not count after a loss: there is no baby to feel move", () => {
    const t = symptomTriage({
      stage: "after-loss",
      symptoms: { reducedMovements: true, fluidLeak: true },
    });
    expect(t).toMatchObject({ level: "none", reasons: [] });
  });

  it("the emergency signs of the default mapping count at every stage, and in the general check", () => {
    for (const stage of [...careStages, null]) {
      for (const symptoms of [
        { fainting: true },
        { seizure: true },
        { confusion: true },
        { chestPain: true },
        { shortnessOfBreath: true },
        { coughingBlood: true },
        { thoughtsOfSelfHarm: true },
        { thoughtsOfHarmingOthers: true },
        { bleeding: "soaking-pad-an-hour" },
        { urine: "almost-none-12h" },
        { abdominalPain: "severe" },
        { calfPainOrSwelling: true },
        { tightAbdomen: true },
      ] as StageSymptoms[]) {
        expect(
          symptomTriage({ stage, symptoms }).level,
          `${stage} ${JSON.stringify(symptoms)}`,
        ).toBe("emergency");
      }
    }
  });

  it("an empty check is nothing to report, at every stage, and still cites its sources", () => {
    for (const stage of [...careStages, null]) {
      const t = symptomTriage({ stage, symptoms: {} });
      expect(t).toMatchObject({ level: "none", reasons: [], callOrder: [] });
      expect(t.source).toMatch(/clinical reference §/);
    }
  });

  it("never throws on nonsense", () => {
    expect(symptomTriage(null as never).level).toBe("none");
    expect(symptomTriage({ stage: "nowhere" as never, symptoms: { fainting: true } }).stage).toBe(
      null,
    );
    expect(
      symptomTriage({
        stage: "pregnant",
        symptoms: { bleeding: "heavy" },
        pregnancyWeeks: Number.NaN,
      }).level,
    ).toBe("emergency");
  });
});

describe("symptomTriage: who to call first (clinical-reference §9)", () => {
  it("thoughts of self-harm are always an emergency, with the country's crisis line first, then the emergency number", () => {
    for (const stage of [...careStages, null]) {
      const t = symptomTriage({ stage, symptoms: { thoughtsOfSelfHarm: true }, country: "US" });
      expect(t.level).toBe("emergency");
      expect(t.callOrder).toEqual(["crisis-line", "emergency-number", "clinic"]);
      expect(t.crisisLines[0]).toMatchObject({
        service: "988 Suicide & Crisis Lifeline",
        tel: "988",
      });
      expect(t.emergencyNumber.number).toBe("911");
    }
  });

  it("with another emergency sign beside thoughts of self-harm, the emergency number comes first, then the crisis line", () => {
    const t = symptomTriage({
      stage: "after-birth",
      symptoms: { thoughtsOfSelfHarm: true, chestPain: true },
      country: "GB",
    });
    expect(t.callOrder).toEqual(["emergency-number", "crisis-line", "clinic"]);
  });

  it("where Trellis knows no crisis line, the emergency number is first (112 when the country is not known)", () => {
    const t = symptomTriage({ stage: null, symptoms: { thoughtsOfSelfHarm: true }, country: "FR" });
    expect(t.callOrder).toEqual(["emergency-number", "clinic"]);
    expect(t.crisisLines).toEqual([]);
    expect(t.emergencyNumber).toMatchObject({ number: "112", fallback: true });
  });

  it("a call-clinic answer calls the clinic; nothing to report calls nobody", () => {
    expect(symptomTriage({ stage: null, symptoms: { bleeding: "heavy" } }).callOrder).toEqual([
      "clinic",
    ]);
    expect(symptomTriage({ stage: null, symptoms: { mood: "low" } }).callOrder).toEqual([]);
  });
});

describe("crisis lines and emergency numbers (clinical-reference §8, §9)", () => {
  it.each([
    ["GB", "999"],
    ["US", "911"],
    ["CA", "911"],
    ["AU", "000"],
    ["IE", "112"],
  ])("the emergency number in %s is %s", (country, number) => {
    expect(emergencyNumberFor(country)).toMatchObject({ number, fallback: false });
  });

  it("Ireland's 999 works beside 112; an unknown or missing country falls back to 112", () => {
    expect(emergencyNumberFor("IE").alsoWorks).toEqual(["999"]);
    expect(emergencyNumberFor(null)).toMatchObject({
      number: "112",
      fallback: true,
      country: null,
    });
    expect(emergencyNumberFor("JP")).toMatchObject({ number: "112", fallback: true });
  });

  it("lists §9's crisis lines by country, crisis lines before the support lines that say they are not one", () => {
    expect(crisisLinesFor("GB").map((l) => l.contact)).toEqual([
      "116 123",
      "111, then the mental health option",
    ]);
    expect(crisisLinesFor("IE").map((l) => l.service)).toEqual(["Samaritans", "Pieta"]);
    expect(crisisLinesFor("US").map((l) => [l.service, l.crisis])).toEqual([
      ["988 Suicide & Crisis Lifeline", true],
      ["National Maternal Mental Health Hotline", false],
    ]);
    expect(crisisLinesFor("CA").map((l) => l.tel)).toEqual(["988"]);
    expect(crisisLinesFor("AU").map((l) => [l.contact, l.crisis])).toEqual([
      ["13 11 14", true],
      ["1800 882 436", false],
    ]);
  });

  it("leaves out New Zealand's unverified line rather than ship it (§9)", () => {
    expect(crisisLinesFor("NZ")).toEqual([]);
  });

  it("gives every line a tag, a source and digits to dial", () => {
    for (const country of ["GB", "IE", "US", "CA", "AU"]) {
      for (const l of crisisLinesFor(country)) {
        expect(["checked", "secondary"]).toContain(l.tag);
        expect(l.source).toMatch(/clinical reference §9/);
        expect(l.tel).toMatch(/^\d+$/);
      }
    }
    expect(crisisLinesFor("IE")[1]!.text).toEqual({ number: "51444", body: "HELP" });
  });
});

// Each field's answers from least to most worrying; `undefined` (unanswered) is lowest.
const ladders = {
  bloating: ["none", "mild", "moderate", "severe"],
  bloatingTrend: ["better", "same", "worse"],
  abdominalPain: ["none", "mild", "moderate", "severe"],
  painTrend: ["better", "same", "worse"],
  nausea: ["none", "mild", "moderate", "severe"],
  vomiting: ["none", "some", "cannot-keep-down"],
  urine: ["normal", "less", "much-less", "almost-none-12h"],
  bleeding: ["none", "spotting", "light", "heavy", "soaking-pad-an-hour"],
  mood: ["ok", "low", "very-low"],
} as const;
const flags = [
  "diarrhoea",
  "shortnessOfBreath",
  "chestPain",
  "calfPainOrSwelling",
  "fainting",
  "fever",
  "tightAbdomen",
  "waistGrowing",
  "racingHeartOrFastBreathing",
  "dizziness",
  "clotsLargerThanPlum",
  "oneSidedPain",
  "shoulderTipPain",
  "foulDischarge",
  "severeHeadache",
  "visionChanges",
  "suddenSwelling",
  "reducedMovements",
  "fluidLeak",
  "thoughtsOfSelfHarm",
  "thoughtsOfHarmingOthers",
  "confusion",
  "seizure",
  "coughingBlood",
  "woundProblem",
] as const;
const answerArbs: Record<string, fc.Arbitrary<unknown>> = {
  ...Object.fromEntries(
    Object.entries(ladders).map(([k, v]) => [k, fc.constantFrom(...(v as readonly string[]))]),
  ),
  ...Object.fromEntries(flags.map((k) => [k, fc.boolean()])),
  weightGainKgLastDay: fc.double({ min: -10, max: 10, noNaN: true }),
  weightGainKgTotal: fc.double({ min: -30, max: 30, noNaN: true }),
};
/**
 * Check-ins as people fill them in: mostly a few answers (where a lowered
 * level would show), sometimes many (where one emergency sign hides the rest).
 */
const symptomsArb: fc.Arbitrary<StageSymptoms> = fc.oneof(
  fc
    .uniqueArray(fc.constantFrom(...Object.keys(answerArbs)), { maxLength: 4 })
    .chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, answerArbs[k]!])))),
  fc.record(answerArbs, { requiredKeys: [] }),
) as fc.Arbitrary<StageSymptoms>;
/** Every stage, with weeks on both sides of 12, 20 and 24 and days on both sides of 5 and 21. */
const contextArb: fc.Arbitrary<StageContext> = fc.record({
  stage: fc.constantFrom(...careStages, null),
  pregnancyWeeks: fc.option(fc.integer({ min: 0, max: 44 })),
  daysSinceTransfer: fc.option(fc.integer({ min: 0, max: 40 })),
});

/** Field by field, the more worrying of two check-ins. */
function worst(a: StageSymptoms, b: StageSymptoms): StageSymptoms {
  const out: Record<string, unknown> = { ...a };
  const get = (s: StageSymptoms, k: string) => (s as Record<string, unknown>)[k];
  for (const [k, ladder] of Object.entries(ladders)) {
    const pos = (s: StageSymptoms) => (ladder as readonly unknown[]).indexOf(get(s, k));
    if (pos(b) > pos(a)) out[k] = get(b, k);
  }
  for (const k of flags) if (b[k] === true) out[k] = true;
  for (const k of ["weightGainKgLastDay", "weightGainKgTotal"] as const) {
    const bv = b[k];
    const av = a[k];
    if (bv !== undefined && (av === undefined || bv > av)) out[k] = bv;
  }
  return out as StageSymptoms;
}

describe("symptomTriage: properties", () => {
  it("adding a sign, or answering one as worse, never lowers the level, at any stage", () => {
    fc.assert(
      fc.property(contextArb, symptomsArb, symptomsArb, (context, a, b) => {
        const level = (symptoms: StageSymptoms) =>
          rank[symptomTriage({ ...context, symptoms }).level];
        const before = level(a);
        expect(level(worst(a, b))).toBeGreaterThanOrEqual(before);
        // Answering a question that was unanswered: b's answers only where a has none.
        expect(level({ ...b, ...a })).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it("raising any one answer one step, or more, never lowers the level, at any stage (every field, every step)", () => {
    const steps = (k: string): unknown[] =>
      k in ladders
        ? [...ladders[k as keyof typeof ladders]]
        : k.startsWith("weightGain")
          ? [-2, 0, 0.9, 1, 2.9, 3, 8]
          : [false, true];
    fc.assert(
      fc.property(contextArb, symptomsArb, (context, a) => {
        const level = (symptoms: StageSymptoms) =>
          rank[symptomTriage({ ...context, symptoms }).level];
        for (const k of Object.keys(answerArbs)) {
          const values = steps(k);
          const current = (a as Record<string, unknown>)[k];
          let previous = level(a);
          for (const v of values) {
            if (current !== undefined && values.indexOf(v) <= values.indexOf(current)) continue;
            if (typeof v === "number" && typeof current === "number" && v <= current) continue;
            const now = level({ ...a, [k]: v });
            expect(now, `${k}: -> ${String(v)}`).toBeGreaterThanOrEqual(previous);
            previous = now;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("during stimulation and after retrieval it is never below ohssTriage", () => {
    fc.assert(
      fc.property(symptomsArb, fc.constantFrom("stimulation", "after-retrieval"), (s, stage) => {
        const stageLevel = rank[symptomTriage({ stage: stage as CareStage, symptoms: s }).level];
        expect(stageLevel).toBeGreaterThanOrEqual(rank[ohssTriage(s).level]);
      }),
    );
  });

  it("the level is always the most urgent reason's, each sign appears once, and an emergency always has an emergency number to call first or second", () => {
    fc.assert(
      fc.property(contextArb, symptomsArb, (context, symptoms) => {
        const t = symptomTriage({ ...context, symptoms, country: "GB" });
        expect(rank[t.level]).toBe(Math.max(0, ...t.reasons.map((r) => rank[r.level])));
        expect(new Set(t.reasons.map((r) => r.sign)).size).toBe(t.reasons.length);
        if (t.level === "emergency") expect(t.callOrder.slice(0, 2)).toContain("emergency-number");
      }),
    );
  });

  it("thoughts of self-harm make any check an emergency", () => {
    fc.assert(
      fc.property(contextArb, symptomsArb, (context, symptoms) => {
        const t = symptomTriage({
          ...context,
          symptoms: { ...symptoms, thoughtsOfSelfHarm: true },
        });
        expect(t.level).toBe("emergency");
      }),
    );
  });
});

describe("parseStageSymptoms", () => {
  it("accepts the new fields and drops unanswered (null) questions", () => {
    expect(
      parseStageSymptoms({
        bleeding: "soaking-pad-an-hour",
        mood: "very-low",
        thoughtsOfSelfHarm: true,
        reducedMovements: null,
      }),
    ).toEqual({
      ok: true,
      value: { bleeding: "soaking-pad-an-hour", mood: "very-low", thoughtsOfSelfHarm: true },
    });
  });

  it.each([
    [
      { bleeding: "a lot" },
      "bleeding",
      "not-one-of",
      { allowed: "none, spotting, light, heavy, soaking-pad-an-hour" },
    ],
    [{ mood: 2 }, "mood", "not-one-of", { allowed: "ok, low, very-low" }],
    [{ thoughtsOfSelfHarm: "yes" }, "thoughtsOfSelfHarm", "wrong-kind", { expected: "boolean" }],
    [{ clotsLargerThanPlum: 1 }, "clotsLargerThanPlum", "wrong-kind", { expected: "boolean" }],
  ])("refuses %o, naming %s", (raw, field, reason, params) => {
    const r = parseStageSymptoms(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ reason, field, params });
  });

  it("refuses a symptom it does not know", () => {
    expect(parseStageSymptoms({ reducedMovement: true })).toMatchObject({
      ok: false,
      error: { reason: "unknown-symptom", field: "reducedMovement" },
    });
  });

  it("accepts anything triage can read, and triage agrees on what it parsed", () => {
    fc.assert(
      fc.property(contextArb, symptomsArb, (context, s) => {
        const r = parseStageSymptoms(s);
        expect(r.ok).toBe(true);
        if (r.ok)
          expect(symptomTriage({ ...context, symptoms: r.value })).toEqual(
            symptomTriage({ ...context, symptoms: s }),
          );
      }),
    );
  });
});
