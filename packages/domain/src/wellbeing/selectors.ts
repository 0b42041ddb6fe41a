import { type OhssSymptoms, type OhssTriage, ohssTriage } from "../clinical/ohss.ts";
import { Temporal } from "../core/time.ts";
import type { JourneyState } from "../state/state.ts";
import type { SymptomCheck } from "./state.ts";

const KG_PER_LB = 0.45359237;

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
 * A check's answers as OHSS triage needs them, with weight gain worked out
 * from earlier checks: over the last day (against the latest weight 12-36
 * hours before) and in total (against the first weight of the same cycle,
 * or of the last 30 days).
 */
export function triageFor(
  state: JourneyState,
  checkId: string,
): { symptoms: OhssSymptoms; triage: OhssTriage } | null {
  const all = symptomChecks(state);
  const idx = all.findIndex((c) => c.check.id === checkId);
  if (idx < 0) return null;
  const { check, epochMs } = all[idx]!;
  const { weight, bleeding: _b, mood: _m, note: _n, ...signs } = check.answers;
  const symptoms: { -readonly [K in keyof OhssSymptoms]: OhssSymptoms[K] } = { ...signs };
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
  return { symptoms, triage: ohssTriage(symptoms) };
}

/** The most recent check and its triage: Today shows any safety notice from it. */
export function latestTriage(
  state: JourneyState,
): { check: SymptomCheck; symptoms: OhssSymptoms; triage: OhssTriage } | null {
  const all = symptomChecks(state);
  const last = all.at(-1);
  if (!last) return null;
  const t = triageFor(state, last.check.id)!;
  return { check: last.check, ...t };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
