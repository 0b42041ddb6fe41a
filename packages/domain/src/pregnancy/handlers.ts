import { betaTrend } from "../clinical/beta.ts";
import { type Problem, problem } from "../core/result.ts";
import type { EmbryoHistoryEntry } from "../embryology/state.ts";
import { embryoParams, withHistory } from "../embryology/status.ts";
import type { PayloadOf } from "../events/catalog.ts";
import { type Handlers, retraction } from "../state/handler.ts";
import type { Draft, JourneyState } from "../state/state.ts";
import { betaDateProblem, outcomeDateProblem } from "./dates.ts";
import { adoptionMilestones, carrierMilestones, finalOutcomes, pregnancyLosses } from "./events.ts";
import type { Outcome } from "./state.ts";

type PregnancyEvents =
  | "TransferPlanned"
  | "TransferRecorded"
  | "TransferCancelled"
  | "TransferRetracted"
  | "BetaRecorded"
  | "BetaRetracted"
  | "OutcomeRecorded"
  | "OutcomeRetracted"
  | "PregnancyDetailsResumed"
  | "OddsResumed"
  | "RemembranceAdded"
  | "RemembranceChanged"
  | "RemembranceRemoved"
  | "PathStarted"
  | "PathMilestoneRecorded"
  | "PathMilestoneRetracted";

type TransferDetails = Pick<
  PayloadOf<"TransferPlanned">,
  "embryoIds" | "recipient" | "cycleId" | "protocol" | "clinic" | "note"
>;

/** The transfer's embryos can go into it on `on`: each exists, is in the bank, and nothing later happened to it. */
function detailsProblem(s: JourneyState, p: TransferDetails, on: string): Problem | null {
  if (!s.journey) return problem("no-journey", "type");
  for (const [i, id] of p.embryoIds.entries()) {
    const field = `payload.embryoIds.${i}`;
    const e = s.embryos.get(id);
    if (!e || e.retracted) return problem("unknown-embryo", field);
    if (e.status !== "frozen" && e.status !== "in-culture") {
      return problem("embryo-not-available", field, {
        ...embryoParams(e),
        doing: "transfer",
        status: e.status,
      });
    }
    const cohort = s.cohorts.get(e.cohortId)!;
    if (on < cohort.date) {
      return problem("before-retrieval", field, { ...embryoParams(e), date: cohort.date });
    }
    const last = e.history.at(-1)!.on;
    if (on < last) {
      return problem("before-last-change", field, { ...embryoParams(e), date: last });
    }
  }
  if (p.cycleId !== undefined) {
    const c = s.cycles.get(p.cycleId);
    if (!c || c.retracted) return problem("unknown-cycle", "payload.cycleId");
  }
  if (p.recipient.kind === "carrier" && p.recipient.pathId !== undefined) {
    const path = s.paths.get(p.recipient.pathId);
    if (path?.kind !== "gestational-carrier") {
      return problem("unknown-path", "payload.recipient.pathId");
    }
  }
  return null;
}

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

function clearPauseFor(d: Draft, outcomeIds: ReadonlySet<string>) {
  if (d.pregnancyPause && outcomeIds.has(d.pregnancyPause.outcomeId)) d.pregnancyPause = null;
}

export const pregnancyHandlers: Handlers<PregnancyEvents> = {
  TransferPlanned: {
    check: (s, { payload: p }) =>
      s.transfers.has(p.transferId)
        ? problem("duplicate-transfer", "payload.transferId")
        : detailsProblem(s, p, p.plannedOn),
    apply: (d, { payload: p }) => {
      d.transfers.set(p.transferId, {
        id: p.transferId,
        status: "planned",
        date: p.plannedOn,
        embryoIds: p.embryoIds,
        recipient: p.recipient,
        cycleId: p.cycleId ?? null,
        protocol: p.protocol ?? null,
        clinic: p.clinic?.length ? p.clinic : null,
        liningMm: null,
        embryoDay: null,
        fresh: false,
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  TransferRecorded: {
    check: (s, { payload: p }) => {
      const existing = s.transfers.get(p.transferId);
      if (existing && (existing.status !== "planned" || existing.retracted)) {
        return problem(
          existing.status === "cancelled" ? "transfer-cancelled" : "duplicate-transfer",
          "payload.transferId",
        );
      }
      return detailsProblem(s, p, p.transferredOn);
    },
    apply: (d, { id, payload: p }) => {
      const embryos = p.embryoIds.map((e) => d.embryos.get(e)!);
      const status = p.recipient.kind === "self" ? "transferred" : "carrier";
      for (const e of embryos) {
        const entry: EmbryoHistoryEntry = {
          on: p.transferredOn,
          status,
          cause: "TransferRecorded",
          eventId: id,
          transferId: p.transferId,
        };
        d.embryos.set(e.id, { ...withHistory(e, entry), transferId: p.transferId });
      }
      const days = embryos.map((e) => e.day);
      d.transfers.set(p.transferId, {
        id: p.transferId,
        status: "done",
        date: p.transferredOn,
        embryoIds: p.embryoIds,
        recipient: p.recipient,
        cycleId: p.cycleId ?? null,
        protocol: p.protocol ?? null,
        clinic: p.clinic?.length ? p.clinic : null,
        liningMm: p.liningMm ?? null,
        embryoDay: p.embryoDay ?? (Math.max(...days) as 3 | 5 | 6 | 7),
        fresh: embryos.every((e) => !e.everFrozen),
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  TransferCancelled: {
    check: (s, { payload: p }) => {
      const t = s.transfers.get(p.transferId);
      if (!t || t.retracted) return problem("unknown-transfer", "payload.transferId");
      return t.status === "planned" ? null : problem("not-planned", "payload.transferId");
    },
    apply: (d, { payload: p }) => {
      d.transfers.set(p.transferId, { ...d.transfers.get(p.transferId)!, status: "cancelled" });
    },
  },
  TransferRetracted: {
    check: (s, { payload: p }) => {
      const t = s.transfers.get(p.transferId);
      if (!t || t.retracted || t.status !== "done") {
        return problem("unknown-transfer", "payload.transferId");
      }
      return null;
    },
    apply: (d, { id, payload: p }) => {
      const t = d.transfers.get(p.transferId)!;
      for (const embryoId of t.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        let at = e.history.length - 1;
        while (at > 0 && e.history[at]!.transferId !== t.id) at -= 1;
        const before = e.history[at - 1] ?? e.history[0]!;
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: e.history[at]?.on ?? t.date,
            status: before.status,
            cause: "TransferRetracted",
            eventId: id,
            note: "transfer-undone",
          }),
          transferId: null,
        });
      }
      d.transfers.set(p.transferId, { ...t, retracted: true });
      const gone = new Set(
        [...d.outcomes.values()].filter((o) => o.transferId === t.id).map((o) => o.id),
      );
      clearPauseFor(d, gone);
    },
  },
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
  BetaRetracted: retraction({
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
    apply: (d, { payload: p }) => {
      d.outcomes.set(p.outcomeId, {
        id: p.outcomeId,
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
  OutcomeRetracted: {
    check: (s, { payload: p }) => {
      const o = s.outcomes.get(p.outcomeId);
      return !o || o.retracted ? problem("unknown-outcome", "payload.outcomeId") : null;
    },
    apply: (d, { payload: p }) => {
      d.outcomes.set(p.outcomeId, { ...d.outcomes.get(p.outcomeId)!, retracted: true });
      clearPauseFor(d, new Set([p.outcomeId]));
    },
  },
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
  RemembranceAdded: {
    check: (s, { payload: p }) => {
      if (s.remembrances.has(p.remembranceId)) {
        return problem("duplicate-remembrance", "payload.remembranceId");
      }
      if (p.transferId !== undefined && !s.transfers.has(p.transferId)) {
        return problem("unknown-transfer", "payload.transferId");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.remembrances.set(p.remembranceId, {
        id: p.remembranceId,
        name: p.name?.length ? p.name : null,
        date: p.date ?? null,
        note: p.note ?? null,
        transferId: p.transferId ?? null,
        removed: false,
      });
    },
  },
  RemembranceChanged: {
    check: (s, { payload: p }) => {
      const r = s.remembrances.get(p.remembranceId);
      if (!r || r.removed) return problem("unknown-remembrance", "payload.remembranceId");
      const name = p.name !== undefined ? p.name : r.name;
      const date = p.date !== undefined ? p.date : r.date;
      const note = p.note !== undefined ? p.note : r.note;
      return name || date || note ? null : problem("empty-remembrance", "payload");
    },
    apply: (d, { payload: p }) => {
      const r = d.remembrances.get(p.remembranceId)!;
      d.remembrances.set(p.remembranceId, {
        ...r,
        ...(p.name !== undefined && { name: p.name?.length ? p.name : null }),
        ...(p.date !== undefined && { date: p.date }),
        ...(p.note !== undefined && { note: p.note }),
      });
    },
  },
  RemembranceRemoved: {
    check: (s, { payload: p }) => {
      const r = s.remembrances.get(p.remembranceId);
      return !r || r.removed ? problem("unknown-remembrance", "payload.remembranceId") : null;
    },
    apply: (d, { payload: p }) => {
      d.remembrances.set(p.remembranceId, {
        ...d.remembrances.get(p.remembranceId)!,
        removed: true,
      });
    },
  },
  PathStarted: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      return s.paths.has(p.pathId) ? problem("duplicate-path", "payload.pathId") : null;
    },
    apply: (d, { payload: p }) => {
      d.paths.set(p.pathId, {
        id: p.pathId,
        kind: p.kind,
        name: p.name,
        startedOn: p.startedOn,
        note: p.note ?? null,
      });
    },
  },
  PathMilestoneRecorded: {
    check: (s, { payload: p }) => {
      if (s.pathMilestones.has(p.milestoneId)) {
        return problem("duplicate-milestone", "payload.milestoneId");
      }
      const path = s.paths.get(p.pathId);
      if (!path) return problem("unknown-path", "payload.pathId");
      const allowed: readonly string[] =
        path.kind === "adoption" ? adoptionMilestones : carrierMilestones;
      if (!allowed.includes(p.milestone)) {
        return problem("wrong-path-step", "payload.milestone", {
          kind: path.kind,
          allowed: allowed.join(", "),
        });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.pathMilestones.set(p.milestoneId, {
        id: p.milestoneId,
        pathId: p.pathId,
        milestone: p.milestone,
        on: p.on,
        title: p.title ?? null,
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  PathMilestoneRetracted: retraction({
    collection: "pathMilestones",
    idField: "milestoneId",
    reason: "unknown-milestone",
  }),
};
