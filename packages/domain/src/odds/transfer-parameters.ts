import type { ParameterBase } from "./parameter-shape.ts";

/**
 * The parameters of one embryo and its transfer: how often a blastocyst is
 * euploid by age and day, live birth per euploid transfer by grade, day and
 * age, mosaic embryos, thaw survival of embryos and eggs, and how much the
 * chance per transfer differs between people. Read through `parameters.ts`.
 */

/**
 * Euploid share of biopsied blastocysts by age at egg retrieval (Franasiak
 * 2014 bar reading). Age 25 reads 0.56 on the chart, inconsistent with the
 * abstract; the clinical reference says to treat it as about 0.74. The model uses a smooth
 * curve through these points (`curves.ts`), never the raw bars.
 */
export const euploidyTable = {
  what: "Share of biopsied blastocysts that are euploid, by age at egg retrieval",
  denominator: "per biopsied blastocyst",
  sources: ["franasiak2014"],
  tag: "secondary",
  points: [
    [22, 0.56],
    [23, 0.59],
    [24, 0.72],
    [25, 0.74],
    [26, 0.75],
    [27, 0.73],
    [28, 0.77],
    [29, 0.79],
    [30, 0.77],
    [31, 0.69],
    [32, 0.69],
    [33, 0.69],
    [34, 0.69],
    [35, 0.66],
    [36, 0.65],
    [37, 0.57],
    [38, 0.52],
    [39, 0.47],
    [40, 0.42],
    [41, 0.31],
    [42, 0.25],
    [43, 0.17],
    [44, 0.12],
  ] as const,
  /** From 45 on, the raw bar is noisy: the clinical reference says to clamp at about 0.10. */
  clampFromAge: 45,
  clampValue: 0.1,
  /** Whittaker smoother (second differences) on the log-odds scale. */
  smoothing: 10,
  /** Uncertainty of the whole curve, as a shift on the log-odds scale (80% range). */
  shift80: 0.2,
  spreadTag: "unverified",
  why: "The bar reading is secondary and labs differ (newer platforms move some embryos to 'mosaic'); a shift of ±0.2 on the log-odds scale is about ±4-5 points near the peak.",
} as const satisfies ParameterBase & Record<string, unknown>;

export const transferParameters = {
  day7Euploidy: {
    what: "Share of day-7 blastocysts that are euploid (all ages)",
    denominator: "per biopsied blastocyst",
    value: { central: 0.367, low80: 0.32, high80: 0.42, scale: "logit" },
    sources: ["su2016"],
    tag: "checked",
    spreadTag: "unverified",
    why: "The study gives no age breakdown, so a day-7 embryo gets the lower of this and its age curve.",
  },
  euploidLiveBirth: {
    what: "Live birth after transferring one euploid blastocyst (grade not given, day 5, age under 35)",
    denominator: "per transfer",
    value: { central: 0.55, low80: 0.5, high80: 0.6, scale: "logit" },
    sources: ["euploidRange", "star2019", "naturalFet2021"],
    tag: "secondary",
    why: "The literature range 50-60% (STAR about 50% ongoing, a natural-cycle cohort 60.9%) read as an 80% range around 55%. These cohorts were mostly day-5 transfers, so the figure also stands for embryos not made yet.",
  },
  icmLiveBirth: {
    what: "Live birth after one euploid transfer by inner cell mass grade (A, B, C)",
    denominator: "per transfer",
    /** ICM A and C as published; B sits halfway on the log-odds scale (our interpolation). */
    icmA: 0.556,
    icmC: 0.323,
    sources: ["icmGrade2019", "trellisModel"],
    tag: "checked",
    spreadTag: "unverified",
    why: "A and C are the published levels; B is halfway on the log-odds scale (no figure). They have no range of their own: they move with the euploid live-birth range when drawing parameters.",
  },
  trophectodermOddsRatio: {
    what: "Odds ratio for live birth, trophectoderm A vs C (B in the middle)",
    value: { central: 1.6, low80: 1.3, high80: 2.0, scale: "log" },
    sources: ["boynukalin2020"],
    tag: "checked",
    spreadTag: "unverified",
  },
  day6OddsRatio: {
    what: "Odds ratio for live birth, euploid blastocyst biopsied on day 6 vs day 5",
    value: { central: 0.34, low80: 0.25, high80: 0.46, scale: "log" },
    sources: ["boynukalin2020"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Day 7 has no figure in our reference; a day-7 embryo gets the day-6 odds ratio, which may flatter it.",
  },
  ageAtTransferOddsRatio: {
    what: "Odds ratio for live birth after a euploid transfer by age, vs under 35 (38-40 shown; 41+ and 35-37 below)",
    value: { central: 0.85, low80: 0.78, high80: 0.93, scale: "log" },
    /** 41 and over; moves with the 38-40 value (same draw). */
    over41: { central: 0.69, low80: 0.6, high80: 0.79, scale: "log" },
    /** 35-37 has no figure: the geometric middle of 1 and the 38-40 value. */
    band35to37: "geometric-midpoint",
    sources: ["reig2020", "trellisModel"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Reig reports odds ratios on implantation; once implanted, progression to birth did not differ by age. Applying them to live-birth odds is slightly more cautious. The study could not separate the egg's age from the age at transfer, so we apply them to the age at transfer (the older of the two).",
  },
  mosaicRelative: {
    what: "Chance of a mosaic embryo relative to a euploid one of the same grade and day",
    denominator: "per transfer",
    value: { central: 0.75, low80: 0.6, high80: 0.9, scale: "linear" },
    sources: ["trellisModel"],
    tag: "unverified",
    why: "No figure in our reference. Three quarters of the euploid chance puts a mosaic embryo between an untested embryo and a euploid one, nearer the untested end: cautious on purpose.",
  },
  blastocystThawSurvival: {
    what: "Frozen blastocyst surviving the thaw",
    denominator: "per embryo in the bank",
    value: { central: 0.95, low80: 0.91, high80: 0.99, scale: "logit" },
    sources: ["vienna2017"],
    tag: "secondary",
    why: "Vienna consensus: competence 90% or more, benchmark 99% or more; we take the middle.",
  },
  oocyteThawSurvival: {
    what: "Frozen mature egg surviving the thaw",
    denominator: "per mature egg frozen",
    value: { central: 0.85, low80: 0.81, high80: 0.88, scale: "logit" },
    sources: ["oocyteSurvival", "porcu2022"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Cobo 2016 (elective egg freezing, vitrification): 85.2% (95% CI 83.2-87.2). Porcu 2022 (cancer patients, slow freezing mixed in): 80%. We centre on Cobo, whose population and method match egg freezing today, and let the range reach down toward Porcu. Cobo's live-birth figures are held out for validation; its survival is a different, step-level figure (docs/odds-validation.md says so). Replaces the earlier unverified 90%.",
  },
  personEffect: {
    what: "Spread between people of the chance per transfer (standard deviation on the log-odds scale)",
    value: { central: 0.87, low80: 0.7, high80: 1.04, scale: "linear" },
    sources: ["roberts2012", "trellisModel"],
    tag: "unverified",
    why: "A median odds ratio of 2.3 between two people (95% CI 1.8-2.9) is a standard deviation of ln(2.3)/(√2·0.674) = 0.87 (0.62-1.12). Read on a secondary page only (clinical reference §3), so tagged unverified.",
  },
} as const satisfies Record<string, ParameterBase & Record<string, unknown>>;
