import type { Analyte, LabUnit } from "@trellis/domain";

/**
 * Codes used in exports, each from /work/shared/reference/codes.md with the
 * tag it has there. Where that page says "not found", no code is sent, only
 * text: a wrong code is worse than none.
 */

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";
export const ATC = "http://www.whocc.no/atc";

export interface Code {
  readonly code: string;
  readonly display: string;
}

/** LOINC per test and the unit the lab reported it in (mass and molar tests differ). */
const loinc: Record<Analyte, Partial<Record<LabUnit, Code>>> = {
  // [checked] LOINC table copy
  E2: {
    "pg/mL": { code: "2243-4", display: "Estradiol (E2) [Mass/volume] in Serum or Plasma" },
    "pmol/L": { code: "14715-7", display: "Estradiol (E2) [Moles/volume] in Serum or Plasma" },
  },
  // [checked] LOINC table copy
  P4: {
    "ng/mL": { code: "2839-9", display: "Progesterone [Mass/volume] in Serum or Plasma" },
    "nmol/L": { code: "14890-8", display: "Progesterone [Moles/volume] in Serum or Plasma" },
  },
  // [checked] total hCG; mIU/mL equals IU/L
  hCG: {
    "mIU/mL": { code: "19080-1", display: "Choriogonadotropin [Units/volume] in Serum or Plasma" },
    "IU/L": { code: "19080-1", display: "Choriogonadotropin [Units/volume] in Serum or Plasma" },
  },
  // [checked] LOINC table copy
  LH: {
    "mIU/mL": { code: "10501-5", display: "Lutropin [Units/volume] in Serum or Plasma" },
    "IU/L": { code: "10501-5", display: "Lutropin [Units/volume] in Serum or Plasma" },
  },
  // [checked] LOINC table copy
  FSH: {
    "mIU/mL": { code: "15067-2", display: "Follitropin [Units/volume] in Serum or Plasma" },
    "IU/L": { code: "15067-2", display: "Follitropin [Units/volume] in Serum or Plasma" },
  },
  AMH: {
    // [checked] LOINC table copy
    "ng/mL": {
      code: "38476-8",
      display: "Mullerian inhibiting substance [Mass/volume] in Serum or Plasma",
    },
    // [secondary] two listings
    "pmol/L": {
      code: "48377-6",
      display: "Mullerian inhibiting substance [Moles/volume] in Serum or Plasma",
    },
  },
};

/** The LOINC code of a lab result, by test and reported unit; undefined when the pair has none. */
export function loincFor(analyte: Analyte, unit: LabUnit): Code | undefined {
  return loinc[analyte]?.[unit];
}

/** A beta hCG after a transfer: "beta hCG" and a number, the literal match ([secondary], five listings agree). */
export const BETA_HCG: Code = {
  code: "21198-7",
  display: "Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma",
};

/** UCUM for each unit a lab reports in: international units are written `[IU]`. */
export const ucum: Record<LabUnit, string> = {
  "pg/mL": "pg/mL",
  "pmol/L": "pmol/L",
  "ng/mL": "ng/mL",
  "nmol/L": "nmol/L",
  "mIU/mL": "m[IU]/mL",
  "IU/L": "[IU]/L",
};

/** SNOMED CT procedures ([checked] or [secondary] in codes.md). Embryo transfer: not found, text only. */
export const snomed = {
  oocyteRetrieval: { code: "177037000", display: "Oocyte recovery (procedure)" },
  iui: { code: "265064001", display: "Intrauterine artificial insemination (procedure)" },
  ivf: { code: "52637005", display: "Test tube ovum fertilization (procedure)" },
  assistedFertilization: { code: "63487001", display: "Assisted fertilization (procedure)" },
  pregnancy: { code: "77386006" },
  pastPregnancyOutcome: {
    code: "267013003",
    display: "Past pregnancy outcome (observable entity)",
  },
  miscarriage: { code: "17369002", display: "Miscarriage (disorder)" },
  stillbirth: { code: "237364002", display: "Stillbirth (finding)" },
  liveBirth: { code: "281050002", display: "Livebirth (finding)" },
  ectopic: { code: "34801009", display: "Ectopic pregnancy (disorder)" },
} as const;

/** ATC for medicines by the domain catalogue's id ([secondary] in codes.md); others go as text. */
export const atcByCatalogueId: Readonly<Record<string, Code>> = {
  "follitropin-alfa": { code: "G03GA05", display: "follitropin alfa" },
  "follitropin-beta": { code: "G03GA06", display: "follitropin beta" },
  menotropins: { code: "G03GA02", display: "human menopausal gonadotrophin" },
  "hcg-urinary": { code: "G03GA01", display: "chorionic gonadotrophin" },
  "choriogonadotropin-alfa": { code: "G03GA08", display: "choriogonadotropin alfa" },
  ganirelix: { code: "H01CC01", display: "ganirelix" },
  cetrorelix: { code: "H01CC02", display: "cetrorelix" },
  leuprolide: { code: "L02AE02", display: "leuprorelin" },
  "leuprolide-trigger": { code: "L02AE02", display: "leuprorelin" },
  "progesterone-in-oil": { code: "G03DA04", display: "progesterone" },
  "progesterone-vaginal": { code: "G03DA04", display: "progesterone" },
  "estradiol-oral": { code: "G03CA03", display: "estradiol" },
  "estradiol-patch": { code: "G03CA03", display: "estradiol" },
};
