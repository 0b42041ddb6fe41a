import type { Beta, Embryo, JourneyState, Outcome } from "@trellis/domain";
import { escapeListText } from "./csv-costs.ts";
import type { Cell } from "./csv-format.ts";

/**
 * What the lab and the clinic reported, as cells the embryos and transfers
 * tables (and `retrievals.csv` in the zip) carry so the record can come back
 * on a fresh device: each retrieval's counts and report days, each embryo's
 * moves through the bank, each transfer's betas and outcomes. Several
 * entries in one cell are separated by `;`, the parts of one by `|`; text
 * inside (a clinic, a tank, a note) has `%`, `|` and `;` written `%25`,
 * `%7C`, `%3B`.
 */

export const retrievalColumns = [
  "retrieval_id",
  "retrieval_kind",
  "date",
  "cycle_id",
  "clinic",
  "follicles_at_trigger",
  "eggs",
  "mature",
  "fertilization_method",
  "fertilized",
  "fertilized_on",
  "day3",
  "day3_on",
  "blastocyst_reports",
] as const;

const text = (t: string | null | undefined) => (t ? escapeListText(t) : "");

/** `5:2015-04-20;6:2015-04-21`: each day the lab reported blastocysts (even none), and when. */
function blastocystReports(updates: readonly { kind: string; on: string; day?: number }[]): string {
  return updates
    .filter((u) => u.kind === "blastocysts" && u.day !== undefined)
    .map((u) => `${u.day}:${u.on}`)
    .join(";");
}

export function retrievalRows(state: JourneyState): Cell[][] {
  return [...state.cohorts.values()]
    .filter((c) => !c.retracted)
    .sort((a, b) => (a.date + a.id < b.date + b.id ? -1 : 1))
    .map((c) => [
      c.id,
      c.kind,
      c.date,
      c.cycleId,
      c.clinic,
      c.folliclesAtTrigger,
      c.eggs,
      c.mature,
      c.method,
      c.fertilized,
      c.updates.find((u) => u.kind === "fertilization")?.on ?? null,
      c.day3,
      c.updates.find((u) => u.kind === "day3")?.on ?? null,
      blastocystReports(c.updates),
    ]);
}

/**
 * An embryo's moves, oldest first: `date|reported|frozen|clinic|location`
 * (or `|in-culture`, or `|discarded|reason`) for the lab report that named
 * it, then `date|frozen|clinic|location`, `date|thawed|survived` or
 * `|did-not-survive`, `date|moved|clinic|location`,
 * `date|discarded|reason|to`, `date|donated||to`, `date|shipped||to`, and
 * `date|transferred|transfer_id` or `date|carrier|transfer_id`. Corrections
 * and test results are not moves (the grade and PGT columns hold them); a
 * transfer removed as a mistake is left out with its undoing.
 */
export function embryoHistory(state: JourneyState, e: Embryo): string {
  const live = (id: string | undefined) =>
    id !== undefined && state.transfers.get(id)?.retracted === false;
  const steps: string[] = [];
  for (const h of e.history) {
    const storage = `${text(h.storage?.clinic)}|${text(h.storage?.location)}`;
    switch (h.cause) {
      case "BlastocystsReported":
      case "Day3Reported":
        steps.push(
          h.status === "frozen"
            ? `${h.on}|reported|frozen|${storage}`
            : h.status === "discarded"
              ? `${h.on}|reported|discarded|${h.reason ?? ""}`
              : `${h.on}|reported|in-culture`,
        );
        break;
      case "EmbryosFrozen":
        steps.push(`${h.on}|frozen|${storage}`);
        break;
      case "EmbryoThawed":
        steps.push(`${h.on}|thawed|${h.status === "discarded" ? "did-not-survive" : "survived"}`);
        break;
      case "EmbryosMoved":
        steps.push(`${h.on}|moved|${storage}`);
        break;
      case "EmbryoDisposed":
        steps.push(`${h.on}|${h.status}|${h.reason ?? ""}|${text(h.to)}`);
        break;
      case "TransferRecorded":
        if (live(h.transferId)) steps.push(`${h.on}|${h.status}|${h.transferId}`);
        break;
      default:
        break;
    }
  }
  return steps.join(";");
}

/** `drawn_on|value|clinic_reading|note|beta_id`, oldest first. */
export const betasCell = (betas: readonly Beta[]) =>
  betas
    .map((b) => [b.drawnOn, b.value, b.clinicReading ?? "", text(b.note), b.id].join("|"))
    .join(";");

/** `on|outcome|weeks|days|babies|note|outcome_id`, oldest first (an ongoing pregnancy, then how it ended). */
export const outcomesCell = (outcomes: readonly Outcome[]) =>
  outcomes
    .map((o) =>
      [
        o.on,
        o.outcome,
        o.gestationalAge?.weeks ?? "",
        o.gestationalAge?.days ?? "",
        o.babies ?? "",
        text(o.note),
        o.id,
      ].join("|"),
    )
    .join(";");
