import type { JourneyState } from "@trellis/domain";
import { costCsvRows } from "./csv-costs.ts";
import { type Cell, cellText, csvText, splitZoned } from "./csv-format.ts";
import { betasCell, embryoHistory, outcomesCell } from "./csv-lab.ts";
import { loincFor } from "./fhir-codes.ts";

/**
 * The person's record as spreadsheet files, one per table: pure functions of
 * the folded state. Each file has a header row and one row per thing, ISO
 * dates (`2021-03-04`) and times with their UTC offset
 * (`2021-03-04T20:15:00-05:00`) plus the time zone in a column of its own,
 * and every unit in a column of its own. Things removed as mistakes
 * (retracted) are left out; a lab value known to be wrong stays, marked
 * `excluded`. Rows are in time order, then by id, so the same record always
 * gives the same bytes. The columns are listed in the package README.
 */

export const csvTables = ["doses", "labs", "scans", "embryos", "transfers", "costs"] as const;
export type CsvTable = (typeof csvTables)[number];

/** The header row of each table, in column order. */
export const csvColumns = {
  doses: [
    "dose_id",
    "cycle_id",
    "plan_item_id",
    "medicine",
    "route",
    "purpose",
    "planned_date",
    "planned_time",
    "taken_at",
    "time_zone",
    "status",
    "amount",
    "unit",
    "site",
    "note",
  ],
  labs: [
    "result_id",
    "cycle_id",
    "drawn_at",
    "time_zone",
    "test",
    "loinc",
    "value",
    "unit",
    "excluded",
    "excluded_reason",
    "note",
  ],
  scans: [
    "scan_id",
    "cycle_id",
    "scanned_at",
    "time_zone",
    "left_follicles",
    "right_follicles",
    "follicle_count",
    "follicle_unit",
    "lining",
    "lining_unit",
    "lining_pattern",
    "note",
  ],
  embryos: [
    "embryo_id",
    "retrieval_id",
    "retrieval_kind",
    "retrieval_date",
    "cycle_id",
    "label",
    "day",
    "grade",
    "biopsied",
    "pgt_a",
    "pgt_a_mosaic_level",
    "pgt_a_reported_on",
    "pgt_m",
    "pgt_m_reported_on",
    "status",
    "discard_reason",
    "given_to",
    "storage_clinic",
    "storage_location",
    "transfer_id",
    "ever_frozen",
    "reported_on",
    "history",
  ],
  transfers: [
    "transfer_id",
    "date",
    "status",
    "cycle_id",
    "embryo_ids",
    "embryo_count",
    "recipient",
    "protocol",
    "fresh",
    "clinic",
    "lining",
    "lining_unit",
    "embryo_day",
    "beta_count",
    "first_beta_on",
    "first_beta",
    "last_beta_on",
    "last_beta",
    "beta_unit",
    "outcome",
    "outcome_on",
    "gestational_weeks",
    "gestational_days",
    "babies",
    "note",
    "betas",
    "outcomes",
  ],
  costs: [
    "cost_id",
    "incurred_on",
    "description",
    "category",
    "amount",
    "currency",
    "cycle_id",
    "paid_by",
    "status",
    "paid_on",
    "due_on",
    "remind_days_before",
    "coverage",
    "covered",
    "out_of_pocket",
    "receipt",
    "note",
  ],
} as const satisfies Record<CsvTable, readonly string[]>;

/** Several values in one cell (follicle sizes, embryo ids, coverage) are separated by this. */
export const LIST_SEPARATOR = ";";

type Row = readonly Cell[];

const byKey = <T>(items: Iterable<T>, key: (t: T) => string): T[] =>
  [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

/** An instant's position in time, for ordering zoned strings written in different offsets. */
const instantKey = (zoned: string) => new Date(splitZoned(zoned).at).toISOString();

function doseRows(state: JourneyState): Row[] {
  const logs = [...state.doseLogs.values()].filter((d) => !d.retracted);
  return byKey(logs, (d) => `${instantKey(d.takenAt)}|${d.slot.date}|${d.slot.time}|${d.id}`).map(
    (d) => {
      const plan = state.planItems.get(d.planItemId);
      const { at, zone } = splitZoned(d.takenAt);
      return [
        d.id,
        plan?.cycleId ?? null,
        d.planItemId,
        plan?.medication.name ?? null,
        plan?.medication.route ?? null,
        plan?.medication.purpose ?? null,
        d.slot.date,
        d.slot.time,
        at,
        zone,
        d.status,
        d.amount?.value ?? null,
        d.amount?.unit ?? null,
        d.site,
        d.note,
      ];
    },
  );
}

function labRows(state: JourneyState): Row[] {
  const labs = [...state.labResults.values()].filter((l) => !l.retracted);
  return byKey(labs, (l) => `${instantKey(l.drawnAt)}|${l.analyte}|${l.id}`).map((l) => {
    const { at, zone } = splitZoned(l.drawnAt);
    return [
      l.id,
      l.cycleId,
      at,
      zone,
      l.analyte,
      loincFor(l.analyte, l.unit)?.code ?? null,
      l.value,
      l.unit,
      l.excluded,
      l.excludedReason,
      l.note,
    ];
  });
}

const sizes = (mm: readonly number[]) => mm.join(LIST_SEPARATOR);

function scanRows(state: JourneyState): Row[] {
  const scans = [...state.scans.values()].filter((s) => !s.retracted);
  return byKey(scans, (s) => `${instantKey(s.scannedAt)}|${s.id}`).map((s) => {
    const { at, zone } = splitZoned(s.scannedAt);
    return [
      s.id,
      s.cycleId,
      at,
      zone,
      sizes(s.leftMm),
      sizes(s.rightMm),
      s.leftMm.length + s.rightMm.length,
      "mm",
      s.liningMm,
      s.liningMm === null ? null : "mm",
      s.liningPattern,
      s.note,
    ];
  });
}

function embryoRows(state: JourneyState): Row[] {
  const embryos = [...state.embryos.values()].filter((e) => !e.retracted);
  const cohortDate = (id: string) => state.cohorts.get(id)?.date ?? "";
  return byKey(
    embryos,
    (e) => `${cohortDate(e.cohortId)}|${e.cohortId}|${e.day}|${e.label ?? ""}|${e.id}`,
  ).map((e) => {
    const cohort = state.cohorts.get(e.cohortId);
    return [
      e.id,
      e.cohortId,
      cohort?.kind ?? null,
      cohort?.date ?? null,
      cohort?.cycleId ?? null,
      e.label,
      e.day,
      e.grade,
      e.biopsied,
      e.pgtA?.result ?? null,
      e.pgtA?.mosaicLevel ?? null,
      e.pgtA?.reportedOn ?? null,
      e.pgtM?.result ?? null,
      e.pgtM?.reportedOn ?? null,
      e.status,
      e.discardReason,
      e.to,
      e.storage?.clinic ?? null,
      e.storage?.location ?? null,
      e.transferId,
      e.everFrozen,
      e.history[0]?.on ?? null,
      embryoHistory(state, e),
    ];
  });
}

function transferRows(state: JourneyState): Row[] {
  const transfers = [...state.transfers.values()].filter((t) => !t.retracted);
  const betas = [...state.betas.values()].filter((b) => !b.retracted);
  const outcomes = [...state.outcomes.values()].filter((o) => !o.retracted);
  return byKey(transfers, (t) => `${t.date}|${t.id}`).map((t) => {
    const own = byKey(
      betas.filter((b) => b.transferId === t.id),
      (b) => `${b.drawnOn}|${b.id}`,
    );
    const first = own[0];
    const last = own.at(-1);
    // The latest news: an ongoing pregnancy is followed by how it ended.
    const news = byKey(
      outcomes.filter((o) => o.transferId === t.id),
      (o) => `${o.on}|${o.outcome === "ongoing" ? 0 : 1}|${o.id}`,
    );
    const outcome = news.at(-1);
    return [
      t.id,
      t.date,
      t.status,
      t.cycleId,
      t.embryoIds.join(LIST_SEPARATOR),
      t.embryoIds.length,
      t.recipient.kind === "self" ? "self" : `carrier: ${t.recipient.name}`,
      t.protocol,
      t.fresh,
      t.clinic,
      t.liningMm,
      t.liningMm === null ? null : "mm",
      t.embryoDay,
      own.length,
      first?.drawnOn ?? null,
      first?.value ?? null,
      last?.drawnOn ?? null,
      last?.value ?? null,
      own.length > 0 ? "mIU/mL" : null,
      outcome?.outcome ?? null,
      outcome?.on ?? null,
      outcome?.gestationalAge?.weeks ?? null,
      outcome?.gestationalAge?.days ?? null,
      outcome?.babies ?? null,
      t.note,
      betasCell(own),
      outcomesCell(news),
    ];
  });
}

function costRows(state: JourneyState): Row[] {
  return costCsvRows(state);
}

const rowsOf: Record<CsvTable, (state: JourneyState) => Row[]> = {
  doses: doseRows,
  labs: labRows,
  scans: scanRows,
  embryos: embryoRows,
  transfers: transferRows,
  costs: costRows,
};

/** The header and rows of a table as the text each cell is written as (what a CSV reader gives back). */
export function csvCells(state: JourneyState, table: CsvTable): string[][] {
  return [[...csvColumns[table]], ...rowsOf[table](state).map((r) => r.map(cellText))];
}

/** One table of the record as an RFC 4180 CSV file (UTF-8 text with a BOM, CRLF line ends). */
export function toCsv(state: JourneyState, table: CsvTable): string {
  return csvText(csvColumns[table], rowsOf[table](state));
}
