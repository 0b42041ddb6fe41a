import { describe, expect, it } from "vitest";
import { betaTrend } from "./clinical/beta.ts";
import { dueDate } from "./clinical/dating.ts";
import { parseGardner } from "./clinical/gardner.ts";
import { checkLabValue } from "./clinical/labs.ts";
import { parseOhssSymptoms } from "./clinical/ohss.ts";
import { type Problem, problem, type Result } from "./core/result.ts";
import { Temporal } from "./core/time.ts";
import { bankOdds } from "./odds/bank.ts";
import { refusalReasons } from "./refusals.ts";
import { fold } from "./state/fold.ts";
import { Recorder } from "./testing/recorder.ts";

const ZONE = "Europe/London";
const ms = (date: string) => Temporal.Instant.from(`${date}T09:00:00Z`).epochMilliseconds;
const zoned = (date: string) => `${date}T09:00:00+00:00[${ZONE}]`;

/** A sentence a person would read: several words with a verb of the kind messages use, or sentence punctuation. */
const SENTENCE =
  /[.;:!?]\s|\b(is|are|was|must|cannot|can't|should|check|give|remove|only|more than)\b/i;

function expectCode(p: Problem, where: string) {
  expect(
    Object.keys(p).every((k) => ["reason", "field", "params", "detail"].includes(k)),
    where,
  ).toBe(true);
  expect(refusalReasons, where).toContain(p.reason);
  expect(typeof p.field, where).toBe("string");
  for (const [k, v] of Object.entries(p.params ?? {})) {
    expect(["string", "number"], `${where} ${k}`).toContain(typeof v);
    if (typeof v === "string") expect(v, `${where} ${k}`).not.toMatch(SENTENCE);
  }
  // Developer text only: zod's own words about a schema, never a sentence written for a person.
  if (p.detail !== undefined)
    expect(p.detail, where).toMatch(/^(Invalid|Too (big|small)|Unrecognized)/);
}

function refusalOf<T>(r: Result<T, Problem>, where: string): Problem {
  if (r.ok) throw new Error(`${where}: expected a refusal`);
  return r.error;
}

/** A journey with one stimulation cycle, an embryo bank, a transfer and a clinic: enough to refuse something in every slice. */
function journey() {
  const r = new Recorder("phone0001", 11);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1988-06-02", homeZone: ZONE, createdAt: zoned("2026-01-05") },
    ms("2026-01-05"),
  );
  const cycleId = r.newId(ms("2026-01-10"));
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist",
      dayOne: "stim-day",
      startDate: "2026-01-10",
      zone: ZONE,
    },
    ms("2026-01-10"),
  );
  const retrievalId = r.newId(ms("2026-01-22"));
  r.record(
    "RetrievalRecorded",
    { retrievalId, cycleId, retrievedOn: "2026-01-22", eggsRetrieved: 12, mature: 10 },
    ms("2026-01-22"),
  );
  return { r, cycleId, retrievalId };
}

describe("refusals carry codes, never a sentence a person reads", () => {
  it("in every slice: reason from the union, plain params, developer detail at most", () => {
    const { r, cycleId, retrievalId } = journey();
    const at = ms("2026-02-01");
    const unknown = r.newId(at);
    const med = {
      name: "Gonal-f",
      catalogueId: "follitropin-alfa",
      route: "subcutaneous",
      purpose: "stimulation",
    } as const;
    const attempts: [string, Result<unknown, Problem>][] = [
      ["journey", r.tryRecord("JourneyUpdated", { dateOfBirth: "1890-01-01" }, at)],
      ["journey schema", r.tryRecord("JourneyUpdated", { country: "XX" }, at)],
      ["journal", r.tryRecord("JournalNoteCorrected", { noteId: unknown, text: "x" }, at)],
      [
        "journal schema",
        r.tryRecord(
          "JournalNoteAdded",
          { noteId: unknown, text: "", writtenAt: zoned("2026-02-01") },
          at,
        ),
      ],
      [
        "treatment",
        r.tryRecord(
          "MedicationPlanned",
          {
            cycleId,
            planItemId: unknown,
            medication: med,
            dose: { value: 22500, unit: "IU" },
            times: ["21:00"],
            start: { cycleDay: 1 },
            end: { kind: "open" },
            timeCritical: false,
          },
          at,
        ),
      ],
      [
        "treatment ended",
        r.tryRecord(
          "CycleEnded",
          { cycleId, endedOn: "2026-01-01", status: "completed" } as never,
          at,
        ),
      ],
      [
        "inventory",
        r.tryRecord(
          "SupplyAdded",
          {
            supplyId: unknown,
            medication: { name: "Gonal-f", catalogueId: "follitropin-alfa" },
            quantity: 900,
            unit: "mg",
            packages: { count: 1, kind: "pen" },
            addedOn: "2026-02-01",
          },
          at,
        ),
      ],
      [
        "monitoring",
        r.tryRecord(
          "FollicleScanRecorded",
          {
            scanId: unknown,
            cycleId,
            scannedAt: zoned("2026-01-15"),
            leftMm: [14, 90],
            rightMm: [],
          } as never,
          at,
        ),
      ],
      [
        "monitoring lab",
        r.tryRecord(
          "LabResultRecorded",
          {
            resultId: unknown,
            cycleId,
            drawnAt: zoned("2026-01-15"),
            analyte: "E2",
            value: 90000,
            unit: "pg/mL",
          },
          at,
        ),
      ],
      [
        "wellbeing",
        r.tryRecord(
          "SymptomsChecked",
          { checkId: unknown, at: zoned("2026-02-01"), answers: { bloating: "huge" } } as never,
          at,
        ),
      ],
      [
        "embryology",
        r.tryRecord(
          "FertilizationReported",
          { cohortId: retrievalId, reportedOn: "2026-01-23", method: "icsi", fertilized: 11 },
          at,
        ),
      ],
      [
        "embryology date",
        r.tryRecord(
          "FertilizationReported",
          { cohortId: retrievalId, reportedOn: "2026-01-01", method: "icsi", fertilized: 5 },
          at,
        ),
      ],
      [
        "embryology grade",
        r.tryRecord(
          "BlastocystsReported",
          {
            cohortId: retrievalId,
            day: 5,
            reportedOn: "2026-01-27",
            blastocysts: [{ embryoId: unknown, grade: "4AD", biopsied: false, fate: "frozen" }],
          },
          at,
        ),
      ],
      [
        "pregnancy",
        r.tryRecord(
          "TransferRecorded",
          {
            transferId: unknown,
            transferredOn: "2026-01-27",
            embryoIds: [r.newId(at)],
            recipient: { kind: "self" },
          },
          at,
        ),
      ],
      [
        "pregnancy beta",
        r.tryRecord(
          "BetaRecorded",
          { betaId: unknown, transferId: r.newId(at), drawnOn: "2026-02-01", value: 120 },
          at,
        ),
      ],
      [
        "clinics",
        r.tryRecord("ClinicSaved", { clinicId: unknown, name: "Riverside", nurseLine: "12" }, at),
      ],
      ["clinics line", r.tryRecord("SupportLineAdded", { lineId: unknown, name: "Mum" }, at)],
      ["preferences", r.tryRecord("PreferencesUpdated", {}, at)],
      ["labs", checkLabValue({ analyte: "TSH", value: 2, unit: "mIU/L" })],
      [
        "beta trend",
        betaTrend([
          { at: "2026-01-20", value: 95 },
          { at: "2026-01-20", value: 120 },
        ]),
      ],
      ["gardner", parseGardner("7AA")],
      ["dating", dueDate({ transferDate: "2015-08-10", embryoDay: 4 } as never)],
      ["ohss", parseOhssSymptoms({ shortnesOfBreath: true })],
      ["odds", bankOdds({ embryos: [{ ageAtRetrieval: 17, pgt: "euploid", day: 5 }] })],
    ];
    const reasons = new Set<string>();
    for (const [where, result] of attempts) {
      const p = refusalOf(result, where);
      expectCode(p, where);
      reasons.add(p.reason);
    }
    // Each attempt met a refusal of its own kind, not one generic reason.
    expect(reasons.size).toBeGreaterThanOrEqual(attempts.length - 4);
  });

  it("in a fold: an event that cannot apply is kept aside with a code", () => {
    const { r } = journey();
    const other = journey().r;
    other.record(
      "JournalNoteAdded",
      { noteId: other.newId(ms("2026-02-01")), text: "x", writtenAt: zoned("2026-02-01") },
      ms("2026-02-01"),
    );
    const corrected = {
      ...other.events.at(-1)!,
      id: other.newId(ms("2026-02-02")),
      type: "JournalNoteCorrected",
      payload: { noteId: r.newId(ms("2026-02-02")), text: "y" },
    };
    const state = fold([...r.events, corrected as never]);
    expect(state.rejected).toHaveLength(1);
    expectCode(state.rejected[0]!.problem, "fold");
    expect(state.rejected[0]!.problem.reason).toBe("unknown-note");
  });

  it("is typed: a reason no slice exports does not compile", () => {
    // @ts-expect-error "no-such-reason" is not a RefusalReason
    const p = problem("no-such-reason", "payload");
    expect(p.reason).toBe("no-such-reason");
  });
});
