import { describe, expect, it } from "vitest";
import { formatHlc } from "./hlc.ts";
import { recordedDates, stampMs } from "./stamp.ts";
import { Temporal } from "./time.ts";

const stampAt = (iso: string) =>
  formatHlc({
    wallMs: Temporal.Instant.from(iso).epochMilliseconds,
    counter: 3,
    node: "phone0001",
  });

describe("recordedDates: the dates it could be on Earth when an event was recorded", () => {
  it("reads the wall time back out of a stamp", () => {
    expect(stampMs(stampAt("2026-03-14T21:30:00Z"))).toBe(
      Temporal.Instant.from("2026-03-14T21:30:00Z").epochMilliseconds,
    );
  });

  it("is one day either side of the date in UTC (zones run from UTC-12 to UTC+14)", () => {
    expect(recordedDates(stampAt("2026-03-14T21:30:00Z"))).toEqual({
      earliest: "2026-03-13",
      latest: "2026-03-15",
    });
    // Just after midnight UTC on 1 January: still 31 December in New York.
    expect(recordedDates(stampAt("2026-01-01T00:00:01Z"))).toEqual({
      earliest: "2025-12-31",
      latest: "2026-01-02",
    });
  });

  it("covers the local date in the zones furthest from UTC", () => {
    for (const iso of ["2026-06-30T23:59:00Z", "2026-07-01T00:00:00Z", "2026-07-01T11:59:00Z"]) {
      const instant = Temporal.Instant.from(iso);
      const { earliest, latest } = recordedDates(stampAt(iso));
      for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Etc/GMT+12", "UTC"]) {
        const local = instant.toZonedDateTimeISO(zone).toPlainDate().toString();
        expect(local >= earliest && local <= latest).toBe(true);
      }
    }
  });
});
