/**
 * Where the person is in treatment, read from their record: the stage the
 * "how do you feel?" check asks about (`symptomTriage`).
 */
import { dueDate, GESTATION_MAX_WEEKS } from "../clinical/dating.ts";
import { AFTER_TRANSFER_DAYS, type CareStage, type StageContext } from "../clinical/triage.ts";
import { Temporal } from "../core/time.ts";
import { cohortList } from "../embryology/selectors.ts";
import {
  isLoss,
  latestOutcome,
  outcomeGestationalAge,
  transferList,
  transferStanding,
} from "../pregnancy/selectors.ts";
import type { Transfer } from "../pregnancy/state.ts";
import type { JourneyState } from "../state/state.ts";
import { cycleList, cycleTrigger } from "../treatment/selectors.ts";

export interface CareStageInfo extends StageContext {
  readonly stage: CareStage;
  /** The day the stage began: stimulation day 1, the retrieval or trigger, the transfer, the loss or the birth. */
  readonly since: string;
  readonly cycleId: string | null;
  readonly transferId: string | null;
  /** Completed weeks of pregnancy today (`pregnant`), or when it ended (`after-loss`, `after-birth`); `null` when unknown. */
  readonly pregnancyWeeks: number | null;
  /** Whole days since the transfer (`after-transfer`, `pregnant`); `null` otherwise. */
  readonly daysSinceTransfer: number | null;
}

/** Cycles that stimulate the ovaries towards an egg retrieval. */
const RETRIEVAL_CYCLES = new Set(["stimulation", "egg-freezing", "fresh-transfer"]);
/** After egg retrieval (or a logged trigger): early OHSS comes 3-7 days after the trigger (clinical-reference §8.1). */
export const AFTER_RETRIEVAL_STAGE_DAYS = 14;
/** AWHONN's post-birth warning signs hold for a year after the birth (clinical-reference §8.5). */
export const AFTER_BIRTH_DAYS = 365;

/** The later in treatment, the higher: on the same day the later stage wins. */
const order: Record<CareStage, number> = {
  stimulation: 1,
  "after-retrieval": 2,
  "after-transfer": 3,
  pregnant: 4,
  "after-birth": 5,
  "after-loss": 6,
};

interface Candidate extends CareStageInfo {
  /** Whether the stage still holds today (a retrieval 20 days ago no longer does). */
  readonly current: boolean;
}

/**
 * The stage today, from the record (`nowMs` is now; today is the home
 * zone's date). The most recent of these decides; when its time has passed,
 * there is no stage (`null`: a short general check), so an older, stale
 * stage never comes back:
 *
 * - a loss recorded for the person's own transfer (miscarriage, ectopic,
 *   termination, stillbirth, biochemical) → `after-loss`, until a later
 *   transfer or cycle;
 * - a birth → `after-birth`, for a year;
 * - an ongoing pregnancy (an `ongoing` outcome, a positive or rising beta)
 *   → `pregnant`, up to 44 weeks, with its weeks from the transfer's dating
 *   (a day-5 embryo when the day is not recorded);
 * - a transfer in the last 3 weeks with no other news → `after-transfer`;
 * - a retrieval, or a logged trigger, in the last 14 days → `after-retrieval`;
 * - a stimulation cycle going on → `stimulation`.
 *
 * Transfers to a gestational carrier are not the person's own body and never
 * set a stage. A pregnancy is never the stage after a loss unless a later
 * transfer made it so.
 */
export function careStage(state: JourneyState, options: { nowMs: number }): CareStageInfo | null {
  const zone = state.journey?.homeZone ?? "UTC";
  const now = Temporal.Instant.fromEpochMilliseconds(options.nowMs).toZonedDateTimeISO(zone);
  const today = now.toPlainDate();
  const daysSince = (date: string) =>
    Temporal.PlainDate.from(date).until(today, { largestUnit: "days" }).days;

  const candidates: Candidate[] = [];
  const push = (c: Omit<Candidate, "pregnancyWeeks" | "daysSinceTransfer"> & Partial<Candidate>) =>
    candidates.push({ pregnancyWeeks: null, daysSinceTransfer: null, ...c });

  for (const c of cycleList(state)) {
    if (!RETRIEVAL_CYCLES.has(c.cycleType)) continue;
    if (c.status === "active" && daysSince(c.startDate) >= 0)
      push({
        stage: "stimulation",
        since: c.startDate,
        cycleId: c.id,
        transferId: null,
        current: true,
      });
    const trigger = cycleTrigger(state, c.id);
    if (trigger?.logged) {
      const at = Temporal.ZonedDateTime.from(trigger.at);
      if (at.epochMilliseconds <= options.nowMs) {
        const on = at.withTimeZone(zone).toPlainDate().toString();
        push({
          stage: "after-retrieval",
          since: on,
          cycleId: c.id,
          transferId: null,
          current: daysSince(on) <= AFTER_RETRIEVAL_STAGE_DAYS,
        });
      }
    }
  }

  for (const cohort of cohortList(state)) {
    if (cohort.kind !== "retrieval" || daysSince(cohort.date) < 0) continue;
    push({
      stage: "after-retrieval",
      since: cohort.date,
      cycleId: cohort.cycleId,
      transferId: null,
      current: daysSince(cohort.date) <= AFTER_RETRIEVAL_STAGE_DAYS,
    });
  }

  for (const t of transferList(state)) {
    if (t.status !== "done" || t.recipient.kind !== "self" || daysSince(t.date) < 0) continue;
    const base = { cycleId: t.cycleId, transferId: t.id };
    const outcome = latestOutcome(state, t.id);
    if (
      outcome &&
      daysSince(outcome.on) >= 0 &&
      (isLoss(outcome.outcome) || outcome.outcome === "live-birth")
    ) {
      const weeks = outcomeGestationalAge(state, outcome)?.weeks ?? null;
      const birth = outcome.outcome === "live-birth";
      push({
        ...base,
        stage: birth ? "after-birth" : "after-loss",
        since: outcome.on,
        pregnancyWeeks: weeks,
        current: !birth || daysSince(outcome.on) <= AFTER_BIRTH_DAYS,
      });
      continue;
    }
    const days = daysSince(t.date);
    if (transferStanding(state, t.id) === "pregnant") {
      const weeks = weeksPregnant(t, today.toString());
      push({
        ...base,
        stage: "pregnant",
        since: t.date,
        pregnancyWeeks: weeks,
        daysSinceTransfer: days,
        // Past 44w6d there is no gestational age (`dueDate` refuses it): no longer taken as ongoing.
        current: weeks !== null && weeks <= GESTATION_MAX_WEEKS,
      });
      continue;
    }
    push({
      ...base,
      stage: "after-transfer",
      since: t.date,
      daysSinceTransfer: days,
      current: days <= AFTER_TRANSFER_DAYS,
    });
  }

  const latest = candidates.reduce<Candidate | null>(
    (best, c) =>
      !best ||
      c.since > best.since ||
      (c.since === best.since && order[c.stage] > order[best.stage])
        ? c
        : best,
    null,
  );
  if (!latest?.current) return null;
  const { current: _, ...info } = latest;
  return info;
}

/** Completed weeks of pregnancy on `today`, from the transfer day and the embryo's day (day 5 when not recorded). */
function weeksPregnant(t: Transfer, today: string): number | null {
  const dated = dueDate({ transferDate: t.date, embryoDay: t.embryoDay ?? 5, on: today });
  return dated.ok ? (dated.value.gestationalAge?.weeks ?? null) : null;
}
