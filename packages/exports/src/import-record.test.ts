import { mayaJourney, Recorder } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";
import { planTables, toPlanCsv } from "./csv-plan.ts";
import { importRecordCsvs, type RecordImportFile } from "./import-record.ts";

const NOW = Date.parse("2026-12-07T12:00:00Z");

/** A phone that has only just been set up: Maya's journey, nothing else. */
function freshDevice(journey: NonNullable<ReturnType<typeof mayaJourney>["state"]["journey"]>) {
  const r = new Recorder("newphone01", 7);
  r.record(
    "JourneyCreated",
    {
      ...(journey.displayName ? { displayName: journey.displayName } : {}),
      dateOfBirth: journey.dateOfBirth,
      homeZone: journey.homeZone,
      createdAt: "2026-12-07T07:00:00-05:00[America/New_York]",
    },
    NOW - 60_000,
  );
  return r;
}

/** A table without one column (by name), for the one thing that cannot travel. */
const without = (csv: string, column: string) => {
  const lines = csv.split("\r\n");
  const i = lines[0]!.replace("\uFEFF", "").split(",").indexOf(column);
  return lines
    .map((l) =>
      l
        .split(",")
        .filter((_, j) => j !== i)
        .join(","),
    )
    .join("\r\n");
};

describe("the spreadsheets back on a fresh device", () => {
  const maya = mayaJourney();
  const files = {
    cycles: toPlanCsv(maya.state, "cycles"),
    medicines: toPlanCsv(maya.state, "medicines"),
    doses: toCsv(maya.state, "doses"),
    labs: toCsv(maya.state, "labs"),
    scans: toCsv(maya.state, "scans"),
    costs: toCsv(maya.state, "costs"),
    retrievals: toPlanCsv(maya.state, "retrievals"),
    embryos: toCsv(maya.state, "embryos"),
    transfers: toCsv(maya.state, "transfers"),
  } satisfies Record<RecordImportFile, string>;

  it("gives the same doses, blood tests, scans, costs, cycles and medicines: each CSV after equals the CSV before", () => {
    const r = freshDevice(maya.state.journey!);
    const result = importRecordCsvs(r.state, files, { nowMs: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    for (const [i, d] of result.drafts.entries()) r.record(d.type, d.payload as never, NOW + i);
    for (const table of ["doses", "labs", "scans", "embryos", "transfers"] as const)
      expect(toCsv(r.state, table), table).toBe(toCsv(maya.state, table));
    for (const table of planTables)
      expect(toPlanCsv(r.state, table), table).toBe(toPlanCsv(maya.state, table));
    // The receipt photo stays sealed on the device it was added on: all else is the same.
    expect(without(toCsv(r.state, "costs"), "receipt")).toBe(
      without(toCsv(maya.state, "costs"), "receipt"),
    );
    expect(r.state.doseLogs.size).toBeGreaterThan(100);
  });

  it("one wrong cell refuses the whole import with the file, row and column, and gives nothing to record", () => {
    const r = freshDevice(maya.state.journey!);
    const lines = files.labs.split("\r\n");
    const cells = lines[3]!.split(",");
    cells[6] = "lots"; // value
    lines[3] = cells.join(",");
    const result = importRecordCsvs(
      r.state,
      { ...files, labs: lines.join("\r\n") },
      { nowMs: NOW },
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ file: "labs", reason: "bad-value", row: 4, column: "value" }],
    });
  });

  it("a dose whose medicine is not in the medicines file is refused by the domain, with its row", () => {
    const r = freshDevice(maya.state.journey!);
    const [header, , ...rest] = files.medicines.split("\r\n");
    const result = importRecordCsvs(
      r.state,
      { ...files, medicines: [header, ...rest].join("\r\n") },
      { nowMs: NOW },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.file === "doses" && p.reason === "refused")).toBe(true);
  });

  it("a file left out or a column missing is said so", () => {
    const r = freshDevice(maya.state.journey!);
    const { scans: _, ...noScans } = files;
    expect(importRecordCsvs(r.state, noScans, { nowMs: NOW })).toEqual({
      ok: false,
      problems: [{ file: "scans", reason: "missing-file" }],
    });
    const renamed = files.costs.replace("currency", "money");
    expect(importRecordCsvs(r.state, { ...files, costs: renamed }, { nowMs: NOW })).toEqual({
      ok: false,
      problems: [{ file: "costs", reason: "missing-column", column: "currency" }],
    });
  });
});
