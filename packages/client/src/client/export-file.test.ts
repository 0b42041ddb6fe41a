import { describe, expect, it } from "vitest";
import { readExportFile } from "./export-file.ts";

describe("reading an export file", () => {
  it("gives the events of a Trellis export, version 1", () => {
    const events = [{ id: "a" }, { id: "b" }];
    expect(readExportFile({ format: "trellis-export", version: 1, events })).toEqual({
      ok: true,
      value: events,
    });
  });

  it.each([
    ["not an object", "a photo", "not-an-export", "file"],
    ["another app's file", { format: "other", version: 1, events: [] }, "not-an-export", "file"],
    [
      "an export from a newer Trellis",
      { format: "trellis-export", version: 2, events: [] },
      "newer-export",
      "file.version",
    ],
    [
      "an export without a list of events",
      { format: "trellis-export", version: 1, events: {} },
      "no-events",
      "file.events",
    ],
  ])("refuses %s, naming the field", (_, file, reason, field) => {
    const read = readExportFile(file);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatchObject({ reason, field });
  });
});
