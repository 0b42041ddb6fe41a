import { mayaJourney, Recorder } from "@trellis/domain";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";
import { csvText } from "./csv-format.ts";
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
    // The lab's and the clinic's history came back as events, not only as rows.
    expect(r.state.embryos.size).toBe(maya.state.embryos.size);
    expect(r.state.cohorts.get(maya.retrievals.r1)?.fertilized).toBe(8);
    expect(r.state.embryos.get(maya.embryos.r2b)?.history.map((h) => h.cause)).toEqual(
      maya.state.embryos.get(maya.embryos.r2b)?.history.map((h) => h.cause),
    );
    expect([...r.state.betas.keys()].sort()).toEqual([...maya.state.betas.keys()].sort());
    expect([...r.state.outcomes.keys()].sort()).toEqual([...maya.state.outcomes.keys()].sort());
  });

  it("an embryo moved to another tank and a thaw that did not survive come back, with `|`, `;` and `%` in the words", () => {
    const more = mayaJourney();
    const at = Date.parse("2024-01-20T10:00:00+11:00");
    more.recorder.record(
      "EmbryosMoved",
      {
        embryoIds: [more.embryos.r3b],
        movedOn: "2024-01-18",
        storage: { clinic: "Harbor; Annex", location: "Tank|4 at 100%" },
      },
      at,
    );
    more.recorder.record(
      "EmbryoThawed",
      { embryoId: more.embryos.r2c, thawedOn: "2024-01-19", survived: false },
      at + 1,
    );
    const state = more.recorder.state;
    const all = {
      ...files,
      embryos: toCsv(state, "embryos"),
      transfers: toCsv(state, "transfers"),
      retrievals: toPlanCsv(state, "retrievals"),
    };
    const r = freshDevice(state.journey!);
    const result = importRecordCsvs(r.state, all, { nowMs: NOW });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    for (const [i, d] of result.drafts.entries()) r.record(d.type, d.payload as never, NOW + i);
    expect(toCsv(r.state, "embryos")).toBe(all.embryos);
    expect(r.state.embryos.get(more.embryos.r3b)?.storage).toEqual({
      clinic: "Harbor; Annex",
      location: "Tank|4 at 100%",
    });
    expect(r.state.embryos.get(more.embryos.r2c)?.discardReason).toBe("did-not-survive-thaw");
  });

  /** A file with one cell of one row (by its row number, the header being row 1) changed. */
  const edit = (csv: string, row: number, column: string, value: string) => {
    const rows = parse(csv, { bom: true }) as string[][];
    const at = rows[0]!.indexOf(column);
    rows[row - 1]![at] = value;
    return csvText(rows[0]!, rows.slice(1));
  };

  it("a blastocyst with a grade the lab could not have written refuses the whole import, on that embryo's row", () => {
    const r = freshDevice(maya.state.journey!);
    // Row 3 is the second embryo of Maya's first day-5 report.
    const result = importRecordCsvs(
      r.state,
      { ...files, embryos: edit(files.embryos, 3, "grade", "9ZZ") },
      { nowMs: NOW },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toEqual({
      file: "embryos",
      row: 3,
      reason: "refused",
      problem: expect.objectContaining({
        reason: "invalid-grade",
        field: "payload.blastocysts.1.grade",
      }),
    });
    // Without that report its embryos are not in the bank, so the two 2015 transfers say so too.
    expect(result.problems.slice(1).map((p) => [p.file, "row" in p && p.row])).toEqual([
      ["transfers", 2],
      ["transfers", 3],
    ]);
  });

  it("an embryo whose history cannot be read is refused with its row and column", () => {
    const r = freshDevice(maya.state.journey!);
    const result = importRecordCsvs(
      r.state,
      { ...files, embryos: edit(files.embryos, 4, "history", "2015-04-21|hatched") },
      { nowMs: NOW },
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ file: "embryos", reason: "bad-value", row: 4, column: "history" }],
    });
  });

  it("a transfer of an embryo that is not in the bank refuses the whole import, on that transfer's row", () => {
    const r = freshDevice(maya.state.journey!);
    // Row 3 is the 2015 frozen transfer; give it the embryo already transferred fresh in row 2.
    const first = (parse(files.transfers, { bom: true }) as string[][])[1]!;
    const result = importRecordCsvs(
      r.state,
      { ...files, transfers: edit(files.transfers, 3, "embryo_ids", first[4]!) },
      { nowMs: NOW },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: "transfers", row: 3, reason: "refused" });
  });

  it("a beta that cannot be read in a transfer's row is refused with that row", () => {
    const r = freshDevice(maya.state.journey!);
    const result = importRecordCsvs(
      r.state,
      { ...files, transfers: edit(files.transfers, 2, "betas", "2015-04-29|high") },
      { nowMs: NOW },
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ file: "transfers", reason: "bad-value", row: 2, column: "betas" }],
    });
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
