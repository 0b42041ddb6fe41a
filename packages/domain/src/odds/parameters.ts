/**
 * Every number the odds engine uses, with where it comes from. The model reads
 * only from here. Clinical figures come from `docs/clinical-reference.md`;
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
 * The step-level figures added for issue 10 (cancellation, day 5/6/7,
 * blastocyst formation by age, egg survival, stopping, losses after a
 * heartbeat) are in docs/clinical-reference.md §10a-§10g.
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
  | "per started cycle"
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
    citation:
      "Cobo et al. 2016, Fertil Steril 105:755: 85.2% (95% CI 83.2-87.2) of vitrified eggs survived warming, elective egg freezing (survival only; the same paper's live-birth figures are held out to check the model)",
    tag: "checked",
  },
  porcu2022: {
    id: "porcu2022",
    citation:
      "Porcu et al. 2022, Cancers: 157 of 194 frozen eggs survived (80%), cancer patients, slow freezing and vitrification mixed",
    tag: "checked",
  },
  cdc2002: {
    id: "cdc2002",
    citation:
      "CDC ART report 2002 (US): 85,826 fresh own-egg cycles started, 74,519 retrievals, so 13.2% stopped before retrieval; 84.6% of those for no or too few eggs growing, 10.2% withdrawal, 4.3% over-response, 0.9% illness",
    tag: "checked",
  },
  cdc2011: {
    id: "cdc2011",
    citation:
      "CDC ART report 2011 (US): 10,304 of 101,213 fresh own-egg cycles (about 10%) cancelled before retrieval; cycles started by age 42,059 under 35, 20,963 at 35-37, 21,128 at 38-40, 10,733 at 41-42, 4,744 at 43-44, 1,586 over 44",
    tag: "checked",
  },
  barritt2012: {
    id: "barritt2012",
    citation:
      "Barritt et al. 2012, Open J Obstet Gynecol: 10% of egg-freezing cycles cancelled after stimulation began; those cancelled had higher day-3 FSH and lower antral follicle counts",
    tag: "checked",
  },
  day7Euploidy2019: {
    id: "day7Euploidy2019",
    citation:
      "PMID 30614486 (1,925 blastocysts, 402 PGT-A cycles, NGS): day-7 blastocysts 6.6% of all; euploid 53.5% on day 5, 40.4% on day 6, 35.9% on day 7",
    tag: "checked",
  },
  jarg2022: {
    id: "jarg2022",
    citation:
      "J Assist Reprod Genet 2022, doi 10.1007/s10815-021-02380-1: 678 day-5 and 424 day-6 euploid single frozen transfers; clinical pregnancy with heartbeat 57.8% vs 49.8%, odds ratio 0.72 (0.53-0.96); miscarriage 12.5% vs 11.4%",
    tag: "checked",
  },
  fet2010: {
    id: "fet2010",
    citation:
      "Hum Reprod 2010;25:1906 (meta-analysis, 2,502 frozen transfers): ongoing pregnancy or live birth RR 1.15 (1.01-1.30) for day 5 over day 6; 1.08 (0.92-1.27) when the blastocysts were at the same stage",
    tag: "checked",
  },
  blastocystAge1999: {
    id: "blastocystAge1999",
    citation:
      "Fertil Steril 1999;71:1144 (293 cycles, 3,115 zygotes): blastocysts per fertilized egg 22.2% at 40 and over vs 40.5% under 40",
    tag: "checked",
  },
  blastocystAge2015: {
    id: "blastocystAge2015",
    citation:
      "Syst Biol Reprod Med 2015;61:50 (471 cycles): blastocyst formation not significantly different under 35, 35-39 and over 39 (trend downward)",
    tag: "checked",
  },
  gameiro2013: {
    id: "gameiro2013",
    citation:
      "Gameiro et al. 2013, Hum Reprod Update 19:124 (10 studies, 14,810 patients): 81.8% (73.3-88.1) went on after a first failed cycle, 75.3% (68.2-81.2) after a second",
    tag: "checked",
  },
  dodge2016: {
    id: "dodge2016",
    citation:
      "Dodge et al. 2016, J Assist Reprod Genet 34:209 (11,361 insured women): stopping per cycle similar under 40 and 6-7 points higher at 40-42",
    tag: "checked",
  },
  roberts2012: {
    id: "roberts2012",
    citation:
      "Roberts & Stylianou 2012, Hum Reprod 27:436 (abstract, read on a secondary page; clinical reference §3): outcomes within one person are correlated, median odds ratio 2.3 (95% CI 1.8-2.9) between two people",
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
    why: "The clinical reference says yield falls with age but gives no per-age figure. We assume about 7% fewer eggs per year after 35 and 2% before (so about 40% fewer at 42 than at 30), with a wide range. This is the model's least supported number.",
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
    why: "81.8% is a per-person median in a good-prognosis group and the clinical reference notes pooled means run lower; with no lower anchor, we centre a few points below it.",
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
  blastocystAgeDecline: {
    what: "Extra fall in blastocysts per fertilized egg for each year of age from 35 (log scale), on top of the drop after 40",
    value: { central: -0.015, low80: -0.035, high80: 0.005, scale: "linear" },
    fromAge: 35,
    sources: ["blastocystAge1999", "blastocystAge2015", "romanski2022", "trellisModel"],
    tag: "unverified",
    why: "The sources disagree on where the decline starts: Romanski's medians are flat to 40, a 2015 series found no significant change (trend downward), a 1999 series found 22.2% at 40 and over against 40.5% below (a ratio of 0.55, with older culture methods). We keep Romanski as the base and add a gentle fall of 1.5% a year from 35 (0 to 3.5%), about 7% lower at 40 and 12% at 43 before Romanski's own drop. A rise is never drawn (clamped at 0). Our assumption.",
  },
  blastocystDays: {
    what: "Day-5 blastocysts as a share of day-5 and day-6 ones (shown), and day-7 blastocysts as a share of all",
    value: { central: 0.55, low80: 0.47, high80: 0.63, scale: "logit" },
    day7: { central: 0.07, low80: 0.055, high80: 0.09, scale: "logit" },
    sources: ["day7Euploidy2019", "su2016", "jarg2022"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Day 7: 6.6% (PMID 30614486) and 7.7% (Su 2016). Day 5 against day 6 has no count of all blastocysts in our sources; derived from the 678 day-5 and 424 day-6 euploid transfers of JARG 2022 divided by the euploid share on each day (53.5% and 40.4%): 0.547. That assumes euploid embryos are transferred in the proportion they are made, so the range is wide. No age trend (none in our sources), although later blastocysts are said to be more common with age.",
  },
  euploidByDay: {
    what: "Euploid share of biopsied blastocysts by day: 53.5% on day 5, 40.4% on day 6, 35.9% on day 7 (all ages)",
    denominator: "per biopsied blastocyst",
    day5: 0.535,
    day6: 0.404,
    day7: 0.359,
    sources: ["day7Euploidy2019"],
    tag: "checked",
    why: "Used for blastocysts not made yet, as odds ratios against day 5 (0.59 for day 6, 0.49 for day 7) around the age curve, so that the mix of days still gives the age curve's share. Embryos already in the bank keep the age curve whatever their day (and day 7 the Su 2016 cap), as before.",
  },
  cancellation: {
    what: "Started cycles cancelled before egg retrieval, all ages (US 2011 age mix)",
    denominator: "per started cycle",
    value: { central: 0.105, low80: 0.095, high80: 0.13, scale: "logit" },
    /** Share of cancellations not for poor response: withdrawal 10.2%, over-response 4.3%, illness 0.9% (docs/clinical-reference.md §10a). */
    otherCauses: 0.154,
    /** Cycles started by age (docs/clinical-reference.md §10a), at an age standing for each band (our choice). */
    ageMix: [
      [32, 42_059],
      [36, 20_963],
      [39, 21_128],
      [41.5, 10_733],
      [43.5, 4_744],
      [45.5, 1_586],
    ] as const,
    sources: ["cdc2011", "cdc2002", "barritt2012", "trellisModel"],
    tag: "checked",
    spreadTag: "unverified",
    why: "The level is read: 10.2% in 2011, 13.2% in 2002. How it changes with age is not (the per-age figure was not found) and is our model: no or too few eggs growing is 84.6% of cancellations, and those cancelled had lower antral counts (Barritt 2012), so a person's chance of cancellation falls with their own egg yield λ: 15.4% of the anchor for other reasons, plus exp(-θλ) for poor response, with θ set in each parameter draw so that the 2011 age mix averages the anchor. The rise with age then follows from fewer eggs with age (itself our assumption): about 9% at 30, 10% at 35, 20% at 42. Unverified.",
  },
  stopping: {
    what: "People who stop after a failed attempt (a started cycle and all its transfers, no birth): after the first (shown), after the second and later",
    value: { central: 0.182, low80: 0.14, high80: 0.23, scale: "logit" },
    afterSecond: { central: 0.247, low80: 0.21, high80: 0.29, scale: "logit" },
    /** Points added from this age on: 6-7 points higher at 40-42 (docs/clinical-reference.md §10f). */
    olderExtra: 0.065,
    olderFromAge: 40,
    sources: ["gameiro2013", "dodge2016", "trellisModel"],
    tag: "checked",
    spreadTag: "unverified",
    why: "Gameiro 2013: 81.8% went on after a first failed cycle, 75.3% after a second (so about 18% and 25% stop). After a third and later we keep the second figure (Dodge saw per-cycle stopping stay about level; our choice). From 40, 6.5 points more (Dodge, 40-42; extending it past 42 is ours). The 80% ranges come from the 95% intervals. Used only where the question is 'people like me'; 'if I keep going' leaves it out.",
  },
  lossWeight: {
    what: "How much a transfer that ended in a loss after a heartbeat counts as a failed transfer when learning a person's own chance (0: not at all; 1: like a negative test)",
    afterHeartbeat: 0.5,
    /** A termination for medical reasons says little about the next transfer: counted as nothing. */
    termination: 0,
    sources: ["jarg2022", "trellisModel"],
    tag: "unverified",
    why: "The person-level effect is fitted to live birth, most of whose variation is whether the embryo implants. A negative test or a biochemical pregnancy is a failure to implant: full weight. A loss after a heartbeat means the embryo implanted; after a euploid transfer such losses are 11-13% of pregnancies on day 5 and day 6 alike (JARG 2022) and are not the main way people differ. So it counts as half a failed transfer: weaker evidence than a negative test, never evidence for a higher chance. A termination for medical reasons counts as nothing. Our choice.",
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
