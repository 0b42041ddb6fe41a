import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import {
  embryosAllowed,
  firstFunnelCheck,
  funnelCheckOf,
  liveCohort,
  notBefore,
} from "./checks.ts";
import { funnelProblem } from "./funnel.ts";
import type { EmbryoHistoryEntry } from "./state.ts";
import { withHistory } from "./status.ts";
import { newCohort, storageOf } from "./writes.ts";

/**
 * The handlers of the bank: embryos frozen, thawed, moved, or leaving it
 * (discarded, donated, shipped), and eggs frozen and thawed. An embryo moves
 * only from a status that allows it and never before its last change; every
 * move is a history entry (`withHistory`).
 */

export type BankEvents =
  | "EmbryosFrozen"
  | "EmbryoThawed"
  | "EmbryosMoved"
  | "EmbryoDisposed"
  | "OocytesVitrified"
  | "OocytesThawed";

export const bankHandlers: Handlers<BankEvents> = {
  EmbryosFrozen: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["in-culture"], p.frozenOn, "payload.embryoIds", "freeze"),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        const storage = storageOf(
          p.storage,
          e.storage?.clinic ?? d.cohorts.get(e.cohortId)?.clinic ?? null,
        );
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.frozenOn,
            status: "frozen",
            cause: "EmbryosFrozen",
            eventId: id,
            storage,
          }),
          storage,
          everFrozen: true,
        });
      }
    },
  },
  EmbryoThawed: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, [p.embryoId], ["frozen"], p.thawedOn, "payload.embryoId", "thaw"),
    apply: (d, { id, payload: p }) => {
      const e = d.embryos.get(p.embryoId)!;
      const entry: EmbryoHistoryEntry = p.survived
        ? {
            on: p.thawedOn,
            status: "in-culture",
            cause: "EmbryoThawed",
            eventId: id,
            note: "thawed",
          }
        : {
            on: p.thawedOn,
            status: "discarded",
            cause: "EmbryoThawed",
            eventId: id,
            reason: "did-not-survive-thaw",
          };
      d.embryos.set(p.embryoId, {
        ...withHistory(e, entry),
        discardReason: p.survived ? null : "did-not-survive-thaw",
      });
    },
  },
  EmbryosMoved: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["frozen"], p.movedOn, "payload.embryoIds", "move"),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        const storage = storageOf(p.storage, null);
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.movedOn,
            status: "frozen",
            cause: "EmbryosMoved",
            eventId: id,
            storage,
            note: "moved",
          }),
          storage,
        });
      }
    },
  },
  EmbryoDisposed: {
    check: (s, { payload: p }) =>
      embryosAllowed(s, p.embryoIds, ["in-culture", "frozen"], p.on, "payload.embryoIds", p.fate),
    apply: (d, { id, payload: p }) => {
      for (const embryoId of p.embryoIds) {
        const e = d.embryos.get(embryoId)!;
        d.embryos.set(embryoId, {
          ...withHistory(e, {
            on: p.on,
            status: p.fate,
            cause: "EmbryoDisposed",
            eventId: id,
            reason: p.reason,
            to: p.to?.length ? p.to : undefined,
          }),
          discardReason: p.reason ?? null,
          to: p.to?.length ? p.to : null,
        });
      }
    },
  },
  OocytesVitrified: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.oocyteBatches.has(p.batchId)) {
        return problem("duplicate-batch", "payload.batchId");
      }
      if (p.retrievalId === undefined) return null;
      const { record: cohort, problem: missing } = liveCohort(
        s,
        p.retrievalId,
        "payload.retrievalId",
      );
      if (missing) return missing;
      if (cohort.kind !== "retrieval") {
        return problem("frozen-from-thaw", "payload.retrievalId");
      }
      const early = notBefore(p.frozenOn, cohort.date, "payload.frozenOn", "retrieval");
      if (early) return early;
      const now = funnelCheckOf(s, cohort);
      return funnelProblem(
        { ...now, eggsFrozen: now.eggsFrozen + p.count },
        { eggsFrozen: "payload.count" },
      );
    },
    apply: (d, { payload: p }) => {
      const cohort = p.retrievalId ? d.cohorts.get(p.retrievalId) : undefined;
      d.oocyteBatches.set(p.batchId, {
        id: p.batchId,
        retrievalId: p.retrievalId ?? null,
        frozenOn: p.frozenOn,
        count: p.count,
        thaws: [],
        storage: storageOf(p.storage, cohort?.clinic ?? null),
        note: p.note ?? null,
      });
    },
  },
  OocytesThawed: {
    check: (s, { payload: p }) => {
      if (s.cohorts.has(p.thawId)) {
        return problem("duplicate-thaw", "payload.thawId");
      }
      let total = 0;
      for (const [i, { batchId, count }] of p.batches.entries()) {
        const b = s.oocyteBatches.get(batchId);
        if (!b) return problem("unknown-batch", `payload.batches.${i}.batchId`);
        const left = b.count - b.thaws.reduce((sum, t) => sum + t.count, 0);
        if (count > left) {
          return problem("not-enough-eggs", `payload.batches.${i}.count`, {
            left,
            date: b.frozenOn,
          });
        }
        const early = notBefore(p.thawedOn, b.frozenOn, "payload.thawedOn", "eggs-frozen");
        if (early) return early;
        total += count;
      }
      return funnelProblem(
        firstFunnelCheck({ kind: "thaw", eggs: total, survived: p.survived, mature: null }),
        { survived: "payload.survived" },
      );
    },
    apply: (d, { id, payload: p }) => {
      let collected = "0000-01-01";
      let clinic: string | null = null;
      for (const { batchId, count } of p.batches) {
        const b = d.oocyteBatches.get(batchId)!;
        d.oocyteBatches.set(batchId, { ...b, thaws: [...b.thaws, { thawId: p.thawId, count }] });
        const from = b.retrievalId ? d.cohorts.get(b.retrievalId) : undefined;
        const on = from?.date ?? b.frozenOn;
        // Eggs frozen on different days: count the latest collection, the older eggs.
        if (on > collected) collected = on;
        clinic ??= b.storage?.clinic ?? null;
      }
      d.cohorts.set(
        p.thawId,
        newCohort({
          id: p.thawId,
          kind: "thaw",
          date: p.thawedOn,
          eggsCollectedOn: collected,
          cycleId: null,
          clinic: p.clinic?.length ? p.clinic : clinic,
          folliclesAtTrigger: null,
          eggs: p.batches.reduce((sum, b) => sum + b.count, 0),
          survived: p.survived,
          mature: null,
          batches: p.batches.map((b) => ({ batchId: b.batchId, count: b.count })),
          notes: p.note ? [p.note] : [],
          updates: [{ kind: "thaw", on: p.thawedOn, eventId: id }],
        }),
      );
    },
  },
};
