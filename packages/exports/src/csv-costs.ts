import type { JourneyState } from "@trellis/domain";
import type { Cell } from "./csv-format.ts";

/**
 * The costs table. Coverage goes in one cell, one entry per source separated
 * by `;`, each `kind|source|value|received` or `kind|source|value|expected`
 * (e.g. `insurer|Aetna|1200|received`); `covered` and `out_of_pocket` add
 * them up (received or not) in the cost's own currency, never converted.
 */

/** A cost as the costs contract folds it (packages/domain/src/costs). */
interface CostLike {
  readonly costId: string;
  readonly description: string;
  readonly category: string;
  readonly amount: { readonly value: number; readonly currency: string };
  readonly incurredOn: string;
  readonly cycleId: string | null;
  readonly paidBy: string | null;
  readonly status: "paid" | "due";
  readonly paidOn: string | null;
  readonly dueOn: string | null;
  readonly remindDaysBefore: number | null;
  readonly coverage: readonly {
    readonly kind: string;
    readonly source?: string | null | undefined;
    readonly value: number;
    readonly received: boolean;
  }[];
  readonly receipt: { readonly mediaType: string } | null;
  readonly note: string | null;
}

const costsOf = (state: JourneyState): CostLike[] => {
  const costs = (state as { costs?: ReadonlyMap<string, CostLike> }).costs;
  return costs ? [...costs.values()] : [];
};

/** Sums in major units, rounded to the cent so 0.1 + 0.2 reads 0.3. */
const money = (n: number) => Math.round(n * 100) / 100;

export function costCsvRows(state: JourneyState): (readonly Cell[])[] {
  return costsOf(state)
    .sort((a, b) =>
      a.incurredOn === b.incurredOn
        ? a.costId < b.costId
          ? -1
          : 1
        : a.incurredOn < b.incurredOn
          ? -1
          : 1,
    )
    .map((c) => {
      const covered = money(c.coverage.reduce((sum, k) => sum + k.value, 0));
      return [
        c.costId,
        c.incurredOn,
        c.description,
        c.category,
        c.amount.value,
        c.amount.currency,
        c.cycleId,
        c.paidBy,
        c.status,
        c.paidOn,
        c.dueOn,
        c.remindDaysBefore,
        c.coverage
          .map(
            (k) => `${k.kind}|${k.source ?? ""}|${k.value}|${k.received ? "received" : "expected"}`,
          )
          .join(";"),
        covered,
        money(Math.max(0, c.amount.value - covered)),
        c.receipt ? c.receipt.mediaType : null,
        c.note,
      ];
    });
}
