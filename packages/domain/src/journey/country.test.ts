import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { parseEvent } from "../events/envelope.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { countryCodes, countryOfZone, isCountryCode, personCountry } from "./country.ts";
import { zonesByCountry } from "./country-data.ts";

const at = "2025-01-10T09:00:00+00:00[Europe/London]";
const nowMs = Temporal.Instant.from("2025-01-10T09:00:00Z").epochMilliseconds;

describe("countryOfZone (IANA zone.tab)", () => {
  it.each([
    ["Europe/London", "GB"],
    ["Europe/Belfast", "GB"],
    ["Europe/Dublin", "IE"],
    ["America/New_York", "US"],
    ["America/Indiana/Indianapolis", "US"],
    ["America/Indianapolis", "US"],
    ["Pacific/Honolulu", "US"],
    ["America/Toronto", "CA"],
    ["America/Vancouver", "CA"],
    ["Australia/Sydney", "AU"],
    ["Australia/Perth", "AU"],
    ["Pacific/Auckland", "NZ"],
    ["Asia/Calcutta", "IN"],
    ["Europe/Paris", "FR"],
  ])("%s is in %s", (zone, country) => {
    expect(countryOfZone(zone)).toBe(country);
  });

  it.each(["UTC", "Etc/GMT+5", "Mars/Olympus_Mons", "", null, undefined])(
    "%s is no country's zone",
    (zone) => {
      expect(countryOfZone(zone)).toBeNull();
    },
  );

  it("maps every zone of the table to its own country, and only to assigned codes", () => {
    for (const [country, zones] of Object.entries(zonesByCountry)) {
      expect(isCountryCode(country), country).toBe(true);
      for (const zone of zones.split(",")) expect(countryOfZone(zone), zone).toBe(country);
    }
    expect(countryCodes).toHaveLength(249);
  });
});

describe("the journey's country (JourneyCreated and JourneyUpdated, version 2)", () => {
  const journey = (extra: object = {}) => {
    const r = new Recorder("phone0020", 3);
    r.record(
      "JourneyCreated",
      { dateOfBirth: "1990-02-14", homeZone: "Europe/London", createdAt: at, ...extra },
      nowMs,
    );
    return r;
  };

  it("without a chosen country, the home zone's country is the person's", () => {
    const r = journey();
    expect(r.state.journey!.country).toBeNull();
    expect(personCountry(r.state)).toBe("GB");
  });

  it("a chosen country wins over the zone (living in Ireland on London's clock)", () => {
    expect(personCountry(journey({ country: "IE" }).state)).toBe("IE");
  });

  it("can be changed, and forgotten (null) to follow the zone again", () => {
    const r = journey();
    r.record("JourneyUpdated", { country: "US" }, nowMs + 1000);
    expect(personCountry(r.state)).toBe("US");
    r.record("JourneyUpdated", { country: null }, nowMs + 2000);
    expect(r.state.journey!.country).toBeNull();
    expect(personCountry(r.state)).toBe("GB");
  });

  it.each(["UK", "gb", "XX", "GBR", 44])("refuses %j, naming the field", (country) => {
    const r = journey();
    const attempt = r.tryRecord("JourneyUpdated", { country } as never, nowMs + 1000);
    expect(attempt.ok).toBe(false);
    if (!attempt.ok) {
      expect(attempt.error).toMatchObject({
        reason: typeof country === "string" ? "unknown-country" : "wrong-kind",
        field: "payload.country",
      });
    }
    expect(personCountry(r.state)).toBe("GB");
  });

  it("a version 1 JourneyCreated (no country) still parses and folds", () => {
    const recorded = journey().events[0]!;
    const v1 = parseEvent({ ...recorded, schemaVersion: 1 });
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    const state = fold([v1.value]);
    expect(state.rejected).toEqual([]);
    expect(state.journey).toMatchObject({ homeZone: "Europe/London", country: null });
    expect(personCountry(state)).toBe("GB");
  });

  it("has no country without a journey", () => {
    expect(personCountry(fold([]))).toBeNull();
  });
});
