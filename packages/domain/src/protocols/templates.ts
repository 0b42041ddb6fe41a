import type { DoseUnit } from "../medication/catalogue.ts";

/**
 * Protocol templates: typical plans to start from, never the person's plan.
 * Days, medicines and doses come from `docs/clinical-reference.md` §7 (typical
 * ranges, [unverified]) and the clinical reference (antagonist doses [checked]; trigger to
 * retrieval 34-36 h [checked]). The person edits every item to what their
 * clinic prescribed before starting, and can change it any day after.
 */

export const cycleTypes = [
  "stimulation",
  "egg-freezing",
  "fet-medicated",
  "fet-natural",
  "fresh-transfer",
  "iui",
  "monitoring",
  "carrier-transfer",
] as const;
export type CycleType = (typeof cycleTypes)[number];

/** What "day 1" of a cycle means, so screens can say "stim day 6" or "cycle day 12". */
export type DayOne = "stim-day" | "cycle-day";

export interface TemplateItem {
  readonly medicationId: string;
  readonly dose: { readonly value: number; readonly unit: DoseUnit };
  readonly times: readonly string[];
  /** Day of the cycle the medicine starts (1 = the cycle's first day). */
  readonly startDay: number;
  /** Last day, or until the trigger shot, or open (until the clinic says stop). */
  readonly end: { readonly day: number } | "until-trigger" | "open";
  readonly everyDays?: number;
  /** Why the day may differ: what the clinic decides it by. */
  readonly note?: string;
}

export interface ProtocolTemplate {
  readonly id: string;
  readonly name: string;
  readonly cycleType: CycleType;
  readonly dayOne: DayOne;
  readonly summary: string;
  readonly items: readonly TemplateItem[];
  /** A trigger to suggest when the clinic gives the time; the plan gets it then. */
  readonly trigger?: {
    readonly medicationId: string;
    readonly dose: { readonly value: number; readonly unit: DoseUnit };
  };
  /** Hours from trigger to retrieval (or insemination for IUI). */
  readonly triggerToProcedureHours?: number;
  readonly source: string;
}

const PROTOCOLS_MD =
  "Typical protocol, Trellis clinical reference §7 (doses [unverified]; your clinic's plan wins)";
const TRIGGER_TIMING =
  "Trigger to retrieval 34-36 h: Weiss et al. 2014, Fertil Steril 102:419; Wang et al. 2011 [checked]";
const ANTAGONIST_LABELS = "Ganirelix 250 mcg / cetrorelix 0.25 mg daily: FDA labels [checked]";

export const protocolTemplates: readonly ProtocolTemplate[] = [
  {
    id: "antagonist",
    name: "Antagonist (short) protocol",
    cycleType: "stimulation",
    dayOne: "stim-day",
    summary:
      "Daily FSH injections from stim day 1; an antagonist from about day 6 stops early ovulation until the trigger; retrieval about 36 hours after the trigger.",
    items: [
      {
        medicationId: "follitropin-alfa",
        dose: { value: 225, unit: "IU" },
        times: ["21:00"],
        startDay: 1,
        end: "until-trigger",
      },
      {
        medicationId: "menotropins",
        dose: { value: 75, unit: "IU" },
        times: ["21:00"],
        startDay: 1,
        end: "until-trigger",
      },
      {
        medicationId: "ganirelix",
        dose: { value: 250, unit: "mcg" },
        times: ["08:00"],
        startDay: 6,
        end: "until-trigger",
        note: "Some clinics start it when the lead follicle reaches 12-14 mm instead of on a fixed day.",
      },
    ],
    trigger: { medicationId: "choriogonadotropin-alfa", dose: { value: 250, unit: "mcg" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; ${ANTAGONIST_LABELS}; ${TRIGGER_TIMING}`,
  },
  {
    id: "long-agonist",
    name: "Long agonist (down-regulation) protocol",
    cycleType: "stimulation",
    dayOne: "stim-day",
    summary:
      "Leuprolide from about day 21 of the cycle before quietens the ovaries; after a suppression check, FSH starts and leuprolide continues at a lower dose to the trigger (hCG only).",
    items: [
      {
        medicationId: "leuprolide",
        dose: { value: 1, unit: "mg" },
        times: ["08:00"],
        startDay: -13,
        end: { day: 0 },
        note: "Starts around cycle day 21 of the previous cycle; the suppression check decides stim day 1.",
      },
      {
        medicationId: "leuprolide",
        dose: { value: 0.5, unit: "mg" },
        times: ["08:00"],
        startDay: 1,
        end: "until-trigger",
      },
      {
        medicationId: "follitropin-beta",
        dose: { value: 225, unit: "IU" },
        times: ["21:00"],
        startDay: 1,
        end: "until-trigger",
      },
    ],
    trigger: { medicationId: "hcg-urinary", dose: { value: 10000, unit: "IU" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; an agonist trigger does not work when down-regulated; ${TRIGGER_TIMING}`,
  },
  {
    id: "microdose-flare",
    name: "Microdose flare protocol",
    cycleType: "stimulation",
    dayOne: "stim-day",
    summary:
      "After the pill, a small twice-daily leuprolide dose makes the body release its own FSH; from the third day, high-dose FSH with hMG. Often used when few eggs are expected.",
    items: [
      {
        medicationId: "oral-contraceptive",
        dose: { value: 1, unit: "tablet" },
        times: ["08:00"],
        startDay: -19,
        end: { day: -3 },
      },
      {
        medicationId: "leuprolide",
        dose: { value: 40, unit: "mcg" },
        times: ["08:00", "20:00"],
        startDay: 1,
        end: "until-trigger",
      },
      {
        medicationId: "follitropin-alfa",
        dose: { value: 300, unit: "IU" },
        times: ["21:00"],
        startDay: 3,
        end: "until-trigger",
      },
      {
        medicationId: "menotropins",
        dose: { value: 150, unit: "IU" },
        times: ["21:00"],
        startDay: 3,
        end: "until-trigger",
      },
    ],
    trigger: { medicationId: "hcg-urinary", dose: { value: 10000, unit: "IU" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; ${TRIGGER_TIMING}`,
  },
  {
    id: "mild",
    name: "Mild or mini stimulation",
    cycleType: "stimulation",
    dayOne: "cycle-day",
    summary:
      "Tablets (letrozole or clomiphene) from cycle day 2-3 for five days or more, with or followed by low-dose FSH; typically 2-6 eggs.",
    items: [
      {
        medicationId: "letrozole",
        dose: { value: 5, unit: "mg" },
        times: ["08:00"],
        startDay: 3,
        end: { day: 7 },
      },
      {
        medicationId: "menotropins",
        dose: { value: 150, unit: "IU" },
        times: ["21:00"],
        startDay: 5,
        end: "until-trigger",
        everyDays: 2,
        note: "Daily or every other day, by clinic.",
      },
    ],
    trigger: { medicationId: "triptorelin-trigger", dose: { value: 0.2, unit: "mg" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; ${TRIGGER_TIMING}`,
  },
  {
    id: "egg-freezing",
    name: "Egg freezing (antagonist)",
    cycleType: "egg-freezing",
    dayOne: "stim-day",
    summary:
      "As the antagonist protocol; an agonist trigger is common; mature eggs are frozen (vitrified) on the day of retrieval.",
    items: [
      {
        medicationId: "follitropin-alfa",
        dose: { value: 225, unit: "IU" },
        times: ["21:00"],
        startDay: 1,
        end: "until-trigger",
      },
      {
        medicationId: "ganirelix",
        dose: { value: 250, unit: "mcg" },
        times: ["08:00"],
        startDay: 6,
        end: "until-trigger",
      },
    ],
    trigger: { medicationId: "triptorelin-trigger", dose: { value: 0.2, unit: "mg" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; ${ANTAGONIST_LABELS}; ${TRIGGER_TIMING}`,
  },
  {
    id: "fet-medicated",
    name: "Medicated (programmed) frozen transfer",
    cycleType: "fet-medicated",
    dayOne: "cycle-day",
    summary:
      "Estradiol from cycle day 1-3 builds the lining; after a lining scan (7 mm or more), progesterone starts (P0) and a day-5 blastocyst is transferred on the sixth day of progesterone.",
    items: [
      {
        medicationId: "estradiol-oral",
        dose: { value: 2, unit: "mg" },
        times: ["08:00", "14:00", "20:00"],
        startDay: 2,
        end: "open",
      },
      {
        medicationId: "progesterone-in-oil",
        dose: { value: 50, unit: "mg" },
        times: ["21:00"],
        startDay: 15,
        end: "open",
        note: "Starts on the day your clinic sets after the lining scan (P0).",
      },
      {
        medicationId: "progesterone-vaginal",
        dose: { value: 200, unit: "mg" },
        times: ["08:00", "14:00", "22:00"],
        startDay: 15,
        end: "open",
      },
    ],
    source: PROTOCOLS_MD,
  },
  {
    id: "fet-natural",
    name: "Natural or modified-natural frozen transfer",
    cycleType: "fet-natural",
    dayOne: "cycle-day",
    summary:
      "Scans and LH tests from about cycle day 8-10 follow your own ovulation; a day-5 blastocyst goes in 6 days after the LH surge (or 7 days after an hCG trigger).",
    items: [
      {
        medicationId: "progesterone-vaginal",
        dose: { value: 200, unit: "mg" },
        times: ["08:00", "20:00"],
        startDay: 16,
        end: "open",
        note: "Only if your clinic adds progesterone support; from ovulation or from transfer.",
      },
    ],
    trigger: { medicationId: "choriogonadotropin-alfa", dose: { value: 250, unit: "mcg" } },
    source: `${PROTOCOLS_MD}; LH+6 or hCG+7 transfer timing [checked]`,
  },
  {
    id: "iui",
    name: "IUI (insemination)",
    cycleType: "iui",
    dayOne: "cycle-day",
    summary:
      "Natural, letrozole or low-dose FSH; a trigger when the lead follicle is about 18 mm; insemination about 24-36 hours later.",
    items: [
      {
        medicationId: "letrozole",
        dose: { value: 2.5, unit: "mg" },
        times: ["08:00"],
        startDay: 3,
        end: { day: 7 },
      },
    ],
    trigger: { medicationId: "choriogonadotropin-alfa", dose: { value: 250, unit: "mcg" } },
    triggerToProcedureHours: 36,
    source: `${PROTOCOLS_MD}; insemination 24-36 h after trigger [unverified]`,
  },
  {
    id: "fresh-transfer",
    name: "Fresh transfer after retrieval",
    cycleType: "fresh-transfer",
    dayOne: "cycle-day",
    summary:
      "After a stimulation cycle, progesterone from the day of retrieval supports the lining; an embryo goes back on day 3 or day 5 after retrieval. Day 1 here is the day of retrieval.",
    items: [
      {
        medicationId: "progesterone-vaginal",
        dose: { value: 200, unit: "mg" },
        times: ["08:00", "14:00", "22:00"],
        startDay: 1,
        end: "open",
        note: "Usually continued until the pregnancy test, and longer if it is positive.",
      },
    ],
    source: `${PROTOCOLS_MD}: "Fresh transfer only: luteal progesterone from retrieval"`,
  },
  {
    id: "carrier-transfer",
    name: "Transfer to a gestational carrier",
    cycleType: "carrier-transfer",
    dayOne: "cycle-day",
    summary:
      "The carrier follows a medicated or natural frozen-transfer plan; your record holds the embryo, the transfer and what happened. Add the carrier's medicines only if you help track them.",
    items: [],
    source: PROTOCOLS_MD,
  },
  {
    id: "monitoring-only",
    name: "Monitoring only",
    cycleType: "monitoring",
    dayOne: "cycle-day",
    summary:
      "Scans and blood tests without a treatment plan, for example before deciding on a protocol.",
    items: [],
    source: PROTOCOLS_MD,
  },
];

const byId = new Map(protocolTemplates.map((p) => [p.id, p]));

export function protocolTemplate(id: string): ProtocolTemplate | undefined {
  return byId.get(id);
}
