import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import { Recorder } from "../testing/recorder.ts";

const ms = (zoned: string) => Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
const at = "2024-03-09T08:30:00+00:00[Europe/London]";

describe("retracting a record entered by mistake", () => {
  const r = new Recorder("phone0001", 5);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1990-02-14", homeZone: "Europe/London", createdAt: at },
    ms(at),
  );
  const check = r.record(
    "SymptomsChecked",
    { checkId: r.newId(ms(at)), at, answers: { nausea: "mild" } },
    ms(at),
  );
  const id = check.payload.checkId;

  it("keeps the record in the state, flagged, so the log still explains it", () => {
    r.record("SymptomsCheckRetracted", { checkId: id }, ms(at) + 1000);
    expect(r.state.symptomChecks.get(id)).toMatchObject({
      id,
      retracted: true,
      answers: { nausea: "mild" },
    });
  });

  it("refuses to retract it twice, naming the field", () => {
    const again = r.tryRecord("SymptomsCheckRetracted", { checkId: id }, ms(at) + 2000);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(again.error).toMatchObject({ reason: "unknown-check", field: "payload.checkId" });
  });

  it("refuses an id that was never recorded", () => {
    const unknown = r.tryRecord("LabResultRetracted", { resultId: r.newId(ms(at)) }, ms(at) + 3000);
    expect(!unknown.ok && unknown.error.reason).toBe("unknown-result");
  });
});
