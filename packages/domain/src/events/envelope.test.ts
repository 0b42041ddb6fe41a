import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { envelopeSchema, parseEvent, quickEnvelope } from "./envelope.ts";

const base = {
  id: "0190c4d2-1c3e-7abc-8def-0123456789ab",
  hlc: "0190c4d21c3e-00000000-phone0001",
  device: "phone0001",
  schemaVersion: 1,
};

const note = (payload: unknown) => ({ ...base, type: "JournalNoteAdded", payload });

const refusal = (raw: unknown) => {
  const r = parseEvent(raw);
  if (r.ok) throw new Error("expected the event to be refused");
  return r.error;
};

describe("parseEvent", () => {
  it("accepts a well-formed journal note and trims its text", () => {
    const r = parseEvent(
      note({
        noteId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
        text: "  First scan tomorrow. Nervous.  ",
        writtenAt: "2026-03-14T21:30:00-04:00[America/New_York]",
      }),
    );
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === "JournalNoteAdded") {
      expect(r.value.payload.text).toBe("First scan tomorrow. Nervous.");
    }
  });

  it("names the payload field that is wrong", () => {
    const e = refusal(
      note({
        noteId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
        text: "   ",
        writtenAt: "2026-03-14T21:30:00-04:00[America/New_York]",
      }),
    );
    expect(e).toMatchObject({ reason: "too-short", field: "payload.text", params: { min: 1 } });
  });

  it("refuses a time whose offset does not match its zone", () => {
    const e = refusal(
      note({
        noteId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
        text: "x",
        writtenAt: "2026-03-14T21:30:00-07:00[America/New_York]",
      }),
    );
    expect(e.field).toBe("payload.writtenAt");
  });

  it("refuses unknown payload fields instead of dropping them silently", () => {
    const e = refusal(
      note({
        noteId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
        text: "x",
        writtenAt: "2026-03-14T21:30:00-04:00[America/New_York]",
        mood: "hopeful",
      }),
    );
    expect(e).toMatchObject({
      reason: "unknown-field",
      field: "payload.mood",
      params: { key: "mood" },
    });
  });

  it("refuses unknown event types by name", () => {
    const e = refusal({ ...base, type: "DoseLoggedMaybe", payload: {} });
    expect(e).toMatchObject({ reason: "unknown-type", field: "type" });
  });

  it("refuses an envelope without an id, naming the field", () => {
    const { id: _id, ...noId } = note({});
    expect(refusal(noId).field).toBe("id");
  });

  it("refuses a clock stamp made by another device", () => {
    const e = refusal({
      ...note({
        noteId: "0190c4d2-1c3e-7abc-8def-0123456789ac",
        text: "x",
        writtenAt: "2026-03-14T21:30:00-04:00[America/New_York]",
      }),
      hlc: "0190c4d21c3e-00000000-laptop001",
    });
    expect(e.field).toBe("hlc");
  });

  it("tells the person to update when an event comes from a newer app", () => {
    const e = refusal({ ...note({}), schemaVersion: 9 });
    expect(e.reason).toBe("newer-schema");
  });

  it("refuses a journey with an impossible date of birth or an unknown zone", () => {
    const journey = (payload: object) => ({
      ...base,
      type: "JourneyCreated",
      payload: {
        dateOfBirth: "1985-11-30",
        homeZone: "America/New_York",
        createdAt: "2014-03-01T09:00:00-05:00[America/New_York]",
        ...payload,
      },
    });
    expect(parseEvent(journey({})).ok).toBe(true);
    expect(refusal(journey({ dateOfBirth: "1985-02-30" })).field).toBe("payload.dateOfBirth");
    expect(refusal(journey({ homeZone: "Mars/Olympus" })).field).toBe("payload.homeZone");
    expect(refusal(journey({ homeZone: "+05:00" })).field).toBe("payload.homeZone");
  });
});

describe("the quick envelope check", () => {
  const valid = {
    id: "0190f0a0-0000-7000-8000-000000000001",
    hlc: "0190f0a00000-00000000-phone001",
    device: "phone001",
    type: "JournalNoteAdded",
    schemaVersion: 1,
    payload: { anything: true },
  };
  const field = fc.constantFrom(...(Object.keys(valid) as (keyof typeof valid)[]));
  const oddValue = fc.oneof(
    fc.string({ maxLength: 70 }),
    fc.integer({ min: -3, max: 3 }),
    fc.double(),
    fc.constantFrom(null, undefined, true, [], {}, 2 ** 53, "0190F0A0-0000-7000-8000-000000000001"),
  );
  const envelopes = fc.oneof(
    fc.constant<unknown>(valid),
    fc.record({ field, value: oddValue }).map(({ field, value }) => ({ ...valid, [field]: value })),
    field.map((f) => {
      const { [f]: _gone, ...rest } = valid;
      return rest;
    }),
    fc.string().map((extra) => ({ ...valid, [extra]: 1 })),
    fc.anything(),
  );

  it("accepts only what the schema accepts, giving the same envelope", () => {
    fc.assert(
      fc.property(envelopes, (raw) => {
        const quick = quickEnvelope(raw);
        const full = envelopeSchema.safeParse(raw);
        if (quick) expect(full).toEqual({ success: true, data: quick });
      }),
      { numRuns: 2000 },
    );
  });

  it("takes the plain valid envelope without zod", () => {
    expect(quickEnvelope(valid)).toEqual(valid);
    expect(quickEnvelope({ ...valid, schemaVersion: 1.5 })).toBeNull();
    expect(quickEnvelope({ ...valid, extra: 1 })).toBeNull();
  });
});
