import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { fold } from "../state/fold.ts";
import { Recorder } from "../testing/recorder.ts";
import { ageInYears, isSetupAge, SETUP_AGE_RANGE } from "./age.ts";

const LONDON = "Europe/London";
/** Noon in London on `date` (UTC+0 or +1): the UTC date is the same day. */
const noon = (date: string, zone = LONDON) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: "12:00" });

/** Priya (clinical reference A.2, b. 1990-02-14) setting up, with the date of birth she types. */
function setUp(dateOfBirth: string, on: string, zone = LONDON) {
  const r = new Recorder("phone0002", 1990);
  const at = noon(on, zone);
  const result = r.tryRecord(
    "JourneyCreated",
    { displayName: "Priya", dateOfBirth, homeZone: zone, createdAt: at.toString() },
    at.epochMilliseconds,
  );
  return { r, result };
}

describe("ages at set-up: 16 to 60, a guard said in words", () => {
  it("is one constant, 16 to 60", () => {
    expect(SETUP_AGE_RANGE).toEqual({ min: 16, max: 60 });
  });

  it("Priya, born 1990-02-14, sets up in 2024 at 34", () => {
    const { r, result } = setUp("1990-02-14", "2024-03-01");
    expect(result.ok).toBe(true);
    expect(r.state.journey?.dateOfBirth).toBe("1990-02-14");
  });

  it("a birth year of 1890 is refused, on the date of birth, in words; nothing is saved", () => {
    const { r, result } = setUp("1890-02-14", "2024-03-01");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      reason: "age-outside-setup-range",
      field: "payload.dateOfBirth",
      params: { min: 16, max: 60 },
    });
    expect(r.events).toEqual([]);
    expect(r.state.journey).toBeNull();
  });

  it("a child's date of birth (a slip of the year: 2019) is refused", () => {
    expect(setUp("2019-02-14", "2024-03-01").result.ok).toBe(false);
  });

  it("the boundary: 16 from the 16th birthday, 60 until the day before the 61st", () => {
    // Set up on 2024-03-01 (UTC date 2024-03-01; a day's slack either side for time zones).
    const on = "2024-03-01";
    // 16th birthday two days later: under 16 everywhere on Earth: refused.
    expect(setUp("2008-03-03", on).result.ok).toBe(false);
    // 16th birthday tomorrow in UTC: already the 2nd east of UTC+12, so accepted.
    expect(setUp("2008-03-02", on).result.ok).toBe(true);
    expect(setUp("2008-03-01", on).result.ok).toBe(true);
    // 61st birthday today: still 60 west of UTC-0 (yesterday there), accepted by the slack.
    expect(setUp("1963-03-01", on).result.ok).toBe(true);
    // 61st birthday yesterday: 61 everywhere: refused.
    expect(setUp("1963-02-28", on).result.ok).toBe(false);
    expect(setUp("1963-03-02", on).result.ok).toBe(true);
  });

  it("the form's check (local today, no slack) says the same inside the range", () => {
    expect(isSetupAge("2008-03-01", "2024-03-01")).toBe(true);
    expect(isSetupAge("2008-03-02", "2024-03-01")).toBe(false);
    expect(isSetupAge("1963-03-02", "2024-03-01")).toBe(true);
    expect(isSetupAge("1963-03-01", "2024-03-01")).toBe(false);
  });

  it("ages count whole years from the birthday; a 29 February birthday turns over on 1 March", () => {
    expect(ageInYears("1990-02-14", "2024-02-13")).toBe(33);
    expect(ageInYears("1990-02-14", "2024-02-14")).toBe(34);
    expect(ageInYears("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageInYears("2008-02-29", "2025-03-01")).toBe(17);
  });

  it("ageInYears agrees with Temporal's whole years (property)", () => {
    const day = fc.integer({ min: 0, max: 300 * 365 });
    const date = day.map((n) => Temporal.PlainDate.from("1800-01-01").add({ days: n }));
    fc.assert(
      fc.property(date, date, (a, b) => {
        fc.pre(Temporal.PlainDate.compare(a, b) <= 0);
        // Temporal clamps 29 February to 28 February in common years; ours waits for 1 March.
        fc.pre(!(a.month === 2 && a.day === 29));
        const years = a.until(b, { largestUnit: "years" }).years;
        expect(ageInYears(a.toString(), b.toString())).toBe(years);
      }),
    );
  });

  it("a change of date of birth is held to the age on the set-up day, not today", () => {
    const { r } = setUp("1990-02-14", "2024-03-01");
    // Years later, at 60+, correcting the day is fine: at set-up she was 34.
    const later = noon("2052-06-01");
    const fix = r.tryRecord(
      "JourneyUpdated",
      { dateOfBirth: "1990-02-15" },
      later.epochMilliseconds,
    );
    expect(fix.ok).toBe(true);
    const typo = r.tryRecord(
      "JourneyUpdated",
      { dateOfBirth: "1900-02-15" },
      later.epochMilliseconds + 1,
    );
    expect(!typo.ok && typo.error.reason).toBe("age-outside-setup-range");
    expect(r.state.journey?.dateOfBirth).toBe("1990-02-15");
  });

  it("a record set up before the guard (version 1) stays valid, whatever the year of birth", () => {
    const at = noon("2024-03-01");
    const stored = {
      id: new Recorder("phone0002", 3).newId(at.epochMilliseconds),
      hlc: `${at.epochMilliseconds.toString(16).padStart(12, "0")}-00000000-phone0002`,
      device: "phone0002",
      type: "JourneyCreated",
      schemaVersion: 1,
      payload: { dateOfBirth: "1890-02-14", homeZone: LONDON, createdAt: at.toString() },
    } as TrellisEvent;
    const state = fold([stored]);
    expect(state.rejected).toEqual([]);
    expect(state.journey?.dateOfBirth).toBe("1890-02-14");
    expect(fold([{ ...stored, schemaVersion: 2 } as TrellisEvent]).journey).toBeNull();
  });
});
