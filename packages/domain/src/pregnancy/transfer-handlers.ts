import { type Problem, problem } from "../core/result.ts";
import type { EmbryoHistoryEntry } from "../embryology/state.ts";
import { embryoParams, withHistory } from "../embryology/status.ts";
import type { PayloadOf } from "../events/catalog.ts";
import type { Handlers } from "../state/handler.ts";
import type { JourneyState } from "../state/state.ts";
import { optionalCycleProblem } from "../treatment/live-cycle.ts";
import { clearPauseFor } from "./outcome-handlers.ts";
import type { Transfer } from "./state.ts";

/**
 * The handlers of transfers: planned (the embryos stay in the bank), done
 * (they leave it for the person or a carrier), cancelled, or entered by
 * mistake (the embryos go back to their status before it).
 */

export type TransferEvents =
  | "TransferPlanned"
  | "TransferRecorded"
  | "TransferCancelled"
  | "TransferRetracted";

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
  const cycle = optionalCycleProblem(s, p.cycleId);
  if (cycle) return cycle;
  if (p.recipient.kind === "carrier" && p.recipient.pathId !== undefined) {
    const path = s.paths.get(p.recipient.pathId);
    if (path?.kind !== "gestational-carrier") {
      return problem("unknown-path", "payload.recipient.pathId");
    }
  }
  return null;
}

/** A transfer as planned or recorded: the details both events give, and what only one knows. */
function transferOf(
  p: TransferDetails & { readonly transferId: string },
  known: Pick<Transfer, "status" | "date" | "liningMm" | "embryoDay" | "fresh">,
): Transfer {
  return {
    id: p.transferId,
    ...known,
    embryoIds: p.embryoIds,
    recipient: p.recipient,
    cycleId: p.cycleId ?? null,
    protocol: p.protocol ?? null,
    clinic: p.clinic?.length ? p.clinic : null,
    note: p.note ?? null,
    retracted: false,
  };
}

export const transferHandlers: Handlers<TransferEvents> = {
  TransferPlanned: {
    check: (s, { payload: p }) =>
      s.transfers.has(p.transferId)
        ? problem("duplicate-transfer", "payload.transferId")
        : detailsProblem(s, p, p.plannedOn),
    apply: (d, { payload: p }) => {
      d.transfers.set(
        p.transferId,
        transferOf(p, {
          status: "planned",
          date: p.plannedOn,
          liningMm: null,
          embryoDay: null,
          fresh: false,
        }),
      );
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
      d.transfers.set(
        p.transferId,
        transferOf(p, {
          status: "done",
          date: p.transferredOn,
          liningMm: p.liningMm ?? null,
          embryoDay: p.embryoDay ?? (Math.max(...days) as 3 | 5 | 6 | 7),
          fresh: embryos.every((e) => !e.everFrozen),
        }),
      );
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
};
