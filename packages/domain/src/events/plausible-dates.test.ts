import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { PLAUSIBLE_YEARS } from "./plausible-dates.ts";

const ZONE = "America/New_York";
/** 20:00 in New York on `date`. */
const at = (date: string, time = "20:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: ZONE, plainTime: time });

/** Maya (b. 1985) with a cycle under way since 12 March 2026, recording on the 20th. */
function mayaMidCycle() {
  const r = new Recorder("phone0011", 2011);
  const created = at("2026-01-10");
  r.record(
    "JourneyCreated",
    {
      displayName: "Maya",
      dateOfBirth: "1985-11-30",
      homeZone: ZONE,
      createdAt: created.toString(),
    },
    created.epochMilliseconds,
  );
  const started = at("2026-03-11");
  const cycleId = r.newId(started.epochMilliseconds);
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist (short) protocol",
      dayOne: "stim-day",
      startDate: "2026-03-12",
      zone: ZONE,
    },
    started.epochMilliseconds,
  );
  const now = at("2026-03-20", "19:00").epochMilliseconds;
  return { r, cycleId, now };
}

describe("a date nobody could mean is refused when it is entered", () => {
  it("a hundred years back, twenty ahead", () => {
    expect(PLAUSIBLE_YEARS).toEqual({ back: 100, ahead: 20 });
  });

  it("a scan typed as 1900 is refused at its time, in the words for a time that can't be right; nothing is saved", () => {
    const { r, cycleId, now } = mayaMidCycle();
    const before = r.events.length;
    const scan = r.tryRecord(
      "FollicleScanRecorded",
      {
        scanId: r.newId(now),
        cycleId,
        scannedAt: at("1900-03-20", "08:00").toString(),
        leftMm: [14],
        rightMm: [],
      },
      now,
    );
    expect(!scan.ok && scan.error).toEqual({ reason: "invalid-time", field: "payload.scannedAt" });
    expect(r.events).toHaveLength(before);
    expect(r.state.scans.size).toBe(0);
  });

  it("a trigger planned for 2999 is refused at the date inside the plan", () => {
    const { r, cycleId, now } = mayaMidCycle();
    const trigger = r.tryRecord(
      "MedicationPlanned",
      {
        cycleId,
        planItemId: r.newId(now),
        medication: { name: "Choriogonadotropin alfa", route: "subcutaneous", purpose: "trigger" },
        dose: { value: 250, unit: "mcg" },
        times: ["21:30"],
        start: { date: "2999-12-31" },
        end: { kind: "date", date: "2999-12-31" },
        timeCritical: true,
      },
      now,
    );
    expect(!trigger.ok && trigger.error).toEqual({
      reason: "invalid-date",
      field: "payload.start.date",
    });
  });

  it("the edges: a storage fee due in twenty years is kept, a day later is not; a hundred years back likewise", () => {
    const { r, now } = mayaMidCycle();
    const fee = (dueOn: string) =>
      r.tryRecord(
        "StorageFeeScheduled",
        {
          feeId: r.newId(now),
          clinic: "Hudson Fertility",
          covers: "embryos",
          amount: { value: 800, currency: "USD" },
          dueOn,
          renewsYearly: true,
        },
        now,
      );
    // Recorded at 23:00 UTC on 20 March 2026: "today" for the rule is that UTC date.
    expect(fee("2046-03-20").ok).toBe(true);
    expect(!fee("2046-03-21").ok && fee("2046-03-21")).toMatchObject({
      error: { reason: "invalid-date", field: "payload.dueOn" },
    });
    const kept = (on: string) =>
      r.tryRecord(
        "RemembranceAdded",
        { remembranceId: r.newId(now), date: on, name: "Grandma Rose" },
        now,
      );
    expect(kept("1926-03-20").ok).toBe(true);
    expect(kept("1926-03-19").ok).toBe(false);
  });

  it("a date of birth is left to its own rule, which says the ages Trellis is made for", () => {
    const { r, now } = mayaMidCycle();
    const typo = r.tryRecord("JourneyUpdated", { dateOfBirth: "1900-11-30" }, now);
    expect(!typo.ok && typo.error.reason).toBe("age-outside-setup-range");
  });

  it("what is already kept is not asked again: a log holding 1900 still folds whole", () => {
    const { r, cycleId, now } = mayaMidCycle();
    const scan = r.tryRecord(
      "FollicleScanRecorded",
      {
        scanId: r.newId(now),
        cycleId,
        scannedAt: "2026-03-20T08:00:00-04:00[America/New_York]",
        leftMm: [14],
        rightMm: [],
      },
      now,
    );
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    // As if an older version had kept a scan dated 1900 (or another device had sent one).
    const old = {
      ...scan.value,
      payload: { ...scan.value.payload, scannedAt: at("1900-03-20", "08:00").toString() },
    };
    const state = fold([...r.events.slice(0, -1), old]);
    expect(state.rejected).toEqual([]);
    expect(state.scans.size).toBe(1);
  });
});
