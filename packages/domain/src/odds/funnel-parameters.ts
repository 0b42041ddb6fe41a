import type { ParameterBase } from "./parameter-shape.ts";

/**
 * The parameters of the egg funnel: eggs per retrieval by age and AMH, then
 * mature, fertilized (2PN) and blastocyst rates, and how much those lab rates
 * differ between people. Read through `parameters.ts`.
 */

export const funnelParameters = {
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
  personRateStrength: {
    what: "How much lab rates differ between people: strength of the Beta prior, in embryos",
    strength: 20,
    sources: ["trellisModel"],
    tag: "unverified",
    why: "A prior worth 20 eggs or embryos lets a person's own funnel count after one or two retrievals without one unlucky cycle taking over. Between people, it spreads a 73% fertilization rate over about 60-85%.",
  },
} as const satisfies Record<string, ParameterBase & Record<string, unknown>>;
