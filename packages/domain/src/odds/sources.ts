/**
 * Where the odds engine's figures come from: every citation with the tag of
 * how it was read (`docs/clinical-reference.md`). Parameters name their
 * sources by id; a screen shows the citation one tap away from a number.
 */

/** How sure we are of where a figure was read. */
export type EvidenceTag = "checked" | "secondary" | "unverified";

/** A source as a screen shows it, one tap away from a number. */
export interface Source {
  readonly id: SourceId;
  readonly citation: string;
  readonly tag: EvidenceTag;
}

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
