import { describe, expect, it } from "vitest";
import { takenAtDefault } from "./DoseForm.tsx";

const NY = "America/New_York";
const ninePm = Date.parse("2015-04-02T21:00:00-04:00");

describe("the time a dose form first offers", () => {
  it("is the planned time once that has passed: yesterday's 9 PM dose logged the next morning", () => {
    expect(takenAtDefault({ epochMs: ninePm }, Date.parse("2015-04-03T08:15:00-04:00"), NY)).toBe(
      "2015-04-02T21:00",
    );
  });

  it("is the planned time in the zone the person is in now", () => {
    expect(
      takenAtDefault({ epochMs: ninePm }, Date.parse("2015-04-03T08:15:00-04:00"), "Europe/London"),
    ).toBe("2015-04-03T02:00");
  });
});
