import { describe, expect, it } from "vitest";
import { createI18n } from "../../i18n/i18n.tsx";
import { fieldIndex, refusalText } from "../../i18n/refusals.ts";
import { batchIndexOf, fieldFor, rowOf } from "./place.ts";

const at = (field: string) => ({ reason: "too-big", field });
const onForm =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

describe("fieldFor", () => {
  it("finds the form's field of the same name, or of the path's leading part", () => {
    expect(fieldFor(at("payload.place"), {}, onForm("place", "date"))).toBe("place");
    expect(fieldFor(at("payload.dose.value"), {}, onForm("dose"))).toBe("dose");
    expect(fieldFor(at("[1].payload.startDate"), {}, onForm("startDate"))).toBe("startDate");
  });

  it("follows the form's map by the longest leading part of the path", () => {
    const from = { "gestationalAge.days": "days", gestationalAge: "weeks", drawnAt: "when" };
    const fields = onForm("days", "weeks", "when", "drawnAt");
    expect(fieldFor(at("payload.gestationalAge.days"), { from }, fields)).toBe("days");
    expect(fieldFor(at("payload.gestationalAge.weeks"), { from }, fields)).toBe("weeks");
    expect(fieldFor(at("payload.gestationalAge"), { from }, fields)).toBe("weeks");
    // The map wins over a field that happens to share the domain's name.
    expect(fieldFor(at("payload.drawnAt"), { from }, fields)).toBe("when");
  });

  it("gives the form's line (null) when the field is not on the form, mapped or not", () => {
    expect(fieldFor(at("payload.unit"), {}, onForm("value"))).toBeNull();
    const from = { mature: "mature" };
    expect(fieldFor(at("payload.mature"), { from }, onForm("fertilized"))).toBeNull();
    expect(fieldFor(at("type"), {}, onForm("type-of"))).toBeNull();
    expect(fieldFor(at("payload"), {}, onForm(""))).toBeNull();
  });

  it("lets `place` answer first for rows and batches, still only for fields on the form", () => {
    const batches = ["b-7", "b-9"];
    const place = (p: { field: string }) => {
      const row = rowOf(p, "batches");
      return row === null ? undefined : (batches[row] ?? null);
    };
    const fields = onForm("b-7", "b-9", "survived", "clinic");
    expect(fieldFor(at("payload.batches.1.count"), { place }, fields)).toBe("b-9");
    expect(fieldFor(at("payload.batches.4.count"), { place }, fields)).toBeNull();
    // Undefined leaves the refusal to the map and the name rule.
    expect(fieldFor(at("payload.survived"), { place }, fields)).toBe("survived");
    const from = { clinicName: "clinic" };
    expect(fieldFor(at("payload.clinicName"), { place, from }, fields)).toBe("clinic");
    // Null sends it to the form's line even when a field shares its name.
    expect(fieldFor(at("payload.survived"), { place: () => null }, fields)).toBeNull();
  });
});

describe("rowOf and batchIndexOf", () => {
  it("read the row of a named list, however the path writes it", () => {
    expect(rowOf(at("payload.embryos.2.grade"), "embryos")).toBe(2);
    expect(rowOf(at("[0].payload.embryos.2.grade"), "embryos")).toBe(2);
    expect(rowOf(at("embryos[3].grade"), "embryos")).toBe(3);
    expect(rowOf(at("payload.embryos"), "embryos")).toBeNull();
    expect(rowOf(at("payload.blastocysts.2.grade"), "embryos")).toBeNull();
    expect(rowOf(at("payload.leftMm.12"), "leftMm")).toBe(12);
  });

  it("read which event of a batch was refused", () => {
    expect(batchIndexOf(at("[2].payload.dose.value"))).toBe(2);
    expect(batchIndexOf(at("payload.dose.value"))).toBeNull();
  });
});

describe("a refusal placed next to its field, in words", () => {
  const i18n = createI18n(["en"]);
  const scan = { leftMm: "left", rightMm: "right", scannedAt: "when" };

  it("names the ovary and the follicle, in the catalogue's words for that field and no path", () => {
    const p = {
      reason: "too-big",
      field: "payload.leftMm.1",
      params: { max: 40, bound: "at-most" },
    };
    expect(fieldFor(p, { from: scan }, onForm("left", "right", "when"))).toBe("left");
    expect(fieldIndex(p)).toBe(1);
    expect(refusalText(i18n, p)).toBe("A follicle is not bigger than 40 mm. Check the number.");
  });

  it("says a value no lab would report with its number and unit, beside the value", () => {
    const p = {
      reason: "implausible-value",
      field: "payload.value",
      params: { analyte: "E2", value: 90000, unit: "pg/mL", max: 20000 },
    };
    expect(fieldFor(p, { from: { drawnAt: "when" } }, onForm("when", "value", "unit"))).toBe(
      "value",
    );
    expect(refusalText(i18n, p)).toBe(
      "90,000 pg/mL is more than labs report for E2 (up to 20,000 pg/mL). Check the number and the unit.",
    );
  });
});
