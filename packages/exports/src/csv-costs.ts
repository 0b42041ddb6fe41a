import { costList, coverageMinor, fromMinor, type JourneyState, toMinor } from "@trellis/domain";
import type { Cell } from "./csv-format.ts";

/**
 * The costs table. Coverage goes in one cell, one entry per source separated
 * by `;`, each `kind|source|value|received` or `kind|source|value|expected`
 * (`%`, `|` and `;` in a source written `%25`, `%7C`, `%3B`)
 * (e.g. `insurer|Aetna|1200|received`); `covered` and `out_of_pocket` add
 * them up (received or not) in the cost's own currency, never converted.
 */

/** A source's name inside the coverage cell: `%`, `|` and `;` written as `%25`, `%7C`, `%3B`. */
export const escapeListText = (text: string) =>
  text.replace(/%/g, "%25").replace(/\|/g, "%7C").replace(/;/g, "%3B");
export const unescapeListText = (text: string) =>
  text.replace(/%3B/gi, ";").replace(/%7C/gi, "|").replace(/%25/g, "%");

export function costCsvRows(state: JourneyState): (readonly Cell[])[] {
  return costList(state)
    .sort((a, b) =>
      a.incurredOn === b.incurredOn ? (a.id < b.id ? -1 : 1) : a.incurredOn < b.incurredOn ? -1 : 1,
    )
    .map((c) => {
      // Summed in the currency's minor units (cents, or mils for a 3-decimal currency), never in floats.
      const currency = c.amount.currency;
      const coveredMinor = coverageMinor(c).expected;
      const covered = fromMinor(coveredMinor, currency);
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
        fromMinor(Math.max(0, toMinor(c.amount.value, currency) - coveredMinor), currency),
        c.receipt ? c.receipt.mediaType : null,
        c.note,
      ];
    });
}
