import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { addDays, dayNumber, daysBetween, isoFromDayNumber } from "./civil.ts";
import { type DoseInstance, expandSchedule, type PlanItem, plannedDoseCount } from "./expand.ts";
import { ZoneResolver } from "./zones.ts";

const zonesWithChanges = [
  "America/New_York",
  "America/Toronto",
  "Europe/London",
  "Australia/Sydney",
  "Australia/Lord_Howe", // 30-minute DST shift
  "America/Havana", // changes at midnight
  "America/Santiago", // changes at midnight, southern hemisphere
  "Asia/Tokyo",
  "Asia/Kolkata",
  "Pacific/Chatham", // +12:45 / +13:45
  "UTC",
] as const;

const zoneArb = fc.constantFrom(...zonesWithChanges);
const dateArb = fc
  .integer({ min: dayNumber("2014-01-01"), max: dayNumber("2031-12-31") })
  .map(isoFromDayNumber);
const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);

const item = (over: Partial<PlanItem> = {}): PlanItem => ({
  id: "follitropin",
  medicationName: "Follitropin alfa",
  dose: { value: 225, unit: "IU" },
  times: ["21:00"],
  startDate: "2015-04-02",
  end: { kind: "date", date: "2015-04-13" },
  timeCritical: false,
  zone: "America/New_York",
  ...over,
});

describe("civil date arithmetic", () => {
  it("agrees with Temporal for any date", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        expect(addDays(date, n)).toBe(Temporal.PlainDate.from(date).add({ days: n }).toString());
      }),
    );
  });
});

describe("zone resolver", () => {
  it("finds the same instant as Temporal for any wall time, DST days included", () => {
    const zones = new ZoneResolver();
    fc.assert(
      fc.property(zoneArb, dateArb, timeArb, (zone, date, time) => {
        const [h, m] = time.split(":").map(Number);
        const reference = Temporal.PlainDate.from(date)
          .toPlainDateTime({ hour: h!, minute: m! })
          .toZonedDateTime(zone, { disambiguation: "compatible" });
        const r = zones.resolve(zone, date, h! * 60 + m!);
        expect(r.epochMs).toBe(reference.epochMilliseconds);
        // The string is a valid zoned time that Temporal reads back to the same instant.
        expect(Temporal.ZonedDateTime.from(r.iso, { offset: "reject" }).epochMilliseconds).toBe(
          r.epochMs,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("checks every DST change day of 2015-2030 in the journeys' zones", () => {
    const zones = new ZoneResolver();
    for (const zone of [
      "America/New_York",
      "America/Toronto",
      "Europe/London",
      "Australia/Sydney",
    ]) {
      for (let day = dayNumber("2015-01-01"); day <= dayNumber("2030-12-31"); day++) {
        const date = isoFromDayNumber(day);
        const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone });
        const next = start.add({ days: 1 });
        if (start.offsetNanoseconds === next.offsetNanoseconds) continue;
        for (let minutes = 0; minutes < 1440; minutes += 30) {
          const ref = Temporal.PlainDate.from(date)
            .toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
            .toZonedDateTime(zone, { disambiguation: "compatible" });
          expect(zones.resolve(zone, date, minutes).epochMs).toBe(ref.epochMilliseconds);
        }
      }
    }
  });

  it("shows an instant as the same wall time Temporal shows", () => {
    const zones = new ZoneResolver();
    fc.assert(
      fc.property(zoneArb, fc.integer({ min: 1.39e12, max: 1.95e12 }), (zone, ms) => {
        const epochMs = Math.floor(ms / 60_000) * 60_000;
        const ref = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
        const shown = zones.display(zone, epochMs);
        expect(shown.date).toBe(ref.toPlainDate().toString());
        expect(shown.minutes).toBe(ref.hour * 60 + ref.minute);
        expect(Temporal.ZonedDateTime.from(shown.iso).epochMilliseconds).toBe(epochMs);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("expandSchedule", () => {
  it("gives every planned dose once, with dose, unit and a zoned instant", () => {
    const doses = expandSchedule(
      { items: [item()] },
      { zone: "America/New_York", from: "2015-04-01", to: "2015-04-30" },
    );
    expect(doses).toHaveLength(12);
    expect(doses[0]).toMatchObject({
      planItemId: "follitropin",
      dose: { value: 225, unit: "IU" },
      date: "2015-04-02",
      time: "21:00",
      at: "2015-04-02T21:00:00-04:00[America/New_York]",
      timeCritical: false,
      keepsInstant: false,
    });
    expect(doses.at(-1)?.at).toBe("2015-04-13T21:00:00-04:00[America/New_York]");
  });

  it("a dose change from a day onward changes that day and every later day, not earlier ones", () => {
    const doses = expandSchedule(
      {
        items: [item({ adjustments: [{ from: "2015-04-08", dose: { value: 300, unit: "IU" } }] })],
      },
      { zone: "America/New_York", from: "2015-04-01", to: "2015-04-30" },
    );
    expect(doses.map((d) => d.dose.value)).toEqual([
      225, 225, 225, 225, 225, 225, 300, 300, 300, 300, 300, 300,
    ]);
  });

  it("doses that run until the trigger stop before the trigger shot", () => {
    const doses = expandSchedule(
      {
        items: [
          item({
            id: "ganirelix",
            medicationName: "Ganirelix",
            times: ["08:00", "20:00"],
            startDate: "2015-04-07",
            end: { kind: "until-trigger" },
          }),
        ],
        triggerAt: "2015-04-13T21:30:00-04:00[America/New_York]",
      },
      { zone: "America/New_York", from: "2015-04-01", to: "2015-04-30" },
    );
    expect(doses.at(-1)?.at).toBe("2015-04-13T20:00:00-04:00[America/New_York]");
    expect(doses).toHaveLength(14);
  });

  it("keeps 21:00 local on the night clocks change (Toronto, 2025-11-02)", () => {
    const doses = expandSchedule(
      {
        items: [
          item({
            zone: "America/Toronto",
            startDate: "2025-10-05",
            end: { kind: "date", date: "2025-11-05" },
          }),
        ],
      },
      { zone: "America/Toronto", from: "2025-10-30", to: "2025-11-04" },
    );
    expect(doses.map((d) => d.at)).toEqual([
      "2025-10-30T21:00:00-04:00[America/Toronto]",
      "2025-10-31T21:00:00-04:00[America/Toronto]",
      "2025-11-01T21:00:00-04:00[America/Toronto]",
      "2025-11-02T21:00:00-05:00[America/Toronto]",
      "2025-11-03T21:00:00-05:00[America/Toronto]",
      "2025-11-04T21:00:00-05:00[America/Toronto]",
    ]);
  });

  it("moves a 02:30 dose to 03:30 on the night the clocks go forward, and never doubles 01:30 when they go back", () => {
    const spring = expandSchedule(
      {
        items: [
          item({
            times: ["02:30"],
            startDate: "2026-03-07",
            end: { kind: "date", date: "2026-03-09" },
          }),
        ],
      },
      { zone: "America/New_York", from: "2026-03-07", to: "2026-03-09" },
    );
    expect(spring.map((d) => d.at)).toEqual([
      "2026-03-07T02:30:00-05:00[America/New_York]",
      "2026-03-08T03:30:00-04:00[America/New_York]",
      "2026-03-09T02:30:00-04:00[America/New_York]",
    ]);
    const autumn = expandSchedule(
      {
        items: [
          item({
            times: ["01:30"],
            startDate: "2026-10-31",
            end: { kind: "date", date: "2026-11-02" },
          }),
        ],
      },
      { zone: "America/New_York", from: "2026-10-31", to: "2026-11-02" },
    );
    expect(autumn).toHaveLength(3);
    expect(autumn[1]?.at).toBe("2026-11-01T01:30:00-04:00[America/New_York]");
  });

  it("when travelling, ordinary doses keep local time and the trigger keeps its instant (Maya to Sydney)", () => {
    const progesterone = item({
      id: "pio",
      medicationName: "Progesterone in oil",
      dose: { value: 50, unit: "mg" },
      times: ["21:00"],
      startDate: "2022-03-01",
      end: { kind: "date", date: "2022-03-10" },
    });
    const trigger = item({
      id: "trigger",
      medicationName: "Choriogonadotropin alfa",
      dose: { value: 250, unit: "mcg" },
      times: ["21:30"],
      startDate: "2022-03-05",
      end: { kind: "date", date: "2022-03-05" },
      timeCritical: true,
    });
    const home = expandSchedule(
      { items: [progesterone, trigger] },
      { zone: "America/New_York", from: "2022-03-01", to: "2022-03-10" },
    );
    const away = expandSchedule(
      { items: [progesterone, trigger] },
      { zone: "Australia/Sydney", from: "2022-03-01", to: "2022-03-11" },
    );
    const shot = away.find((d) => d.planItemId === "trigger")!;
    expect(shot.keepsInstant).toBe(true);
    expect(shot.epochMs).toBe(home.find((d) => d.planItemId === "trigger")!.epochMs);
    expect(shot.at).toBe("2022-03-06T13:30:00+11:00[Australia/Sydney]");
    const pio = away.filter((d) => d.planItemId === "pio");
    expect(pio).toHaveLength(10);
    for (const d of pio) expect(d.at).toMatch(/T21:00:00\+11:00\[Australia\/Sydney\]$/);
  });

  it("property: no dose is lost or doubled across any DST change or zone, and the count matches the plan", () => {
    fc.assert(
      fc.property(
        zoneArb,
        zoneArb,
        dateArb,
        fc.integer({ min: 0, max: 120 }),
        fc.uniqueArray(timeArb, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (homeZone, hereZone, start, length, times, everyDays, timeCritical) => {
          const plan = item({
            zone: homeZone,
            times,
            startDate: start,
            end: { kind: "date", date: addDays(start, length) },
            everyDays,
            timeCritical,
          });
          const doses = expandSchedule(
            { items: [plan] },
            { zone: hereZone, from: addDays(start, -2), to: addDays(start, length + 2) },
          );
          expect(doses).toHaveLength(plannedDoseCount(plan)!);
          expect(new Set(doses.map((d) => d.key)).size).toBe(doses.length);
          for (const d of doses) {
            expect(daysBetween(start, d.date) % everyDays).toBe(0);
            expect(times).toContain(d.time);
          }
          // Sorted by instant (two slots can meet when a DST gap moves 02:30 to 03:30).
          for (let i = 1; i < doses.length; i++) {
            expect(doses[i]!.epochMs).toBeGreaterThanOrEqual(doses[i - 1]!.epochMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: splitting a range in two gives the same doses as the whole range", () => {
    fc.assert(
      fc.property(
        zoneArb,
        dateArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (zone, start, length, cut) => {
          const plan = item({
            zone,
            startDate: start,
            end: { kind: "date", date: addDays(start, length) },
            times: ["07:00", "19:30"],
          });
          const whole = expandSchedule(
            { items: [plan] },
            { zone, from: start, to: addDays(start, length) },
          );
          const mid = addDays(start, Math.min(cut, length));
          const a = expandSchedule({ items: [plan] }, { zone, from: start, to: addDays(mid, -1) });
          const b = expandSchedule(
            { items: [plan] },
            { zone, from: mid, to: addDays(start, length) },
          );
          expect([...a, ...b].map(keyOf)).toEqual(whole.map(keyOf));
        },
      ),
      { numRuns: 200 },
    );
  });
});

const keyOf = (d: DoseInstance) => d.key;
