// @vitest-environment happy-dom
import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { mountEachTest } from "../../testing/mount.tsx";
import { type Counts, useCounts } from "./use-counts.ts";

const { t } = createI18n(["en"]);
type Name = "eggsRetrieved" | "count";

let counts: Counts<Name>;

/** The counts of a retrieval form, with the form's ids and one error already shown. */
function Retrieval() {
  const form = {
    field: (name: Name | "retrievedOn") => ({
      id: `f-${name}`,
      error: name === "eggsRetrieved" ? "This is needed." : undefined,
    }),
  };
  counts = useCounts(form, { eggsRetrieved: "", count: "3" });
  return null;
}

const view = mountEachTest();
beforeEach(() => view.render(<Retrieval />));

describe("useCounts", () => {
  it("gives each count field the form's id and error, and the text as typed", async () => {
    expect(counts.field("eggsRetrieved")).toMatchObject({
      id: "f-eggsRetrieved",
      error: "This is needed.",
      value: "",
    });
    await act(async () => counts.field("eggsRetrieved").onChange("12"));
    expect(counts.text("eggsRetrieved")).toBe("12");
    expect(counts.field("count").value).toBe("3");
  });

  it("reads only the counts asked for now: a hidden one, however typed, stops nothing", async () => {
    await act(async () => counts.field("count").onChange("lots"));
    await act(async () => counts.field("eggsRetrieved").onChange("12"));
    expect(counts.read(t, { eggsRetrieved: "required" })).toEqual({
      values: { eggsRetrieved: 12 },
      found: {},
    });
    expect(counts.read(t, { eggsRetrieved: "required", count: "required" }).found).toEqual({
      count: "Use a whole number, for example 8.",
    });
  });

  it("holds a required count left empty back, and lets an optional one be", async () => {
    expect(counts.read(t, { eggsRetrieved: "required" }).found).toEqual({
      eggsRetrieved: "This is needed.",
    });
    expect(counts.read(t, { eggsRetrieved: "optional" })).toEqual({ values: {}, found: {} });
  });
});
