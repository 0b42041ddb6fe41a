import type { ParameterBase } from "./parameter-shape.ts";

/**
 * The step-level parameters added for issue 10 (docs/clinical-reference.md
 * §10a-§10g): blastocyst formation by age, day-5/6/7 blastocysts and their
 * euploid shares, cycles cancelled before retrieval, people who stop after a
 * failed attempt, and how a loss after a heartbeat counts. Read through
 * `parameters.ts`.
 */

export const stepParameters = {
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
} as const satisfies Record<string, ParameterBase & Record<string, unknown>>;
