import type { EvidenceTag } from "./parameters.ts";

/**
 * Published end-to-end outcomes kept OUT of the model, used only to check it
 * (`validation.test.ts`, `docs/odds-validation.md`). Nothing in the model may
 * import this file: a figure that sets a parameter cannot also validate it.
 */
export interface HeldOutSource {
  readonly id: string;
  readonly citation: string;
  readonly tag: EvidenceTag;
}

export const heldOut = {
  awadalla2022: {
    id: "awadalla2022",
    citation:
      "Awadalla et al. 2022, F&S Reports 3:131 (223,377 US transfers): live birth per untested embryo at 34, day 5 38%, day 6 26%; day 5 by morphology good 43%, fair 30%, poor 21%",
    tag: "checked",
  },
  hfea2021: {
    id: "hfea2021",
    citation:
      "HFEA, Fertility treatment 2021 (UK, own eggs): birth per embryo transferred 33% at 18-34, 4% at 43-50",
    tag: "checked",
  },
  slovenia: {
    id: "slovenia",
    citation:
      "Slovenia 2006-2015, 1,920 cycles at 40+: live birth per transfer 17.3% at 40, 11.6% at 41, 8.2% at 42, 7.9% at 43, 1.9% at 44",
    tag: "checked",
  },
  pirtea2021: {
    id: "pirtea2021",
    citation:
      "Pirtea et al. 2021, Fertil Steril, doi 10.1016/j.fertnstert.2020.07.002 (4,429 women, mean age 35.4): live birth 64.8% at the first frozen euploid single transfer; 92.6% after up to three (abstract, read on secondary pages; clinical reference §11)",
    tag: "secondary",
  },
  chambers2017: {
    id: "chambers2017",
    citation:
      "Chambers et al. 2017, Med J Aust 207:114, doi 10.5694/mja16.01435 (56,652 women starting ART in Australia and New Zealand 2009-2012): live birth from the first complete cycle 43.7% under 30, 10.7% at 40-44; after 7 cycles under 30, 69.2% 'conservative' (those who stopped had no birth) and 92.8% 'optimal' (they would have done as well as those who went on); after 8 cycles at 40-44, 21.0% and 37.9% (journal abstract; clinical reference §11)",
    tag: "checked",
  },
  cobo2016: {
    id: "cobo2016",
    citation:
      "Cobo et al. 2016, Fertil Steril 105:755, doi 10.1016/j.fertnstert.2015.11.027 (137 women who used vitrified eggs): cumulative live birth by eggs used, 35 and under: 5 eggs 15.4%, 8 eggs 40.8%, plateau 85.2% (by 15); 36 and over: 5 eggs 5.1%, 8 eggs 19.9%, 11 eggs 35.6% (abstract, read on secondary pages; clinical reference §11)",
    tag: "secondary",
  },
  franasiakPerCycle: {
    id: "franasiakPerCycle",
    citation:
      "Franasiak et al. 2014, Fertil Steril 101:656 (abstract): chance of no euploid embryo in a cycle 2-6% at 26-37, 33% at 42, 53% at 44. Same study as the euploidy curve but a different quantity (per cycle, not per embryo): it tests the funnel, not the curve",
    tag: "checked",
  },
  sart2018: {
    id: "sart2018",
    citation:
      "SART national summary (US, own eggs), live birth per intended egg retrieval, all transfers from it counted: 55.6% under 35, 40.8% at 35-37, 4.1% over 42 (as relayed by patient-information pages citing SART, 2021; the 38-40 and 41-42 figures were not in what we read)",
    tag: "secondary",
  },
  seifer2023: {
    id: "seifer2023",
    citation:
      "Seifer, Wang and Frankfurter 2023, Reprod Biol Endocrinol, doi 10.1186/s12958-023-01144-z (SART CORS 2014-2020, 24,650 women over 42 with no earlier ART, 58,132 cycles): highest cumulative live birth 9.7% at 43 and 8.6% at 44, no significant rise after the 5th cycle (abstract)",
    tag: "checked",
  },
  luke2012: {
    id: "luke2012",
    citation:
      "Luke et al. 2012, N Engl J Med 366:2483, doi 10.1056/NEJMoa1110238 (SART CORS 2004-2009, 246,740 women): cumulative live birth by the third cycle, conservative and optimal, 63.3% and 74.6% under 31, 18.6% and 27.8% at 41-42, 6.6% and 11.3% at 43 and over (abstract)",
    tag: "checked",
  },
  goldman2017: {
    id: "goldman2017",
    citation:
      "Goldman et al. 2017, Hum Reprod 32:853, doi 10.1093/humrep/dex008: the Brigham and Women's egg-freezing counselling tool, about 51% for at least one live birth from 20 mature eggs frozen at 40 and about 69% from 10 at 35 (as worked examples in the documentation of an R implementation, not the paper itself)",
    tag: "secondary",
  },
} as const satisfies Record<string, HeldOutSource>;
