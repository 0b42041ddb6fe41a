import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { addDays } from "../schedule/civil.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { BETA_MAX_DAYS_AFTER_TRANSFER, outcomeEndingBetas } from "./dates.ts";
import { betaSeries, betaTrendOf } from "./selectors.ts";

const NY = "America/New_York";
/** A moment on `date` in New York, 20:00 by default: when Maya records things. */
const ms = (date: string, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: NY, plainTime: time })
    .epochMilliseconds;

/**
 * Maya (clinical reference A.1): retrieval 2015-04-15, a fresh transfer of the 4AA on
 * 2015-04-20 (betas 12 -> 9, a biochemical loss), then the medicated frozen
 * transfer of the 4AB on 2015-08-10 (betas 180 -> 410 -> 950, a girl born
 * 2016-04-14).
 */
function maya() {
  const r = new Recorder("phone0001", 1985);
  r.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: NY,
      partnerName: "Sam",
      createdAt: "2014-03-01T20:00:00-05:00[America/New_York]",
    },
    ms("2014-03-01"),
  );
  const retrieval = r.newId(ms("2015-04-15"));
  r.record(
    "RetrievalRecorded",
    { retrievalId: retrieval, retrievedOn: "2015-04-15", eggsRetrieved: 14, mature: 11 },
    ms("2015-04-15"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2015-04-16", method: "icsi", fertilized: 8 },
    ms("2015-04-16"),
  );
  const [aa, ab] = [1, 2].map(() => r.newId(ms("2015-04-20"))) as [string, string];
  r.record(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2015-04-20",
      blastocysts: [
        { embryoId: aa, grade: "4AA", biopsied: false, fate: "in-culture" },
        { embryoId: ab, grade: "4AB", biopsied: false, fate: "frozen" },
      ],
    },
    ms("2015-04-20", "10:00"),
  );
  const fresh = r.newId(ms("2015-04-20"));
  r.record(
    "TransferRecorded",
    {
      transferId: fresh,
      transferredOn: "2015-04-20",
      embryoIds: [aa],
      recipient: { kind: "self" },
    },
    ms("2015-04-20"),
  );
  const fet = r.newId(ms("2015-08-10"));
  r.record(
    "TransferRecorded",
    {
      transferId: fet,
      transferredOn: "2015-08-10",
      embryoIds: [ab],
      recipient: { kind: "self" },
      protocol: "medicated",
    },
    ms("2015-08-10"),
  );
  const beta = (transferId: string, drawnOn: string, value: number, recordedOn = drawnOn) =>
    r.tryRecord(
      "BetaRecorded",
      { betaId: r.newId(ms(recordedOn)), transferId, drawnOn, value },
      ms(recordedOn),
    );
  const outcome = (
    transferId: string,
    kind: "negative" | "biochemical" | "live-birth" | "miscarriage",
    on: string,
    recordedOn = on,
    extra: { babies?: number; gestationalAge?: { weeks: number; days: number } } = {},
  ) =>
    r.tryRecord(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms(recordedOn)),
        transferId,
        outcome: kind,
        on,
        ...(kind === "live-birth" && { babies: 1 }),
        ...extra,
      },
      ms(recordedOn),
    );
  return { r, fresh, fet, beta, outcome };
}

const reasonOf = (result: { ok: boolean; error?: { reason: string; field: string } }) =>
  result.ok ? "accepted" : `${result.error!.reason} @ ${result.error!.field}`;

describe("a beta's date must fit its transfer (refused with its own reason, nothing saved)", () => {
  it("a beta before the transfer is refused: beta-before-transfer, on the date field", () => {
    const { r, fet, beta } = maya();
    const before = r.events.length;
    expect(reasonOf(beta(fet, "2015-08-03", 180, "2015-08-19"))).toBe(
      "beta-before-transfer @ payload.drawnOn",
    );
    expect(r.events.length).toBe(before);
    expect(betaSeries(r.state, fet)).toEqual([]);
  });

  it("a beta the day of the transfer is accepted", () => {
    const { fet, beta } = maya();
    expect(reasonOf(beta(fet, "2015-08-10", 3))).toBe("accepted");
  });

  it("a beta in the future is refused, with a day's slack for time zones", () => {
    const { r, fet, beta } = maya();
    // Recorded 2015-08-19 at 20:00 in New York = 2015-08-20 00:00 UTC: it is the 20th in UTC,
    // and already the 21st east of UTC+4. The 21st is allowed; the 22nd has not come anywhere.
    expect(reasonOf(beta(fet, "2015-08-22", 180, "2015-08-19"))).toBe(
      "beta-in-future @ payload.drawnOn",
    );
    expect(reasonOf(beta(fet, "2015-08-21", 180, "2015-08-19"))).toBe("accepted");
    expect(betaSeries(r.state, fet).map((b) => b.drawnOn)).toEqual(["2015-08-21"]);
  });

  it("a beta after a birth, or after a negative test, is refused: beta-after-outcome", () => {
    const { fresh, fet, beta, outcome } = maya();
    for (const [d, v] of [
      ["2015-08-19", 180],
      ["2015-08-21", 410],
      ["2015-08-23", 950],
    ] as const)
      expect(reasonOf(beta(fet, d, v))).toBe("accepted");
    expect(reasonOf(outcome(fet, "live-birth", "2016-04-14"))).toBe("accepted");
    expect(reasonOf(beta(fet, "2016-04-20", 5, "2016-04-21"))).toBe(
      "beta-after-outcome @ payload.drawnOn",
    );
    expect(reasonOf(outcome(fresh, "negative", "2015-04-29", "2015-04-29"))).toBe("accepted");
    expect(reasonOf(beta(fresh, "2015-05-01", 9))).toBe("beta-after-outcome @ payload.drawnOn");
    // The day of the negative test is still the transfer's: the beta that said so.
    expect(reasonOf(beta(fresh, "2015-04-29", 12, "2015-04-30"))).toBe("accepted");
  });

  it("after a loss, betas following the hCG down are kept (inside the 20 weeks)", () => {
    const { fresh, beta, outcome } = maya();
    expect(reasonOf(beta(fresh, "2015-04-29", 12))).toBe("accepted");
    expect(reasonOf(outcome(fresh, "biochemical", "2015-04-30"))).toBe("accepted");
    expect(reasonOf(beta(fresh, "2015-05-01", 9))).toBe("accepted");
    expect(reasonOf(beta(fresh, "2015-05-08", 2))).toBe("accepted");
  });

  it("a beta more than 20 weeks after the transfer is refused: a slip of the year, not a beta", () => {
    const { fet, beta } = maya();
    expect(BETA_MAX_DAYS_AFTER_TRANSFER).toBe(140);
    const last = addDays("2015-08-10", BETA_MAX_DAYS_AFTER_TRANSFER);
    expect(reasonOf(beta(fet, addDays(last, 1), 950, "2016-01-20"))).toBe(
      "beta-long-after-transfer @ payload.drawnOn",
    );
    expect(reasonOf(beta(fet, last, 950, "2016-01-20"))).toBe("accepted");
    // The bug report: a beta dated years after the transfer.
    expect(reasonOf(beta(fet, "2018-08-19", 180, "2018-08-19"))).toBe(
      "beta-long-after-transfer @ payload.drawnOn",
    );
  });

  it("every refusal is also a refusal when the log is folded again on another device", () => {
    const { r, fet, beta } = maya();
    beta(fet, "2015-08-19", 180);
    const refused = beta(fet, "2015-08-30", 410, "2015-08-20");
    expect(refused.ok).toBe(false);
    expect(fold(r.events)).toEqual(r.state);
  });
});

describe("an outcome's date must fit its transfer", () => {
  it("an outcome before the transfer is refused: outcome-before-transfer", () => {
    const { fet, outcome } = maya();
    expect(reasonOf(outcome(fet, "negative", "2015-08-01", "2015-08-24"))).toBe(
      "outcome-before-transfer @ payload.on",
    );
  });

  it("an outcome in the future is refused, with a day's slack: outcome-in-future", () => {
    const { fet, outcome } = maya();
    // Recorded 2015-08-24 at 20:00 in New York: already the 25th in UTC, the 26th in Kiribati.
    expect(reasonOf(outcome(fet, "negative", "2015-08-27", "2015-08-24"))).toBe(
      "outcome-in-future @ payload.on",
    );
    expect(reasonOf(outcome(fet, "negative", "2015-08-26", "2015-08-24"))).toBe("accepted");
  });

  it("a negative test or a birth dated before a recorded beta is refused: outcome-before-beta", () => {
    const { fet, beta, outcome } = maya();
    beta(fet, "2015-08-19", 180);
    beta(fet, "2015-08-21", 410);
    expect(reasonOf(outcome(fet, "negative", "2015-08-20", "2015-08-22"))).toBe(
      "outcome-before-beta @ payload.on",
    );
    // A miscarriage on that day is not refused: betas may follow a loss.
    expect(reasonOf(outcome(fet, "miscarriage", "2015-08-20", "2015-08-22"))).toBe("accepted");
  });

  it("weeks of pregnancy run 0-44: 45 weeks is refused, 44 weeks 6 days is accepted", () => {
    const a = maya();
    expect(
      reasonOf(
        a.outcome(a.fet, "miscarriage", "2015-10-01", "2015-10-01", {
          gestationalAge: { weeks: 45, days: 0 },
        }),
      ),
    ).toBe("weeks-out-of-range @ payload.gestationalAge.weeks");
    expect(
      reasonOf(
        a.outcome(a.fet, "miscarriage", "2015-10-01", "2015-10-01", {
          gestationalAge: { weeks: 44, days: 6 },
        }),
      ),
    ).toBe("accepted");
  });
});

/** A version-1 event as an older Trellis stored it: same payload, the old schema version. */
function asVersion1(e: TrellisEvent): TrellisEvent {
  return { ...e, schemaVersion: 1 } as TrellisEvent;
}

describe("events recorded before the guards stay valid", () => {
  it("a version-1 beta years after its transfer, and one after the birth, still fold; a version-2 one does not", () => {
    const { r, fet, beta, outcome } = maya();
    beta(fet, "2015-08-19", 180);
    outcome(fet, "live-birth", "2016-04-14");
    const old = new Recorder("tablet001", 7);
    // Stamped in 2021 by a device whose clock is right; dates that the new rules refuse.
    const v2 = [
      ["2016-04-20", 5],
      ["2021-08-19", 1_900_000],
    ].map(([drawnOn, value], k) => {
      const stamp = ms("2021-09-01") + k;
      return {
        id: old.newId(stamp),
        hlc: `${stamp.toString(16).padStart(12, "0")}-00000000-tablet001`,
        device: "tablet001",
        type: "BetaRecorded",
        schemaVersion: 2,
        payload: {
          betaId: old.newId(stamp),
          transferId: fet,
          drawnOn: drawnOn as string,
          value: value as number,
        },
      } as TrellisEvent;
    });
    const withNew = fold([...r.events, ...v2]);
    expect(withNew.rejected.map((x) => x.problem.reason)).toEqual([
      "beta-after-outcome",
      "beta-after-outcome",
    ]);
    const withOld = fold([...r.events, ...v2.map(asVersion1)]);
    expect(withOld.rejected).toEqual([]);
    expect(betaSeries(withOld, fet).map((b) => b.drawnOn)).toEqual([
      "2015-08-19",
      "2016-04-20",
      "2021-08-19",
    ]);
    // The trend still reads, so the screens can show it (and clamp their axes).
    expect(betaTrendOf(withOld, fet)?.intervals).toHaveLength(2);
  });

  it("a version-1 outcome with 45 weeks still folds", () => {
    const { r, fet, outcome } = maya();
    const ok = outcome(fet, "miscarriage", "2015-10-01", "2015-10-01", {
      gestationalAge: { weeks: 44, days: 0 },
    });
    expect(ok.ok).toBe(true);
    const stored = r.events.at(-1)!;
    const old = asVersion1({
      ...stored,
      payload: { ...stored.payload, gestationalAge: { weeks: 45, days: 0 } },
    } as TrellisEvent);
    const state = fold([...r.events.slice(0, -1), old]);
    expect(state.rejected).toEqual([]);
    expect([...state.outcomes.values()][0]!.gestationalAge).toEqual({ weeks: 45, days: 0 });
  });
});

describe("property: any accepted beta lies between its transfer and the end of its betas", () => {
  it("between the transfer and the earliest of: a negative test or a birth, the day it was recorded (+1), 20 weeks", () => {
    const base = maya();
    const start = base.r.events.length;
    const step = fc.record({
      kind: fc.constantFrom("beta", "beta", "beta", "negative", "live-birth", "biochemical"),
      transfer: fc.constantFrom("fresh", "fet"),
      // Days from 30 before the fresh transfer to some years after the frozen one.
      day: fc.integer({ min: -30, max: 1200 }),
      // Recorded this many days after the date (negative: before it).
      lag: fc.integer({ min: -5, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const m = maya();
        let recordedOn = "2015-08-10";
        for (const s of steps) {
          const transferId = s.transfer === "fresh" ? m.fresh : m.fet;
          const date = addDays("2015-04-20", s.day);
          // The device's clock moves forward only.
          const at = addDays(date, s.lag);
          if (at > recordedOn) recordedOn = at;
          if (s.kind === "beta") m.beta(transferId, date, 50 + s.day * 3 + 1, recordedOn);
          else m.outcome(transferId, s.kind, date, recordedOn);
        }
        expect(m.r.events.length).toBeGreaterThanOrEqual(start);
        const state = fold(m.r.events);
        for (const b of [...state.betas.values()].filter((x) => !x.retracted)) {
          const t = state.transfers.get(b.transferId)!;
          const recorded = m.r.events.find(
            (e) => e.type === "BetaRecorded" && e.payload.betaId === b.id,
          )!;
          const stampDay = Temporal.Instant.fromEpochMilliseconds(
            Number.parseInt(recorded.hlc.slice(0, 12), 16),
          )
            .toZonedDateTimeISO("UTC")
            .toPlainDate()
            .toString();
          const ended = outcomeEndingBetas(state, t.id);
          const limits = [
            addDays(stampDay, 1),
            addDays(t.date, BETA_MAX_DAYS_AFTER_TRANSFER),
            ...(ended ? [ended.on] : []),
          ];
          expect(b.drawnOn >= t.date).toBe(true);
          for (const limit of limits) expect(b.drawnOn <= limit).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
