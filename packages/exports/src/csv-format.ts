import Papa from "papaparse";

/**
 * RFC 4180 text: fields quoted only when they hold a comma, a quote, a line
 * break or edge spaces; quotes doubled; records ended by CRLF. Written by
 * papaparse (one library for writing and reading, on the device and in Node).
 */

/** One cell: a string, a number, a yes/no, or empty. */
export type Cell = string | number | boolean | null;

/** The byte-order mark that tells spreadsheet apps (Excel above all) the file is UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** How a cell is written: numbers as JavaScript writes them (a dot, no grouping), yes/no as `true`/`false`. */
export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  return cell;
}

/** A whole CSV file: the BOM, the header row, then one row per thing, each ended by CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse([[...header], ...rows.map((r) => r.map(cellText))], {
    newline: "\r\n",
    quotes: false,
    escapeFormulae: false,
    skipEmptyLines: false,
  });
  return `${UTF8_BOM}${body}\r\n`;
}

/** A problem reading a CSV file: where it is, in the file's own row numbers (the header is row 1). */
export interface CsvReadProblem {
  readonly row: number;
  readonly reason: "unclosed-quote" | "unreadable";
}

/** The rows of a CSV file as text cells (BOM dropped, blank lines skipped), or where it cannot be read. */
export function readCsv(
  text: string,
): { ok: true; rows: string[][] } | { ok: false; problem: CsvReadProblem } {
  const clean = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: "greedy", delimiter: "," });
  const bad = parsed.errors.find((e) => e.type === "Quotes" || e.code === "UndetectableDelimiter");
  if (bad) {
    return {
      ok: false,
      problem: {
        row: (bad.row ?? 0) + 1,
        reason: bad.type === "Quotes" ? "unclosed-quote" : "unreadable",
      },
    };
  }
  return { ok: true, rows: parsed.data };
}

/** Splits a zoned time `2021-01-04T08:00:00-05:00[America/New_York]` into its ISO instant with offset and its zone. */
export function splitZoned(zoned: string): { at: string; zone: string } {
  const open = zoned.indexOf("[");
  if (open < 0) return { at: zoned, zone: "" };
  return { at: zoned.slice(0, open), zone: zoned.slice(open + 1, zoned.indexOf("]", open)) };
}
