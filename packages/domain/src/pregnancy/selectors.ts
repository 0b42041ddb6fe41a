import { type BetaTrend, betaTrend } from "../clinical/beta.ts";
import { type DueDate, dueDate } from "../clinical/dating.ts";
import type { Embryo } from "../embryology/state.ts";
import type { JourneyState } from "../state/state.ts";
import { type OutcomeKind, pregnancyLosses } from "./events.ts";
import { latestOutcomeIn } from "./outcome-handlers.ts";
import type {
  Beta,
  OtherPath,
  Outcome,
  PathMilestone,
  PregnancyPause,
  Remembrance,
  Transfer,
} from "./state.ts";

/** Code-point order: the same on every device, whatever its language. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Transfers not removed or cancelled, newest first (planned ones included). */
export function transferList(state: JourneyState): Transfer[] {
  return [...state.transfers.values()]
    .filter((t) => !t.retracted && t.status !== "cancelled")
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? 1 : -1));
}

export function transferEmbryos(state: JourneyState, transfer: Transfer): Embryo[] {
  return transfer.embryoIds.map((id) => state.embryos.get(id)).filter((e) => e !== undefined);
}

/** The betas of a transfer, oldest first. */
export function betaSeries(state: JourneyState, transferId: string): Beta[] {
  return [...state.betas.values()]
    .filter((b) => b.transferId === transferId && !b.retracted)
    .sort((a, b) => (a.drawnOn < b.drawnOn ? -1 : 1));
}

/** Each rise between betas against the minimal rise, with the note that an ultrasound decides; null without betas. */
export function betaTrendOf(state: JourneyState, transferId: string): BetaTrend | null {
  const series = betaSeries(state, transferId);
  if (series.length === 0) return null;
  const trend = betaTrend(series.map((b) => ({ at: b.drawnOn, value: b.value })));
  // The fold refuses any beta that would make the series unreadable, so this holds.
  return trend.ok ? trend.value : null;
}

/** The latest outcome of a transfer, or null. */
export function latestOutcome(state: JourneyState, transferId: string): Outcome | null {
  return latestOutcomeIn(state.outcomes, transferId);
}

export function isLoss(outcome: OutcomeKind): boolean {
  return pregnancyLosses.includes(outcome);
}

/**
 * Where a transfer stands, as a person would say it:
 * - `waiting`: no beta or news yet;
 * - `negative`: the clinic said negative, or a negative outcome was recorded;
 * - `pregnant`: an ongoing pregnancy, a beta the clinic called positive, or
 *   betas that rise (a trigger shot's hCG only falls);
 * - `loss`, `born`: it ended.
 */
export type TransferStanding = "waiting" | "negative" | "pregnant" | "loss" | "born";

export function transferStanding(state: JourneyState, transferId: string): TransferStanding {
  const outcome = latestOutcome(state, transferId);
  if (outcome) {
    if (outcome.outcome === "live-birth") return "born";
    if (outcome.outcome === "negative") return "negative";
    if (outcome.outcome === "ongoing") return "pregnant";
    return "loss";
  }
  const betas = betaSeries(state, transferId);
  const last = betas.at(-1);
  if (!last) return "waiting";
  if (last.clinicReading === "negative") return "negative";
  if (betas.some((b) => b.clinicReading === "positive")) return "pregnant";
  const trend = betaTrendOf(state, transferId);
  if (trend && trend.intervals.at(-1)?.trend === "rising") return "pregnant";
  return "waiting";
}

/**
 * Due date and gestational age on `today`, from the transfer day and the
 * embryo's day; null when not dated. Past 44w6d (`GESTATION_MAX_WEEKS`) there
 * is a due date but no gestational age.
 */
export function transferDating(
  state: JourneyState,
  transferId: string,
  today?: string,
): DueDate | null {
  const t = state.transfers.get(transferId);
  if (t?.status !== "done" || t.embryoDay === null) return null;
  const dated = dueDate({ transferDate: t.date, embryoDay: t.embryoDay });
  if (today === undefined || today < t.date) return dated.ok ? dated.value : null;
  const withToday = dueDate({ transferDate: t.date, embryoDay: t.embryoDay, on: today });
  if (withToday.ok) return withToday.value;
  return dated.ok ? dated.value : null;
}

/** The gestational age of an outcome: as recorded, or worked out from the transfer. */
export function outcomeGestationalAge(
  state: JourneyState,
  outcome: Outcome,
): { readonly weeks: number; readonly days: number; readonly recorded: boolean } | null {
  if (outcome.gestationalAge) return { ...outcome.gestationalAge, recorded: true };
  const dated = transferDating(state, outcome.transferId, outcome.on);
  const ga = dated?.gestationalAge;
  return ga ? { weeks: ga.weeks, days: ga.days, recorded: false } : null;
}

export interface PregnancyDetailsView {
  /** Due dates, weeks and countdowns may show. */
  readonly show: boolean;
  readonly quietMode: boolean;
  /** Set after a loss until the person says they want pregnancy details again. */
  readonly pausedAfterLoss: PregnancyPause | null;
}

/**
 * Whether pregnancy details (due date, gestational age, countdowns) may show:
 * never in quiet mode, and after a loss only once the person has said yes.
 */
export function pregnancyDetails(state: JourneyState): PregnancyDetailsView {
  const quietMode = state.preferences.quietMode;
  const pausedAfterLoss = state.pregnancyPause;
  return { show: !quietMode && pausedAfterLoss === null, quietMode, pausedAfterLoss };
}

/** The transfer with an ongoing pregnancy (the latest), for screens that show "how far along". */
export function ongoingPregnancy(state: JourneyState): Transfer | null {
  return transferList(state).find((t) => transferStanding(state, t.id) === "pregnant") ?? null;
}

/** Remembrances kept, by date (undated last), as the person wrote them. */
export function remembranceList(state: JourneyState): Remembrance[] {
  return [...state.remembrances.values()]
    .filter((r) => !r.removed)
    .sort((a, b) => cmp(a.date ?? "9999", b.date ?? "9999") || cmp(a.id, b.id));
}

/** Pregnancy losses recorded (not removed), oldest first. */
export function lossList(state: JourneyState): Outcome[] {
  return [...state.outcomes.values()]
    .filter((o) => !o.retracted && isLoss(o.outcome))
    .filter((o) => {
      const t = state.transfers.get(o.transferId);
      return t && !t.retracted;
    })
    .sort((a, b) => cmp(a.on, b.on));
}

/**
 * Losses recorded (not removed) that the person has not yet answered on the
 * Odds screen, oldest first: what an `OddsResumed` would name.
 */
export function oddsAwaitingYes(state: JourneyState): Outcome[] {
  return lossList(state).filter((o) => !state.oddsResumedFor.has(o.id));
}

/**
 * After a loss, the Odds screen asks before showing any number about chances,
 * until the person says yes (`OddsResumed`); a loss recorded after that yes
 * asks again. Quiet mode is a separate question: it hides the odds whatever
 * this says.
 */
export function oddsAskFirst(state: JourneyState): boolean {
  return oddsAwaitingYes(state).length > 0;
}

export function pathList(state: JourneyState): OtherPath[] {
  return [...state.paths.values()].sort((a, b) => cmp(b.startedOn, a.startedOn));
}

export type TimelineItem =
  | { readonly kind: "started"; readonly on: string; readonly path: OtherPath }
  | { readonly kind: "milestone"; readonly on: string; readonly milestone: PathMilestone }
  | { readonly kind: "transfer"; readonly on: string; readonly transfer: Transfer }
  | { readonly kind: "outcome"; readonly on: string; readonly outcome: Outcome };

/**
 * A carrier or adoption path as a timeline, oldest first: its start, its
 * steps, and for a carrier the transfers to them with their outcomes.
 */
export function pathTimeline(state: JourneyState, pathId: string): TimelineItem[] {
  const path = state.paths.get(pathId);
  if (!path) return [];
  const items: TimelineItem[] = [{ kind: "started", on: path.startedOn, path }];
  for (const m of state.pathMilestones.values()) {
    if (m.pathId === pathId && !m.retracted)
      items.push({ kind: "milestone", on: m.on, milestone: m });
  }
  for (const t of transferList(state)) {
    if (t.recipient.kind !== "carrier" || t.recipient.pathId !== pathId) continue;
    items.push({ kind: "transfer", on: t.date, transfer: t });
    const o = latestOutcome(state, t.id);
    if (o) items.push({ kind: "outcome", on: o.on, outcome: o });
  }
  const rank = { started: 0, transfer: 1, milestone: 2, outcome: 3 };
  return items.sort((a, b) => cmp(a.on, b.on) || rank[a.kind] - rank[b.kind]);
}
