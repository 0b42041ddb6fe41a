import {
  createHlc,
  type DoseUnit,
  doseUnits,
  foldMore,
  type JourneyState,
  type Problem,
  prepareEvent,
  rangeSchedule,
  Temporal,
} from "@trellis/domain";
import { readCsv } from "./csv-format.ts";

/**
 * A dose log kept in a spreadsheet, brought in as `DoseLogged` events: the
 * person says which column holds what, every row is checked against the
 * plan (the medicine must be planned that day), and the import is all or
 * nothing: either every row becomes an event, or none does and each bad row
 * gets its reasons with its row number. Pure: the caller gives the ids and
 * the clock, and records the drafts with `recordBatch` (one atomic batch).
 */

export const doseLogFields = ["date", "time", "medicine", "dose", "unit", "given"] as const;
export type DoseLogField = (typeof doseLogFields)[number];

/** Which column (0-based) holds each field; `time`, `dose` and `unit` may be left out. */
export type DoseLogMapping = Readonly<Record<DoseLogField, number | null>>;

/** A reason a row cannot be imported, with what the person wrote. */
export type DoseRowReason =
  | { readonly reason: "missing"; readonly field: DoseLogField }
  | { readonly reason: "bad-date"; readonly value: string }
  | { readonly reason: "bad-time"; readonly value: string }
  | { readonly reason: "bad-given"; readonly value: string }
  | { readonly reason: "bad-dose"; readonly value: string }
  | { readonly reason: "bad-unit"; readonly value: string }
  | { readonly reason: "unknown-medicine"; readonly medicine: string }
  | { readonly reason: "not-planned"; readonly medicine: string; readonly date: string }
  | { readonly reason: "which-dose"; readonly medicine: string; readonly date: string }
  | { readonly reason: "already-logged"; readonly medicine: string; readonly date: string }
  | { readonly reason: "twice-in-file"; readonly otherRow: number }
  | { readonly reason: "refused"; readonly problem: Problem };

export interface DoseRowProblem {
  /** The row's number in the spreadsheet (the header is row 1). */
  readonly row: number;
  readonly reasons: readonly DoseRowReason[];
}

/** A `DoseLogged` event to record, ready for `recordBatch`. */
export interface DoseLogDraft {
  readonly type: "DoseLogged";
  readonly payload: {
    readonly doseId: string;
    readonly planItemId: string;
    readonly slot: { readonly date: string; readonly time: string };
    readonly takenAt: string;
    readonly status: "taken" | "skipped";
    readonly amount?: { readonly value: number; readonly unit: DoseUnit };
  };
}

export type DoseSheet =
  | { readonly ok: true; readonly header: readonly string[]; readonly rows: readonly SheetRow[] }
  | {
      readonly ok: false;
      readonly reason: "unreadable" | "unclosed-quote" | "empty";
      readonly row?: number;
    };

export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The header and the rows of a spreadsheet saved as CSV, each row with its number. */
export function readDoseSheet(text: string): DoseSheet {
  const read = readCsv(text);
  if (!read.ok) return { ok: false, reason: read.problem.reason, row: read.problem.row };
  const [header, ...rest] = read.rows;
  if (!header || rest.length === 0) return { ok: false, reason: "empty" };
  return {
    ok: true,
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells })),
  };
}

const guesses: Record<DoseLogField, RegExp> = {
  date: /^(date|day|planned[ _]?date)$/i,
  time: /^(time|taken[ _]?at|at|hour)$/i,
  medicine: /^(medicine|medication|drug|name)$/i,
  dose: /^(dose|amount|quantity)$/i,
  unit: /^(unit|units)$/i,
  given: /^(given|taken|status|given\/missed|given or missed|done)$/i,
};

/** A first guess at the mapping from the header's words; the person checks and changes it. */
export function guessDoseMapping(header: readonly string[]): DoseLogMapping {
  const pick = (field: DoseLogField) => {
    const i = header.findIndex((h) => guesses[field].test(h.trim().replace(/[?:*.]+$/, "")));
    return i < 0 ? null : i;
  };
  return {
    date: pick("date"),
    time: pick("time"),
    medicine: pick("medicine"),
    dose: pick("dose"),
    unit: pick("unit"),
    given: pick("given"),
  };
}

const GIVEN = new Set(["given", "taken", "yes", "y", "true", "1", "x", "done", "✓"]);
const MISSED = new Set(["missed", "skipped", "no", "n", "false", "0", "not given", "not taken"]);

/** `08:05`, `8:05`, `20:05:00`, `8:05 pm`: a wall time `HH:MM`, or null. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    const pm = m[3].toLowerCase().startsWith("p");
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** A date written year-month-day (`2024-03-05`), the one order that cannot be misread. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return null;
  try {
    return Temporal.PlainDate.from(t, { overflow: "reject" }).toString();
  } catch {
    return null;
  }
}

/** A dose amount: `225`, `0.5`, or `0,5` (a decimal comma). */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/^(\d+),(\d+)$/, "$1.$2");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return n > 0 && Number.isFinite(n) ? n : null;
}

const unitByLower = new Map<string, DoseUnit>(doseUnits.map((u) => [u.toLowerCase(), u]));
unitByLower.set("µg", "mcg");
unitByLower.set("ug", "mcg");
unitByLower.set("ml", "mL");
unitByLower.set("tablets", "tablet");
unitByLower.set("units", "IU");

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const norm = (s: string) => s.trim().toLocaleLowerCase("en").replace(/\s+/g, " ");

/**
 * Every row checked; `ok` with one draft per row only when no row has a
 * problem. A row's time is when the dose was taken: it is matched to the
 * planned dose of that medicine on that day nearest in time.
 */
export function checkDoseLog(
  state: JourneyState,
  rows: readonly SheetRow[],
  mapping: DoseLogMapping,
  options: { readonly nowMs: number; readonly newId: () => string },
):
  | { readonly ok: true; readonly drafts: readonly DoseLogDraft[] }
  | { readonly ok: false; readonly problems: readonly DoseRowProblem[] } {
  const problems: DoseRowProblem[] = [];
  const drafts: DoseLogDraft[] = [];
  const zone = state.journey?.homeZone ?? "UTC";
  const cell = (row: SheetRow, field: DoseLogField) => {
    const i = mapping[field];
    return i === null ? "" : (row.cells[i] ?? "").trim();
  };
  const planned = new Set(
    [...state.planItems.values()].filter((p) => !p.retracted).map((p) => norm(p.medication.name)),
  );
  const seen = new Map<string, number>();
  let working = state;
  let clock = createHlc("doseimport");

  for (const row of rows) {
    const reasons: DoseRowReason[] = [];
    const dateText = cell(row, "date");
    const timeText = cell(row, "time");
    const medicine = cell(row, "medicine");
    const givenText = cell(row, "given");
    const doseText = cell(row, "dose");
    const unitText = cell(row, "unit");

    const date = dateText ? parseDate(dateText) : null;
    if (!dateText) reasons.push({ reason: "missing", field: "date" });
    else if (!date) reasons.push({ reason: "bad-date", value: dateText });
    const time = timeText ? parseTime(timeText) : null;
    if (timeText && !time) reasons.push({ reason: "bad-time", value: timeText });
    if (!medicine) reasons.push({ reason: "missing", field: "medicine" });
    else if (!planned.has(norm(medicine))) reasons.push({ reason: "unknown-medicine", medicine });

    const given = GIVEN.has(norm(givenText)) ? true : MISSED.has(norm(givenText)) ? false : null;
    if (!givenText) reasons.push({ reason: "missing", field: "given" });
    else if (given === null) reasons.push({ reason: "bad-given", value: givenText });
    let amount: { value: number; unit: DoseUnit } | undefined;
    if (given === true) {
      const value = doseText ? parseAmount(doseText) : null;
      const unit = unitText ? unitByLower.get(norm(unitText)) : undefined;
      if (!doseText) reasons.push({ reason: "missing", field: "dose" });
      else if (value === null) reasons.push({ reason: "bad-dose", value: doseText });
      if (!unitText) reasons.push({ reason: "missing", field: "unit" });
      else if (!unit) reasons.push({ reason: "bad-unit", value: unitText });
      if (value !== null && unit) amount = { value, unit };
      if (!timeText) reasons.push({ reason: "missing", field: "time" });
    }

    if (reasons.length === 0 && date && medicine) {
      // Slots are chosen in the record as it was; rows earlier in this file are caught as twice-in-file.
      const doses = rangeSchedule(state, {
        zone,
        from: date,
        to: date,
        nowMs: options.nowMs,
      }).filter((d) => d.date === date && norm(d.medicationName) === norm(medicine));
      const open = doses.filter((d) => d.log === null);
      let chosen = open[0];
      if (doses.length === 0) reasons.push({ reason: "not-planned", medicine, date });
      else if (open.length === 0) reasons.push({ reason: "already-logged", medicine, date });
      else if (time) {
        chosen = open.reduce((best, d) =>
          Math.abs(minutes(d.time) - minutes(time)) < Math.abs(minutes(best.time) - minutes(time))
            ? d
            : best,
        );
      } else if (open.length > 1) reasons.push({ reason: "which-dose", medicine, date });

      if (reasons.length === 0 && chosen) {
        const earlier = seen.get(chosen.key);
        if (earlier !== undefined) reasons.push({ reason: "twice-in-file", otherRow: earlier });
        else {
          seen.set(chosen.key, row.row);
          const planItem = working.planItems.get(chosen.planItemId)!;
          const cycleZone = working.cycles.get(planItem.cycleId)?.zone ?? zone;
          const takenAt = time
            ? Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(cycleZone).toString()
            : chosen.at;
          const draft: DoseLogDraft = {
            type: "DoseLogged",
            payload: {
              doseId: options.newId(),
              planItemId: chosen.planItemId,
              slot: { date: chosen.date, time: chosen.time },
              takenAt,
              status: given ? "taken" : "skipped",
              ...(given && amount ? { amount } : {}),
            },
          };
          // The domain's own checks, on the record as it would be after the rows before.
          const prepared = prepareEvent(working, clock, {
            id: options.newId(),
            nowMs: options.nowMs,
            type: draft.type,
            payload: draft.payload,
          });
          if (!prepared.ok) reasons.push({ reason: "refused", problem: prepared.error });
          else {
            clock = prepared.value.clock;
            working = foldMore(working, [prepared.value.event]) ?? working;
            drafts.push(draft);
          }
        }
      }
    }
    if (reasons.length > 0) problems.push({ row: row.row, reasons });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, drafts };
}
