import { describe, expect, it } from "vitest";
import { givenFields, liveRecord } from "./records.ts";

describe("finding the record an event names", () => {
  const records = new Map([
    ["kept", { id: "kept", removed: false, retracted: false }],
    ["removed", { id: "removed", removed: true, retracted: false }],
    ["mistake", { id: "mistake", removed: false, retracted: true }],
  ]);

  it("gives the record when it is there and not gone", () => {
    expect(liveRecord(records, "kept", "unknown-clinic", "payload.clinicId")).toEqual({
      record: records.get("kept"),
    });
  });

  it("refuses an id never recorded, naming the field", () => {
    expect(liveRecord(records, "never", "unknown-clinic", "payload.clinicId")).toEqual({
      problem: { reason: "unknown-clinic", field: "payload.clinicId" },
    });
  });

  it("reads `retracted` unless told which flag means gone", () => {
    expect(liveRecord(records, "mistake", "unknown-clinic", "f").problem?.reason).toBe(
      "unknown-clinic",
    );
    expect(liveRecord(records, "removed", "unknown-clinic", "f").record?.id).toBe("removed");
    expect(liveRecord(records, "removed", "unknown-clinic", "f", "removed").problem).toEqual({
      reason: "unknown-clinic",
      field: "f",
    });
    expect(liveRecord(records, "mistake", "unknown-clinic", "f", "removed").record?.id).toBe(
      "mistake",
    );
  });
});

describe("the fields a change event gives", () => {
  const payload = { id: "x", name: "City Fertility", phone: null, note: undefined };

  it("keeps what was given, null included, and leaves out what was not", () => {
    const given = givenFields(payload, ["name", "phone", "note"]);
    expect(given).toEqual({ name: "City Fertility", phone: null });
    expect("note" in given).toBe(false);
  });

  it("changes nothing else when spread over the record", () => {
    const before = { id: "x", name: "Old name", phone: "0123", note: "kept" };
    expect({ ...before, ...givenFields(payload, ["name", "phone", "note"]) }).toEqual({
      id: "x",
      name: "City Fertility",
      phone: null,
      note: "kept",
    });
  });
});
