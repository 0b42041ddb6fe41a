import type { Cost, JourneyState } from "@trellis/domain";
import type { Cell } from "./csv-format.ts";

/**
 * The costs table. Coverage goes in one cell, one entry per source separated
 * by `;`, each `kind|source|value|received` or `kind|source|value|expected`
 * (`%`, `|` and `;` in a source written `%25`, `%7C`, `%3B`)
 * (e.g. `insurer|Aetna|1200|received`); `covered` and `out_of_pocket` add
 * them up (received or not) in the cost's own currency, never converted.
 */

const costsOf = (state: JourneyState): Cost[] =>
  [...state.costs.values()].filter((c) => !c.removed);

/** A source's name inside the coverage cell: `%`, `|` and `;` written as `%25`, `%7C`, `%3B`. */
export const escapeListText = (text: string) =>
  text.replace(/%/g, "%25").replace(/\|/g, "%7C").replace(/;/g, "%3B");
export const unescapeListText = (text: string) =>
  text.replace(/%3B/gi, ";").replace(/%7C/gi, "|").replace(/%25/g, "%");

/** Sums in major units, rounded to the cent so 0.1 + 0.2 reads 0.3. */
const money = (n: number) => Math.round(n * 100) / 100;

export function costCsvRows(state: JourneyState): (readonly Cell[])[] {
  return costsOf(state)
    .sort((a, b) =>
      a.incurredOn === b.incurredOn ? (a.id < b.id ? -1 : 1) : a.incurredOn < b.incurredOn ? -1 : 1,
    )
    .map((c) => {
      const covered = money(c.coverage.reduce((sum, k) => sum + k.value, 0));
      return [
        c.id,
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
            (k) =>
              `${k.kind}|${escapeListText(k.source ?? "")}|${k.value}|${k.received ? "received" : "expected"}`,
          )
          .join(";"),
        covered,
        money(Math.max(0, c.amount.value - covered)),
        c.receipt ? c.receipt.mediaType : null,
        c.note,
      ];
    });
}
