/** Answers "do these symptoms after stimulation mean I should call my clinic, or get emergency care now?". */
import { z } from "zod";
import { err, ok, type Problem, problem, type Result } from "../core/result.ts";

/**
 * OHSS, ovarian hyperstimulation syndrome: after the stimulation injections
 * the ovaries can over-respond, and fluid leaks out of blood vessels into the
 * abdomen (bloating, weight gain, less urine) and sometimes around the lungs
 * (shortness of breath); the blood thickens and clots more easily (calf pain).
 * It usually starts within 10 days of the injections and is worse if a
 * pregnancy begins (clinical.md §5).
 *
 * This module never diagnoses. It sorts what a person reports into the
 * triage levels of clinical.md §5 "App triage" [unverified, kept conservative].
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
  readonly urine?: "normal" | "less" | "much-less" | "almost-none-12h";
  readonly shortnessOfBreath?: boolean;
  readonly chestPain?: boolean;
  readonly calfPainOrSwelling?: boolean;
  readonly fainting?: boolean;
  readonly fever?: boolean;
  readonly tightAbdomen?: boolean;
}

/**
 * `emergency`: seek emergency care now. `call-clinic`: call the clinic today
 * (RCOG Green-top 5 asks clinics to give a 24-hour number). `none`: nothing
 * here needs a call; a reason at this level is something to watch.
 */
export type OhssLevel = "none" | "call-clinic" | "emergency";

/**
 * Stable ids of the signs, also the keys of the web app's message catalogue.
 * The ones at level `none` ("watch" signs) are common after stimulation and
 * are not triggers on their own; they are returned so the check-in can show
 * what to keep an eye on.
 */
export const ohssSigns = [
  // emergency
  "shortness-of-breath",
  "chest-pain",
  "calf-pain-or-swelling",
  "fainting",
  "urine-almost-none-12h",
  "severe-abdominal-pain",
  "fever",
  // call the clinic today
  "pain-increasing",
  "bloating-severe",
  "bloating-increasing",
  "tight-abdomen",
  "vomiting-cannot-keep-down",
  "weight-gain-day",
  "weight-gain-total",
  "urine-much-less",
  "urine-less",
  // watch
  "abdominal-pain",
  "bloating",
  "nausea",
  "vomiting",
  "diarrhoea",
] as const;
export type OhssSign = (typeof ohssSigns)[number];

export interface OhssReason {
  /** Stable id, the message-catalogue key. */
  readonly sign: OhssSign;
  readonly level: OhssLevel;
  /** English default; the app's catalogue may override it, filling in `params`. */
  readonly message: string;
  /** Values the message names, e.g. `{ kg: 1.4 }` for weight gain. */
  readonly params: Readonly<Record<string, number>>;
}

export interface OhssTriage {
  /** The most urgent level among the reasons. */
  readonly level: OhssLevel;
  /** Most urgent first. */
  readonly reasons: readonly OhssReason[];
  readonly source: string;
}

/** clinical.md §5: signs from Mayo Clinic; 24-hour line from RCOG; the triage lists are [unverified]. */
export const OHSS_SOURCE =
  "Mayo Clinic patient guidance on OHSS; RCOG Green-top Guideline No. 5 (clinical.md §5, app triage kept conservative)";

/** clinical.md §5 App triage: "weight gain of 1 kg or more in a day". */
const WEIGHT_GAIN_DAY_KG = 1;
/** clinical.md §5 App triage: "or 3 kg in total" (Mayo: sudden weight gain over 3 kg). */
const WEIGHT_GAIN_TOTAL_KG = 3;

const EMERGENCY = "Seek emergency care now.";
const CALL = "Call your clinic today.";

/** English defaults. `{kg}` is filled from params. Calm, plain, and always says why. */
const messages: Record<OhssSign, string> = {
  "shortness-of-breath": `Shortness of breath can mean fluid is building up around the lungs. ${EMERGENCY}`,
  "chest-pain": `Chest pain can mean fluid around the lungs or a blood clot. ${EMERGENCY}`,
  "calf-pain-or-swelling": `Pain or swelling in a calf can be a sign of a blood clot, which is more likely with OHSS. ${EMERGENCY}`,
  fainting: `Fainting can mean too little fluid is left in your blood vessels. ${EMERGENCY}`,
  "urine-almost-none-12h": `Passing almost no urine for 12 hours can mean your kidneys are not getting enough fluid. ${EMERGENCY}`,
  "severe-abdominal-pain": `Severe pain in your abdomen can mean OHSS is getting worse, or another problem that needs checking straight away. ${EMERGENCY}`,
  fever: `A fever can be a sign of infection or of OHSS getting worse. ${EMERGENCY}`,
  "pain-increasing": `Pain in your abdomen that keeps increasing should be checked. ${CALL}`,
  "bloating-severe": `Severe bloating can mean fluid is collecting in your abdomen. ${CALL}`,
  "bloating-increasing": `Bloating that keeps increasing can mean fluid is collecting in your abdomen. ${CALL}`,
  "tight-abdomen": `A tight, swollen abdomen can mean fluid is collecting there. ${CALL}`,
  "vomiting-cannot-keep-down": `Vomiting that stops you eating or drinking can leave you short of fluid. ${CALL}`,
  "weight-gain-day": `You gained {kg} kg in a day. Sudden weight gain can mean your body is holding fluid. ${CALL}`,
  "weight-gain-total": `You have gained {kg} kg in total. Weight gain like this can mean your body is holding fluid. ${CALL}`,
  "urine-much-less": `Passing clearly less urine can mean fluid is moving out of your blood vessels. ${CALL}`,
  "urine-less": `Passing less urine than usual can be an early sign of fluid moving out of your blood vessels, so it is safest to check. ${CALL}`,
  "abdominal-pain":
    "Some discomfort is common after stimulation and retrieval. If it keeps increasing or becomes severe, get help.",
  bloating:
    "Some bloating is common after stimulation. If it keeps increasing or becomes severe, call your clinic.",
  nausea:
    "Nausea is common after stimulation. If you cannot keep food or drink down, call your clinic.",
  vomiting: "If vomiting stops you eating or drinking, call your clinic.",
  diarrhoea:
    "Diarrhoea can come with OHSS. If it goes on, or other signs appear, call your clinic.",
};

const rank: Record<OhssLevel, number> = { none: 0, "call-clinic": 1, emergency: 2 };
const atLeastMild = (s: Severity | undefined) => s === "mild" || s === "moderate" || s === "severe";
/** kg in messages: one decimal, as scales show it. */
const kg = (n: number) => Math.round(n * 10) / 10;

/**
 * Sorts a check-in into `emergency`, `call-clinic` or `none`, with a reason
 * per sign. Rules (clinical.md §5 App triage):
 *
 * - emergency: shortness of breath; chest pain; calf pain or swelling;
 *   fainting; almost no urine for 12 hours; severe abdominal pain; fever.
 * - call the clinic today: pain or bloating that keeps increasing (trend
 *   `worse` with at least mild); severe bloating; vomiting that stops eating or
 *   drinking; >= 1 kg gained in a day or >= 3 kg in total; much less urine.
 *   Two choices of ours, both conservative: `urine: "less"` also calls the
 *   clinic (the reference says "clearly less", and a person unsure whether it
 *   is clear should still ask); a tight abdomen calls the clinic (the
 *   reference lists it among the severe signs but not in the app triage).
 * - watch (level `none`): pain or bloating that is there but not severe and
 *   not increasing, nausea, some vomiting, diarrhoea.
 *
 * Never throws. Numbers that are not finite are ignored as unanswered:
 * validate untrusted input with `parseOhssSymptoms` first.
 */
export function ohssTriage(symptoms: OhssSymptoms): OhssTriage {
  const s: OhssSymptoms = typeof symptoms === "object" && symptoms !== null ? symptoms : {};
  const found: { sign: OhssSign; params?: Record<string, number> }[] = [];
  const add = (sign: OhssSign, params?: Record<string, number>) =>
    found.push(params ? { sign, params } : { sign });

  if (s.shortnessOfBreath === true) add("shortness-of-breath");
  if (s.chestPain === true) add("chest-pain");
  if (s.calfPainOrSwelling === true) add("calf-pain-or-swelling");
  if (s.fainting === true) add("fainting");
  if (s.urine === "almost-none-12h") add("urine-almost-none-12h");
  if (s.fever === true) add("fever");

  if (s.abdominalPain === "severe") add("severe-abdominal-pain");
  else if (atLeastMild(s.abdominalPain) && s.painTrend === "worse") add("pain-increasing");
  else if (atLeastMild(s.abdominalPain)) add("abdominal-pain");

  if (s.bloating === "severe") add("bloating-severe");
  else if (atLeastMild(s.bloating) && s.bloatingTrend === "worse") add("bloating-increasing");
  else if (atLeastMild(s.bloating)) add("bloating");

  if (s.tightAbdomen === true) add("tight-abdomen");

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

  if (atLeastMild(s.nausea)) add("nausea");
  if (s.diarrhoea === true) add("diarrhoea");

  const reasons = found
    .map(({ sign, params = {} }): OhssReason => {
      const message = messages[sign].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));
      return { sign, level: levelOf(sign), message, params };
    })
    .sort(
      (a, b) =>
        rank[b.level] - rank[a.level] || ohssSigns.indexOf(a.sign) - ohssSigns.indexOf(b.sign),
    );
  return { level: reasons[0]?.level ?? "none", reasons, source: OHSS_SOURCE };
}

function levelOf(sign: OhssSign): OhssLevel {
  const i = ohssSigns.indexOf(sign);
  if (i < ohssSigns.indexOf("pain-increasing")) return "emergency";
  if (i < ohssSigns.indexOf("abdominal-pain")) return "call-clinic";
  return "none";
}

const severity = z.enum(["none", "mild", "moderate", "severe"], {
  error: "must be none, mild, moderate or severe",
});
const trend = z.enum(["better", "same", "worse"], { error: "must be better, same or worse" });
const yesNo = z.boolean({ error: "must be true or false" });
/**
 * Plausibility guards, not clinical facts: wider than any real change, so only
 * typos (50 kg in a day, a total typed in grams) are refused.
 */
const kgChange = (limit: number, span: string) =>
  z
    .number({ error: "must be a number of kilograms" })
    .min(-limit, { error: `is more weight lost ${span} than is possible; check the number` })
    .max(limit, { error: `is more weight gained ${span} than is possible; check the number` });

const symptomsSchema = z.strictObject({
  bloating: severity.optional(),
  bloatingTrend: trend.optional(),
  abdominalPain: severity.optional(),
  painTrend: trend.optional(),
  nausea: severity.optional(),
  vomiting: z
    .enum(["none", "some", "cannot-keep-down"], {
      error: "must be none, some or cannot-keep-down",
    })
    .optional(),
  diarrhoea: yesNo.optional(),
  weightGainKgLastDay: kgChange(10, "in a day").optional(), // guard: ±10 kg/day
  weightGainKgTotal: kgChange(30, "in total").optional(), // guard: ±30 kg since stimulation
  urine: z
    .enum(["normal", "less", "much-less", "almost-none-12h"], {
      error: "must be normal, less, much-less or almost-none-12h",
    })
    .optional(),
  shortnessOfBreath: yesNo.optional(),
  chestPain: yesNo.optional(),
  calfPainOrSwelling: yesNo.optional(),
  fainting: yesNo.optional(),
  fever: yesNo.optional(),
  tightAbdomen: yesNo.optional(),
});

/**
 * Checks an untrusted check-in (form, import, sync). `null` means "not
 * answered" and is dropped. Unknown fields are refused rather than ignored, so
 * a misspelled symptom can never silently vanish from triage.
 */
export function parseOhssSymptoms(raw: unknown): Result<OhssSymptoms, Problem> {
  const input =
    typeof raw === "object" && raw !== null && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null))
      : raw;
  const parsed = symptomsSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "symptoms";
    return err(problem("unknown-symptom", key, `"${key}" is not a symptom Trellis asks about`));
  }
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "symptoms";
  if (field === "symptoms") {
    return err(problem("invalid-field", field, "symptoms must be an object of answers"));
  }
  return err(problem("invalid-field", field, `${field} ${issue?.message ?? "is not valid"}`));
}
