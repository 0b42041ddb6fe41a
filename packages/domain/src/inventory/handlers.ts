import { problem } from "../core/result.ts";
import { doseProblem } from "../medication/catalogue.ts";
import type { Handlers } from "../state/handler.ts";
import type { JourneyState } from "../state/state.ts";

const live = (s: JourneyState, supplyId: string) => {
  const supply = s.supplies.get(supplyId);
  if (!supply || supply.removed === "mistake") {
    return problem("unknown-supply", "payload.supplyId");
  }
  return null;
};

export const inventoryHandlers: Handlers<"SupplyAdded" | "SupplyCounted" | "SupplyRemoved"> = {
  SupplyAdded: {
    check: (s, { payload: p }) => {
      if (s.supplies.has(p.supplyId)) return problem("duplicate-supply", "payload.supplyId");
      const units = doseProblem(
        { value: 1, unit: p.unit },
        p.medication.catalogueId,
        "payload.unit",
      );
      if (units) return units;
      if (p.expiry && p.expiry < p.addedOn) {
        return problem("expired", "payload.expiry");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.supplies.set(p.supplyId, {
        id: p.supplyId,
        medication: p.medication,
        quantity: p.quantity,
        unit: p.unit,
        packages: p.packages,
        expiry: p.expiry ?? null,
        addedOn: p.addedOn,
        note: p.note ?? null,
        counts: [],
        removed: null,
      });
    },
  },
  SupplyCounted: {
    check: (s, { payload: p }) => {
      const missing = live(s, p.supplyId);
      if (missing) return missing;
      const supply = s.supplies.get(p.supplyId)!;
      if (p.remaining > supply.quantity) {
        return problem("more-than-supplied", "payload.remaining", {
          remaining: p.remaining,
          quantity: supply.quantity,
          unit: supply.unit,
        });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      const supply = d.supplies.get(p.supplyId)!;
      d.supplies.set(p.supplyId, {
        ...supply,
        counts: [...supply.counts, { remaining: p.remaining, countedAt: p.countedAt }],
      });
    },
  },
  SupplyRemoved: {
    check: (s, { payload: p }) => {
      const missing = live(s, p.supplyId);
      if (missing) return missing;
      return s.supplies.get(p.supplyId)!.removed
        ? problem("already-removed", "payload.supplyId")
        : null;
    },
    apply: (d, { payload: p }) => {
      d.supplies.set(p.supplyId, { ...d.supplies.get(p.supplyId)!, removed: p.reason });
    },
  },
};
