import { type Problem, problem } from "../core/result.ts";

/**
 * Medicines used in fertility treatment, as clinics and pharmacies name them.
 * Doses here are typical ranges for pre-filling a plan [unverified] (see
 * clinical reference §6 and §7); the person always edits
 * them to what their clinic prescribed. Antagonist doses are from the FDA
 * labels [checked].
 */

/** Units a dose is measured in. IU = international units (a measure of biological activity). */
export const doseUnits = [
  "IU",
  "mg",
  "mcg",
  "mL",
  "tablet",
  "patch",
  "spray",
  "applicator",
] as const;
export type DoseUnit = (typeof doseUnits)[number];

/** How a medicine gets into the body. SC = under the skin; IM = into a muscle. */
export const routes = [
  "subcutaneous",
  "intramuscular",
  "oral",
  "vaginal",
  "transdermal",
  "nasal",
] as const;
export type Route = (typeof routes)[number];

/** What the medicine comes as. */
export const forms = [
  "pen",
  "prefilled-syringe",
  "powder-and-solvent",
  "vial",
  "ampoule",
  "tablet",
  "capsule",
  "gel",
  "pessary",
  "patch",
  "oil-injection",
  "nasal-spray",
] as const;
export type Form = (typeof forms)[number];

/** What the medicine does in the cycle, which also decides how timing works. */
export const purposes = [
  "stimulation",
  "antagonist",
  "down-regulation",
  "trigger",
  "luteal-support",
  "estrogen",
  "oral-induction",
  "pill",
  "other",
] as const;
export type Purpose = (typeof purposes)[number];

export interface CatalogueMedicine {
  readonly id: string;
  /** The generic (international non-proprietary) name. */
  readonly generic: string;
  readonly brands: readonly string[];
  readonly form: Form;
  readonly route: Route;
  /** The unit doses are written in, first; others that also appear. */
  readonly units: readonly DoseUnit[];
  readonly purpose: Purpose;
  /** A typical daily dose to pre-fill a plan, with its unit [unverified unless noted]. */
  readonly typicalDose: { readonly value: number; readonly unit: DoseUnit };
  /** Injectable: the injection-site rotation applies. */
  readonly injected: boolean;
  /** Taken at an exact minute: keeps its instant when the person travels. */
  readonly timeCritical: boolean;
  /** One plain sentence on what it is for. */
  readonly about: string;
}

export const medicationCatalogue: readonly CatalogueMedicine[] = [
  {
    id: "follitropin-alfa",
    generic: "Follitropin alfa",
    brands: ["Gonal-f", "Ovaleap", "Bemfola"],
    form: "pen",
    route: "subcutaneous",
    units: ["IU"],
    purpose: "stimulation",
    typicalDose: { value: 225, unit: "IU" },
    injected: true,
    timeCritical: false,
    about: "FSH, the hormone that makes several follicles (fluid sacs holding eggs) grow at once.",
  },
  {
    id: "follitropin-beta",
    generic: "Follitropin beta",
    brands: ["Puregon", "Follistim AQ"],
    form: "pen",
    route: "subcutaneous",
    units: ["IU"],
    purpose: "stimulation",
    typicalDose: { value: 225, unit: "IU" },
    injected: true,
    timeCritical: false,
    about: "FSH, the hormone that makes several follicles grow at once.",
  },
  {
    id: "follitropin-delta",
    generic: "Follitropin delta",
    brands: ["Rekovelle"],
    form: "pen",
    route: "subcutaneous",
    units: ["mcg"],
    purpose: "stimulation",
    typicalDose: { value: 10, unit: "mcg" },
    injected: true,
    timeCritical: false,
    about: "FSH dosed by weight and AMH, in micrograms rather than units.",
  },
  {
    id: "menotropins",
    generic: "Menotropins (hMG)",
    brands: ["Menopur"],
    form: "powder-and-solvent",
    route: "subcutaneous",
    units: ["IU"],
    purpose: "stimulation",
    typicalDose: { value: 75, unit: "IU" },
    injected: true,
    timeCritical: false,
    about: "FSH and LH together; a powder mixed with its solvent before each injection.",
  },
  {
    id: "ganirelix",
    generic: "Ganirelix",
    brands: ["Orgalutran", "Fyremadel"],
    form: "prefilled-syringe",
    route: "subcutaneous",
    units: ["mcg"],
    purpose: "antagonist",
    typicalDose: { value: 250, unit: "mcg" }, // FDA label [checked]
    injected: true,
    timeCritical: false,
    about: "An antagonist: stops ovulation happening too early, until the trigger.",
  },
  {
    id: "cetrorelix",
    generic: "Cetrorelix",
    brands: ["Cetrotide"],
    form: "powder-and-solvent",
    route: "subcutaneous",
    units: ["mg"],
    purpose: "antagonist",
    typicalDose: { value: 0.25, unit: "mg" }, // FDA label [checked]
    injected: true,
    timeCritical: false,
    about: "An antagonist: stops ovulation happening too early, until the trigger.",
  },
  {
    id: "choriogonadotropin-alfa",
    generic: "Choriogonadotropin alfa (recombinant hCG)",
    brands: ["Ovitrelle", "Ovidrel"],
    form: "pen",
    route: "subcutaneous",
    units: ["mcg"],
    purpose: "trigger",
    typicalDose: { value: 250, unit: "mcg" },
    injected: true,
    timeCritical: true,
    about: "The trigger shot: matures the eggs so they can be collected about 36 hours later.",
  },
  {
    id: "hcg-urinary",
    generic: "Human chorionic gonadotropin (hCG)",
    brands: ["Pregnyl", "Novarel"],
    form: "powder-and-solvent",
    route: "intramuscular",
    units: ["IU"],
    purpose: "trigger",
    typicalDose: { value: 10000, unit: "IU" },
    injected: true,
    timeCritical: true,
    about: "The trigger shot: matures the eggs so they can be collected about 36 hours later.",
  },
  {
    id: "leuprolide-trigger",
    generic: "Leuprolide (agonist trigger)",
    brands: ["Lupron"],
    form: "vial",
    route: "subcutaneous",
    units: ["mg"],
    purpose: "trigger",
    typicalDose: { value: 1, unit: "mg" },
    injected: true,
    timeCritical: true,
    about: "An agonist trigger, used in antagonist cycles; lowers the risk of OHSS.",
  },
  {
    id: "triptorelin-trigger",
    generic: "Triptorelin (agonist trigger)",
    brands: ["Decapeptyl", "Gonapeptyl"],
    form: "prefilled-syringe",
    route: "subcutaneous",
    units: ["mg"],
    purpose: "trigger",
    typicalDose: { value: 0.2, unit: "mg" },
    injected: true,
    timeCritical: true,
    about: "An agonist trigger, used in antagonist cycles; lowers the risk of OHSS.",
  },
  {
    id: "leuprolide",
    generic: "Leuprolide (down-regulation)",
    brands: ["Lupron"],
    form: "vial",
    route: "subcutaneous",
    units: ["mg", "mcg"],
    purpose: "down-regulation",
    typicalDose: { value: 0.5, unit: "mg" },
    injected: true,
    timeCritical: false,
    about: "Quietens the ovaries before stimulation (long protocol) or starts a flare (microdose).",
  },
  {
    id: "nafarelin",
    generic: "Nafarelin",
    brands: ["Synarel"],
    form: "nasal-spray",
    route: "nasal",
    units: ["mcg", "spray"],
    purpose: "down-regulation",
    typicalDose: { value: 400, unit: "mcg" },
    injected: false,
    timeCritical: false,
    about: "A nasal spray that quietens the ovaries before stimulation.",
  },
  {
    id: "progesterone-in-oil",
    generic: "Progesterone in oil",
    brands: ["Progesterone in oil"],
    form: "oil-injection",
    route: "intramuscular",
    units: ["mg", "mL"],
    purpose: "luteal-support",
    typicalDose: { value: 50, unit: "mg" },
    injected: true,
    timeCritical: false,
    about: "Supports the lining of the uterus after retrieval or for a transfer.",
  },
  {
    id: "progesterone-vaginal",
    generic: "Progesterone (vaginal)",
    brands: ["Utrogestan", "Cyclogest", "Endometrin", "Crinone"],
    form: "pessary",
    route: "vaginal",
    units: ["mg", "applicator"],
    purpose: "luteal-support",
    typicalDose: { value: 200, unit: "mg" },
    injected: false,
    timeCritical: false,
    about: "Supports the lining of the uterus; usually taken two or three times a day.",
  },
  {
    id: "estradiol-oral",
    generic: "Estradiol valerate (oral)",
    brands: ["Progynova", "Estrace"],
    form: "tablet",
    route: "oral",
    units: ["mg", "tablet"],
    purpose: "estrogen",
    typicalDose: { value: 2, unit: "mg" },
    injected: false,
    timeCritical: false,
    about: "Builds the lining of the uterus before a frozen transfer.",
  },
  {
    id: "estradiol-patch",
    generic: "Estradiol (patch)",
    brands: ["Estradot", "Vivelle-Dot", "Climara"],
    form: "patch",
    route: "transdermal",
    units: ["mg", "patch"],
    purpose: "estrogen",
    typicalDose: { value: 0.1, unit: "mg" },
    injected: false,
    timeCritical: false,
    about: "Builds the lining of the uterus; patches are changed every two to three days.",
  },
  {
    id: "clomiphene",
    generic: "Clomiphene citrate",
    brands: ["Clomid"],
    form: "tablet",
    route: "oral",
    units: ["mg"],
    purpose: "oral-induction",
    typicalDose: { value: 50, unit: "mg" },
    injected: false,
    timeCritical: false,
    about: "Tablets that encourage the body's own FSH, for mild stimulation or IUI.",
  },
  {
    id: "letrozole",
    generic: "Letrozole",
    brands: ["Femara"],
    form: "tablet",
    route: "oral",
    units: ["mg"],
    purpose: "oral-induction",
    typicalDose: { value: 2.5, unit: "mg" },
    injected: false,
    timeCritical: false,
    about: "Tablets that encourage the body's own FSH, for mild stimulation or IUI.",
  },
  {
    id: "oral-contraceptive",
    generic: "Combined oral contraceptive",
    brands: ["Microgynon", "Yaz"],
    form: "tablet",
    route: "oral",
    units: ["tablet"],
    purpose: "pill",
    typicalDose: { value: 1, unit: "tablet" },
    injected: false,
    timeCritical: false,
    about: "Used for a few weeks before some protocols to time the start.",
  },
];

const byId = new Map(medicationCatalogue.map((m) => [m.id, m]));

export function catalogueMedicine(id: string): CatalogueMedicine | undefined {
  return byId.get(id);
}

/** Finds medicines by generic or brand name, case-insensitively. */
export function searchMedicines(query: string): CatalogueMedicine[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...medicationCatalogue];
  return medicationCatalogue.filter(
    (m) => m.generic.toLowerCase().includes(q) || m.brands.some((b) => b.toLowerCase().includes(q)),
  );
}

/**
 * The largest single dose Trellis accepts per unit: a guard against typos
 * (an extra zero), not a clinical limit. The highest typical doses in the
 * reference are 10,000 IU (hCG) and 8 mg (estradiol a day).
 */
export const maxPlausibleDose: Readonly<Record<DoseUnit, number>> = {
  IU: 20_000,
  mg: 1_000,
  mcg: 5_000,
  mL: 10,
  tablet: 10,
  patch: 6,
  spray: 10,
  applicator: 4,
};

/**
 * Why a dose cannot be right for this medicine, or null, refused at `field`:
 * `implausible-dose` (`value`, `unit`, `max`: more than any single dose, most
 * likely an extra zero) or `wrong-dose-unit` (`medicine`, `units` it is dosed
 * in, `unit` given).
 */
export function doseProblem(
  dose: { value: number; unit: DoseUnit },
  catalogueId: string | undefined,
  field = "dose",
): Problem | null {
  const max = maxPlausibleDose[dose.unit];
  if (dose.value > max) {
    return problem("implausible-dose", field, { value: dose.value, unit: dose.unit, max });
  }
  const known = catalogueId ? byId.get(catalogueId) : undefined;
  if (known && !known.units.includes(dose.unit)) {
    return problem("wrong-dose-unit", field, {
      medicine: known.generic,
      units: known.units.join(", "),
      unit: dose.unit,
    });
  }
  return null;
}
