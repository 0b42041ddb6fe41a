import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { pastDateError, readCounts, storageOf } from "./form-values.ts";

const { t } = createI18n(["en"]);

describe("counts as typed on the embryology forms", () => {
  it("reads whole numbers, and says beside each count what is wrong with it", () => {
    const { values, found } = readCounts(t, {
      eggsRetrieved: { text: " 12 ", required: true },
      mature: { text: "", required: false },
      fertilized: { text: "", required: true },
      frozen: { text: "8.5", required: false },
      kept: { text: "two", required: false },
      developing: { text: "0", required: true },
    });
    expect(values).toEqual({ eggsRetrieved: 12, developing: 0 });
    expect(found).toEqual({
      fertilized: "This is needed.",
      frozen: "Use a whole number, for example 8.",
      kept: "Use a whole number, for example 8.",
    });
  });

  it("finds nothing when every count is fine, so the form may save", () => {
    expect(readCounts(t, { count: { text: "6", required: true } })).toEqual({
      values: { count: 6 },
      found: {},
    });
  });
});

describe("the date of something that has happened", () => {
  it("is needed, and may be today but not later", () => {
    expect(pastDateError(t, "", "2026-03-20")).toBe("This is needed.");
    expect(pastDateError(t, "2026-03-21", "2026-03-20")).toBe("This date is in the future.");
    expect(pastDateError(t, "2026-03-20", "2026-03-20")).toBeUndefined();
    expect(pastDateError(t, "2015-04-15", "2026-03-20")).toBeUndefined();
  });
});

describe("where something is stored", () => {
  it("keeps only the parts given, trimmed, and is nothing when neither is", () => {
    expect(storageOf(" Hudson Fertility ", "Tank 3")).toEqual({
      clinic: "Hudson Fertility",
      location: "Tank 3",
    });
    expect(storageOf("", " Tank 3 ")).toEqual({ location: "Tank 3" });
    expect(storageOf("Hudson Fertility", "  ")).toEqual({ clinic: "Hudson Fertility" });
    expect(storageOf(" ", "")).toBeUndefined();
  });
});
