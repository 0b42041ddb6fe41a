import { isIsoDate } from "@trellis/domain";
import { unescapeListText } from "./csv-costs.ts";
import { BadValue, bool, num, opt, optNum, type Row } from "./import-cells.ts";

/**
 * `retrievals.csv`, `embryos.csv` and `transfers.csv` back as the lab's and
 * the clinic's events: each retrieval with its day-1 call and its day-3 and
 * blastocyst reports (the embryos of each report gathered from their rows),
 * test results by report, each embryo's moves through the bank, each
 * transfer with its betas and outcomes. Every draft carries its date, so the
 * caller can put them in the order they happened.
 */

export type LabFile = "retrievals" | "embryos" | "transfers";

export interface ReadRow {
  readonly row: number;
  readonly get: Row;
}

export interface LabDraft {
  readonly file: LabFile;
  readonly row: number;
  readonly type: string;
  readonly payload: unknown;
  /** The day it happened, and what comes first on one day. */
  readonly on: string;
  readonly rank: number;
  /** A report of several embryos: which embryos.csv row each entry of the list came from. */
  readonly entries?: { readonly list: string; readonly rows: readonly number[] };
}

export interface LabRowProblem {
  readonly file: LabFile;
  readonly row: number;
  readonly column: string;
}

const RANK = {
  RetrievalRecorded: 0,
  FertilizationReported: 1,
  Day3Reported: 2,
  BlastocystsReported: 3,
  PgtResultRecorded: 4,
  bank: 5,
  transfer: 6,
  TransferCancelled: 7,
  BetaRecorded: 8,
  OutcomeRecorded: 9,
} as const;

const date = (text: string, column: string) => {
  if (!isIsoDate(text)) throw new BadValue(column);
  return text;
};

const parts = (cell: string) => (cell === "" ? [] : cell.split(";").map((e) => e.split("|")));

function storage(clinic = "", location = "") {
  if (clinic === "" && location === "") return undefined;
  return {
    ...(clinic ? { clinic: unescapeListText(clinic) } : {}),
    ...(location ? { location: unescapeListText(location) } : {}),
  };
}

/** A day-3 or blastocyst report of one retrieval, and the row that said it. */
interface Report {
  readonly file: LabFile;
  readonly row: number;
  readonly cohortId: string;
  readonly day: number;
  readonly on: string;
  readonly developing?: number;
}

interface ReportedEmbryo {
  readonly row: number;
  readonly cohortId: string;
  readonly day: number;
  readonly on: string;
  readonly entry: Record<string, unknown>;
  readonly storage: ReturnType<typeof storage>;
}

/** One embryo row: how it was reported, and the drafts of its later moves and tests. */
function readEmbryo(
  { row, get }: ReadRow,
  drafts: LabDraft[],
  pgt: Map<string, { on: string; test: string; results: unknown[]; rows: number[] }>,
): ReportedEmbryo {
  const embryoId = get("embryo_id");
  const day = num(get, "day");
  if (![3, 5, 6, 7].includes(day)) throw new BadValue("day");
  const steps = parts(get("history"));
  const [first, ...later] = steps;
  if (first?.[1] !== "reported" || !isIsoDate(first[0] ?? "")) {
    throw new BadValue("history");
  }
  const fate = first[2];
  if (fate !== "frozen" && fate !== "in-culture" && fate !== "discarded") {
    throw new BadValue("history");
  }
  if (day === 3 && fate === "discarded") throw new BadValue("history");
  const label = opt(get("label"));
  const grade = opt(get("grade"));
  const entry: Record<string, unknown> =
    day === 3
      ? { embryoId, ...(label ? { label } : {}), ...(grade ? { grade } : {}), fate }
      : {
          embryoId,
          ...(label ? { label } : {}),
          grade: grade ?? "",
          biopsied: bool(get, "biopsied"),
          fate,
          ...(fate === "discarded" && first[3] ? { discardReason: first[3] } : {}),
        };

  for (const [on = "", step, a = "", b = ""] of later) {
    if (!isIsoDate(on)) throw new BadValue("history");
    const at = { file: "embryos" as const, row, on, rank: RANK.bank };
    if (step === "frozen") {
      const s = storage(a, b);
      drafts.push({
        ...at,
        type: "EmbryosFrozen",
        payload: { embryoIds: [embryoId], frozenOn: on, ...(s ? { storage: s } : {}) },
      });
    } else if (step === "thawed") {
      if (a !== "survived" && a !== "did-not-survive") throw new BadValue("history");
      drafts.push({
        ...at,
        type: "EmbryoThawed",
        payload: { embryoId, thawedOn: on, survived: a === "survived" },
      });
    } else if (step === "moved") {
      drafts.push({
        ...at,
        type: "EmbryosMoved",
        payload: { embryoIds: [embryoId], movedOn: on, storage: storage(a, b) ?? {} },
      });
    } else if (step === "discarded" || step === "donated" || step === "shipped") {
      drafts.push({
        ...at,
        type: "EmbryoDisposed",
        payload: {
          embryoIds: [embryoId],
          on,
          fate: step,
          ...(a ? { reason: a } : {}),
          ...(b ? { to: unescapeListText(b) } : {}),
        },
      });
    } else if (step !== "transferred" && step !== "carrier") {
      // A transfer comes back from transfers.csv; anything else is not a move we know.
      throw new BadValue("history");
    }
  }

  for (const [test, resultColumn, onColumn] of [
    ["PGT-A", "pgt_a", "pgt_a_reported_on"],
    ["PGT-M", "pgt_m", "pgt_m_reported_on"],
  ] as const) {
    const result = get(resultColumn);
    if (result === "") continue;
    const on = date(get(onColumn), onColumn);
    const level = test === "PGT-A" ? opt(get("pgt_a_mosaic_level")) : undefined;
    const key = `${test}|${on}`;
    const report = pgt.get(key) ?? { on, test, results: [], rows: [] };
    report.results.push({ embryoId, result, ...(level ? { mosaicLevel: level } : {}) });
    report.rows.push(row);
    pgt.set(key, report);
  }

  return {
    row,
    cohortId: get("retrieval_id"),
    day,
    on: first[0]!,
    entry,
    storage: fate === "frozen" ? storage(first[3], first[4]) : undefined,
  };
}

function transferDrafts({ row, get }: ReadRow): LabDraft[] {
  const transferId = get("transfer_id");
  const on = date(get("date"), "date");
  const recipientText = get("recipient");
  const recipient =
    recipientText === "self"
      ? { kind: "self" }
      : recipientText.startsWith("carrier: ")
        ? { kind: "carrier", name: recipientText.slice("carrier: ".length) }
        : (() => {
            throw new BadValue("recipient");
          })();
  const details = {
    embryoIds: get("embryo_ids") === "" ? [] : get("embryo_ids").split(";"),
    recipient,
    ...(opt(get("cycle_id")) ? { cycleId: get("cycle_id") } : {}),
    ...(opt(get("protocol")) ? { protocol: get("protocol") } : {}),
    ...(opt(get("clinic")) ? { clinic: get("clinic") } : {}),
    ...(opt(get("note")) ? { note: get("note") } : {}),
  };
  const at = { file: "transfers" as const, row, on, rank: RANK.transfer };
  const status = get("status");
  const drafts: LabDraft[] = [];
  if (status === "done") {
    const lining = optNum(get, "lining");
    const embryoDay = optNum(get, "embryo_day");
    drafts.push({
      ...at,
      type: "TransferRecorded",
      payload: {
        transferId,
        transferredOn: on,
        ...details,
        ...(lining !== undefined ? { liningMm: lining } : {}),
        ...(embryoDay !== undefined ? { embryoDay } : {}),
      },
    });
  } else if (status === "planned" || status === "cancelled") {
    drafts.push({
      ...at,
      type: "TransferPlanned",
      payload: { transferId, plannedOn: on, ...details },
    });
    if (status === "cancelled")
      drafts.push({
        ...at,
        rank: RANK.TransferCancelled,
        type: "TransferCancelled",
        payload: { transferId },
      });
  } else {
    throw new BadValue("status");
  }

  for (const [drawnOn = "", value = "", reading = "", note = "", betaId = ""] of parts(
    get("betas"),
  )) {
    const n = Number(value);
    if (!isIsoDate(drawnOn) || value === "" || !Number.isFinite(n)) throw new BadValue("betas");
    drafts.push({
      file: "transfers",
      row,
      on: drawnOn,
      rank: RANK.BetaRecorded,
      type: "BetaRecorded",
      payload: {
        betaId,
        transferId,
        drawnOn,
        value: n,
        ...(reading ? { clinicReading: reading } : {}),
        ...(note ? { note: unescapeListText(note) } : {}),
      },
    });
  }
  for (const [
    outcomeOn = "",
    outcome = "",
    weeks = "",
    days = "",
    babies = "",
    note = "",
    outcomeId = "",
  ] of parts(get("outcomes"))) {
    const count = (t: string) => {
      const n = Number(t);
      if (!Number.isInteger(n)) throw new BadValue("outcomes");
      return n;
    };
    if (!isIsoDate(outcomeOn)) throw new BadValue("outcomes");
    drafts.push({
      file: "transfers",
      row,
      on: outcomeOn,
      rank: RANK.OutcomeRecorded,
      type: "OutcomeRecorded",
      payload: {
        outcomeId,
        transferId,
        outcome,
        on: outcomeOn,
        ...(weeks !== "" || days !== ""
          ? { gestationalAge: { weeks: count(weeks), days: count(days) } }
          : {}),
        ...(babies ? { babies: count(babies) } : {}),
        ...(note ? { note: unescapeListText(note) } : {}),
      },
    });
  }
  return drafts;
}

/**
 * The drafts of the three files, in the order things happened (by day, then
 * retrieval, day-1 call, day-3 and blastocyst reports, test results, moves
 * in the bank, transfers, betas, outcomes), or each unreadable cell.
 */
export function labDrafts(rows: {
  readonly retrievals: readonly ReadRow[];
  readonly embryos: readonly ReadRow[];
  readonly transfers: readonly ReadRow[];
}): { readonly drafts: readonly LabDraft[]; readonly problems: readonly LabRowProblem[] } {
  const drafts: LabDraft[] = [];
  const problems: LabRowProblem[] = [];
  const attempt = (file: LabFile, row: number, work: () => void) => {
    try {
      work();
    } catch (e) {
      if (!(e instanceof BadValue)) throw e;
      problems.push({ file, row, column: e.column });
    }
  };

  const pgt = new Map<string, { on: string; test: string; results: unknown[]; rows: number[] }>();
  const reported: ReportedEmbryo[] = [];
  for (const r of rows.embryos)
    attempt("embryos", r.row, () => reported.push(readEmbryo(r, drafts, pgt)));

  // The reports of each retrieval, keyed `cohort|day|date`; embryos join the report that named them.
  const reports = new Map<string, Report>();
  for (const { row, get } of rows.retrievals) {
    attempt("retrievals", row, () => {
      if (get("retrieval_kind") !== "retrieval") throw new BadValue("retrieval_kind");
      const retrievalId = get("retrieval_id");
      const on = date(get("date"), "date");
      const at = { file: "retrievals" as const, row };
      const found: LabDraft[] = [];
      found.push({
        ...at,
        on,
        rank: RANK.RetrievalRecorded,
        type: "RetrievalRecorded",
        payload: {
          retrievalId,
          ...(opt(get("cycle_id")) ? { cycleId: get("cycle_id") } : {}),
          retrievedOn: on,
          ...(opt(get("clinic")) ? { clinic: get("clinic") } : {}),
          ...(optNum(get, "follicles_at_trigger") !== undefined
            ? { folliclesAtTrigger: num(get, "follicles_at_trigger") }
            : {}),
          eggsRetrieved: num(get, "eggs"),
          ...(optNum(get, "mature") !== undefined ? { mature: num(get, "mature") } : {}),
        },
      });
      if (get("fertilized") !== "") {
        const method = get("fertilization_method");
        if (method === "") throw new BadValue("fertilization_method");
        const reportedOn = date(get("fertilized_on"), "fertilized_on");
        found.push({
          ...at,
          on: reportedOn,
          rank: RANK.FertilizationReported,
          type: "FertilizationReported",
          payload: {
            cohortId: retrievalId,
            reportedOn,
            method,
            fertilized: num(get, "fertilized"),
          },
        });
      }
      const day3 = optNum(get, "day3");
      const found3: Report[] = [];
      if (day3 !== undefined) {
        const reportedOn = date(get("day3_on"), "day3_on");
        found3.push({ ...at, cohortId: retrievalId, day: 3, on: reportedOn, developing: day3 });
      }
      for (const [day = "", on3 = ""] of get("blastocyst_reports") === ""
        ? []
        : get("blastocyst_reports")
            .split(";")
            .map((d) => d.split(":"))) {
        if (!["5", "6", "7"].includes(day)) throw new BadValue("blastocyst_reports");
        found3.push({
          ...at,
          cohortId: retrievalId,
          day: Number(day),
          on: date(on3, "blastocyst_reports"),
        });
      }
      drafts.push(...found);
      for (const r of found3) reports.set(`${r.cohortId}|${r.day}|${r.on}`, r);
    });
  }

  const members = new Map<string, ReportedEmbryo[]>();
  for (const e of reported) {
    const key = `${e.cohortId}|${e.day}|${e.on}`;
    if (!reports.has(key)) {
      if (e.day === 3) {
        // A day-3 embryo needs the retrieval's day-3 count, which only retrievals.csv has.
        problems.push({ file: "embryos", row: e.row, column: "history" });
        continue;
      }
      reports.set(key, { file: "embryos", row: e.row, cohortId: e.cohortId, day: e.day, on: e.on });
    }
    members.set(key, [...(members.get(key) ?? []), e]);
  }
  for (const [key, report] of reports) {
    const embryos = members.get(key) ?? [];
    const kept = embryos.find((e) => e.storage)?.storage;
    const list = report.day === 3 ? "embryos" : "blastocysts";
    drafts.push({
      file: report.file,
      row: report.row,
      on: report.on,
      rank: report.day === 3 ? RANK.Day3Reported : RANK.BlastocystsReported,
      type: report.day === 3 ? "Day3Reported" : "BlastocystsReported",
      payload:
        report.day === 3
          ? {
              cohortId: report.cohortId,
              reportedOn: report.on,
              developing: report.developing,
              ...(embryos.length > 0 ? { embryos: embryos.map((e) => e.entry) } : {}),
              ...(kept ? { storage: kept } : {}),
            }
          : {
              cohortId: report.cohortId,
              day: report.day,
              reportedOn: report.on,
              blastocysts: embryos.map((e) => e.entry),
              ...(kept ? { storage: kept } : {}),
            },
      entries: { list, rows: embryos.map((e) => e.row) },
    });
  }
  for (const report of pgt.values()) {
    drafts.push({
      file: "embryos",
      row: report.rows[0]!,
      on: report.on,
      rank: RANK.PgtResultRecorded,
      type: "PgtResultRecorded",
      payload: { reportedOn: report.on, test: report.test, results: report.results },
      entries: { list: "results", rows: report.rows },
    });
  }
  for (const r of rows.transfers)
    attempt("transfers", r.row, () => drafts.push(...transferDrafts(r)));

  const ordered = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      a.d.on !== b.d.on ? (a.d.on < b.d.on ? -1 : 1) : a.d.rank - b.d.rank || a.i - b.i,
    )
    .map(({ d }) => d);
  return { drafts: ordered, problems };
}
