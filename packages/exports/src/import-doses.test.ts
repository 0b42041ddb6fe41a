import { fiveYearJourney, type JourneyState, type Recorder } from "@trellis/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvText } from "./csv-format.ts";
import {
  checkDoseLog,
  type DoseLogMapping,
  guessDoseMapping,
  parseTime,
  readDoseSheet,
} from "./import-doses.ts";

const NOW = Date.parse("2026-12-07T12:00:00Z");

/** Maya's first cycles, with the doses of the first ten days taken off (logged on paper instead). */
function withPaperDoses() {
  const { recorder } = fiveYearJourney({ cycles: 2 });
  const r: Recorder = recorder;
  const logs = [...r.state.doseLogs.values()]
    .filter((d) => !d.retracted)
    .sort((a, b) => (a.takenAt < b.takenAt ? -1 : 1))
    .slice(0, 24);
  const t = Date.parse("2024-01-01T12:00:00Z");
  for (const [i, d] of logs.entries()) r.record("DoseLogRetracted", { doseId: d.id }, t + i * 1000);
  return { r, logs };
}

/** The paper log as a spreadsheet would save it: their own column names and order. */
function sheetOf(state: JourneyState, logs: ReturnType<typeof withPaperDoses>["logs"]) {
  const rows = logs.map((d) => {
    const plan = state.planItems.get(d.planItemId)!;
    return [
      d.status === "skipped" ? "missed" : "given",
      plan.medication.name,
      d.slot.date,
      d.takenAt.slice(11, 16),
      d.amount ? String(d.amount.value) : "",
      d.amount?.unit ?? "",
    ];
  });
  return csvText(["Given?", "Medication", "Date", "Time", "Amount", "Units"], rows);
}

let n = 0;
const newId = () => {
  n++;
  return `01900000-0000-7000-8000-${n.toString(16).padStart(12, "0")}`;
};

describe("a dose log from a spreadsheet", () => {
  it("maps the columns by their names, checks every row and gives one DoseLogged per row, as they were", () => {
    const { r, logs } = withPaperDoses();
    const sheet = readDoseSheet(sheetOf(r.state, logs));
    if (!sheet.ok) throw new Error(sheet.reason);
    const mapping = guessDoseMapping(sheet.header);
    expect(mapping).toEqual({ given: 0, medicine: 1, date: 2, time: 3, dose: 4, unit: 5 });
    const checked = checkDoseLog(r.state, sheet.rows, mapping, { nowMs: NOW, newId });
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.drafts).toHaveLength(logs.length);
    const t = Date.parse("2024-02-01T12:00:00Z");
    for (const [i, d] of checked.drafts.entries()) r.record(d.type, d.payload, t + i * 1000);
    const back = [...r.state.doseLogs.values()].filter((d) => !d.retracted);
    for (const old of logs) {
      const again = back.find(
        (d) =>
          d.planItemId === old.planItemId &&
          d.slot.date === old.slot.date &&
          d.slot.time === old.slot.time,
      );
      expect(again, `${old.slot.date} ${old.slot.time}`).toBeDefined();
      expect(again!.status).toBe(old.status === "skipped" ? "skipped" : "taken");
      expect(again!.amount).toEqual(old.status === "skipped" ? null : old.amount);
      expect(Date.parse(again!.takenAt.slice(0, 25))).toBe(
        Date.parse(old.takenAt.slice(0, 25)) - (Date.parse(old.takenAt.slice(0, 25)) % 60000),
      );
    }
  });

  it("a row twice, a dose already logged, a medicine not planned that day: each refused with its row", () => {
    const { r, logs } = withPaperDoses();
    const text = sheetOf(r.state, logs);
    const sheet = readDoseSheet(text);
    if (!sheet.ok) throw new Error(sheet.reason);
    const twice = [...sheet.rows, { row: 99, cells: sheet.rows[0]!.cells }];
    const result = checkDoseLog(r.state, twice, guessDoseMapping(sheet.header), {
      nowMs: NOW,
      newId,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { row: 99, reasons: [{ reason: "twice-in-file", otherRow: 2 }] },
    ]);

    const kept = [...r.state.doseLogs.values()].find((d) => !d.retracted)!;
    const plan = r.state.planItems.get(kept.planItemId)!;
    const logged = checkDoseLog(
      r.state,
      [
        {
          row: 2,
          cells: ["given", plan.medication.name, kept.slot.date, kept.slot.time, "1", "IU"],
        },
      ],
      guessDoseMapping(sheet.header),
      { nowMs: NOW, newId },
    );
    expect(logged).toMatchObject({
      ok: false,
      problems: [{ row: 2, reasons: [{ reason: "already-logged" }] }],
    });
    const notThatDay = checkDoseLog(
      r.state,
      [{ row: 2, cells: ["given", plan.medication.name, "2020-06-01", "08:00", "1", "IU"] }],
      guessDoseMapping(sheet.header),
      { nowMs: NOW, newId },
    );
    expect(notThatDay).toMatchObject({
      ok: false,
      problems: [{ row: 2, reasons: [{ reason: "not-planned" }] }],
    });
  });

  it("any one bad row refuses the whole import, names that row and its reason, and gives nothing to record", () => {
    const { r, logs } = withPaperDoses();
    const sheet = readDoseSheet(sheetOf(r.state, logs));
    if (!sheet.ok) throw new Error(sheet.reason);
    const mapping: DoseLogMapping = guessDoseMapping(sheet.header);
    const spoilers: [number, string, string][] = [
      [2, "2024-13-45", "bad-date"],
      [2, "05/03/2021", "bad-date"],
      [2, "", "missing"],
      [3, "25:61", "bad-time"],
      [1, "Unicorn tears 🦄", "unknown-medicine"],
      [0, "perhaps", "bad-given"],
      [4, "a lot", "bad-dose"],
      [4, "-3", "bad-dose"],
      [5, "spoonful", "bad-unit"],
    ];
    const events = r.events.length;
    fc.assert(
      fc.property(
        fc.nat({ max: sheet.rows.length - 1 }),
        fc.constantFrom(...spoilers),
        (at, [col, value, reason]) => {
          const rows = sheet.rows.map((row, i) => {
            if (i !== at) return row;
            const cells = [...row.cells];
            // A missed dose needs no amount: spoil a given one's amount only.
            if ((col === 4 || col === 5) && cells[0] === "missed") cells[0] = "given";
            cells[col] = value;
            return { ...row, cells };
          });
          const result = checkDoseLog(r.state, rows, mapping, { nowMs: NOW, newId });
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems.map((p) => p.row)).toEqual([sheet.rows[at]!.row]);
          expect(result.problems[0]!.reasons.map((x) => x.reason)).toContain(reason);
          expect("drafts" in result).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
    expect(r.events.length).toBe(events);
  });

  it("reads times as people write them", () => {
    expect(parseTime("8:05")).toBe("08:05");
    expect(parseTime("8:05 pm")).toBe("20:05");
    expect(parseTime("12:30 AM")).toBe("00:30");
    expect(parseTime("20:15:00")).toBe("20:15");
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("13:00 pm")).toBeNull();
  });

  it("an empty file or a broken quote is said so, with the row", () => {
    expect(readDoseSheet("date,time\r\n")).toEqual({ ok: false, reason: "empty" });
    expect(readDoseSheet('date,medicine\r\n2024-01-01,"Menopur\r\n')).toMatchObject({
      ok: false,
      reason: "unclosed-quote",
    });
  });
});
