import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isZonedDateTime, Temporal } from "./time.ts";

const zones = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/Havana",
  "Asia/Kolkata",
  "UTC",
  "Pacific/Chatham",
];

describe("isZonedDateTime", () => {
  it("agrees with Temporal for any instant shown in any zone, with right or wrong offsets", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1.3e12, max: 1.95e12 }),
        fc.integer({ min: -120, max: 120 }),
        (zone, ms, shiftMinutes) => {
          const right = Temporal.Instant.fromEpochMilliseconds(ms)
            .toZonedDateTimeISO(zone)
            .toString();
          expect(isZonedDateTime(right)).toBe(true);
          // The same wall time with a different offset is refused unless it is also valid.
          const zdt = Temporal.ZonedDateTime.from(right);
          const shifted = zdt.offsetNanoseconds / 6e10 + shiftMinutes;
          const sign = shifted < 0 ? "-" : "+";
          const abs = Math.abs(shifted);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const other = `${zdt.toPlainDateTime().toString()}${offset}[${zone}]`;
          let reference: boolean;
          try {
            Temporal.ZonedDateTime.from(other, { offset: "reject" });
            reference = true;
          } catch {
            reference = false;
          }
          expect(isZonedDateTime(other)).toBe(reference);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses impossible dates, times and zones", () => {
    for (const bad of [
      "2026-02-29T10:00:00+00:00[UTC]",
      "2026-13-01T10:00:00+00:00[UTC]",
      "2026-01-01T24:00:00+00:00[UTC]",
      "2026-01-01T10:00:00+00:00[Mars/Olympus]",
      "2026-01-01T10:00:00+00:00",
      "yesterday",
    ]) {
      expect(isZonedDateTime(bad), bad).toBe(false);
    }
    expect(isZonedDateTime("2024-02-29T10:00:00+00:00[UTC]")).toBe(true);
  });
});
