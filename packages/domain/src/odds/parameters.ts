/**
 * Every number the odds engine uses, with where it comes from. The model reads
 * only from here. Clinical figures come from `shared/reference/clinical.md`;
 * each keeps that file's tag:
 *
 * - `checked`: read against the primary abstract, table or label;
 * - `secondary`: read from a source that quotes the primary;
 * - `unverified`: typical practice, recalled, or a modelling choice of ours.
 *   Screens show these as "typical", never as a fact about the person.
 *
 * Ranges (`low80`/`high80`) are 80% ranges for the parameter itself, used to
 * draw parameter sets; where a source gives no range, the range is ours and the
 * parameter says so in `spreadTag`.
 *
 * Held-out figures used only to check the model live in `heldout.ts`, never
 * here: a figure that sets a parameter cannot also validate it.
 */

/** How sure we are of where a figure was read. */
export type EvidenceTag = "checked" | "secondary" | "unverified";

/** A source as a screen shows it, one tap away from a number. */
export interface Source {
  readonly id: SourceId;
  readonly citation: string;
  readonly tag: EvidenceTag;
}

/** What a probability or count is out of. Never mix them in one calculation. */
export type Denominator =
  | "per transfer"
  | "per embryo in the bank"
  | "from this bank"
  | "per retrieval"
  | "from the bank and the planned retrievals"
  | "per egg retrieved"
  | "per mature egg"
  | "per fertilized egg (2PN)"
  | "per biopsied blastocyst"
  | "per mature egg frozen"
  | "from these eggs";

export const sources = {
  franasiak2014: {
    id: "franasiak2014",
    citation:
      "Franasiak et al. 2014, Fertil Steril 101(3):656-663: euploidy of 15,169 trophectoderm biopsies by age (per-year values read from the bar chart)",
    tag: "secondary",
  },
  su2016: {
    id: "su2016",
    citation: "Su et al. 2016, Reprod Biol Endocrinol 14:20: day-7 blastocysts 36.7% euploid",
    tag: "checked",
  },
  sunkara2011: {
    id: "sunkara2011",
    citation:
      "Sunkara et al. 2011, Hum Reprod 26:1768: eggs retrieved per cycle, median 9 (IQR 6-13), 400,135 UK cycles",
    tag: "checked",
  },
  reichman2014: {
    id: "reichman2014",
    citation:
      "Reichman et al. 2014, Fertil Steril 101:1034 (as quoted): mean eggs retrieved by AMH band, women under 35",
    tag: "unverified",
  },
  romanski2022: {
    id: "romanski2022",
    citation:
      "Romanski et al. 2022, Reprod Biomed Online 45:432: per-person medians in 3,362 freeze-all cycles (mature 81.8%, 2PN 81.8%, blastocyst 66.7% up to 40, lower after)",
    tag: "checked",
  },
  vienna2017: {
    id: "vienna2017",
    citation:
      "ESHRE Vienna consensus 2017 (as quoted): lab competence and benchmark values for fertilization, blastocyst development and thaw survival",
    tag: "secondary",
  },
  star2019: {
    id: "star2019",
    citation:
      "Munné et al. 2019 (STAR trial), Fertil Steril 112:1071: about 50% ongoing pregnancy per euploid single transfer",
    tag: "checked",
  },
  naturalFet2021: {
    id: "naturalFet2021",
    citation: "Natural-cycle frozen euploid transfer cohort (PMC7822991): 60.9% live birth",
    tag: "checked",
  },
  euploidRange: {
    id: "euploidRange",
    citation:
      "Published live birth per euploid single blastocyst transfer: 50-60% (literature range)",
    tag: "secondary",
  },
  reig2020: {
    id: "reig2020",
    citation:
      "Reig et al. 2020, J Assist Reprod Genet 37:595: after euploid transfer, implantation odds ratio vs under 35 is 0.85 at 38-40 and 0.69 at 41+ (8,175 transfers)",
    tag: "checked",
  },
  icmGrade2019: {
    id: "icmGrade2019",
    citation:
      "Reprod Biomed Online 2019 (PMID 30579820): live birth 55.6% with inner cell mass A vs 32.3% with C, 2,236 euploid frozen transfers",
    tag: "checked",
  },
  boynukalin2020: {
    id: "boynukalin2020",
    citation:
      "Boynukalin et al. 2020: trophectoderm A vs C odds ratio 1.6; biopsy on day 6 vs day 5 odds ratio 0.34",
    tag: "checked",
  },
  oocyteSurvival: {
    id: "oocyteSurvival",
    citation: "Egg survival after thawing about 90% (typical; depends on the clinic)",
    tag: "unverified",
  },
  roberts2012: {
    id: "roberts2012",
    citation:
      "Roberts & Stylianou 2012, Hum Reprod 27:436 (abstract, read on a secondary page; not yet in clinical.md): outcomes within one person are correlated, median odds ratio 2.3 (95% CI 1.8-2.9) between two people",
    tag: "unverified",
  },
  trellisModel: {
    id: "trellisModel",
    citation:
      "Trellis modelling assumption where our clinical reference has no figure (explained in the odds README)",
    tag: "unverified",
  },
} as const satisfies Record<string, { id: string; citation: string; tag: EvidenceTag }>;

export type SourceId = keyof typeof sources;

/** A single number with an 80% range, on a scale where a normal is a fair shape. */
export interface Spread {
  readonly central: number;
  readonly low80: number;
  readonly high80: number;
  /** `logit` for probabilities, `log` for ratios and counts, `linear` otherwise. */
  readonly scale: "logit" | "log" | "linear";
}

interface ParameterBase {
  /** What it is, in words a person could read. */
  readonly what: string;
  readonly denominator?: Denominator;
  readonly sources: readonly SourceId[];
  /** Tag of the figure itself (the weakest of its sources). */
  readonly tag: EvidenceTag;
  /** Tag of the 80% range, when the range is ours rather than the source's. */
  readonly spreadTag?: EvidenceTag;
  /** Why this value, when it is not simply read from the source. */
  readonly why?: string;
}

export interface SpreadParameter extends ParameterBase {
  readonly value: Spread;
}

/**
 * Euploid share of biopsied blastocysts by age at egg retrieval (Franasiak
 * 2014 bar reading). Age 25 reads 0.56 on the chart, inconsistent with the
 * abstract; clinical.md says to treat it as about 0.74. The model uses a smooth
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
  /** From 45 on, the raw bar is noisy: clinical.md says to clamp at about 0.10. */
  clampFromAge: 45,
  clampValue: 0.1,
  /** Whittaker smoother (second differences) on the log-odds scale. */
  smoothing: 10,
  /** Uncertainty of the whole curve, as a shift on the log-odds scale (80% range). */
  shift80: 0.2,
  spreadTag: "unverified",
  why: "The bar reading is secondary and labs differ (newer platforms move some embryos to 'mosaic'); a shift of ±0.2 on the log-odds scale is about ±4-5 points near the peak.",
} as const satisfies ParameterBase & Record<string, unknown>;

export const parameters = {
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
    value: { central: 0.9, low80: 0.85, high80: 0.94, scale: "logit" },
    sources: ["oocyteSurvival"],
    tag: "unverified",
  },
  personEffect: {
    what: "Spread between people of the chance per transfer (standard deviation on the log-odds scale)",
    value: { central: 0.87, low80: 0.7, high80: 1.04, scale: "linear" },
    sources: ["roberts2012", "trellisModel"],
    tag: "unverified",
    why: "A median odds ratio of 2.3 between two people (95% CI 1.8-2.9) is a standard deviation of ln(2.3)/(√2·0.674) = 0.87 (0.62-1.12). Not in clinical.md yet, so tagged unverified.",
  },
  eggsPerRetrieval: {
    what: "Eggs retrieved per retrieval at age 35 without AMH: mean of a negative binomial",
    denominator: "per retrieval",
    value: { central: 9.9, low80: 8.5, high80: 11.5, scale: "log" },
    /** Gamma shape between people (negative binomial size), fitted with the mean. */
    shape: 5.1,
    /** Age the UK median is taken to describe (our assumption). */
    referenceAge: 35,
    sources: ["sunkara2011"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Mean 9.9 and shape 5.1 reproduce median 9 and quartiles 6 and 13. The range allows for clinics and countries that stimulate differently.",
  },
  eggsAgeSlope: {
    what: "Change in eggs retrieved per year of age (log scale): after 35 (shown) and before 35",
    value: { central: -0.07, low80: -0.095, high80: -0.045, scale: "linear" },
    beforeReference: { central: -0.02, low80: -0.035, high80: -0.005, scale: "linear" },
    sources: ["sunkara2011", "trellisModel"],
    tag: "unverified",
    why: "clinical.md says yield falls with age but gives no per-age figure. We assume about 7% fewer eggs per year after 35 and 2% before (so about 40% fewer at 42 than at 30), with a wide range. This is the model's least supported number.",
  },
  eggsByAmh: {
    what: "Mean eggs retrieved by AMH band (ng/mL), women under 35",
    denominator: "per retrieval",
    bands: [
      { low: 0.3, high: 0.7, mean: 8.6 },
      { low: 0.7, high: 1.0, mean: 11.2 },
      { low: 1.0, high: 2.0, mean: 13.4 },
      { low: 2.0, high: 4.0, mean: 15.3 },
    ],
    /** Age the band means are taken to describe (our assumption for "under 35"). */
    referenceAge: 32,
    /** Below 0.3 ng/mL there is no figure: we continue the first band's trend down to this floor. */
    floorMean: 1,
    value: { central: 1, low80: 0.87, high80: 1.15, scale: "log" },
    sources: ["reichman2014", "trellisModel"],
    tag: "unverified",
    why: "Means within bands, placed at each band's geometric middle and joined on log(AMH). Above 4 we keep 15.3; below 0.3 we extend the trend (no figure). `value` is a multiplier for the uncertainty of the whole table.",
  },
  matureRate: {
    what: "Mature (MII) eggs out of eggs retrieved",
    denominator: "per egg retrieved",
    value: { central: 0.78, low80: 0.74, high80: 0.82, scale: "logit" },
    sources: ["romanski2022", "trellisModel"],
    tag: "checked",
    spreadTag: "unverified",
    why: "81.8% is a per-person median in a good-prognosis group and clinical.md notes pooled means run lower; with no lower anchor, we centre a few points below it.",
  },
  fertilizationRate: {
    what: "Normally fertilized (2PN) out of mature eggs",
    denominator: "per mature egg",
    value: { central: 0.73, low80: 0.66, high80: 0.8, scale: "logit" },
    sources: ["romanski2022", "vienna2017"],
    tag: "checked",
    spreadTag: "secondary",
    why: "Between the Vienna competence value (65%) and the good-prognosis median (81.8%), because pooled means run lower than that median.",
  },
  blastocystRate: {
    what: "Blastocysts out of fertilized (2PN) eggs, up to age 40",
    denominator: "per fertilized egg (2PN)",
    value: { central: 0.53, low80: 0.44, high80: 0.62, scale: "logit" },
    /**
     * Romanski's drop after 40, in points from 66.7%: -5 at 41, -10 at 42, -8 at
     * 43, -21 at 44+. We use it as a ratio, and pool 42 and 43 so that the rate
     * never rises with age.
     */
    dropAfter40: [
      [41, 5],
      [42, 10],
      [43, 8],
      [44, 21],
    ] as const,
    referenceRate: 0.667,
    sources: ["romanski2022", "vienna2017"],
    tag: "checked",
    spreadTag: "secondary",
    why: "Between the Vienna competence value (40%) and the good-prognosis median (66.7%), for the same reason as fertilization.",
  },
  personRateStrength: {
    what: "How much lab rates differ between people: strength of the Beta prior, in embryos",
    strength: 20,
    sources: ["trellisModel"],
    tag: "unverified",
    why: "A prior worth 20 eggs or embryos lets a person's own funnel count after one or two retrievals without one unlucky cycle taking over. Between people, it spreads a 73% fertilization rate over about 60-85%.",
  },
} as const satisfies Record<string, ParameterBase & Record<string, unknown>>;

export type ParameterId = keyof typeof parameters;

/** The 80% range level used everywhere. */
export const RANGE_LEVEL = 0.8;

/** The tail probability on each side of an 80% range. */
export const RANGE_TAIL = (1 - RANGE_LEVEL) / 2;
