import {
  type StageContext,
  type StageSymptoms,
  type SymptomTriage,
  symptomTriage,
} from "../clinical/triage.ts";
import { KG_PER_LB } from "../clinical/units.ts";
import { Temporal } from "../core/time.ts";
import { personCountry } from "../journey/country.ts";
import type { JourneyState } from "../state/state.ts";
import { moodOf } from "./events.ts";
import type { SymptomCheck } from "./state.ts";

export function weightKg(w: { value: number; unit: "kg" | "lb" }): number {
  return w.unit === "kg" ? w.value : w.value * KG_PER_LB;
}

/** Checks that were not removed, oldest first. */
export function symptomChecks(state: JourneyState): { check: SymptomCheck; epochMs: number }[] {
  return [...state.symptomChecks.values()]
    .filter((c) => !c.retracted)
    .map((check) => ({ check, epochMs: Temporal.ZonedDateTime.from(check.at).epochMilliseconds }))
    .sort((a, b) => a.epochMs - b.epochMs || (a.check.id < b.check.id ? -1 : 1));
}

/**
 * The stage a check was asked for, with its details. A version 1 check did
 * not say: it was the OHSS check, asked with the OHSS questions, and is read
 * with the stimulation stage's rules (the OHSS rules, plus bleeding and mood,
 * which version 1 stored but did not count).
 */
export function checkContext(check: SymptomCheck): StageContext {
  if (check.stage === undefined) return { stage: "stimulation" };
  return {
    stage: check.stage,
    pregnancyWeeks: check.pregnancyWeeks,
    daysSinceTransfer: check.daysSinceTransfer,
  };
}

/**
 * A check's answers as `symptomTriage` needs them, for the stage the check
 * was asked in and the person's country, with weight gain worked out from
 * earlier checks: over the last day (against the latest weight 12-36 hours
 * before) and in total (against the first weight of the same cycle, or of
 * the last 30 days). A version 1 mood (1-5) is read as `moodOf` says.
 */
export function triageFor(
  state: JourneyState,
  checkId: string,
): { symptoms: StageSymptoms; triage: SymptomTriage } | null {
  const all = symptomChecks(state);
  const idx = all.findIndex((c) => c.check.id === checkId);
  if (idx < 0) return null;
  const { check, epochMs } = all[idx]!;
  const { weight, mood, note: _n, ...signs } = check.answers;
  const symptoms: { -readonly [K in keyof StageSymptoms]: StageSymptoms[K] } = { ...signs };
  const moodNow = moodOf(mood);
  if (moodNow !== undefined) symptoms.mood = moodNow;
  if (weight) {
    const now = weightKg(weight);
    const earlier = all
      .slice(0, idx)
      .filter(
        (c) =>
          c.check.answers.weight &&
          (check.cycleId === null || c.check.cycleId === check.cycleId || c.check.cycleId === null),
      )
      .filter((c) => epochMs - c.epochMs <= 30 * 86_400_000);
    const dayBefore = [...earlier].reverse().find((c) => {
      const h = (epochMs - c.epochMs) / 3_600_000;
      return h >= 12 && h <= 36;
    });
    if (dayBefore)
      symptoms.weightGainKgLastDay = round1(now - weightKg(dayBefore.check.answers.weight!));
    const first = earlier[0];
    if (first) symptoms.weightGainKgTotal = round1(now - weightKg(first.check.answers.weight!));
  }
  const triage = symptomTriage({
    ...checkContext(check),
    symptoms,
    country: personCountry(state),
  });
  return { symptoms, triage };
}

/** The most recent check and its triage: Today shows any safety notice from it. */
export function latestTriage(
  state: JourneyState,
): { check: SymptomCheck; symptoms: StageSymptoms; triage: SymptomTriage } | null {
  const all = symptomChecks(state);
  const last = all.at(-1);
  if (!last) return null;
  const t = triageFor(state, last.check.id)!;
  return { check: last.check, ...t };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
