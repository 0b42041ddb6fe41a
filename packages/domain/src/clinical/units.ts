/**
 * The one table of lab units: which units each hormone is reported in, the
 * conversion factors between them (with their source), and the plausibility
 * guards used to catch typos and unit mix-ups.
 */

/**
 * A hormone measured in a blood test during fertility treatment.
 *
 * - `E2`: estradiol, made by growing follicles; rises through stimulation.
 * - `P4`: progesterone, which readies the uterine lining; checked around
 *   trigger and transfer.
 * - `hCG`: human chorionic gonadotropin, made by a pregnancy (the "beta" test)
 *   and also given as a trigger injection.
 * - `AMH`: anti-Müllerian hormone, a marker of ovarian reserve (how many eggs
 *   stimulation is likely to yield).
 * - `LH`: luteinising hormone; its surge releases the egg.
 * - `FSH`: follicle-stimulating hormone; grows follicles.
 */
export type Analyte = "E2" | "P4" | "hCG" | "AMH" | "LH" | "FSH";

/** A unit a lab writes beside one of the analytes above, spelled as labs spell it. */
export type LabUnit = "pg/mL" | "pmol/L" | "ng/mL" | "nmol/L" | "mIU/mL" | "IU/L";

export interface UnitFactor {
  readonly unit: LabUnit;
  /** How many of this unit make one of the analyte's preferred (first) unit. */
  readonly perPreferred: number;
}

export interface AnalyteUnits {
  /** What the hormone is called in full. */
  readonly name: string;
  /** Allowed units, preferred first; factors are relative to the first. */
  readonly units: readonly UnitFactor[];
  /** Where the factors come from. */
  readonly source: string;
  /**
   * Plausibility guard, in the preferred unit: the largest value Trellis
   * accepts as typed. NOT a clinical fact and NOT from the clinical reference: a
   * deliberately generous bound, well above the highest values labs report in
   * treatment or pregnancy, so that only typos and unit mix-ups are refused.
   */
  readonly plausibleMax: number;
  /** Why that bound, for the reader. */
  readonly plausibleWhy: string;
}

/** Factors for E2, P4, hCG and AMH: clinical reference §6 "Unit conversions" [checked]. */
const CLINICAL_REFERENCE_6 = "clinical reference §6 (Unit conversions)";
/** 1 IU/L = 1000 mIU / 1000 mL = 1 mIU/mL: arithmetic on SI prefixes, not a clinical figure. */
const SI_IDENTITY = "definition of the units (1 IU/L = 1000 mIU / 1000 mL = 1 mIU/mL)";

export const LAB_ANALYTES = {
  E2: {
    name: "estradiol",
    units: [
      { unit: "pg/mL", perPreferred: 1 },
      { unit: "pmol/L", perPreferred: 3.671 }, // clinical reference §6: E2 1 pg/mL = 3.671 pmol/L
    ],
    source: `${CLINICAL_REFERENCE_6}: E2 1 pg/mL = 3.671 pmol/L`,
    plausibleMax: 20_000, // guard: stimulated cycles at OHSS risk run to several thousand pg/mL
    plausibleWhy: "plausibility guard, about twice the highest stimulated-cycle values",
  },
  P4: {
    name: "progesterone",
    units: [
      { unit: "ng/mL", perPreferred: 1 },
      { unit: "nmol/L", perPreferred: 3.18 }, // clinical reference §6: P4 1 ng/mL = 3.18 nmol/L
    ],
    source: `${CLINICAL_REFERENCE_6}: P4 1 ng/mL = 3.18 nmol/L`,
    plausibleMax: 1_000, // guard: late pregnancy runs to a few hundred ng/mL
    plausibleWhy: "plausibility guard, several times the highest late-pregnancy values",
  },
  hCG: {
    name: "human chorionic gonadotropin (beta hCG)",
    units: [
      { unit: "mIU/mL", perPreferred: 1 },
      { unit: "IU/L", perPreferred: 1 }, // clinical reference §6: hCG 1 mIU/mL = 1 IU/L
    ],
    source: `${CLINICAL_REFERENCE_6}: hCG 1 mIU/mL = 1 IU/L`,
    plausibleMax: 2_000_000, // guard: molar pregnancies can pass 1,000,000 mIU/mL
    plausibleWhy: "plausibility guard, above the values reported even in molar pregnancy",
  },
  AMH: {
    name: "anti-Müllerian hormone",
    units: [
      { unit: "ng/mL", perPreferred: 1 },
      { unit: "pmol/L", perPreferred: 7.14 }, // clinical reference §6: AMH 1 ng/mL = 7.14 pmol/L
    ],
    source: `${CLINICAL_REFERENCE_6}: AMH 1 ng/mL = 7.14 pmol/L`,
    plausibleMax: 100, // guard: even PCOS values rarely pass a few tens of ng/mL
    plausibleWhy: "plausibility guard, several times the highest values seen with PCOS",
  },
  LH: {
    name: "luteinising hormone",
    units: [
      { unit: "IU/L", perPreferred: 1 },
      { unit: "mIU/mL", perPreferred: 1 }, // SI identity, see SI_IDENTITY
    ],
    source: SI_IDENTITY,
    plausibleMax: 1_000, // guard: a surge or menopause stays in the low hundreds at most
    plausibleWhy: "plausibility guard, several times a mid-cycle surge or menopausal value",
  },
  FSH: {
    name: "follicle-stimulating hormone",
    units: [
      { unit: "IU/L", perPreferred: 1 },
      { unit: "mIU/mL", perPreferred: 1 }, // SI identity, see SI_IDENTITY
    ],
    source: SI_IDENTITY,
    plausibleMax: 1_000, // guard: menopausal values stay in the low hundreds at most
    plausibleWhy: "plausibility guard, several times the highest menopausal values",
  },
} as const satisfies Record<Analyte, AnalyteUnits>;

/**
 * Kilograms in a pound: the international avoirdupois pound, exact by
 * definition (1959). The symptom check's weight thresholds are in kg
 * (docs/clinical-reference.md §5, §6 "Unit conversions"); a weight given in
 * pounds is converted with this one factor, here and on screen.
 */
export const KG_PER_LB = 0.45359237;

/** Every analyte Trellis converts, in the order a form lists them. */
export const analytes: readonly Analyte[] = ["E2", "P4", "hCG", "AMH", "LH", "FSH"];
