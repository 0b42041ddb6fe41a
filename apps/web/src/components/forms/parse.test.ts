import { describe, expect, it } from "vitest";
import { parseCount, parseDecimal, parseSizes, zonedFromLocalInput } from "./parse.ts";

describe("follicle sizes as a person types them", () => {
  it("reads commas, spaces and a trailing mm", () => {
    expect(parseSizes("14, 12.5, 11 mm")).toEqual({ sizes: [14, 12.5, 11], unreadable: [] });
    expect(parseSizes("18 16mm;14")).toEqual({ sizes: [18, 16, 14], unreadable: [] });
  });

  it("keeps what it could not read, so the form can say so", () => {
    expect(parseSizes("14, a few small, 9")).toEqual({
      sizes: [14, 9],
      unreadable: ["a", "few", "small"],
    });
  });

  it("treats an empty field as no follicles", () => {
    expect(parseSizes("  ")).toEqual({ sizes: [], unreadable: [] });
  });
});

describe("one typed number", () => {
  it("accepts a decimal point, a decimal comma and lab-style thousands", () => {
    expect(parseDecimal("9.5")).toBe(9.5);
    expect(parseDecimal("9,5")).toBe(9.5);
    expect(parseDecimal("1,850")).toBe(1850);
    expect(parseDecimal("1,850.5")).toBe(1850.5);
  });

  it("says empty and not-a-number apart", () => {
    expect(parseDecimal("")).toBeNull();
    expect(parseDecimal("12 pg")).toBeNaN();
  });
});

describe("a typed count of eggs or embryos", () => {
  it("reads a whole number, leaves an empty field empty, and marks anything else", () => {
    expect(parseCount(" 12 ")).toBe(12);
    expect(parseCount("")).toBeNull();
    expect(parseCount("2.5")).toBeNaN();
    expect(parseCount("1000")).toBeNaN();
    expect(parseCount("ten")).toBeNaN();
  });
});

describe("a local date and time in the person's zone", () => {
  it("keeps the wall-clock time and names the zone", () => {
    expect(zonedFromLocalInput("2025-11-02T08:30", "America/Toronto")).toBe(
      "2025-11-02T08:30:00-05:00[America/Toronto]",
    );
  });

  it("refuses what is not a date and time", () => {
    expect(zonedFromLocalInput("2025-02-30T08:30", "UTC")).toBeNull();
    expect(zonedFromLocalInput("", "UTC")).toBeNull();
  });
});
