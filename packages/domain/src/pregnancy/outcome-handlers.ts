import { betaTrend } from "../clinical/beta.ts";
import { problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import type { Draft, JourneyState } from "../state/state.ts";
import { betaDateProblem, outcomeDateProblem } from "./dates.ts";
import { finalOutcomes, pregnancyLosses } from "./events.ts";
import type { Outcome } from "./state.ts";

/**
 * The handlers of what came after a transfer: betas, the outcome, and the
 * person's yes to seeing pregnancy details or the odds again after a loss
 * (a loss pauses both; `selectors.ts` answers what shows).
 */

export type OutcomeEvents =
  | "BetaRecorded"
  | "BetaRetracted"
  | "OutcomeRecorded"
  | "OutcomeRetracted"
  | "PregnancyDetailsResumed"
  | "OddsResumed";

function liveTransfer(s: JourneyState, transferId: string, field = "payload.transferId") {
  const t = s.transfers.get(transferId);
  if (!t || t.retracted || t.status === "cancelled") {
    return { problem: problem("unknown-transfer", field) };
  }
  return { transfer: t };
}

/** The latest outcome of a transfer (by date; on the same date the later recorded). */
export function latestOutcomeIn(
  outcomes: ReadonlyMap<string, Outcome>,
  transferId: string,
): Outcome | null {
  let latest: Outcome | null = null;
  for (const o of outcomes.values()) {
    if (o.transferId !== transferId || o.retracted) continue;
    if (!latest || o.on >= latest.on) latest = o;
  }
  return latest;
}

/** Pregnancy details no longer wait for a loss among `outcomeIds`. */
export function clearPauseFor(d: Draft, outcomeIds: ReadonlySet<string>) {
  if (d.pregnancyPause && outcomeIds.has(d.pregnancyPause.outcomeId)) d.pregnancyPause = null;
}

export const outcomeHandlers: Handlers<OutcomeEvents> = {
  BetaRecorded: {
    check: (s, event) => {
      const p = event.payload;
      if (s.betas.has(p.betaId)) return problem("duplicate-beta", "payload.betaId");
      const { transfer, problem: missing } = liveTransfer(s, p.transferId);
      if (missing) return missing;
      if (transfer.status !== "done") {
        return problem("not-transferred", "payload.transferId");
      }
      const dateProblem = betaDateProblem(s, transfer, p.drawnOn, event);
      if (dateProblem) return dateProblem;
      const series = [...s.betas.values()]
        .filter((b) => b.transferId === p.transferId && !b.retracted)
        .map((b) => ({ at: b.drawnOn, value: b.value }));
      const trend = betaTrend([...series, { at: p.drawnOn, value: p.value }]);
      if (!trend.ok) {
        return {
          ...trend.error,
          field: trend.error.field.endsWith(".value") ? "payload.value" : "payload.drawnOn",
        };
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.betas.set(p.betaId, {
        id: p.betaId,
        transferId: p.transferId,
        drawnOn: p.drawnOn,
        value: p.value,
        clinicReading: p.clinicReading ?? null,
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  BetaRetracted: markGone({
    collection: "betas",
    idField: "betaId",
    reason: "unknown-beta",
  }),
  OutcomeRecorded: {
    check: (s, event) => {
      const p = event.payload;
      if (s.outcomes.has(p.outcomeId)) {
        return problem("duplicate-outcome", "payload.outcomeId");
      }
      const { transfer, problem: missing } = liveTransfer(s, p.transferId);
      if (missing) return missing;
      if (transfer.status !== "done") {
        return problem("not-transferred", "payload.transferId");
      }
      const dateProblem = outcomeDateProblem(s, transfer, p, event);
      if (dateProblem) return dateProblem;
      const latest = latestOutcomeIn(s.outcomes, p.transferId);
      if (latest && finalOutcomes.includes(latest.outcome)) {
        return problem("outcome-exists", "payload.outcome", { outcome: latest.outcome });
      }
      if (latest && p.on < latest.on) {
        return problem("before-latest", "payload.on", { date: latest.on });
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      d.outcomes.set(p.outcomeId, {
        id: p.outcomeId,
        eventId: id,
        transferId: p.transferId,
        outcome: p.outcome,
        on: p.on,
        gestationalAge: p.gestationalAge ?? null,
        babies: p.babies ?? null,
        note: p.note ?? null,
        retracted: false,
      });
      if (pregnancyLosses.includes(p.outcome))
        d.pregnancyPause = { outcomeId: p.outcomeId, since: p.on };
    },
  },
  OutcomeRetracted: markGone({
    collection: "outcomes",
    idField: "outcomeId",
    reason: "unknown-outcome",
    alsoApply: (d, outcomeId) => clearPauseFor(d, new Set([outcomeId])),
  }),
  PregnancyDetailsResumed: {
    // Always accepted: two devices saying yes is still yes.
    check: () => null,
    apply: (d) => {
      d.pregnancyPause = null;
    },
  },
  OddsResumed: {
    // Names the losses it answers, so a loss recorded on another device at the same
    // time still asks: the yes covers only what the person had seen.
    check: (s, { payload: p }) => {
      for (const [i, id] of p.outcomeIds.entries()) {
        const o = s.outcomes.get(id);
        const field = `payload.outcomeIds.${i}`;
        if (!o) return problem("unknown-outcome", field);
        if (!pregnancyLosses.includes(o.outcome))
          return problem("not-a-loss", field, { outcome: o.outcome });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      for (const id of p.outcomeIds) d.oddsResumedFor.add(id);
    },
  },
};
