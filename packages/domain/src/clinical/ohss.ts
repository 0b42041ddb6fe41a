/** Answers "do these symptoms after stimulation mean I should call my clinic, or get emergency care now?". */
import { z } from "zod";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";
import { problemFromZod } from "../core/zod-problem.ts";
import { type SignSource, signSource } from "./source.ts";

/**
 * OHSS, ovarian hyperstimulation syndrome: after the stimulation injections
 * the ovaries can over-respond, and fluid leaks out of blood vessels into the
 * abdomen (bloating, weight gain, less urine) and sometimes around the lungs
 * (shortness of breath); the blood thickens and clots more easily (calf pain).
 * It usually starts within 10 days of the injections and is worse if a
 * pregnancy begins (clinical-reference §5).
 *
 * This module never diagnoses. It sorts what a person reports into the
 * triage levels of clinical-reference §5 "App triage" and the §8.1 table of
 * warning signs during stimulation and after retrieval [unverified where the
 * level is our choice, kept conservative].
 */

export type Severity = "none" | "mild" | "moderate" | "severe";
export type Trend = "better" | "same" | "worse";

/** What a daily check-in asks after stimulation or retrieval. Every field is optional. */
export interface OhssSymptoms {
  readonly bloating?: Severity;
  readonly bloatingTrend?: Trend;
  readonly abdominalPain?: Severity;
  readonly painTrend?: Trend;
  readonly nausea?: Severity;
  readonly vomiting?: "none" | "some" | "cannot-keep-down";
  readonly diarrhoea?: boolean;
  /** Change in weight over the last day, in kg; a loss is negative. */
  readonly weightGainKgLastDay?: number;
  /** Change in weight since stimulation began, in kg; a loss is negative. */
  readonly weightGainKgTotal?: number;
  /** The waist measuring or feeling bigger: fluid collecting in the abdomen. */
  readonly waistGrowing?: boolean;
  readonly urine?: "normal" | "less" | "much-less" | "almost-none-12h";
  readonly shortnessOfBreath?: boolean;
  readonly chestPain?: boolean;
  /** Heart racing or breathing fast at rest. */
  readonly racingHeartOrFastBreathing?: boolean;
  readonly calfPainOrSwelling?: boolean;
  /** Dizzy or light-headed, without fainting. */
  readonly dizziness?: boolean;
  readonly fainting?: boolean;
  readonly fever?: boolean;
  /** The abdomen tight, tense and swollen (tense ascites). */
  readonly tightAbdomen?: boolean;
}

/**
 * `emergency`: seek emergency care now. `call-clinic`: call the clinic today
 * (RCOG Green-top 5 asks clinics to give a 24-hour number). `none`: nothing
 * here needs a call; a reason at this level is something to watch.
 */
export type OhssLevel = "none" | "call-clinic" | "emergency";

/**
 * Stable ids of the signs, also the keys of the web app's message catalogue,
 * most urgent first. The ones at level `none` ("watch" signs) are common
 * after stimulation and are not triggers on their own; they are returned so
 * the check-in can show what to keep an eye on.
 */
export const ohssSigns = [
  // emergency
  "shortness-of-breath",
  "chest-pain",
  "racing-heart-or-fast-breathing",
  "calf-pain-or-swelling",
  "fainting",
  "urine-almost-none-12h",
  "severe-abdominal-pain",
  "tight-abdomen",
  "fever",
  // call the clinic today
  "moderate-ohss",
  "pain-increasing",
  "bloating-severe",
  "bloating-increasing",
  "waist-growing",
  "vomiting-cannot-keep-down",
  "vomiting",
  "weight-gain-day",
  "weight-gain-total",
  "urine-much-less",
  "urine-less",
  "dizziness",
  // watch
  "abdominal-pain",
  "bloating",
  "nausea",
  "diarrhoea",
] as const;
export type OhssSign = (typeof ohssSigns)[number];

export interface OhssReason {
  /** Stable id, the message-catalogue key. */
  readonly sign: OhssSign;
  readonly level: OhssLevel;
  /** Values the words name, e.g. `{ kg: 1.4 }` for weight gain. */
  readonly params: Readonly<Record<string, number>>;
  /** Where the sign and its level come from. */
  readonly source: SignSource;
}

export interface OhssTriage {
  /** The most urgent level among the reasons. */
  readonly level: OhssLevel;
  /** Most urgent first. */
  readonly reasons: readonly OhssReason[];
  readonly source: string;
}

/** clinical-reference §5 and §8.1: signs from Mayo Clinic and RCOG; the triage lists are [unverified]. */
export const OHSS_SOURCE =
  "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 and its patient leaflet (clinical reference §5 and §8.1, app triage kept conservative)";

/** clinical-reference §5 App triage: "weight gain of 1 kg or more in a day". */
const WEIGHT_GAIN_DAY_KG = 1;
/** clinical-reference §5 App triage: "or 3 kg in total" (Mayo: sudden weight gain over 3 kg). */
const WEIGHT_GAIN_TOTAL_KG = 3;

const RCOG_CRITICAL = signSource(
  "RCOG Green-top Guideline No. 5 (2016), critical grade",
  "secondary",
  "8.1",
);
const RCOG_MODERATE = signSource(
  "RCOG Green-top Guideline No. 5 (2016), moderate grade: moderate pain with nausea and/or vomiting",
  "secondary",
  "8.1",
);
const RCOG_LEAFLET = signSource("RCOG patient leaflet on OHSS (clinic copy)", "secondary", "8.1");
const RCOG_LEAFLET_MILD = signSource(
  "RCOG patient leaflet on OHSS (2016), mild OHSS",
  "checked",
  "8.1",
);
const APP_TRIAGE = signSource("Trellis's OHSS triage, kept conservative", "unverified", "5");

/** Each sign's level and source (clinical-reference §5 "App triage" and the §8.1 table). */
export const ohssRules: Readonly<Record<OhssSign, { level: OhssLevel; source: SignSource }>> = {
  "shortness-of-breath": { level: "emergency", source: RCOG_LEAFLET },
  "chest-pain": { level: "emergency", source: RCOG_LEAFLET },
  "racing-heart-or-fast-breathing": {
    level: "emergency",
    source: signSource(
      "RCOG Green-top Guideline No. 5, critical grade (acute respiratory distress); a racing heart is counted with it",
      "unverified",
      "8.1",
    ),
  },
  "calf-pain-or-swelling": { level: "emergency", source: RCOG_LEAFLET },
  fainting: { level: "emergency", source: RCOG_CRITICAL },
  "urine-almost-none-12h": { level: "emergency", source: RCOG_CRITICAL },
  "severe-abdominal-pain": { level: "emergency", source: RCOG_CRITICAL },
  "tight-abdomen": {
    level: "emergency",
    source: signSource(
      "RCOG Green-top Guideline No. 5 (2016), critical grade: tense abdomen",
      "secondary",
      "8.1",
    ),
  },
  fever: { level: "emergency", source: APP_TRIAGE },
  "moderate-ohss": { level: "call-clinic", source: RCOG_MODERATE },
  "pain-increasing": { level: "call-clinic", source: RCOG_LEAFLET },
  "bloating-severe": { level: "call-clinic", source: APP_TRIAGE },
  "bloating-increasing": { level: "call-clinic", source: APP_TRIAGE },
  "waist-growing": {
    level: "call-clinic",
    source: signSource("Mayo Clinic (growing waist); RBEJ 2012 OHSS table", "checked", "8.1"),
  },
  "vomiting-cannot-keep-down": { level: "call-clinic", source: RCOG_LEAFLET },
  vomiting: { level: "call-clinic", source: RCOG_LEAFLET },
  "weight-gain-day": { level: "call-clinic", source: APP_TRIAGE },
  "weight-gain-total": { level: "call-clinic", source: APP_TRIAGE },
  "urine-much-less": { level: "call-clinic", source: RCOG_LEAFLET },
  "urine-less": { level: "call-clinic", source: APP_TRIAGE },
  dizziness: {
    level: "call-clinic",
    source: signSource(
      "Feeling faint, a step before fainting (RCOG critical grade); calling the clinic is Trellis's choice",
      "unverified",
      "8.1",
    ),
  },
  "abdominal-pain": { level: "none", source: RCOG_LEAFLET_MILD },
  bloating: { level: "none", source: RCOG_LEAFLET_MILD },
  nausea: { level: "none", source: RCOG_LEAFLET_MILD },
  diarrhoea: {
    level: "none",
    source: signSource("Mayo Clinic patient guidance on OHSS", "checked", "5"),
  },
};

const rank: Record<OhssLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };
const atLeastMild = (s: Severity | undefined) => s === "mild" || s === "moderate" || s === "severe";
/** kg in words: one decimal, as scales show it. */
const kg = (n: number) => Math.round(n * 10) / 10;

/**
 * The signs a check-in shows, each once, with its parameters; the order and
 * levels come from `ohssRules`. Used by `ohssTriage` and by `symptomTriage`
 * for the stages where OHSS can happen.
 */
export function ohssFindings(
  symptoms: OhssSymptoms,
): { sign: OhssSign; params: Record<string, number> }[] {
  const s: OhssSymptoms = typeof symptoms === "object" && symptoms !== null ? symptoms : {};
  const found: { sign: OhssSign; params: Record<string, number> }[] = [];
  const add = (sign: OhssSign, params: Record<string, number> = {}) => found.push({ sign, params });

  if (s.shortnessOfBreath === true) add("shortness-of-breath");
  if (s.chestPain === true) add("chest-pain");
  if (s.racingHeartOrFastBreathing === true) add("racing-heart-or-fast-breathing");
  if (s.calfPainOrSwelling === true) add("calf-pain-or-swelling");
  if (s.fainting === true) add("fainting");
  if (s.urine === "almost-none-12h") add("urine-almost-none-12h");
  if (s.tightAbdomen === true) add("tight-abdomen");
  if (s.fever === true) add("fever");

  const sick = atLeastMild(s.nausea) || s.vomiting === "some" || s.vomiting === "cannot-keep-down";
  if (s.abdominalPain === "severe") add("severe-abdominal-pain");
  else {
    if (s.abdominalPain === "moderate" && sick) add("moderate-ohss");
    if (atLeastMild(s.abdominalPain) && s.painTrend === "worse") add("pain-increasing");
    else if (atLeastMild(s.abdominalPain) && !(s.abdominalPain === "moderate" && sick))
      add("abdominal-pain");
  }

  if (s.bloating === "severe") add("bloating-severe");
  else if (atLeastMild(s.bloating) && s.bloatingTrend === "worse") add("bloating-increasing");
  else if (atLeastMild(s.bloating)) add("bloating");
  if (s.waistGrowing === true) add("waist-growing");

  if (s.vomiting === "cannot-keep-down") add("vomiting-cannot-keep-down");
  else if (s.vomiting === "some") add("vomiting");

  const day = s.weightGainKgLastDay;
  if (typeof day === "number" && day >= WEIGHT_GAIN_DAY_KG) add("weight-gain-day", { kg: kg(day) });
  const total = s.weightGainKgTotal;
  if (typeof total === "number" && total >= WEIGHT_GAIN_TOTAL_KG) {
    add("weight-gain-total", { kg: kg(total) });
  }

  if (s.urine === "much-less") add("urine-much-less");
  else if (s.urine === "less") add("urine-less");

  if (s.dizziness === true) add("dizziness");
  // Nausea beside moderate pain is the moderate pattern's; on its own it is to watch.
  if (atLeastMild(s.nausea) && !found.some((f) => f.sign === "moderate-ohss")) add("nausea");
  if (s.diarrhoea === true) add("diarrhoea");
  return found;
}

/**
 * Sorts a check-in into `emergency`, `call-clinic` or `none`, with a reason
 * per sign and its source. Rules (clinical-reference §5 "App triage" and the
 * §8.1 table, whichever is higher):
 *
 * - emergency: shortness of breath; chest pain; a racing heart or fast
 *   breathing; calf pain or swelling; fainting; almost no urine for 12
 *   hours; severe abdominal pain; a tight, tense abdomen (RCOG's critical
 *   grade); fever (§5).
 * - call the clinic today: RCOG's moderate pattern (moderate pain with
 *   nausea and/or vomiting); pain or bloating that keeps increasing (trend
 *   `worse` with at least mild); severe bloating; a growing waist; any
 *   vomiting (§8.1: "vomiting, or cannot keep fluids down"); >= 1 kg gained
 *   in a day or >= 3 kg in total; less or much less urine; dizziness.
 *   Our choices, all towards caution: `urine: "less"` calls the clinic (the
 *   reference says "clearly less", and a person unsure whether it is clear
 *   should still ask); dizziness, a step before fainting, calls the clinic.
 * - watch (level `none`): pain or bloating that is there but not severe and
 *   not increasing, nausea on its own, diarrhoea.
 *
 * Never throws. Numbers that are not finite are ignored as unanswered:
 * validate untrusted input with `parseOhssSymptoms` first.
 */
export function ohssTriage(symptoms: OhssSymptoms): OhssTriage {
  const reasons = ohssFindings(symptoms)
    .map(({ sign, params }): OhssReason => ({ sign, params, ...ohssRules[sign] }))
    .sort(
      (a, b) =>
        rank[b.level] - rank[a.level] || ohssSigns.indexOf(a.sign) - ohssSigns.indexOf(b.sign),
    );
  return { level: reasons[0]?.level ?? "none", reasons, source: OHSS_SOURCE };
}

const severity = z.enum(["none", "mild", "moderate", "severe"]);
const trend = z.enum(["better", "same", "worse"]);
/** A yes-or-no answer. */
export const yesNo = z.boolean();
/**
 * Plausibility guards, not clinical facts: wider than any real change, so only
 * typos (50 kg in a day, a total typed in grams) are refused.
 */
const kgChange = (limit: number) => z.number().min(-limit).max(limit);

/** The OHSS questions' schemas, shared with the stage-aware check. */
export const ohssSymptomFields = {
  bloating: severity.optional(),
  bloatingTrend: trend.optional(),
  abdominalPain: severity.optional(),
  painTrend: trend.optional(),
  nausea: severity.optional(),
  vomiting: z.enum(["none", "some", "cannot-keep-down"]).optional(),
  diarrhoea: yesNo.optional(),
  weightGainKgLastDay: kgChange(10).optional(), // guard: ±10 kg/day
  weightGainKgTotal: kgChange(30).optional(), // guard: ±30 kg since stimulation
  urine: z.enum(["normal", "less", "much-less", "almost-none-12h"]).optional(),
  shortnessOfBreath: yesNo.optional(),
  chestPain: yesNo.optional(),
  calfPainOrSwelling: yesNo.optional(),
  fainting: yesNo.optional(),
  fever: yesNo.optional(),
  tightAbdomen: yesNo.optional(),
  waistGrowing: yesNo.optional(),
  racingHeartOrFastBreathing: yesNo.optional(),
  dizziness: yesNo.optional(),
};

const symptomsSchema = z.strictObject(ohssSymptomFields);

/**
 * Checks an untrusted check-in (form, import, sync). `null` means "not
 * answered" and is dropped. Unknown fields are refused rather than ignored, so
 * a misspelled symptom can never silently vanish from triage.
 */
export function parseOhssSymptoms(raw: unknown): Result<OhssSymptoms, Problem> {
  return parseAnswers(symptomsSchema, raw);
}

/** `parseOhssSymptoms` for any strict schema of answers (the stage-aware check uses it too). */
export function parseAnswers<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): Result<z.output<S>, Problem> {
  const input =
    typeof raw === "object" && raw !== null && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null))
      : raw;
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "symptoms";
    return err(problem("unknown-symptom", key, { key }));
  }
  if (!issue || issue.path.length === 0) {
    return err(problem("wrong-kind", "symptoms", { expected: "object" }, issue?.message));
  }
  return err(problemFromZod(parsed.error.issues, { input }));
}
