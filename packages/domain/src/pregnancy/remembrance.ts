import { Temporal } from "../core/time.ts";
import type { JourneyState } from "../state/state.ts";
import type { AnniversaryDay } from "./remembrance-events.ts";
import { isLoss, latestOutcome, outcomeGestationalAge, transferDating } from "./selectors.ts";

/**
 * What the record already knows about a pregnancy that was lost, to fill in a
 * remembrance page the person then changes as they like: the day of the loss,
 * the transfer day, how many weeks (as the clinic dated it, or counted from
 * the transfer: `clinical/dating.ts`), and the due date when the transfer is
 * dated. Null when the transfer has no recorded loss.
 */
export interface RemembranceFromRecord {
  readonly transferId: string;
  readonly outcomeId: string;
  /** The day of the loss. */
  readonly date: string;
  readonly transferDate: string;
  readonly weeks: { readonly weeks: number; readonly days: number } | null;
  readonly dueDate: string | null;
}

export function remembranceFromRecord(
  state: JourneyState,
  transferId: string,
): RemembranceFromRecord | null {
  const transfer = state.transfers.get(transferId);
  const loss = latestOutcome(state, transferId);
  if (!transfer || transfer.retracted || !loss || !isLoss(loss.outcome)) return null;
  const ga = outcomeGestationalAge(state, loss);
  return {
    transferId,
    outcomeId: loss.id,
    date: loss.on,
    transferDate: transfer.date,
    weeks: ga ? { weeks: ga.weeks, days: ga.days } : null,
    dueDate: transferDating(state, transferId)?.dueDate ?? null,
  };
}

/** The remembrance page already kept for a transfer, if any (so the offer can say "Open" instead). */
export function remembranceForTransfer(state: JourneyState, transferId: string): string | null {
  for (const r of state.remembrances.values()) {
    if (!r.removed && r.transferId === transferId) return r.id;
  }
  return null;
}

/** One yearly reminder falling in a window. */
export interface AnniversaryReminder {
  readonly remembranceId: string;
  /** The day it falls on this year (29 February is kept on 28 February in other years). */
  readonly on: string;
  /** The day of the page it remembers. */
  readonly of: AnniversaryDay;
  /** The person's own words. */
  readonly words: string;
  /** 0 on the day itself (a due date still to come), then 1, 2... */
  readonly years: number;
}

/**
 * The yearly reminders the person chose that fall from `from` to `to`
 * (inclusive), by day: only pages still kept, only where they chose one, and
 * none at all in quiet mode (which hides anniversaries with odds and
 * pregnancy milestones). Never a reminder the person did not set.
 */
export function anniversaries(
  state: JourneyState,
  window: { readonly from: string; readonly to: string },
): AnniversaryReminder[] {
  if (state.preferences.quietMode || window.to < window.from) return [];
  const from = Temporal.PlainDate.from(window.from);
  const to = Temporal.PlainDate.from(window.to);
  const out: AnniversaryReminder[] = [];
  for (const r of state.remembrances.values()) {
    const a = r.anniversary;
    if (r.removed || !a) continue;
    const day = a.on === "date" ? r.date : r.dueDate;
    if (!day) continue;
    const base = Temporal.PlainDate.from(day);
    for (let year = Math.max(from.year, base.year); year <= to.year; year++) {
      const on = base.with({ year }, { overflow: "constrain" });
      if (Temporal.PlainDate.compare(on, from) < 0 || Temporal.PlainDate.compare(on, to) > 0) {
        continue;
      }
      out.push({
        remembranceId: r.id,
        on: on.toString(),
        of: a.on,
        words: a.words,
        years: year - base.year,
      });
    }
  }
  return out.sort((x, y) =>
    x.on < y.on ? -1 : x.on > y.on ? 1 : x.remembranceId < y.remembranceId ? -1 : 1,
  );
}
