import { type OhssSymptoms, ohssFindings, ohssRules } from "./ohss.ts";
import type { SignSource } from "./source.ts";
import {
  AFTER_TRANSFER_DAYS,
  type CareStage,
  type StageSymptoms,
  type TriageLevel,
  type TriageReason,
  type TriageSign,
  triageSigns,
} from "./triage-signs.ts";
import {
  AWHONN,
  AWHONN_NICE,
  CLINIC_AFTER_RETRIEVAL,
  CLINIC_AFTER_TRANSFER,
  DEFAULT,
  HARM_OTHERS,
  HSE_NICE,
  INFECTION_AFTER_RETRIEVAL,
  LATE_OHSS,
  LEG_AFTER_BIRTH,
  MOOD_LOW,
  MOOD_VERY_LOW,
  NHS_MISCARRIAGE,
  NHS_MOVEMENTS,
  NHS_MOVEMENTS_URGENT,
  NHS_PRE_ECLAMPSIA,
  NHS_WATERS,
  NICE_HAEMORRHAGE,
  NIDIRECT_ECTOPIC,
  NIDIRECT_RUPTURE,
  POSTNATAL_WATCH,
  PREGNANT_CHOICE,
  SELF_HARM,
  SEPSIS,
  SHOULDER_TIP_PREGNANT,
  TOMMYS,
  WOUND,
} from "./triage-sources.ts";

/**
 * The symptom check's rules, stage by stage (docs/clinical-reference.md
 * §8.1-§8.5, §9, OHSS §5): which sign is at which level in each stage's
 * table, then the signs that are an emergency at every stage, and mood.
 * One reason per sign; the higher level wins.
 */

const rank: Record<TriageLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };
const atLeastMild = (s: OhssSymptoms["abdominalPain"]) =>
  s === "mild" || s === "moderate" || s === "severe";
/** After a transfer, bloating and nausea count as late OHSS from this day (Dahl Lyons: 12-17 days after the trigger, about 5-10 after a day-5 transfer). */
const LATE_OHSS_FROM_DAY = 5;

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

/**
 * The reasons for what a person reports in a stage, most urgent first: the
 * stage's tables, then the signs of every stage (their sources lose a tie).
 */
export function stageReasons(
  stage: CareStage | null,
  s: StageSymptoms,
  weeks: number | null,
  days: number | null,
): TriageReason[] {
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

  return [...out.bySign.values()].sort(
    (a, b) =>
      rank[b.level] - rank[a.level] || triageSigns.indexOf(a.sign) - triageSigns.indexOf(b.sign),
  );
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
