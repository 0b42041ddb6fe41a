import {
  createHlc,
  type EventType,
  foldMore,
  type JourneyState,
  type PayloadInput,
  type Problem,
  prepareEvent,
} from "@trellis/domain";
import { strFromU8, unzipSync } from "fflate";
import { csvColumns } from "./csv.ts";
import { unescapeListText } from "./csv-costs.ts";
import { readCsv } from "./csv-format.ts";
import { planColumns } from "./csv-plan.ts";
import { BadValue, bool, num, opt, optNum, type Row, sizes } from "./import-cells.ts";
import { type LabDraft, type LabFile, labDrafts, type ReadRow } from "./import-lab.ts";

/**
 * The spreadsheets back as a record on a device that has a journey (set up,
 * or the one already there): cycles and medicines first, then doses, blood
 * tests, scans and costs, each row one domain event with the ids the files
 * carry. Every event is checked on the record as it would be after the ones
 * before (`prepareEvent`); the drafts come back only when all pass, for one
 * `recordBatch`, so nothing half-writes. Retrievals, embryos and transfers
 * come last, as the lab, the bank and the clinic reported them, in the order
 * they happened (`import-lab.ts`). A receipt photo stays on the device it was
 * added on; frozen eggs are not in a table (the JSON export carries them).
 */

export const recordImportFiles = [
  "cycles",
  "medicines",
  "doses",
  "labs",
  "scans",
  "costs",
  "retrievals",
  "embryos",
  "transfers",
] as const;
export type RecordImportFile = (typeof recordImportFiles)[number];

export type RecordImportProblem =
  | { readonly file: RecordImportFile; readonly reason: "missing-file" }
  | { readonly file: RecordImportFile; readonly reason: "missing-column"; readonly column: string }
  | { readonly file: RecordImportFile; readonly reason: "unreadable"; readonly row: number }
  | {
      readonly file: RecordImportFile;
      readonly reason: "bad-value";
      readonly row: number;
      readonly column: string;
    }
  | {
      readonly file: RecordImportFile;
      readonly reason: "refused";
      readonly row: number;
      readonly problem: Problem;
    };

export interface RecordDraft {
  readonly type: EventType;
  readonly payload: unknown;
}

const columnsOf: Record<RecordImportFile, readonly string[]> = {
  cycles: planColumns.cycles,
  medicines: planColumns.medicines,
  doses: csvColumns.doses,
  labs: csvColumns.labs,
  scans: csvColumns.scans,
  costs: csvColumns.costs,
  retrievals: planColumns.retrievals,
  embryos: csvColumns.embryos,
  transfers: csvColumns.transfers,
};

const zoned = (get: Row, at: string) => `${get(at)}[${get("time_zone")}]`;

function end(text: string, column: string) {
  if (text === "until-trigger" || text === "open") return { kind: text } as const;
  const [kind, value] = text.split(":") as [string, string | undefined];
  if (kind === "cycle-day" && value) return { kind: "cycle-day" as const, day: Number(value) };
  if (kind === "date" && value) return { kind: "date" as const, date: value };
  throw new BadValue(column);
}

/** The events one row stands for (a lab marked wrong is two: recorded, then excluded). */
const eventsOf: Record<Exclude<RecordImportFile, LabFile>, (get: Row) => RecordDraft[]> = {
  cycles: (get) => {
    const cycleId = get("cycle_id");
    const started = {
      cycleId,
      cycleType: get("cycle_type"),
      protocolId: opt(get("protocol_id")) ?? null,
      protocolName: get("protocol_name"),
      dayOne: get("day_one"),
      startDate: get("start_date"),
      zone: get("time_zone"),
      ...(opt(get("transfer_plan")) ? { transferPlan: get("transfer_plan") } : {}),
      ...(opt(get("clinic")) ? { clinic: get("clinic") } : {}),
      triggerToProcedureHours: num(get, "trigger_to_procedure_hours"),
    };
    return [{ type: "CycleStarted", payload: started }];
  },
  medicines: (get) => {
    const planItemId = get("plan_item_id");
    const start = get("start");
    const [kind, value] = start.split(":");
    const planned = {
      cycleId: get("cycle_id"),
      planItemId,
      medication: {
        ...(opt(get("catalogue_id")) ? { catalogueId: get("catalogue_id") } : {}),
        name: get("medicine"),
        route: get("route"),
        ...(opt(get("form")) ? { form: get("form") } : {}),
        purpose: get("purpose"),
      },
      dose: { value: num(get, "dose"), unit: get("unit") },
      times: get("times") === "" ? [] : get("times").split(" "),
      start:
        kind === "cycle-day"
          ? { cycleDay: Number(value) }
          : kind === "date"
            ? { date: value }
            : (() => {
                throw new BadValue("start");
              })(),
      end: end(get("end"), "end"),
      everyDays: num(get, "every_days"),
      timeCritical: bool(get, "time_critical"),
      ...(opt(get("note")) ? { note: get("note") } : {}),
    };
    const changes = get("changes") === "" ? [] : get("changes").split(";");
    return [
      { type: "MedicationPlanned", payload: planned },
      ...changes.map((c) => {
        const [from, value, unit, times, to] = c.split("|") as string[];
        return {
          type: "MedicationPlanAdjusted" as const,
          payload: {
            planItemId,
            from,
            ...(value ? { dose: { value: Number(value), unit } } : {}),
            ...(times ? { times: times.split(" ") } : {}),
            ...(to ? { end: end(to, "changes") } : {}),
          },
        };
      }),
    ];
  },
  doses: (get) => {
    const status = get("status");
    return [
      {
        type: "DoseLogged",
        payload: {
          doseId: get("dose_id"),
          planItemId: get("plan_item_id"),
          slot: { date: get("planned_date"), time: get("planned_time") },
          takenAt: zoned(get, "taken_at"),
          status,
          ...(status === "skipped"
            ? {}
            : { amount: { value: num(get, "amount"), unit: get("unit") } }),
          ...(opt(get("site")) ? { site: get("site") } : {}),
          ...(opt(get("note")) ? { note: get("note") } : {}),
        },
      },
    ];
  },
  labs: (get) => {
    const resultId = get("result_id");
    const recorded: RecordDraft = {
      type: "LabResultRecorded",
      payload: {
        resultId,
        ...(opt(get("cycle_id")) ? { cycleId: get("cycle_id") } : {}),
        drawnAt: zoned(get, "drawn_at"),
        analyte: get("test"),
        value: num(get, "value"),
        unit: get("unit"),
        ...(opt(get("note")) ? { note: get("note") } : {}),
      },
    };
    if (!bool(get, "excluded")) return [recorded];
    return [
      recorded,
      {
        type: "LabResultExcluded",
        payload: {
          resultId,
          excluded: true,
          ...(opt(get("excluded_reason")) ? { reason: get("excluded_reason") } : {}),
        },
      },
    ];
  },
  scans: (get) => [
    {
      type: "FollicleScanRecorded",
      payload: {
        scanId: get("scan_id"),
        ...(opt(get("cycle_id")) ? { cycleId: get("cycle_id") } : {}),
        scannedAt: zoned(get, "scanned_at"),
        leftMm: sizes(get, "left_follicles"),
        rightMm: sizes(get, "right_follicles"),
        ...(optNum(get, "lining") !== undefined ? { liningMm: num(get, "lining") } : {}),
        ...(opt(get("lining_pattern")) ? { liningPattern: get("lining_pattern") } : {}),
        ...(opt(get("note")) ? { note: get("note") } : {}),
      },
    },
  ],
  costs: (get) => {
    const coverage =
      get("coverage") === ""
        ? []
        : get("coverage")
            .split(";")
            .map((c) => {
              const [kind, source, value, received] = c.split("|") as string[];
              if (received !== "received" && received !== "expected")
                throw new BadValue("coverage");
              return {
                kind,
                ...(source ? { source: unescapeListText(source) } : {}),
                value: Number(value),
                received: received === "received",
              };
            });
    return [
      {
        type: "CostRecorded",
        payload: {
          costId: get("cost_id"),
          description: get("description"),
          category: get("category"),
          amount: { value: num(get, "amount"), currency: get("currency") },
          incurredOn: get("incurred_on"),
          ...(opt(get("cycle_id")) ? { cycleId: get("cycle_id") } : {}),
          ...(opt(get("paid_by")) ? { paidBy: get("paid_by") } : {}),
          status: get("status"),
          ...(opt(get("paid_on")) ? { paidOn: get("paid_on") } : {}),
          ...(opt(get("due_on")) ? { dueOn: get("due_on") } : {}),
          ...(optNum(get, "remind_days_before") !== undefined
            ? { remindDaysBefore: num(get, "remind_days_before") }
            : {}),
          coverage,
          ...(opt(get("note")) ? { note: get("note") } : {}),
        },
      },
    ];
  },
};

/** Cycles end after their doses are in: an ended cycle plans nothing past its end. */
function cycleEnds(get: Row): RecordDraft[] {
  const status = get("status");
  if (status !== "completed" && status !== "cancelled") return [];
  return [
    { type: "CycleEnded", payload: { cycleId: get("cycle_id"), status, endedOn: get("ended_on") } },
  ];
}

/**
 * The row a refusal is about: for a report of several embryos, the
 * embryos.csv row of the entry the domain named (`payload.blastocysts.1.grade`).
 */
function rowOf(
  file: RecordImportFile,
  row: number,
  lab: LabDraft | undefined,
  field: string,
): { file: RecordImportFile; row: number } {
  const entry = /^payload\.(\w+)\.(\d+)/.exec(field);
  const rows = lab?.entries;
  if (entry && rows && entry[1] === rows.list) {
    const at = rows.rows[Number(entry[2])];
    if (at !== undefined) return { file: "embryos", row: at };
  }
  return { file, row };
}

/**
 * Every file read and every row turned into events and checked, in the
 * order a fresh device needs them. `ok` with the drafts only when nothing
 * is wrong; otherwise every problem found, by file and row.
 */
export function importRecordCsvs(
  state: JourneyState,
  files: Partial<Record<RecordImportFile, string>>,
  options: { readonly nowMs: number },
):
  | { readonly ok: true; readonly drafts: readonly RecordDraft[] }
  | { readonly ok: false; readonly problems: readonly RecordImportProblem[] } {
  const problems: RecordImportProblem[] = [];
  const planned: { file: RecordImportFile; row: number; draft: RecordDraft }[] = [];
  const ends: { file: RecordImportFile; row: number; draft: RecordDraft }[] = [];
  const labRows: Record<LabFile, ReadRow[]> = { retrievals: [], embryos: [], transfers: [] };

  for (const file of recordImportFiles) {
    const text = files[file];
    if (text === undefined) {
      problems.push({ file, reason: "missing-file" });
      continue;
    }
    const read = readCsv(text);
    if (!read.ok) {
      problems.push({ file, reason: "unreadable", row: read.problem.row });
      continue;
    }
    const [header = [], ...rows] = read.rows;
    const at = new Map(header.map((h, i) => [h.trim(), i]));
    const missing = columnsOf[file].filter((c) => !at.has(c));
    for (const column of missing) problems.push({ file, reason: "missing-column", column });
    if (missing.length > 0) continue;
    for (const [i, cells] of rows.entries()) {
      const get: Row = (column) => cells[at.get(column)!] ?? "";
      if (file === "retrievals" || file === "embryos" || file === "transfers") {
        labRows[file].push({ row: i + 2, get });
        continue;
      }
      try {
        for (const draft of eventsOf[file](get)) planned.push({ file, row: i + 2, draft });
        if (file === "cycles")
          for (const draft of cycleEnds(get)) ends.push({ file, row: i + 2, draft });
      } catch (e) {
        if (!(e instanceof BadValue)) throw e;
        problems.push({ file, reason: "bad-value", row: i + 2, column: e.column });
      }
    }
  }
  const lab = labDrafts(labRows);
  for (const p of lab.problems) problems.push({ ...p, reason: "bad-value" });
  if (problems.length > 0) return { ok: false, problems };

  // Cycles, medicines and doses, then the cycles' ends, then the rest, then
  // the lab, the bank and the transfers in the order they happened.
  const order = (f: RecordImportFile) => (["cycles", "medicines", "doses"].includes(f) ? 0 : 2);
  const all = [
    ...planned.filter((p) => order(p.file) === 0),
    ...ends,
    ...planned.filter((p) => order(p.file) === 2),
    ...lab.drafts.map((d) => ({
      file: d.file as RecordImportFile,
      row: d.row,
      draft: { type: d.type as EventType, payload: d.payload },
      lab: d,
    })),
  ] as { file: RecordImportFile; row: number; draft: RecordDraft; lab?: LabDraft }[];
  let working = state;
  let clock = createHlc("csvimport");
  let n = 0;
  for (const { file, row, draft, lab: from } of all) {
    const prepared = prepareEvent(working, clock, {
      id: `01900000-0000-7000-8000-${(n++).toString(16).padStart(12, "0")}`,
      nowMs: options.nowMs,
      type: draft.type,
      payload: draft.payload as PayloadInput<EventType>,
    });
    if (!prepared.ok) {
      const at = rowOf(file, row, from, prepared.error.field);
      // A row's first refusal says why; what hangs on it (a refused transfer's betas) would only repeat it.
      if (!problems.some((p) => p.file === at.file && "row" in p && p.row === at.row))
        problems.push({ ...at, reason: "refused", problem: prepared.error });
      continue;
    }
    clock = prepared.value.clock;
    working = foldMore(working, [prepared.value.event]) ?? working;
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, drafts: all.map((a) => a.draft) };
}

/** The files of a spreadsheets zip (`csvZip`) by table, or null when the bytes are not a zip. */
export function readRecordZip(bytes: Uint8Array): Partial<Record<RecordImportFile, string>> | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return null;
  }
  const files: Partial<Record<RecordImportFile, string>> = {};
  for (const [name, data] of Object.entries(entries)) {
    const table = name
      .split("/")
      .at(-1)!
      .replace(/\.csv$/i, "") as RecordImportFile;
    if (recordImportFiles.includes(table)) files[table] = strFromU8(data);
  }
  return files;
}
