import { describe, expect, it } from "vitest";
import { morphologyBand, parseGardner } from "./gardner.ts";

const grade = (text: string) => {
  const r = parseGardner(text);
  if (!r.ok) throw new Error(`expected "${text}" to be read, got ${r.error.reason}`);
  return r.value;
};
const refusal = (text: string) => {
  const r = parseGardner(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused`);
  expect(r.error).toMatchObject({ reason: "invalid-grade", field: "grade" });
  return r.error.params;
};

describe("parseGardner", () => {
  it.each([
    ["4AA", 4, "A", "A"],
    ["5BC", 5, "B", "C"],
    ["3bb", 3, "B", "B"],
    [" 6 A B ", 6, "A", "B"],
    ["4-AB", 4, "A", "B"],
  ])("reads %s the way labs write it", (text, expansion, icm, te) => {
    expect(grade(text)).toMatchObject({ expansion, icm, te });
  });

  it("reads early blastocysts without letters", () => {
    expect(grade("2")).toEqual({ expansion: 2, icm: null, te: null, text: "2" });
    expect(grade("1")).toMatchObject({ expansion: 1 });
  });

  it("writes the grade back the standard way", () => {
    expect(grade(" 4 a b").text).toBe("4AB");
  });

  it("refuses grades that do not exist, saying why", () => {
    expect(refusal("7AA")).toEqual({ grade: "7AA", why: "expansion" });
    expect(refusal("0AA")).toEqual({ grade: "0AA", why: "expansion" });
    expect(refusal("4AD")).toEqual({ grade: "4AD", why: "letters" });
    expect(refusal("4A")).toEqual({ grade: "4A", why: "shape" });
    expect(refusal("AA")).toEqual({ grade: "AA", why: "shape" });
    expect(refusal("")).toEqual({ why: "empty" });
    expect(refusal("4")).toEqual({ grade: "4", why: "two-letters", expansion: 4 });
  });

  it("summarises morphology as good, fair or poor", () => {
    expect(morphologyBand(grade("4AA"))).toBe("good");
    expect(morphologyBand(grade("5BA"))).toBe("good");
    expect(morphologyBand(grade("4BB"))).toBe("fair");
    expect(morphologyBand(grade("3CA"))).toBe("fair");
    expect(morphologyBand(grade("4BC"))).toBe("poor");
    expect(morphologyBand(grade("2"))).toBeNull();
  });
});
