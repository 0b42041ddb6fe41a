import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { draftPlanFromTemplate } from "../protocols/instantiate.ts";
import { protocolTemplate } from "../protocols/templates.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { doseHistory, historyBucket, missedYesterday } from "./dose-history.ts";
import { DUE_WINDOW_MINUTES, doseStatusAt, MISSED_AFTER_MINUTES } from "./dose-status.ts";
import { cycleSchedule, daySchedule } from "./selectors.ts";

const NY = "America/New_York";
const ms = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
const ny = (date: string, time: string) => `${date}T${time}:00-04:00[${NY}]`;

/**
 * Maya's antagonist cycle in New York, April 2015, its plan cut at stim day
 * 10: follitropin and menotropins at 21:00 from day 1, ganirelix at 08:00
 * from day 6. Nothing logged yet.
 */
function mayasCycle() {
  const r = new Recorder("phone0001", 14);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1985-11-30", homeZone: NY, createdAt: ny("2015-03-20", "20:00") },
    ms(ny("2015-03-20", "20:00")),
  );
  const template = protocolTemplate("antagonist")!;
  const at = ms(ny("2015-04-01", "20:00"));
  const cycleId = r.newId(at);
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: template.cycleType,
      protocolId: template.id,
      protocolName: template.name,
      dayOne: template.dayOne,
      startDate: "2015-04-02",
      zone: NY,
      triggerToProcedureHours: template.triggerToProcedureHours,
    },
    at,
  );
  const items = draftPlanFromTemplate(template).map(
    (d) =>
      r.record(
        "MedicationPlanned",
        {
          cycleId,
          planItemId: r.newId(at),
          ...d,
          times: [...d.times],
          end: { kind: "cycle-day", day: 10 },
        },
        at,
      ).payload.planItemId,
  );
  const log = (
    planItemId: string,
    slot: { date: string; time: string },
    takenAt: string,
    status: "taken" | "partial" | "skipped" = "taken",
    recordedAt = takenAt,
  ) =>
    r.tryRecord(
      "DoseLogged",
      {
        doseId: r.newId(ms(recordedAt)),
        planItemId,
        slot,
        takenAt,
        status,
        ...(status !== "skipped" && { amount: r.state.planItems.get(planItemId)!.dose }),
      },
      ms(recordedAt),
    );
  return { r, cycleId, items: items as [string, string, string], log };
}

describe("the missed-dose window", () => {
  it("a 9 PM dose is due for an hour, overdue until 3 AM, then missed, and a log always wins", () => {
    const planned = ms(ny("2015-04-02", "21:00"));
    const minute = 60_000;
    expect(doseStatusAt(planned, null, planned - 1)).toBe("upcoming");
    expect(doseStatusAt(planned, null, planned)).toBe("due");
    expect(doseStatusAt(planned, null, planned + DUE_WINDOW_MINUTES * minute)).toBe("overdue");
    expect(doseStatusAt(planned, null, planned + MISSED_AFTER_MINUTES * minute - 1)).toBe(
      "overdue",
    );
    expect(doseStatusAt(planned, null, planned + MISSED_AFTER_MINUTES * minute)).toBe("missed");
    expect(doseStatusAt(planned, { status: "skipped" }, planned + 9e9)).toBe("skipped");
  });
});

describe("Maya forgets to log one evening", () => {
  it("the next morning yesterday's two 9 PM doses show as missed, and the day after they have gone from Today", () => {
    const { r } = mayasCycle();
    const morning = { zone: NY, today: "2015-04-03", nowMs: ms(ny("2015-04-03", "08:30")) };
    expect(missedYesterday(r.state, morning).map((d) => [d.medicationName, d.time])).toEqual([
      ["Follitropin alfa", "21:00"],
      ["Menotropins (hMG)", "21:00"],
    ]);
    // Late that evening, still "yesterday" for Today: the end of the day after.
    const late = { zone: NY, today: "2015-04-03", nowMs: ms(ny("2015-04-03", "23:59")) };
    expect(missedYesterday(r.state, late)).toHaveLength(2);
    const dayAfter = { zone: NY, today: "2015-04-04", nowMs: ms(ny("2015-04-04", "08:30")) };
    expect(missedYesterday(r.state, dayAfter).map((d) => d.date)).toEqual([
      "2015-04-03",
      "2015-04-03",
    ]);
  });

  it("logged the next morning with its real time, the dose is taken at that time; the other stays missed", () => {
    const { r, items, log } = mayasCycle();
    const logged = log(
      items[0],
      { date: "2015-04-02", time: "21:00" },
      ny("2015-04-02", "21:20"),
      "taken",
      ny("2015-04-03", "08:35"),
    );
    expect(logged.ok).toBe(true);
    const morning = { zone: NY, today: "2015-04-03", nowMs: ms(ny("2015-04-03", "08:40")) };
    expect(missedYesterday(r.state, morning).map((d) => d.medicationName)).toEqual([
      "Menotropins (hMG)",
    ]);
    const day = daySchedule(r.state, { zone: NY, date: "2015-04-02", nowMs: morning.nowMs });
    expect(day.map((d) => [d.status, d.log?.takenAt ?? null])).toEqual([
      ["taken", ny("2015-04-02", "21:20")],
      ["missed", null],
    ]);
  });

  it("the history lists every planned dose so far by day, each in its state, with counts", () => {
    const { r, cycleId, items, log } = mayasCycle();
    log(items[0], { date: "2015-04-02", time: "21:00" }, ny("2015-04-02", "21:05"));
    log(items[1], { date: "2015-04-02", time: "21:00" }, ny("2015-04-02", "21:06"), "partial");
    log(items[1], { date: "2015-04-03", time: "21:00" }, ny("2015-04-03", "21:30"), "skipped");
    const h = doseHistory(r.state, cycleId, {
      zone: NY,
      today: "2015-04-08",
      nowMs: ms(ny("2015-04-08", "08:30")),
    });
    expect(h.days.map((d) => d.date)).toEqual([
      "2015-04-02",
      "2015-04-03",
      "2015-04-04",
      "2015-04-05",
      "2015-04-06",
      "2015-04-07",
      "2015-04-08",
    ]);
    expect(h.days[0]!.doses.map((d) => d.status)).toEqual(["taken", "partial"]);
    expect(h.days[1]!.doses.map((d) => d.status)).toEqual(["missed", "skipped"]);
    // Stim day 7 (8 April): ganirelix at 08:00 is half an hour old, still due; the 21:00 doses are still to come.
    expect(h.days.at(-1)!.doses.map((d) => [d.medicationName, d.status])).toEqual([
      ["Ganirelix", "due"],
    ]);
    expect(h.counts).toEqual({ taken: 1, partial: 1, skipped: 1, missed: 10, open: 1 });
  });
});

describe("properties of the classification", () => {
  const zones = [NY, "Europe/London", "Asia/Kolkata", "Pacific/Auckland", "UTC"] as const;
  const { r, cycleId } = mayasCycle();
  const all = cycleSchedule(r.state, cycleId, {
    zone: NY,
    from: "2015-04-01",
    to: "2015-04-13",
    nowMs: 0,
  });
  const start = ms(ny("2015-04-01", "00:00"));
  const end = ms(ny("2015-04-14", "00:00"));
  const arb = fc.record({
    nowMs: fc.integer({ min: start, max: end }),
    zone: fc.constantFrom(...zones),
    logged: fc.uniqueArray(fc.integer({ min: 0, max: all.length - 1 }), { maxLength: 12 }),
    status: fc.constantFrom("taken" as const, "partial" as const, "skipped" as const),
  });

  /**
   * Maya's record with the chosen doses whose time has come by `nowMs` logged
   * (each at its own time, as nobody logs a dose before it is taken) as `status`.
   */
  function withLogs(
    logged: readonly number[],
    status: "taken" | "partial" | "skipped",
    nowMs = Number.POSITIVE_INFINITY,
  ) {
    const m = mayasCycle();
    for (const i of logged) {
      const d = all[i]!;
      if (d.epochMs > nowMs) continue;
      const got = m.log(d.planItemId, { date: d.date, time: d.time }, d.at, status);
      if (!got.ok) throw new Error(got.error.reason);
    }
    return m.r.state;
  }

  it("every planned dose whose time has come is in exactly one state, and the counts add up", () => {
    fc.assert(
      fc.property(arb, ({ nowMs, zone, logged, status }) => {
        const state = withLogs(logged, status, nowMs);
        const today = Temporal.Instant.fromEpochMilliseconds(nowMs)
          .toZonedDateTimeISO(zone)
          .toPlainDate()
          .toString();
        const h = doseHistory(state, cycleId, { zone, today, nowMs });
        const doses = h.days.flatMap((d) => d.doses);
        expect(new Set(doses.map((d) => d.key)).size).toBe(doses.length);
        for (const d of doses) {
          expect(d.epochMs).toBeLessThanOrEqual(nowMs);
          expect(historyBucket(d.status)).not.toBeNull();
          expect(d.status).toBe(doseStatusAt(d.epochMs, d.log, nowMs));
        }
        const total = Object.values(h.counts).reduce((a, b) => a + b, 0);
        expect(total).toBe(doses.length);
        // Nothing planned before now is left out.
        const planned = cycleSchedule(state, cycleId, {
          zone,
          from: "2015-03-30",
          to: "2015-04-16",
          nowMs,
        }).filter((d) => d.epochMs <= nowMs);
        expect(doses.map((d) => d.key).sort()).toEqual(planned.map((d) => d.key).sort());
      }),
      { numRuns: 60 },
    );
  });

  it("logging a dose changes that dose only: it never makes another one missed", () => {
    fc.assert(
      fc.property(arb, fc.nat(), ({ nowMs, zone, logged, status }, pick) => {
        const before = withLogs(logged, status);
        const extra = all[pick % all.length]!;
        const after = withLogs([...new Set([...logged, pick % all.length])], status);
        const read = (s: typeof before) =>
          cycleSchedule(s, cycleId, { zone, from: "2015-03-30", to: "2015-04-16", nowMs });
        const was = new Map(read(before).map((d) => [d.key, d.status]));
        for (const d of read(after)) {
          if (d.key === extra.key) expect(d.log).not.toBeNull();
          else expect(d.status).toBe(was.get(d.key));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("read in any time zone, long after the cycle, the history holds every planned dose once, with the same logs", () => {
    fc.assert(
      fc.property(arb, ({ zone, logged, status }) => {
        const state = withLogs(logged, status);
        const nowMs = ms(ny("2015-05-01", "12:00"));
        const h = doseHistory(state, cycleId, { zone, today: "2015-05-01", nowMs });
        const doses = h.days.flatMap((d) => d.doses);
        expect(doses.map((d) => d.key).sort()).toEqual(all.map((d) => d.key).sort());
        expect(h.counts.missed + h.counts.taken + h.counts.partial + h.counts.skipped).toBe(
          all.length,
        );
        expect(doses.filter((d) => d.log).length).toBe(logged.length);
        expect(h.counts.missed).toBe(all.length - logged.length);
      }),
      { numRuns: 40 },
    );
  });

  it("a fold of the same events in any order classifies the same", () => {
    const { r: m, items, log } = mayasCycle();
    log(items[0], { date: "2015-04-02", time: "21:00" }, ny("2015-04-02", "21:05"));
    const reversed = fold([...m.events].reverse());
    const options = { zone: NY, today: "2015-04-05", nowMs: ms(ny("2015-04-05", "10:00")) };
    expect(doseHistory(reversed, m.state.cycles.keys().next().value!, options)).toEqual(
      doseHistory(m.state, m.state.cycles.keys().next().value!, options),
    );
  });
});
