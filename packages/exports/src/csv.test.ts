import { fiveYearJourney, type Recorder } from "@trellis/domain";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { csvCells, csvColumns, csvTables, toCsv } from "./csv.ts";
import { csvText, readCsv, UTF8_BOM } from "./csv-format.ts";
import { csvZip } from "./csv-zip.ts";
import { recordFixtures } from "./fixtures.test-support.ts";

const read = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe.each(recordFixtures())("CSV tables of $name", ({ state }) => {
  it.each(csvTables)("%s.csv parses back with csv-parse to the same header and rows", (table) => {
    const text = toCsv(state, table);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = read(text);
    expect(rows[0]).toEqual([...csvColumns[table]]);
    expect(rows).toEqual(csvCells(state, table));
    for (const row of rows) expect(row).toHaveLength(csvColumns[table].length);
  });

  it("one row per thing the record holds, removed mistakes left out", () => {
    const live = <T extends { retracted: boolean }>(m: ReadonlyMap<string, T>) =>
      [...m.values()].filter((x) => !x.retracted).map((x) => (x as unknown as { id: string }).id);
    const ids = (table: (typeof csvTables)[number]) =>
      read(toCsv(state, table))
        .slice(1)
        .map((r) => r[0]);
    expect(ids("doses").sort()).toEqual(live(state.doseLogs).sort());
    expect(ids("labs").sort()).toEqual(live(state.labResults).sort());
    expect(ids("scans").sort()).toEqual(live(state.scans).sort());
    expect(ids("embryos").sort()).toEqual(live(state.embryos).sort());
    expect(ids("transfers").sort()).toEqual(live(state.transfers).sort());
    const costs = [...state.costs.values()].filter((c) => !c.removed).map((c) => c.id);
    expect(ids("costs").sort()).toEqual(costs.sort());
  });

  it("times carry their UTC offset and zone, and units stand in their own columns", () => {
    const doses = read(toCsv(state, "doses"));
    const col = (name: string) => doses[0]!.indexOf(name);
    for (const row of doses.slice(1)) {
      expect(row[col("taken_at")]).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:\d{2}$/,
      );
      expect(row[col("time_zone")]).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+/);
      expect(row[col("planned_date")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (row[col("status")] !== "skipped") expect(row[col("unit")]).not.toBe("");
      expect(Number.isNaN(Number(row[col("amount")]))).toBe(false);
    }
    const labs = read(toCsv(state, "labs"));
    for (const row of labs.slice(1)) {
      expect(row[labs[0]!.indexOf("unit")]).toMatch(
        /^(pg\/mL|pmol\/L|ng\/mL|nmol\/L|mIU\/mL|IU\/L)$/,
      );
      expect(row[labs[0]!.indexOf("drawn_at")]).toMatch(/[+-]\d{2}:\d{2}$/);
    }
  });

  it("the zip holds the six files, what they hang on, and a README naming every column", () => {
    const zip = unzipSync(
      csvZip(state, { now: new Date("2026-12-07T12:00:00Z"), readme: "Your record." }),
    );
    expect(Object.keys(zip).sort()).toEqual(
      [
        "README.txt",
        "cycles.csv",
        "medicines.csv",
        "retrievals.csv",
        ...csvTables.map((t) => `${t}.csv`),
      ].sort(),
    );
    const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
    for (const table of csvTables)
      expect(utf8.decode(zip[`${table}.csv`]!)).toBe(toCsv(state, table));
    const readme = strFromU8(zip["README.txt"]!);
    expect(readme.startsWith("Your record.")).toBe(true);
    for (const table of csvTables) expect(readme).toContain(csvColumns[table].join(", "));
  });
});

describe("CSV quoting", () => {
  const awkward = fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => s.replace(/\0/g, ""));
  const special = fc.constantFrom(",", '"', "\n", "\r\n", " ", "🌱", "👩🏽‍⚕️", "=SUM(A1)", "é", ";");
  const text = fc
    .array(fc.oneof(awkward, special), { maxLength: 6 })
    .map((parts) => parts.join(""));
  const cell = fc.oneof(
    text,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );

  it("any cells (commas, quotes, line breaks, emoji) are read back by csv-parse and by our reader exactly", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 8 }),
        (width, rows) => {
          const header = ["a", "b", "c", "d", "e"].slice(0, width);
          const cut = rows.map((r) => r.slice(0, width));
          const written = csvText(header, cut);
          const expected = [
            header,
            ...cut.map((r) =>
              r.map((c) => (c === null ? "" : typeof c === "boolean" ? String(c) : String(c))),
            ),
          ];
          // A row of one empty cell is an empty line, which readers skip: RFC 4180 cannot tell them apart.
          const readable = expected.filter((r, i) => i === 0 || !(r.length === 1 && r[0] === ""));
          expect(read(written).filter((r) => !(r.length === 1 && r[0] === ""))).toEqual(readable);
          // Our reader (for imports) also skips rows of blank cells, as spreadsheets leave them at the end.
          const ours = readCsv(written);
          expect(ours.ok && ours.rows).toEqual(
            expected.filter((r, i) => i === 0 || r.some((c) => c.trim() !== "")),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a name with a comma, quotes, a line break and an emoji survives a dose note", () => {
    const { recorder } = fiveYearJourney({ cycles: 1 });
    const dose = [...recorder.state.doseLogs.values()][0]!;
    const note = 'Left side, "ouch"\nthen 🌱 better';
    const r: Recorder = recorder;
    const t = Date.parse("2021-06-20T12:00:00Z");
    r.record("DoseLogRetracted", { doseId: dose.id }, t);
    r.record(
      "DoseLogged",
      {
        doseId: r.newId(t),
        planItemId: dose.planItemId,
        slot: dose.slot,
        takenAt: dose.takenAt,
        status: "taken",
        amount: dose.amount ?? { value: 1, unit: "IU" },
        note,
      },
      t,
    );
    const rows = read(toCsv(r.state, "doses"));
    expect(rows.map((row) => row.at(-1))).toContain(note);
  });
});

describe("money in the costs table", () => {
  it("is summed in the currency's own minor units: three decimals for a dinar, no float dust in dollars", () => {
    const { recorder } = fiveYearJourney({ cycles: 1 });
    const r: Recorder = recorder;
    const t = Date.parse("2021-06-20T12:00:00Z");
    const cost = (value: number, currency: string, coverage: number[]) => ({
      costId: r.newId(t),
      description: `A bill in ${currency}`,
      category: "monitoring" as const,
      amount: { value, currency },
      incurredOn: "2021-06-18",
      status: "paid" as const,
      coverage: coverage.map((v) => ({ kind: "insurer" as const, value: v, received: true })),
    });
    r.record("CostRecorded", cost(10.125, "KWD", [2.5, 0.125]), t);
    r.record("CostRecorded", cost(1, "USD", [0.1, 0.2]), t);
    const rows = read(toCsv(r.state, "costs"));
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    const kwd = rows.find((row) => col(row, "currency") === "KWD")!;
    expect([col(kwd, "covered"), col(kwd, "out_of_pocket")]).toEqual(["2.625", "7.5"]);
    const usd = rows.find((row) => col(row, "currency") === "USD")!;
    expect([col(usd, "covered"), col(usd, "out_of_pocket")]).toEqual(["0.3", "0.7"]);
  });
});
