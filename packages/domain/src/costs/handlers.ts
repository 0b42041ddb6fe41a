import { type Problem, problem } from "../core/result.ts";
import type { EventOf } from "../events/envelope.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import { optionalCycleProblem } from "../treatment/live-cycle.ts";
import { costShapeProblem } from "./events.ts";
import type { Cost, Coverage } from "./state.ts";

type CostsEvents = "CostRecorded" | "CostChanged" | "CostPaid" | "CostRemoved";

/** The cost named, unless unknown or removed. */
const liveCost = (s: JourneyState, costId: string) =>
  liveRecord(s.costs, costId, "unknown-cost", "payload.costId", "removed");

/** A shape problem, its path inside the event. */
const inPayload = (found: Problem | null): Problem | null =>
  found && { ...found, field: `payload.${found.field}` };

const coverageOf = (
  list: readonly {
    kind: Coverage["kind"];
    source?: string | undefined;
    value: number;
    received: boolean;
  }[],
): Coverage[] =>
  list.map((c) => ({
    kind: c.kind,
    source: c.source ?? null,
    value: c.value,
    received: c.received,
  }));

/** The cost as a change leaves it (the change's nulls clear, left-out fields stay). */
function changed(cost: Cost, p: EventOf<"CostChanged">["payload"]): Cost {
  return {
    ...cost,
    ...givenFields(p, [
      "description",
      "category",
      "amount",
      "incurredOn",
      "cycleId",
      "paidBy",
      "status",
      "paidOn",
      "dueOn",
      "remindDaysBefore",
      "receipt",
      "note",
    ]),
    ...(p.coverage !== undefined && { coverage: coverageOf(p.coverage) }),
  };
}

export const costsHandlers: Handlers<CostsEvents> = {
  CostRecorded: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      if (s.costs.has(p.costId)) return problem("duplicate-cost", "payload.costId");
      return optionalCycleProblem(s, p.cycleId) ?? inPayload(costShapeProblem(p));
    },
    apply: (d, { payload: p }) => {
      d.costs.set(p.costId, {
        id: p.costId,
        description: p.description,
        category: p.category,
        amount: { value: p.amount.value, currency: p.amount.currency },
        incurredOn: p.incurredOn,
        cycleId: p.cycleId ?? null,
        paidBy: p.paidBy ?? null,
        status: p.status,
        paidOn: p.paidOn ?? null,
        dueOn: p.dueOn ?? null,
        remindDaysBefore: p.remindDaysBefore ?? null,
        coverage: coverageOf(p.coverage),
        receipt: p.receipt ?? null,
        note: p.note ?? null,
        removed: false,
      });
    },
  },
  CostChanged: {
    check: (s, { payload: p }) => {
      const found = liveCost(s, p.costId);
      if (found.problem) return found.problem;
      if (p.cycleId) {
        const cycle = optionalCycleProblem(s, p.cycleId);
        if (cycle) return cycle;
      }
      const after = changed(found.record, p);
      // A cost changed to paid without a paid date keeps no stale due-only state to check.
      return inPayload(costShapeProblem(after));
    },
    apply: (d, { payload: p }) => {
      d.costs.set(p.costId, changed(d.costs.get(p.costId)!, p));
    },
  },
  CostPaid: {
    check: (s, { payload: p }) => {
      const found = liveCost(s, p.costId);
      if (found.problem) return found.problem;
      return found.record.status === "paid" ? problem("cost-already-paid", "payload.costId") : null;
    },
    apply: (d, { payload: p }) => {
      d.costs.set(p.costId, { ...d.costs.get(p.costId)!, status: "paid", paidOn: p.paidOn });
    },
  },
  CostRemoved: markGone({
    collection: "costs",
    idField: "costId",
    reason: "unknown-cost",
    flag: "removed",
  }),
};
