/**
 * Dates that cannot be: a beta before its transfer, after the news that ended
 * it, in the future, or months later; an outcome before its transfer or in
 * the future. Each refusal has its own reason, so a screen can say it in
 * words next to the date field.
 *
 * "Now" is the event's own clock stamp (`core/stamp.ts`), with a day's slack
 * for time zones.
 */

import { GESTATION_MAX_DAYS, GESTATION_MAX_WEEKS, isGestationalAge } from "../clinical/dating.ts";
import { type Problem, problem } from "../core/result.ts";
import { recordedDates } from "../core/stamp.ts";
import { addDays } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import type { OutcomeKind } from "./events.ts";
import type { Outcome, Transfer } from "./state.ts";

/**
 * The schema version of `BetaRecorded` and `OutcomeRecorded` from which the
 * guards marked "from version 2" hold. Events recorded before them (version
 * 1) stay valid exactly as they were: a person's record never loses a result
 * because a rule arrived later. The screens guard their axes instead.
 */
export const DATE_GUARDS_FROM_VERSION = 2;

/**
 * Guard, not a clinical figure: the latest a beta may be drawn, in days after
 * its transfer (20 weeks). A beta is an early-pregnancy test: the first 9-14
 * days after a transfer, then every few days until a scan
 * (docs/clinical-reference.md §4); after an early loss, clinics may follow it
 * down for some weeks more. Twenty weeks after a transfer, a date is far more
 * likely a slip of the year than a beta.
 */
export const BETA_MAX_DAYS_AFTER_TRANSFER = 140;

/**
 * Outcomes after which no beta belongs to the transfer: a negative test, a
 * birth. After a loss betas are still allowed (inside the 20 weeks), because
 * the clinic may follow the hCG down until it is negative, and a person doing
 * that should be able to keep the numbers.
 */
export const outcomesEndingBetas: readonly OutcomeKind[] = ["negative", "live-birth"];

/** The transfer's outcome after which no beta belongs to it, if one is recorded. */
export function outcomeEndingBetas(s: JourneyState, transferId: string): Outcome | null {
  for (const o of s.outcomes.values()) {
    if (o.transferId === transferId && !o.retracted && outcomesEndingBetas.includes(o.outcome))
      return o;
  }
  return null;
}

/** Why a beta drawn on `drawnOn` cannot belong to `transfer`, or null. */
export function betaDateProblem(
  s: JourneyState,
  transfer: Transfer,
  drawnOn: string,
  event: { readonly hlc: string; readonly schemaVersion: number },
): Problem | null {
  if (drawnOn < transfer.date) {
    return problem("beta-before-transfer", "payload.drawnOn", { date: transfer.date });
  }
  if (event.schemaVersion < DATE_GUARDS_FROM_VERSION) return null;
  if (drawnOn > recordedDates(event.hlc).latest) {
    return problem("beta-in-future", "payload.drawnOn");
  }
  const ended = outcomeEndingBetas(s, transfer.id);
  if (ended && drawnOn > ended.on) {
    return problem("beta-after-outcome", "payload.drawnOn", {
      date: ended.on,
      outcome: ended.outcome,
    });
  }
  if (drawnOn > addDays(transfer.date, BETA_MAX_DAYS_AFTER_TRANSFER)) {
    return problem("beta-long-after-transfer", "payload.drawnOn", {
      date: transfer.date,
      weeks: BETA_MAX_DAYS_AFTER_TRANSFER / 7,
    });
  }
  return null;
}

/** Why an outcome on `on` (with weeks, if given) cannot belong to `transfer`, or null. */
export function outcomeDateProblem(
  s: JourneyState,
  transfer: Transfer,
  outcome: {
    readonly outcome: OutcomeKind;
    readonly on: string;
    readonly gestationalAge?: { readonly weeks: number; readonly days: number } | undefined;
  },
  event: { readonly hlc: string; readonly schemaVersion: number },
): Problem | null {
  const { on } = outcome;
  if (on < transfer.date) {
    return problem("outcome-before-transfer", "payload.on", { date: transfer.date });
  }
  if (event.schemaVersion < DATE_GUARDS_FROM_VERSION) return null;
  if (on > recordedDates(event.hlc).latest) {
    return problem("outcome-in-future", "payload.on");
  }
  const ga = outcome.gestationalAge;
  if (ga && !isGestationalAge(ga.weeks, ga.days)) {
    // The payload schema still lets version-1 events through with 45 weeks.
    return problem("weeks-out-of-range", "payload.gestationalAge.weeks", {
      maxWeeks: GESTATION_MAX_WEEKS,
      maxDays: GESTATION_MAX_DAYS,
    });
  }
  if (outcomesEndingBetas.includes(outcome.outcome)) {
    let lastBeta: string | null = null;
    for (const b of s.betas.values()) {
      if (b.transferId === transfer.id && !b.retracted && (!lastBeta || b.drawnOn > lastBeta))
        lastBeta = b.drawnOn;
    }
    if (lastBeta && lastBeta > on) {
      return problem("outcome-before-beta", "payload.on", { date: lastBeta });
    }
  }
  return null;
}
