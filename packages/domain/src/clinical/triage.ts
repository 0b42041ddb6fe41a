/**
 * Answers "do these symptoms mean I should call someone today, or get
 * emergency care now?", for where the person is: stimulation, the days
 * after egg retrieval, the wait after a transfer, a pregnancy, after a loss
 * or after a birth (docs/clinical-reference.md §8.1-§8.5, mental health §9,
 * OHSS §5).
 *
 * Like `ohssTriage`, it never diagnoses: it sorts what a person reports into
 * three levels, each reason with its source. The reference's levels map as
 * EMERGENCY → `emergency`, CALL TODAY → `call-clinic` (the clinic, maternity
 * unit, midwife or GP), WATCH → `none` with the sign kept as a reason to
 * watch. Its rules: one emergency sign is enough; a sign listed in two places
 * takes the higher level; a stage's table may raise a level, never lower it.
 */
import { z } from "zod";
import type { Problem, Result } from "../core/result.ts";
import type { CountryCode } from "../journey/country.ts";
import {
  type CrisisLine,
  crisisLinesFor,
  type EmergencyNumber,
  emergencyNumberFor,
} from "./crisis-lines.ts";
import {
  type OhssLevel,
  type OhssSymptoms,
  ohssFindings,
  ohssRules,
  ohssSymptomFields,
  parseAnswers,
  yesNo,
} from "./ohss.ts";
import { type SignSource, signSource } from "./source.ts";

/**
 * Where the person is in treatment, for the questions and their levels:
 * - `stimulation`: the injections that grow the follicles;
 * - `after-retrieval`: the two weeks after egg collection (or its trigger);
 * - `after-transfer`: the three weeks after an embryo transfer, before any news;
 * - `pregnant`: an ongoing pregnancy, early and later (one stage; questions by weeks);
 * - `after-loss`: after a miscarriage, an ectopic, a termination or a stillbirth;
 * - `after-birth`: the year after a birth (AWHONN's warning signs hold for a year).
 * `null` (no stage) means a short general check.
 */
export const careStages = [
  "stimulation",
  "after-retrieval",
  "after-transfer",
  "pregnant",
  "after-loss",
  "after-birth",
] as const;
export type CareStage = (typeof careStages)[number];

export const bleedingAnswers = [
  "none",
  "spotting",
  "light",
  "heavy",
  "soaking-pad-an-hour",
] as const;
export type Bleeding = (typeof bleedingAnswers)[number];
export const moodAnswers = ["ok", "low", "very-low"] as const;
export type Mood = (typeof moodAnswers)[number];

/** Everything the check can ask. Every field is optional; booleans unless said. */
export interface StageSymptoms extends OhssSymptoms {
  /** `soaking-pad-an-hour`: soaking through a pad in an hour or less. */
  readonly bleeding?: Bleeding;
  /** Clots the size of a plum or an egg, or bigger (UK: larger than a 50p coin). */
  readonly clotsLargerThanPlum?: boolean;
  /** Pain low down on one side. */
  readonly oneSidedPain?: boolean;
  /** Pain where the shoulder ends and the arm begins. */
  readonly shoulderTipPain?: boolean;
  /** Discharge that smells bad. */
  readonly foulDischarge?: boolean;
  /** A headache that painkillers do not ease. */
  readonly severeHeadache?: boolean;
  /** Blurred vision, flashing lights or spots. */
  readonly visionChanges?: boolean;
  /** Sudden swelling of the face, hands or feet. */
  readonly suddenSwelling?: boolean;
  /** The baby moving less, or not at all (asked from 24 weeks). */
  readonly reducedMovements?: boolean;
  /** Fluid leaking from the vagina (waters). */
  readonly fluidLeak?: boolean;
  readonly mood?: Mood;
  /** Thoughts of harming oneself or of not wanting to live. */
  readonly thoughtsOfSelfHarm?: boolean;
  /** Thoughts of harming someone else, such as the baby. */
  readonly thoughtsOfHarmingOthers?: boolean;
  readonly confusion?: boolean;
  /** A fit. */
  readonly seizure?: boolean;
  readonly coughingBlood?: boolean;
  /** A wound or stitches red, oozing or not healing. */
  readonly woundProblem?: boolean;
}
export type SymptomField = keyof StageSymptoms;

/** The stage and the details some rules need. */
export interface StageContext {
  readonly stage: CareStage | null;
  /**
   * Completed weeks of pregnancy (`pregnant`); after a loss or a birth, the
   * weeks when the pregnancy ended. `null` when not known.
   */
  readonly pregnancyWeeks?: number | null;
  /** Whole days since the transfer (`after-transfer`, `pregnant`); `null` when none. */
  readonly daysSinceTransfer?: number | null;
}

export interface SymptomTriageInput extends StageContext {
  readonly symptoms: StageSymptoms;
  /** The person's country (ISO 3166-1 alpha-2), for the emergency number and crisis lines. */
  readonly country?: CountryCode | null;
}

/**
 * Stable ids of the signs, also the catalogue keys of their words, most
 * urgent first. Several can be at different levels in different stages
 * (dizziness calls the clinic during stimulation and is an emergency after a
 * birth); the reason says which.
 */
export const triageSigns = [
  "thoughts-of-self-harm",
  "thoughts-of-harming-others",
  "bleeding-soaking-pad",
  "heavy-bleeding-in-pregnancy",
  "clots",
  "reduced-movements-with-pain-or-bleeding",
  "pain-with-dizziness",
  "seizure",
  "confusion",
  "shortness-of-breath",
  "chest-pain",
  "coughing-blood",
  "racing-heart-or-fast-breathing",
  "calf-pain-or-swelling",
  "fainting",
  "urine-almost-none-12h",
  "severe-abdominal-pain",
  "tight-abdomen",
  "shoulder-tip-pain",
  "dizziness",
  "fever",
  "one-sided-pain",
  "bleeding-in-pregnancy",
  "bleeding-heavy",
  "reduced-movements",
  "fluid-leak",
  "severe-headache",
  "vision-changes",
  "sudden-swelling",
  "foul-discharge",
  "wound-problem",
  "mood-very-low",
  "moderate-ohss",
  "pain-increasing",
  "bloating-severe",
  "bloating-increasing",
  "bloating-after-transfer",
  "nausea-after-transfer",
  "waist-growing",
  "vomiting-cannot-keep-down",
  "vomiting",
  "weight-gain-day",
  "weight-gain-total",
  "urine-much-less",
  "urine-less",
  "abdominal-pain",
  "bloating",
  "nausea",
  "diarrhoea",
  "bleeding-light",
  "spotting-after-transfer",
  "mood-low",
] as const;
export type TriageSign = (typeof triageSigns)[number];
export type TriageLevel = OhssLevel;

export interface TriageReason {
  readonly sign: TriageSign;
  readonly level: TriageLevel;
  /** Values the words name (`kg` for weight gain). */
  readonly params: Readonly<Record<string, number>>;
  readonly source: SignSource;
}

/** Whom to call. */
export type Contact = "crisis-line" | "emergency-number" | "clinic";

export interface SymptomTriage {
  readonly stage: CareStage | null;
  /** The most urgent level among the reasons. */
  readonly level: TriageLevel;
  /** Most urgent first. */
  readonly reasons: readonly TriageReason[];
  /** The sources of this stage's rules, in one line. */
  readonly source: string;
  /**
   * Whom to call, first first. `emergency`: the emergency number, then the
   * clinic; when thoughts of self-harm are the only emergency sign, the
   * country's crisis line comes first (if Trellis knows one), then the
   * emergency number. `call-clinic`: the clinic. `none`: nobody.
   */
  readonly callOrder: readonly Contact[];
  readonly emergencyNumber: EmergencyNumber;
  /** The country's crisis lines, crisis lines first (`crisisLinesFor`). */
  readonly crisisLines: readonly CrisisLine[];
}

// Sources (docs/clinical-reference.md sections in the last argument).
const DEFAULT = signSource(
  "Trellis's default levels for warning signs at any stage, kept conservative",
  "unverified",
  "8",
);
const CLINIC_AFTER_RETRIEVAL = signSource(
  "Clinic instructions after egg collection",
  "secondary",
  "8.1",
);
const INFECTION_AFTER_RETRIEVAL = signSource(
  "Ludwig 2006 (pelvic infection after collection is rare); calling the clinic is Trellis's choice",
  "unverified",
  "8.1",
);
const CLINIC_AFTER_TRANSFER = signSource("Clinic pages after embryo transfer", "secondary", "8.2");
const LATE_OHSS = signSource(
  "Dahl Lyons 1994: late OHSS starts 12-17 days after the trigger if a pregnancy begins",
  "checked",
  "8.2",
);
const NIDIRECT_ECTOPIC = signSource(
  "nidirect (NHS content) on ectopic pregnancy",
  "checked",
  "8.3",
);
const NIDIRECT_RUPTURE = signSource(
  "nidirect (NHS content): pain with feeling very dizzy or fainting can be a rupture; call 999",
  "checked",
  "8.3",
);
const SHOULDER_TIP_PREGNANT = signSource(
  "nidirect and the WHO family-planning handbook (shoulder-tip pain, blood under the diaphragm); emergency in pregnancy is Trellis's default",
  "unverified",
  "8.3",
);
const TOMMYS = signSource("Tommy's on bleeding in pregnancy", "checked", "8.3");
const NHS_MISCARRIAGE = signSource("NHS-derived pages on miscarriage", "secondary", "8.3");
const NHS_PRE_ECLAMPSIA = signSource("NHS page on pre-eclampsia", "checked", "8.4");
const NHS_MOVEMENTS = signSource("NHS trust pages on baby's movements", "checked", "8.4");
const NHS_MOVEMENTS_URGENT = signSource(
  "NHS trust triage: reduced movements with pain or bleeding need urgent help",
  "checked",
  "8.4",
);
const NHS_WATERS = signSource("NHS Healthier Together on waters breaking", "checked", "8.4");
const PREGNANT_CHOICE = signSource(
  "Not in the pregnancy tables; Trellis's conservative choice",
  "unverified",
  "8.3",
);
const POSTNATAL_WATCH = signSource(
  "UK postnatal pages (bleeding easing over days, after-pains)",
  "secondary",
  "8.5",
);
const HSE_NICE = signSource("HSE Ireland; NICE CG37 postnatal care", "checked", "8.5");
const AWHONN = signSource("AWHONN POST-BIRTH warning signs", "checked", "8.5");
const NICE_HAEMORRHAGE = signSource(
  "NICE CG37 postnatal care: sudden, heavy or increasing blood loss means a possible haemorrhage (HSE calls heavier bleeding again a call today; Trellis takes the higher level)",
  "checked",
  "8.5",
);
const AWHONN_NICE = signSource("AWHONN POST-BIRTH warning signs; NICE CG37", "checked", "8.5");
const SEPSIS = signSource("NHS trust pages on sepsis after birth", "checked", "8.5");
const LEG_AFTER_BIRTH = signSource(
  "AWHONN says call the provider, NHS trusts say emergency; Trellis uses emergency",
  "unverified",
  "8.5",
);
const WOUND = signSource("AWHONN; Alberta MyHealth", "checked", "8.5");
const SELF_HARM = signSource(
  "NHS 111 mental health pages: a crisis line now, the emergency number if a life is at risk",
  "checked",
  "9",
);
const HARM_OTHERS = signSource(
  "AWHONN: thoughts of hurting yourself or your baby, call 911",
  "checked",
  "9",
);
const MOOD_LOW = signSource(
  "NHS content on low mood after a birth or bad news; support lines offered",
  "secondary",
  "9",
);
const MOOD_VERY_LOW = signSource(
  "HSE Ireland: see a GP for low mood that affects daily life; calling today for very low mood is Trellis's choice",
  "unverified",
  "9",
);

const rank: Record<TriageLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };
const atLeastMild = (s: OhssSymptoms["abdominalPain"]) =>
  s === "mild" || s === "moderate" || s === "severe";
/** After a transfer, bloating and nausea count as late OHSS from this day (Dahl Lyons: 12-17 days after the trigger, about 5-10 after a day-5 transfer). */
const LATE_OHSS_FROM_DAY = 5;
/**
 * The after-transfer window: the two-week wait and a week's margin. It is
 * the `after-transfer` stage's length, and in a pregnancy the time the late
 * OHSS signs still count.
 */
export const AFTER_TRANSFER_DAYS = 21;

/** Collects reasons: one per sign, the highest level winning, the first source on a tie. */
class Reasons {
  readonly bySign = new Map<TriageSign, TriageReason>();
  add(
    sign: TriageSign,
    level: TriageLevel,
    source: SignSource,
    params: Record<string, number> = {},
  ): void {
    const had = this.bySign.get(sign);
    if (had && rank[had.level] >= rank[level]) return;
    this.bySign.set(sign, { sign, level, params, source });
  }
  has(sign: TriageSign): boolean {
    return this.bySign.has(sign);
  }
  drop(sign: TriageSign): void {
    this.bySign.delete(sign);
  }
}

const finite = (n: number | null | undefined): number | null =>
  typeof n === "number" && Number.isFinite(n) ? n : null;

/**
 * Sorts a check-in into `emergency`, `call-clinic` or `none` for the stage,
 * with a reason per sign, its level and its source, and whom to call first.
 * The rules, stage by stage, are in the README and in the functions below;
 * a sign outside a stage's tables is not counted there, except the signs
 * that are an emergency at every stage (fainting, a fit, confusion, chest
 * pain, shortness of breath, coughing blood, a racing heart or fast
 * breathing, calf pain or swelling, severe abdominal pain, a tight abdomen,
 * almost no urine for 12 hours, soaking a pad in an hour, thoughts of
 * self-harm or of harming others) and mood.
 *
 * Never throws. Validate untrusted input with `parseStageSymptoms` first.
 */
export function symptomTriage(input: SymptomTriageInput): SymptomTriage {
  const s: StageSymptoms =
    typeof input?.symptoms === "object" && input.symptoms !== null ? input.symptoms : {};
  const stage = careStages.includes(input?.stage as CareStage) ? (input.stage as CareStage) : null;
  const weeks = finite(input?.pregnancyWeeks);
  const days = finite(input?.daysSinceTransfer);
  const out = new Reasons();

  switch (stage) {
    case "stimulation":
    case "after-retrieval":
      ohss(out, s);
      aroundRetrieval(out, s);
      break;
    case "after-transfer":
      ohss(out, s);
      lateOhss(out, s, days);
      afterTransfer(out, s);
      break;
    case "pregnant":
      pregnant(out, s, weeks);
      if (days !== null && days <= AFTER_TRANSFER_DAYS) {
        ohss(out, s);
        lateOhss(out, s, days);
      }
      break;
    case "after-loss":
    case "after-birth":
      afterLossOrBirth(out, s);
      break;
    case null:
      general(out, s);
      break;
  }
  everyStage(out, s);

  const reasons = [...out.bySign.values()].sort(
    (a, b) =>
      rank[b.level] - rank[a.level] || triageSigns.indexOf(a.sign) - triageSigns.indexOf(b.sign),
  );
  const level = reasons[0]?.level ?? "none";
  const crisisLines = crisisLinesFor(input?.country);
  return {
    stage,
    level,
    reasons,
    source: stageSources[stage ?? "general"],
    callOrder: callOrder(reasons, level, crisisLines),
    emergencyNumber: emergencyNumberFor(input?.country),
    crisisLines,
  };
}

function callOrder(
  reasons: readonly TriageReason[],
  level: TriageLevel,
  lines: readonly CrisisLine[],
): Contact[] {
  if (level === "none") return [];
  if (level === "call-clinic") return ["clinic"];
  const emergencies = reasons.filter((r) => r.level === "emergency");
  const selfHarmOnly = emergencies.every((r) => r.sign === "thoughts-of-self-harm");
  if (selfHarmOnly && lines.some((l) => l.crisis))
    return ["crisis-line", "emergency-number", "clinic"];
  const withCrisis =
    emergencies.some((r) => r.sign === "thoughts-of-self-harm") && lines.some((l) => l.crisis);
  return withCrisis
    ? ["emergency-number", "crisis-line", "clinic"]
    : ["emergency-number", "clinic"];
}

/** The OHSS rules (`ohssTriage`), with their sources. */
function ohss(out: Reasons, s: StageSymptoms): void {
  for (const { sign, params } of ohssFindings(s)) {
    const rule = ohssRules[sign];
    out.add(sign, rule.level, rule.source, params);
  }
}

/** §8.1: bleeding and infection around egg collection (the OHSS rules come from `ohss`). */
function aroundRetrieval(out: Reasons, s: StageSymptoms): void {
  if (s.bleeding === "spotting" || s.bleeding === "light")
    out.add("bleeding-light", "none", CLINIC_AFTER_RETRIEVAL);
  if (s.bleeding === "heavy") out.add("bleeding-heavy", "call-clinic", CLINIC_AFTER_RETRIEVAL);
  if (s.clotsLargerThanPlum === true) out.add("clots", "call-clinic", DEFAULT);
  if (s.foulDischarge === true) out.add("foul-discharge", "call-clinic", INFECTION_AFTER_RETRIEVAL);
}

/**
 * §8.2: bloating and nausea that return or start from day 5 after a transfer
 * can be late OHSS: call the clinic (before then they are to watch, as after
 * stimulation). Weight gain already calls the clinic.
 */
function lateOhss(out: Reasons, s: StageSymptoms, days: number | null): void {
  if (days !== null && days < LATE_OHSS_FROM_DAY) return;
  if (atLeastMild(s.bloating)) {
    out.add("bloating-after-transfer", "call-clinic", LATE_OHSS);
    out.drop("bloating");
  }
  if (atLeastMild(s.nausea)) {
    out.add("nausea-after-transfer", "call-clinic", LATE_OHSS);
    out.drop("nausea");
  }
}

/** §8.2: bleeding, and the pains of an ectopic pregnancy, in the wait after a transfer. */
function afterTransfer(out: Reasons, s: StageSymptoms): void {
  if (s.bleeding === "spotting" || s.bleeding === "light")
    out.add("spotting-after-transfer", "none", CLINIC_AFTER_TRANSFER);
  if (s.bleeding === "heavy") out.add("bleeding-heavy", "call-clinic", CLINIC_AFTER_TRANSFER);
  if (s.clotsLargerThanPlum === true) out.add("clots", "call-clinic", CLINIC_AFTER_TRANSFER);
  if (s.oneSidedPain === true) out.add("one-sided-pain", "call-clinic", NIDIRECT_ECTOPIC);
  if (s.shoulderTipPain === true) out.add("shoulder-tip-pain", "call-clinic", NIDIRECT_ECTOPIC);
  if ((s.oneSidedPain === true || s.shoulderTipPain === true) && s.dizziness === true)
    out.add("pain-with-dizziness", "emergency", NIDIRECT_RUPTURE);
}

/** §8.3 and §8.4: early and later pregnancy. */
function pregnant(out: Reasons, s: StageSymptoms, weeks: number | null): void {
  const params: Record<string, number> = weeks === null ? {} : { weeks };
  if (s.bleeding === "spotting" || s.bleeding === "light")
    out.add("bleeding-in-pregnancy", "call-clinic", TOMMYS, params);
  if (s.bleeding === "heavy") {
    // Tommy's: any bleeding from 20 weeks, call now; heavy, an emergency. Unknown weeks: the safer reading.
    if (weeks === null || weeks >= 20)
      out.add("heavy-bleeding-in-pregnancy", "emergency", TOMMYS, params);
    else out.add("heavy-bleeding-in-pregnancy", "call-clinic", NHS_MISCARRIAGE, params);
  }
  if (s.bleeding === "soaking-pad-an-hour") out.add("bleeding-soaking-pad", "emergency", TOMMYS);
  if (s.clotsLargerThanPlum === true) out.add("clots", "emergency", TOMMYS);
  if (s.abdominalPain === "severe") out.add("severe-abdominal-pain", "emergency", TOMMYS);
  else if (atLeastMild(s.abdominalPain) && s.painTrend === "worse")
    out.add("pain-increasing", "call-clinic", PREGNANT_CHOICE);
  else if (atLeastMild(s.abdominalPain)) out.add("abdominal-pain", "none", PREGNANT_CHOICE);
  if (s.oneSidedPain === true) out.add("one-sided-pain", "call-clinic", NIDIRECT_ECTOPIC);
  if (s.shoulderTipPain === true) out.add("shoulder-tip-pain", "emergency", SHOULDER_TIP_PREGNANT);
  if (s.oneSidedPain === true && s.dizziness === true)
    out.add("pain-with-dizziness", "emergency", NIDIRECT_RUPTURE);
  if (s.dizziness === true) out.add("dizziness", "call-clinic", NIDIRECT_RUPTURE);
  if (s.fainting === true) out.add("fainting", "emergency", NIDIRECT_RUPTURE);
  if (s.fever === true) out.add("fever", "call-clinic", PREGNANT_CHOICE);
  if (s.severeHeadache === true) out.add("severe-headache", "call-clinic", NHS_PRE_ECLAMPSIA);
  if (s.visionChanges === true) out.add("vision-changes", "call-clinic", NHS_PRE_ECLAMPSIA);
  if (s.suddenSwelling === true) out.add("sudden-swelling", "call-clinic", NHS_PRE_ECLAMPSIA);
  if (s.reducedMovements === true) {
    out.add("reduced-movements", "call-clinic", NHS_MOVEMENTS);
    const pain = atLeastMild(s.abdominalPain) || s.oneSidedPain === true;
    const bleeding = s.bleeding !== undefined && s.bleeding !== "none";
    if (pain || bleeding)
      out.add("reduced-movements-with-pain-or-bleeding", "emergency", NHS_MOVEMENTS_URGENT);
  }
  if (s.fluidLeak === true) out.add("fluid-leak", "call-clinic", NHS_WATERS);
}

/** §8.5: after a miscarriage, a loss or a birth (the body recovers as after any birth). */
function afterLossOrBirth(out: Reasons, s: StageSymptoms): void {
  if (s.bleeding === "spotting" || s.bleeding === "light")
    out.add("bleeding-light", "none", POSTNATAL_WATCH);
  // NICE CG37 reads sudden, heavy or increasing blood loss as a possible haemorrhage; HSE's
  // "heavier bleeding again" is a call. One sign in two rows takes the higher level (§8 rules).
  if (s.bleeding === "heavy") out.add("bleeding-heavy", "emergency", NICE_HAEMORRHAGE);
  if (s.bleeding === "soaking-pad-an-hour")
    out.add("bleeding-soaking-pad", "emergency", AWHONN_NICE);
  if (s.clotsLargerThanPlum === true) out.add("clots", "emergency", AWHONN);
  if (s.fever === true) out.add("fever", "call-clinic", HSE_NICE);
  if (s.foulDischarge === true) out.add("foul-discharge", "call-clinic", HSE_NICE);
  if (atLeastMild(s.abdominalPain) && s.abdominalPain !== "severe") {
    if (s.painTrend === "worse") out.add("pain-increasing", "call-clinic", HSE_NICE);
    else out.add("abdominal-pain", "none", POSTNATAL_WATCH);
  }
  if (s.dizziness === true) out.add("dizziness", "emergency", AWHONN_NICE);
  if (s.fainting === true) out.add("fainting", "emergency", AWHONN_NICE);
  if (s.racingHeartOrFastBreathing === true)
    out.add("racing-heart-or-fast-breathing", "emergency", AWHONN_NICE);
  if (s.calfPainOrSwelling === true) out.add("calf-pain-or-swelling", "emergency", LEG_AFTER_BIRTH);
  if (s.shortnessOfBreath === true) out.add("shortness-of-breath", "emergency", AWHONN);
  if (s.chestPain === true) out.add("chest-pain", "emergency", AWHONN);
  if (s.coughingBlood === true) out.add("coughing-blood", "emergency", HSE_NICE);
  if (s.seizure === true) out.add("seizure", "emergency", AWHONN);
  if (s.confusion === true) out.add("confusion", "emergency", SEPSIS);
  if (s.urine === "almost-none-12h") out.add("urine-almost-none-12h", "emergency", SEPSIS);
  if (s.severeHeadache === true) out.add("severe-headache", "call-clinic", AWHONN);
  if (s.visionChanges === true) out.add("vision-changes", "call-clinic", AWHONN);
  if (s.woundProblem === true) out.add("wound-problem", "call-clinic", WOUND);
}

/** No stage known: the common signs, each at least as cautious as in any stage's table that asks it. */
function general(out: Reasons, s: StageSymptoms): void {
  if (s.bleeding === "spotting" || s.bleeding === "light")
    out.add("bleeding-light", "none", DEFAULT);
  if (s.bleeding === "heavy") out.add("bleeding-heavy", "call-clinic", DEFAULT);
  if (s.clotsLargerThanPlum === true) out.add("clots", "call-clinic", DEFAULT);
  if (atLeastMild(s.abdominalPain) && s.abdominalPain !== "severe") {
    if (s.painTrend === "worse") out.add("pain-increasing", "call-clinic", DEFAULT);
    else out.add("abdominal-pain", "none", DEFAULT);
  }
  if (s.dizziness === true) out.add("dizziness", "call-clinic", DEFAULT);
  if (s.fever === true) out.add("fever", "call-clinic", DEFAULT);
  if (s.foulDischarge === true) out.add("foul-discharge", "call-clinic", DEFAULT);
}

/** The default mapping's emergency signs (any stage) and mood (§9). Stage rules ran first, so their sources win. */
function everyStage(out: Reasons, s: StageSymptoms): void {
  if (s.thoughtsOfSelfHarm === true) out.add("thoughts-of-self-harm", "emergency", SELF_HARM);
  if (s.thoughtsOfHarmingOthers === true)
    out.add("thoughts-of-harming-others", "emergency", HARM_OTHERS);
  if (s.bleeding === "soaking-pad-an-hour") out.add("bleeding-soaking-pad", "emergency", DEFAULT);
  if (s.fainting === true) out.add("fainting", "emergency", DEFAULT);
  if (s.seizure === true) out.add("seizure", "emergency", DEFAULT);
  if (s.confusion === true) out.add("confusion", "emergency", DEFAULT);
  if (s.chestPain === true) out.add("chest-pain", "emergency", DEFAULT);
  if (s.shortnessOfBreath === true) out.add("shortness-of-breath", "emergency", DEFAULT);
  if (s.coughingBlood === true) out.add("coughing-blood", "emergency", DEFAULT);
  if (s.racingHeartOrFastBreathing === true)
    out.add("racing-heart-or-fast-breathing", "emergency", DEFAULT);
  if (s.calfPainOrSwelling === true) out.add("calf-pain-or-swelling", "emergency", DEFAULT);
  if (s.urine === "almost-none-12h") out.add("urine-almost-none-12h", "emergency", DEFAULT);
  if (s.abdominalPain === "severe") out.add("severe-abdominal-pain", "emergency", DEFAULT);
  if (s.tightAbdomen === true) out.add("tight-abdomen", "emergency", DEFAULT);
  if (s.mood === "very-low") out.add("mood-very-low", "call-clinic", MOOD_VERY_LOW);
  if (s.mood === "low") out.add("mood-low", "none", MOOD_LOW);
}

const stageSources: Record<CareStage | "general", string> = {
  stimulation:
    "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 and its patient leaflet; clinic instructions (clinical reference §5, §8.1, §9)",
  "after-retrieval":
    "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 and its patient leaflet; clinic instructions; Ludwig 2006 (clinical reference §5, §8.1, §9)",
  "after-transfer":
    "Clinic pages after transfer; nidirect (NHS content) on ectopic pregnancy; Dahl Lyons 1994 on late OHSS; RCOG Green-top Guideline No. 5 (clinical reference §8.1, §8.2, §9)",
  pregnant:
    "Tommy's; nidirect (NHS content); NHS pages on pre-eclampsia, baby's movements and waters breaking; ACOG (clinical reference §8.3, §8.4, §9)",
  "after-loss":
    "AWHONN POST-BIRTH warning signs; NICE CG37; HSE Ireland; NHS trust pages (clinical reference §8.5, §9)",
  "after-birth":
    "AWHONN POST-BIRTH warning signs; NICE CG37; HSE Ireland; NHS trust pages (clinical reference §8.5, §9)",
  general:
    "Warning signs that need care at any stage, kept conservative (clinical reference §8, §9)",
};

/** The new questions' schemas beside the OHSS ones: what `parseStageSymptoms` and the stored check accept. */
export const stageSymptomFields = {
  ...ohssSymptomFields,
  bleeding: z.enum(bleedingAnswers).optional(),
  clotsLargerThanPlum: yesNo.optional(),
  oneSidedPain: yesNo.optional(),
  shoulderTipPain: yesNo.optional(),
  foulDischarge: yesNo.optional(),
  severeHeadache: yesNo.optional(),
  visionChanges: yesNo.optional(),
  suddenSwelling: yesNo.optional(),
  reducedMovements: yesNo.optional(),
  fluidLeak: yesNo.optional(),
  mood: z.enum(moodAnswers).optional(),
  thoughtsOfSelfHarm: yesNo.optional(),
  thoughtsOfHarmingOthers: yesNo.optional(),
  confusion: yesNo.optional(),
  seizure: yesNo.optional(),
  coughingBlood: yesNo.optional(),
  woundProblem: yesNo.optional(),
};
const stageSymptomsSchema = z.strictObject(stageSymptomFields);

/**
 * Checks an untrusted check-in for `symptomTriage`, as `parseOhssSymptoms`
 * does: `null` means unanswered and is dropped; an unknown field is refused
 * (`unknown-symptom`), so a misspelled sign can never silently drop out;
 * a bad answer is refused naming its field (`invalid-field`).
 */
export function parseStageSymptoms(raw: unknown): Result<StageSymptoms, Problem> {
  return parseAnswers(stageSymptomsSchema, raw);
}
