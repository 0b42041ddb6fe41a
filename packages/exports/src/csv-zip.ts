import type { JourneyState } from "@trellis/domain";
import { strToU8, zipSync } from "fflate";
import { csvColumns, csvTables, toCsv } from "./csv.ts";
import { planColumns, planTables, toPlanCsv } from "./csv-plan.ts";

/**
 * Every CSV table in one zip, with the cycles and medicines they hang on
 * (so `importRecordCsvs` can bring them back), and a README.txt that says
 * what each file holds. `readme` is the short introduction in the person's language (from
 * the web app's catalogue); the column lists follow it. `now` dates the
 * entries, so the same record and clock give the same bytes.
 */
export function csvZip(
  state: JourneyState,
  options: { readonly now: Date; readonly readme: string },
): Uint8Array {
  const mtime = options.now;
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const columns = [
    ...csvTables.map((t) => `${t}.csv: ${csvColumns[t].join(", ")}`),
    ...planTables.map((t) => `${t}.csv: ${planColumns[t].join(", ")}`),
  ].join("\r\n");
  files["README.txt"] = [
    strToU8(`${options.readme.trim().replace(/\r?\n/g, "\r\n")}\r\n\r\n${columns}\r\n`),
    { mtime },
  ];
  for (const table of csvTables) files[`${table}.csv`] = [strToU8(toCsv(state, table)), { mtime }];
  for (const table of planTables)
    files[`${table}.csv`] = [strToU8(toPlanCsv(state, table)), { mtime }];
  return zipSync(files, { level: 6 });
}
