import { ODDS_AGE_RANGE } from "@trellis/domain";
import { describe, expect, it } from "vitest";
import { ageFrom, parseNumber, wholeIn } from "./what-if.tsx";

describe("what-if numbers", () => {
  it("read a comma as a decimal point, and nothing else but digits", () => {
    expect(parseNumber(" 2,1 ")).toBe(2.1);
    expect(parseNumber("2.15")).toBe(2.15);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("-1")).toBeNull();
    expect(parseNumber("2.1 ng")).toBeNull();
  });

  it("take an age only in whole years within the range the sources cover", () => {
    expect(ageFrom("34")).toBe(34);
    expect(ageFrom(String(ODDS_AGE_RANGE.min))).toBe(ODDS_AGE_RANGE.min);
    expect(ageFrom(String(ODDS_AGE_RANGE.max))).toBe(ODDS_AGE_RANGE.max);
    expect(ageFrom(String(ODDS_AGE_RANGE.min - 1))).toBeNull();
    expect(ageFrom(String(ODDS_AGE_RANGE.max + 1))).toBeNull();
    expect(ageFrom("34.5")).toBeNull();
    expect(ageFrom("")).toBeNull();
  });

  it("take a count only within its bounds", () => {
    expect(wholeIn("21", { min: 1, max: 200 })).toBe(21);
    expect(wholeIn("0", { min: 1, max: 200 })).toBeNull();
    expect(wholeIn("201", { min: 1, max: 200 })).toBeNull();
  });
});
