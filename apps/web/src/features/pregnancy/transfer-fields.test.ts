import { describe, expect, it } from "vitest";
import { fieldFor } from "../../components/forms/index.ts";
import { createI18n } from "../../i18n/i18n.tsx";
import { readLining, type TransferField, transferFrom } from "./transfer-fields.tsx";

const { t } = createI18n(["en"]);
const all: readonly TransferField[] = [
  "embryoIds",
  "date",
  "carrierName",
  "pathId",
  "cycleId",
  "liningMm",
  "clinic",
  "note",
];
/** Where a refused transfer's words go on the new-transfer form, with these fields on screen. */
const placed = (field: string, shown: readonly TransferField[] = all) =>
  fieldFor({ reason: "too-big", field }, { from: transferFrom }, (n) =>
    shown.includes(n as TransferField),
  );

describe("a refused transfer, on the new-transfer form", () => {
  it("puts an embryo's refusal beside the embryos, whichever embryo it is", () => {
    expect(placed("payload.embryoIds.2")).toBe("embryoIds");
  });

  it("puts the day beside the one date field, planned or done", () => {
    expect(placed("payload.plannedOn")).toBe("date");
    expect(placed("payload.transferredOn")).toBe("date");
  });

  it("puts the recipient beside the carrier's name, and the path beside the path", () => {
    expect(placed("payload.recipient.name")).toBe("carrierName");
    expect(placed("payload.recipient")).toBe("carrierName");
    expect(placed("payload.recipient.pathId")).toBe("pathId");
  });

  it("puts the lining beside the lining, and on the form's line when it is not shown", () => {
    expect(placed("payload.liningMm")).toBe("liningMm");
    expect(placed("payload.liningMm", ["embryoIds", "date"])).toBeNull();
    expect(placed("payload.transferId")).toBeNull();
  });
});

describe("readLining", () => {
  it("takes a lining as clinics write it, or nothing", () => {
    expect(readLining(t, "9.1")).toEqual({ mm: 9.1, problem: undefined });
    expect(readLining(t, "9,5")).toEqual({ mm: 9.5, problem: undefined });
    expect(readLining(t, "  ")).toEqual({ mm: null, problem: undefined });
  });

  it("says so when the lining is not a number", () => {
    expect(readLining(t, "thick")).toEqual({ mm: null, problem: "Use a number, for example 180." });
  });
});
