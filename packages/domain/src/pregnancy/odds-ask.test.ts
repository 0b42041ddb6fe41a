import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { Recorder } from "../testing/recorder.ts";
import type { OutcomeKind } from "./events.ts";
import { lossList, oddsAskFirst, oddsAwaitingYes, pregnancyDetails } from "./selectors.ts";

/**
 * After a loss, the Odds screen asks before it shows any number about
 * chances, until the person says yes (`OddsResumed`); a loss recorded after
 * that yes asks again.
 */

const TOR = "America/Toronto";
const at = (date: string, time = "18:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: time });
const ms = (date: string, time?: string) => at(date, time).epochMilliseconds;
const zoned = (date: string) => at(date, "21:00").toString();

/**
 * Alex and Jordan (clinical reference A.3): Alex's retrieval at 37, three euploid
 * blastocysts frozen, ready for transfers. Returns a transfer-and-outcome
 * helper so each test writes only what it is about.
 */
function alexAndJordan(device = "phone0010") {
  const r = new Recorder(device, 10);
  r.record(
    "JourneyCreated",
    {
      displayName: "Alex",
      dateOfBirth: "1988-07-04",
      homeZone: TOR,
      partnerName: "Jordan",
      createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
    },
    ms("2025-10-01"),
  );
  const retrieval = r.newId(ms("2025-11-04"));
  r.record(
    "RetrievalRecorded",
    {
      retrievalId: retrieval,
      retrievedOn: "2025-11-04",
      clinic: "Lakeshore IVF",
      eggsRetrieved: 10,
      mature: 8,
    },
    ms("2025-11-04"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2025-11-05", method: "icsi", fertilized: 6 },
    ms("2025-11-05"),
  );
  const embryos = [1, 2, 3].map(() => r.newId(ms("2025-11-09")));
  r.record(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2025-11-09",
      blastocysts: embryos.map((embryoId, i) => ({
        embryoId,
        grade: ["5AA", "4BB", "4AB"][i]!,
        biopsied: false,
        fate: "frozen" as const,
      })),
    },
    ms("2025-11-09"),
  );
  let next = 0;
  const transfer = (on: string): string => {
    const transferId = r.newId(ms(on));
    r.record(
      "TransferRecorded",
      {
        transferId,
        transferredOn: on,
        embryoIds: [embryos[next++]!],
        recipient: { kind: "self" },
      },
      ms(on),
    );
    return transferId;
  };
  const outcome = (transferId: string, kind: OutcomeKind, on: string): string => {
    const outcomeId = r.newId(ms(on));
    r.record("OutcomeRecorded", { outcomeId, transferId, outcome: kind, on }, ms(on));
    return outcomeId;
  };
  const yes = (on: string, outcomeIds = oddsAwaitingYes(r.state).map((o) => o.id)) =>
    r.tryRecord("OddsResumed", { at: zoned(on), outcomeIds }, ms(on, "21:00"));
  return { r, transfer, outcome, yes };
}

describe("the Odds screen asks first after a loss", () => {
  it("asks nothing before any loss, nor after a negative test or a birth", () => {
    const { r, transfer, outcome } = alexAndJordan();
    expect(oddsAskFirst(r.state)).toBe(false);
    outcome(transfer("2026-01-14"), "negative", "2026-01-23");
    const t2 = transfer("2026-03-10");
    r.record(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms("2026-11-20")),
        transferId: t2,
        outcome: "live-birth",
        on: "2026-11-20",
        babies: 1,
      },
      ms("2026-11-20"),
    );
    expect(oddsAskFirst(r.state)).toBe(false);
  });

  it("a miscarriage asks first until they say yes; the yes names the loss it answers", () => {
    const { r, transfer, outcome, yes } = alexAndJordan();
    const loss = outcome(transfer("2026-01-14"), "miscarriage", "2026-02-16");
    expect(oddsAskFirst(r.state)).toBe(true);
    expect(oddsAwaitingYes(r.state).map((o) => o.id)).toEqual([loss]);

    const answered = yes("2026-03-02");
    expect(answered.ok && answered.value.payload).toEqual({
      at: "2026-03-02T21:00:00-05:00[America/Toronto]",
      outcomeIds: [loss],
    });
    expect(oddsAskFirst(r.state)).toBe(false);
    expect(oddsAwaitingYes(r.state)).toEqual([]);
  });

  it("is its own question: saying yes to the odds does not bring back due dates, nor the other way round", () => {
    const { r, transfer, outcome, yes } = alexAndJordan();
    outcome(transfer("2026-01-14"), "miscarriage", "2026-02-16");
    yes("2026-03-02");
    expect(oddsAskFirst(r.state)).toBe(false);
    expect(pregnancyDetails(r.state).show).toBe(false);

    const other = alexAndJordan("phone0011");
    other.outcome(other.transfer("2026-01-14"), "ectopic", "2026-02-01");
    other.r.record("PregnancyDetailsResumed", { at: zoned("2026-02-20") }, ms("2026-02-20"));
    expect(pregnancyDetails(other.r.state).show).toBe(true);
    expect(oddsAskFirst(other.r.state)).toBe(true);
  });

  it("a later loss asks again, and the next yes answers only the losses not yet answered", () => {
    const { r, transfer, outcome, yes } = alexAndJordan();
    const first = outcome(transfer("2026-01-14"), "miscarriage", "2026-02-16");
    yes("2026-03-02");
    const t2 = transfer("2026-05-12");
    outcome(t2, "ongoing", "2026-06-10");
    expect(oddsAskFirst(r.state)).toBe(false);
    const second = outcome(t2, "miscarriage", "2026-07-20");
    expect(oddsAskFirst(r.state)).toBe(true);
    expect(oddsAwaitingYes(r.state).map((o) => o.id)).toEqual([second]);
    expect(lossList(r.state).map((o) => o.id)).toEqual([first, second]);
    expect(yes("2026-08-01").ok).toBe(true);
    expect(oddsAskFirst(r.state)).toBe(false);
  });

  it("a loss entered by mistake and removed stops asking; the record keeps both events", () => {
    const { r, transfer, outcome } = alexAndJordan();
    const loss = outcome(transfer("2026-01-14"), "biochemical", "2026-01-27");
    expect(oddsAskFirst(r.state)).toBe(true);
    r.record("OutcomeRetracted", { outcomeId: loss }, ms("2026-01-28"));
    expect(oddsAskFirst(r.state)).toBe(false);
    expect(r.events.map((e) => e.type).slice(-2)).toEqual(["OutcomeRecorded", "OutcomeRetracted"]);
  });

  it("refuses a yes naming an outcome that does not exist or is not a loss, and changes nothing", () => {
    const { r, transfer, outcome, yes } = alexAndJordan();
    const negative = outcome(transfer("2026-01-14"), "negative", "2026-01-23");
    const loss = outcome(transfer("2026-03-01"), "stillbirth", "2026-07-20");
    const before = r.events.length;

    const notLoss = yes("2026-08-01", [loss, negative]);
    expect(!notLoss.ok && notLoss.error).toMatchObject({
      reason: "not-a-loss",
      field: "payload.outcomeIds.1",
    });
    const unknown = yes("2026-08-01", [r.newId(ms("2026-08-01"))]);
    expect(!unknown.ok && unknown.error).toMatchObject({
      reason: "unknown-outcome",
      field: "payload.outcomeIds.0",
    });
    const twice = yes("2026-08-01", [loss, loss]);
    expect(twice.ok).toBe(false);
    const none = yes("2026-08-01", []);
    expect(none.ok).toBe(false);

    expect(r.events.length).toBe(before);
    expect(oddsAskFirst(r.state)).toBe(true);
  });

  it("a loss recorded on another device while the yes was being given still asks, whatever the arrival order", () => {
    const phone = alexAndJordan("phone0012");
    const first = phone.outcome(phone.transfer("2026-01-14"), "miscarriage", "2026-02-16");
    const t2 = phone.transfer("2026-05-12");

    // The laptop has everything up to here, and Jordan says yes on it in the evening...
    const laptop = new Recorder("laptop012", 12);
    laptop.receive(phone.r.events);
    const shared = phone.r.events.length;
    laptop.record(
      "OddsResumed",
      { at: zoned("2026-07-20"), outcomeIds: [first] },
      ms("2026-07-20", "21:00"),
    );
    // ...while Alex, offline, recorded a second loss on the phone that afternoon.
    phone.outcome(t2, "miscarriage", "2026-07-20");

    phone.r.receive(laptop.events.slice(shared));
    laptop.receive(phone.r.events.slice(shared));
    for (const state of [phone.r.state, laptop.state]) {
      expect(state.rejected).toEqual([]);
      expect(oddsAskFirst(state)).toBe(true);
      expect(oddsAwaitingYes(state).map((o) => o.outcome)).toEqual(["miscarriage"]);
    }
  });

  it("any sequence of losses, removals and yeses: a yes clears the question, a loss recorded after it brings it back", () => {
    type Step =
      | { kind: "loss"; i: number; outcome: OutcomeKind }
      | { kind: "undo"; i: number }
      | { kind: "yes" };
    const losses = ["biochemical", "ectopic", "miscarriage", "termination", "stillbirth"] as const;
    const step = fc.oneof(
      fc.record({
        kind: fc.constant("loss" as const),
        i: fc.nat(2),
        outcome: fc.constantFrom(...losses),
      }),
      fc.record({ kind: fc.constant("undo" as const), i: fc.nat(2) }),
      fc.constant({ kind: "yes" as const }),
    ) as fc.Arbitrary<Step>;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const { r, transfer, outcome, yes } = alexAndJordan();
        const transfers = ["2026-01-05", "2026-01-06", "2026-01-07"].map(transfer);
        const current = new Map<number, string>();
        let day = Temporal.PlainDate.from("2026-02-01");
        for (const s of steps) {
          day = day.add({ days: 3 });
          const on = day.toString();
          if (s.kind === "loss" && !current.has(s.i)) {
            current.set(s.i, outcome(transfers[s.i]!, s.outcome, on));
            expect(oddsAskFirst(r.state)).toBe(true);
          } else if (s.kind === "undo" && current.has(s.i)) {
            r.record("OutcomeRetracted", { outcomeId: current.get(s.i)! }, ms(on));
            current.delete(s.i);
          } else if (s.kind === "yes" && oddsAskFirst(r.state)) {
            expect(yes(on).ok).toBe(true);
            expect(oddsAskFirst(r.state)).toBe(false);
          }
          // It asks exactly when some loss still in the record has no yes after it.
          expect(oddsAskFirst(r.state)).toBe(oddsAwaitingYes(r.state).length > 0);
          if (current.size === 0) expect(oddsAskFirst(r.state)).toBe(false);
        }
        expect(r.state.rejected).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
