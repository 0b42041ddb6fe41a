import { describe, expect, it } from "vitest";
import { z } from "zod";
import { phoneSchema } from "../clinics/contact.ts";
import { type EventType, eventCatalog } from "../events/catalog.ts";
import { parseEvent } from "../events/envelope.ts";
import { embryoSchema } from "../odds/schema.ts";
import { planEndSchema, planStartSchema, timesSchema } from "../treatment/events.ts";
import { type FromZodOptions, problemFromZod, refusal } from "./zod-problem.ts";

/** The first refusal of a real payload schema, named the way `parseEvent` names it. */
function refused(type: EventType, payload: Record<string, unknown>) {
  const parsed = eventCatalog[type].payload.safeParse(payload);
  if (parsed.success) throw new Error(`expected ${type} to be refused`);
  return problemFromZod(parsed.error.issues, { prefix: "payload", input: payload });
}

function refusedBy(schema: z.ZodType, input: unknown, options: FromZodOptions = {}) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a refusal");
  return problemFromZod(parsed.error.issues, { input, ...options });
}

const ID = "0190c4d2-1c3e-7abc-8def-0123456789ac";
const WHEN = "2026-03-14T21:30:00-04:00[America/New_York]";
const note = { noteId: ID, text: "First scan tomorrow.", writtenAt: WHEN };
const supply = {
  supplyId: ID,
  medication: { name: "Gonal-f" },
  quantity: 900,
  unit: "IU",
  packages: { count: 1, kind: "pen" },
  addedOn: "2026-03-01",
};

describe("zod's issues become the common reasons, with what their words need", () => {
  it("a value left out is required", () => {
    const { writtenAt: _, ...noTime } = note;
    expect(refused("JournalNoteAdded", noTime)).toMatchObject({
      reason: "required",
      field: "payload.writtenAt",
    });
  });

  it("text where a number goes is not a number; NaN and Infinity are not numbers either", () => {
    for (const quantity of ["900", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refused("SupplyAdded", { ...supply, quantity })).toMatchObject({
        reason: "not-a-number",
        field: "payload.quantity",
      });
    }
  });

  it("a fraction where a count goes is not whole", () => {
    expect(
      refused("SupplyAdded", { ...supply, packages: { count: 1.5, kind: "pen" } }),
    ).toMatchObject({ reason: "not-whole", field: "payload.packages.count" });
  });

  it("the wrong kind of value says what kind was wanted", () => {
    expect(refusedBy(z.strictObject({ fever: z.boolean() }), { fever: "yes" })).toMatchObject({
      reason: "wrong-kind",
      field: "fever",
      params: { expected: "boolean" },
    });
  });

  it("a number below its bound says the bound and whether it is allowed itself", () => {
    expect(refused("SupplyAdded", { ...supply, quantity: 0 })).toMatchObject({
      reason: "too-small",
      field: "payload.quantity",
      params: { min: 0, bound: "above" },
    });
    expect(
      refused("SupplyAdded", { ...supply, packages: { count: 0, kind: "pen" } }),
    ).toMatchObject({ reason: "too-small", params: { min: 1, bound: "at-least" } });
  });

  it("a number above its bound says the bound", () => {
    expect(refused("SupplyAdded", { ...supply, quantity: 2_000_000 })).toMatchObject({
      reason: "too-big",
      field: "payload.quantity",
      params: { max: 1_000_000, bound: "at-most" },
    });
  });

  it("empty text is too short, and text past its length too long", () => {
    expect(refused("JournalNoteAdded", { ...note, text: "   " })).toMatchObject({
      reason: "too-short",
      field: "payload.text",
      params: { min: 1 },
    });
    expect(refused("JournalNoteAdded", { ...note, text: "x".repeat(20_001) })).toMatchObject({
      reason: "too-long",
      params: { max: 20_000 },
    });
  });

  it("a list with too few or too many items says how many", () => {
    expect(refusedBy(timesSchema, [])).toMatchObject({ reason: "too-few", params: { min: 1 } });
    expect(
      refusedBy(
        timesSchema,
        Array.from({ length: 9 }, (_, i) => `0${i}:00`),
      ),
    ).toMatchObject({ reason: "too-many", params: { max: 8 } });
  });

  it("a value outside a list of choices lists the choices", () => {
    expect(refused("SupplyAdded", { ...supply, unit: "ml" })).toMatchObject({
      reason: "not-one-of",
      field: "payload.unit",
      params: { allowed: expect.stringMatching(/^IU, mg, mcg, mL/) },
    });
    expect(refusedBy(embryoSchema, { ageAtRetrieval: 34, pgt: "euploid", day: 4 })).toMatchObject({
      reason: "not-one-of",
      field: "day",
      params: { allowed: "5, 6, 7" },
    });
  });

  it("a discriminated union names the choices of its tag", () => {
    expect(refusedBy(planEndSchema, { kind: "someday" })).toMatchObject({
      reason: "not-one-of",
      field: "kind",
      params: { allowed: "cycle-day, date, until-trigger, open" },
    });
  });

  it("a union of shapes refuses in the terms of the shape that came closest", () => {
    expect(refusedBy(planStartSchema, { date: "2026-02-30" })).toMatchObject({
      reason: "invalid-date",
      field: "date",
    });
  });

  it("dates, times, zones and ids that cannot be have their own reasons", () => {
    expect(refused("SupplyAdded", { ...supply, addedOn: "2026-02-30" }).reason).toBe(
      "invalid-date",
    );
    expect(refused("JournalNoteAdded", { ...note, writtenAt: "2026-03-14 21:30" }).reason).toBe(
      "invalid-time",
    );
    expect(refused("JournalNoteAdded", { ...note, noteId: "note-1" }).reason).toBe("invalid-id");
    const journey = {
      dateOfBirth: "1988-06-02",
      homeZone: "Mars/Olympus",
      createdAt: "2026-03-14T21:30:00-04:00[America/New_York]",
    };
    expect(refused("JourneyCreated", journey)).toMatchObject({
      reason: "invalid-time-zone",
      field: "payload.homeZone",
    });
  });

  it("a pattern not matched is a format the person can fix", () => {
    expect(refusedBy(timesSchema, ["9pm"])).toMatchObject({ reason: "invalid-format", field: "0" });
  });

  it("characters that cannot be shown are refused as such", () => {
    expect(refused("JournalNoteAdded", { ...note, text: "scan\u0000" }).reason).toBe(
      "unreadable-characters",
    );
  });

  it("a field the schema does not know is named, with its key", () => {
    expect(refused("JournalNoteAdded", { ...note, mood: "hopeful" })).toMatchObject({
      reason: "unknown-field",
      field: "payload.mood",
      params: { key: "mood" },
    });
  });

  it("a refinement's own reason and params come through; others are an invalid field", () => {
    expect(refusedBy(phoneSchema, "03 5550 CALL")).toMatchObject({
      reason: "phone-characters",
      params: { digits: 6 },
    });
    expect(
      refusedBy(
        z.string().refine((s) => s === "ok", refusal("listed-twice")),
        "no",
      ),
    ).toEqual({ reason: "listed-twice", field: "input", detail: "Invalid input" });
    expect(
      refusedBy(
        z.string().refine((s) => s === "ok"),
        "no",
      ),
    ).toMatchObject({
      reason: "invalid-field",
    });
    expect(
      refusedBy(
        z.string().refine((s) => s === "ok", { params: { reason: "no-such-reason" } }),
        "x",
      ),
    ).toMatchObject({ reason: "invalid-field" });
  });

  it("says nothing to change when an update changes nothing", () => {
    expect(refused("JourneyUpdated", {})).toMatchObject({
      reason: "nothing-to-change",
      field: "payload",
    });
  });

  it("writes the field the way a form names it when asked to", () => {
    const bank = z.strictObject({ embryos: z.array(embryoSchema) });
    const input = { embryos: [{ ageAtRetrieval: 34, pgt: "euploid", day: 5, grade: "4AD" }] };
    const named = refusedBy(bank, input, {
      fieldName: (path) =>
        path
          .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
          .join("")
          .slice(1),
    });
    expect(named).toMatchObject({
      reason: "invalid-grade",
      field: "embryos[0].grade",
      params: { grade: "4AD", why: "letters" },
    });
  });

  it("keeps zod's own words only as developer detail", () => {
    const p = refused("SupplyAdded", { ...supply, quantity: 2_000_000 });
    expect(p.detail).toMatch(/Too big/);
    expect(Object.keys(p).sort()).toEqual(["detail", "field", "params", "reason"]);
  });

  it("is what parseEvent gives for a bad payload", () => {
    const r = parseEvent({
      id: "0190c4d2-1c3e-7abc-8def-0123456789ab",
      hlc: "0190c4d21c3e-00000000-phone0001",
      device: "phone0001",
      type: "JournalNoteAdded",
      schemaVersion: 1,
      payload: { ...note, text: "" },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { reason: "too-short", field: "payload.text", params: { min: 1 } },
    });
  });
});
