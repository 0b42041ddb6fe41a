import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHlc, formatHlc, tickHlc } from "../core/hlc.ts";
import { uuidV7FromParts } from "../core/ids.ts";
import { describeProblem } from "../core/result.ts";
import { Temporal } from "../core/time.ts";
import type { PayloadInput } from "../events/catalog.ts";
import { parseEvent, type TrellisEvent } from "../events/envelope.ts";
import { fold } from "../state/fold.ts";
import { Recorder, seededBytes } from "../testing/recorder.ts";
import {
  clinicContact,
  clinicForCycle,
  clinicList,
  currentClinic,
  cycleClinicName,
  ownSupportLines,
} from "./selectors.ts";

const ZONE = "Australia/Melbourne";
/** A moment in Melbourne, whatever its offset that day. */
const at = (date: string, time = "20:00") =>
  Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(ZONE).epochMilliseconds;

/** Priya in Melbourne, who starts her record in March and banks at two clinics over two years. */
function priya() {
  const r = new Recorder("phone0001", 7);
  r.record(
    "JourneyCreated",
    {
      displayName: "Priya",
      dateOfBirth: "1988-06-02",
      homeZone: ZONE,
      createdAt: `2026-03-02T20:00:00+11:00[${ZONE}]`,
    },
    at("2026-03-02"),
  );
  return r;
}

const riverside = {
  name: "Riverside Fertility",
  phone24h: "03 5550 1234",
  nurseLine: "03 5550 1200",
  address: "12 Riverside Parade, Southbank VIC 3006",
  portalUrl: "https://portal.riverside-fertility.example",
} as const;

function saveClinic(
  r: Recorder,
  on: string,
  fields: Omit<PayloadInput<"ClinicSaved">, "clinicId"> & { clinicId?: string },
) {
  const clinicId = fields.clinicId ?? r.newId(at(on));
  r.record("ClinicSaved", { ...fields, clinicId }, at(on));
  return clinicId;
}

function startCycle(r: Recorder, on: string, extra: { clinicId?: string; clinic?: string } = {}) {
  const cycleId = r.newId(at(on, "09:00"));
  r.record(
    "CycleStarted",
    {
      cycleId,
      cycleType: "stimulation",
      protocolId: "antagonist",
      protocolName: "Antagonist (short) protocol",
      dayOne: "stim-day",
      startDate: on,
      zone: ZONE,
      ...extra,
    },
    at(on, "09:00"),
  );
  return cycleId;
}

describe("a clinic card", () => {
  it("keeps the name, both lines, the address and the portal, and is the current clinic when it is the only one", () => {
    const r = priya();
    const clinicId = saveClinic(r, "2026-03-03", riverside);
    const clinic = currentClinic(r.state);
    expect(clinic).toEqual({
      id: clinicId,
      ...riverside,
      notes: null,
      removed: false,
    });
    expect(clinicContact(r.state)).toEqual({ clinicId, ...riverside });
    expect(clinicList(r.state)).toEqual([clinic]);
  });

  it("changes only the fields given, and null clears one", () => {
    const r = priya();
    const clinicId = saveClinic(r, "2026-03-03", riverside);
    r.record(
      "ClinicSaved",
      { clinicId, nurseLine: null, notes: "Press 2 for the nurse after hours." },
      at("2026-03-10"),
    );
    expect(currentClinic(r.state)).toMatchObject({
      name: riverside.name,
      phone24h: riverside.phone24h,
      nurseLine: null,
      notes: "Press 2 for the nurse after hours.",
    });
  });

  it.each([
    [
      { name: "Riverside", phone24h: "03 5550 CALL" },
      "payload.phone24h",
      "phone-characters",
      { digits: 6 },
    ],
    [
      { name: "Riverside", nurseLine: "12" },
      "payload.nurseLine",
      "phone-too-few-digits",
      { digits: 2 },
    ],
    [
      { name: "Riverside", portalUrl: "http://portal.riverside-fertility.example" },
      "payload.portalUrl",
      "link-not-https",
      undefined,
    ],
    [{ name: "  " }, "payload.name", "too-short", { min: 1 }],
    [{ phone24h: "03 5550 1234" }, "payload.name", "clinic-needs-name", undefined],
    [{ name: "Riverside", current: false }, "payload.current", "not-one-of", { allowed: "true" }],
    [{}, "payload", "nothing-to-change", undefined],
  ] as const)(
    "refuses %j, naming %s (%s), and changes nothing",
    (fields, field, reason, params) => {
      const r = priya();
      const before = r.snapshot();
      const refused = r.tryRecord(
        "ClinicSaved",
        {
          clinicId: r.newId(at("2026-03-03")),
          ...(fields as object),
        } as PayloadInput<"ClinicSaved">,
        at("2026-03-03"),
      );
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error).toMatchObject({ reason, field });
      expect(refused.error.params).toEqual(params);
      expect(r.state.clinics).toEqual(before.clinics);
      expect(r.events).toHaveLength(1);
    },
  );

  it("is refused before the journey is set up", () => {
    const r = new Recorder("phone0001", 7);
    const refused = r.tryRecord(
      "ClinicSaved",
      { clinicId: r.newId(at("2026-03-03")), ...riverside },
      at("2026-03-03"),
    );
    expect(refused).toMatchObject({ ok: false, error: { reason: "no-journey" } });
  });
});

describe("several clinics, one current", () => {
  it("a clinic marked current comes first; the others keep the order they were added in", () => {
    const r = priya();
    const first = saveClinic(r, "2026-03-03", riverside);
    const bank = saveClinic(r, "2026-03-04", {
      name: "Southern Cryobank",
      phone24h: "03 5550 9876",
    });
    expect(currentClinic(r.state)).toBeNull();
    expect(clinicContact(r.state)).toBeNull();

    saveClinic(r, "2026-03-05", { clinicId: bank, current: true });
    expect(currentClinic(r.state)?.id).toBe(bank);
    expect(clinicList(r.state).map((c) => c.id)).toEqual([bank, first]);

    saveClinic(r, "2026-03-06", { clinicId: first, current: true });
    expect(clinicList(r.state).map((c) => c.id)).toEqual([first, bank]);
  });

  it("removing the current clinic leaves the only other one current; with two left, none is", () => {
    const r = priya();
    const a = saveClinic(r, "2026-03-03", { ...riverside, current: true });
    const b = saveClinic(r, "2026-03-04", { name: "Southern Cryobank" });
    r.record("ClinicRemoved", { clinicId: a }, at("2026-03-05"));
    expect(currentClinic(r.state)?.id).toBe(b);
    expect(clinicList(r.state).map((c) => c.id)).toEqual([b]);

    const c = saveClinic(r, "2026-03-06", { name: "Bayside IVF" });
    expect(currentClinic(r.state)).toBeNull();
    saveClinic(r, "2026-03-07", { clinicId: c, current: true });
    expect(currentClinic(r.state)?.id).toBe(c);
  });

  it("a removed clinic cannot be removed again or changed; it can be added again as a new one", () => {
    const r = priya();
    const a = saveClinic(r, "2026-03-03", riverside);
    r.record("ClinicRemoved", { clinicId: a }, at("2026-03-04"));
    expect(r.tryRecord("ClinicRemoved", { clinicId: a }, at("2026-03-05"))).toMatchObject({
      ok: false,
      error: { reason: "unknown-clinic", field: "payload.clinicId" },
    });
    expect(
      r.tryRecord("ClinicSaved", { clinicId: a, phone24h: "03 5550 1111" }, at("2026-03-05")),
    ).toMatchObject({ ok: false, error: { reason: "removed-clinic", field: "payload.clinicId" } });
    expect(clinicList(r.state)).toEqual([]);
  });
});

describe("a cycle's clinic", () => {
  it("is carried into each new cycle; after a move, old cycles keep theirs and new ones take the new clinic", () => {
    const r = priya();
    const riversideId = saveClinic(r, "2026-03-03", riverside);
    const first = startCycle(r, "2026-03-20", { clinicId: riversideId });
    expect(clinicForCycle(r.state, first)?.name).toBe("Riverside Fertility");
    expect(clinicContact(r.state, { cycleId: first })?.phone24h).toBe("03 5550 1234");

    // Priya moves to another clinic for her second cycle.
    const bayside = saveClinic(r, "2026-09-01", {
      name: "Bayside IVF",
      phone24h: "+61 3 5550 4400",
      current: true,
    });
    const second = startCycle(r, "2026-09-15", { clinicId: bayside });
    expect(clinicForCycle(r.state, first)?.id).toBe(riversideId);
    expect(clinicForCycle(r.state, second)?.id).toBe(bayside);
    expect(clinicContact(r.state, { cycleId: first })?.name).toBe("Riverside Fertility");
    expect(clinicContact(r.state)?.name).toBe("Bayside IVF");
  });

  it("a cycle without a clinic card, or an unknown cycle, reaches the current clinic", () => {
    const r = priya();
    const cycleId = startCycle(r, "2026-03-20");
    expect(clinicContact(r.state, { cycleId })).toBeNull();
    saveClinic(r, "2026-03-21", riverside);
    expect(clinicForCycle(r.state, cycleId)).toBeNull();
    expect(clinicContact(r.state, { cycleId })?.name).toBe("Riverside Fertility");
    expect(clinicContact(r.state, { cycleId: r.newId(at("2026-03-22")) })?.name).toBe(
      "Riverside Fertility",
    );
  });

  it("after the person removes the cycle's clinic, the cycle still names it, and the number to call is the current clinic's", () => {
    const r = priya();
    const old = saveClinic(r, "2026-03-03", riverside);
    const cycleId = startCycle(r, "2026-03-20", { clinicId: old });
    saveClinic(r, "2026-09-01", { name: "Bayside IVF", phone24h: "03 5550 4400", current: true });
    r.record("ClinicRemoved", { clinicId: old }, at("2026-09-02"));
    expect(clinicForCycle(r.state, cycleId)).toMatchObject({ name: riverside.name, removed: true });
    expect(cycleClinicName(r.state, cycleId)).toBe(riverside.name);
    expect(clinicContact(r.state, { cycleId })?.name).toBe("Bayside IVF");
  });

  it("can be changed or cleared; a clinic that was never saved is refused, naming the field", () => {
    const r = priya();
    const a = saveClinic(r, "2026-03-03", riverside);
    const b = saveClinic(r, "2026-03-04", { name: "Bayside IVF" });
    const cycleId = startCycle(r, "2026-03-20", { clinicId: a });
    r.record("CycleUpdated", { cycleId, clinicId: b }, at("2026-03-21"));
    expect(clinicForCycle(r.state, cycleId)?.id).toBe(b);
    r.record("CycleUpdated", { cycleId, clinicId: null }, at("2026-03-22"));
    expect(clinicForCycle(r.state, cycleId)).toBeNull();

    const never = r.newId(at("2026-03-23"));
    const before = r.snapshot();
    expect(
      r.tryRecord("CycleUpdated", { cycleId, clinicId: never }, at("2026-03-23")),
    ).toMatchObject({ ok: false, error: { reason: "unknown-clinic", field: "payload.clinicId" } });
    expect(r.state.cycles).toEqual(before.cycles);
    const started = r.tryRecord(
      "CycleStarted",
      {
        cycleId: r.newId(at("2026-03-24")),
        cycleType: "fet-medicated",
        protocolId: null,
        protocolName: "Medicated frozen transfer",
        dayOne: "cycle-day",
        startDate: "2026-03-24",
        zone: ZONE,
        clinicId: never,
      },
      at("2026-03-24"),
    );
    expect(started).toMatchObject({ ok: false, error: { field: "payload.clinicId" } });
    expect(r.state.cycles.size).toBe(1);
  });

  it("a cycle may name a clinic removed meanwhile on another device: the cycle is kept", () => {
    const r = priya();
    const a = saveClinic(r, "2026-03-03", riverside);
    r.record("ClinicRemoved", { clinicId: a }, at("2026-03-04"));
    const cycleId = startCycle(r, "2026-03-20", { clinicId: a });
    expect(r.state.cycles.get(cycleId)?.clinicId).toBe(a);
    expect(r.state.rejected).toEqual([]);
  });

  it("gives its name to a retrieval recorded for the cycle", () => {
    const r = priya();
    const clinicId = saveClinic(r, "2026-03-03", riverside);
    const cycleId = startCycle(r, "2026-03-20", { clinicId });
    const retrievalId = r.newId(at("2026-04-01", "11:00"));
    r.record(
      "RetrievalRecorded",
      { retrievalId, cycleId, retrievedOn: "2026-04-01", eggsRetrieved: 11, mature: 9 },
      at("2026-04-01", "11:00"),
    );
    expect(r.state.cohorts.get(retrievalId)?.clinic).toBe("Riverside Fertility");
  });
});

describe("cycles recorded before clinic cards", () => {
  /** An event as an older Trellis stored it: schema version 1, a free-text clinic. */
  function storedV1(): TrellisEvent[] {
    let clock = createHlc("oldphone1");
    const bytes = seededBytes(3);
    const raw: unknown[] = [];
    const add = (type: string, payload: unknown, nowMs: number) => {
      const next = tickHlc(clock, nowMs);
      if (!next.ok) throw new Error(next.error.detail);
      clock = next.value;
      raw.push({
        id: uuidV7FromParts(nowMs, bytes(10)),
        hlc: formatHlc(clock),
        device: "oldphone1",
        type,
        schemaVersion: 1,
        payload,
      });
    };
    add(
      "JourneyCreated",
      {
        dateOfBirth: "1988-06-02",
        homeZone: ZONE,
        createdAt: `2025-01-10T20:00:00+11:00[${ZONE}]`,
      },
      at("2025-01-10"),
    );
    const cycleId = uuidV7FromParts(at("2025-02-01"), bytes(10));
    add(
      "CycleStarted",
      {
        cycleId,
        cycleType: "stimulation",
        protocolId: "antagonist",
        protocolName: "Antagonist (short) protocol",
        dayOne: "stim-day",
        startDate: "2025-02-01",
        zone: ZONE,
        clinic: "Riverside Fertility",
      },
      at("2025-02-01"),
    );
    add("CycleUpdated", { cycleId, clinic: "Riverside Fertility, Southbank" }, at("2025-02-02"));
    return raw.map((e) => {
      const parsed = parseEvent(e);
      if (!parsed.ok) throw new Error(describeProblem(parsed.error));
      return parsed.value;
    });
  }

  it("still parse and fold: the free-text clinic stays readable, and no clinic card is invented", () => {
    const events = storedV1();
    const state = fold(events);
    const cycle = [...state.cycles.values()][0]!;
    expect(state.rejected).toEqual([]);
    expect(cycle).toMatchObject({ clinic: "Riverside Fertility, Southbank", clinicId: null });
    expect(clinicForCycle(state, cycle.id)).toBeNull();
    expect(cycleClinicName(state, cycle.id)).toBe("Riverside Fertility, Southbank");
    expect(clinicContact(state, { cycleId: cycle.id })).toBeNull();
  });

  it("can be given a clinic card afterwards", () => {
    const r = new Recorder("phone0002", 9);
    r.receive(storedV1());
    const cycleId = [...r.state.cycles.keys()][0]!;
    const clinicId = saveClinic(r, "2026-03-03", riverside);
    r.record("CycleUpdated", { cycleId, clinicId }, at("2026-03-03", "21:00"));
    expect(clinicForCycle(r.state, cycleId)?.name).toBe("Riverside Fertility");
    expect(cycleClinicName(r.state, cycleId)).toBe("Riverside Fertility");
    expect(r.state.cycles.get(cycleId)?.clinic).toBe("Riverside Fertility, Southbank");
  });
});

describe("the person's own support lines", () => {
  it("are added with a number, a website or both, changed, and removed", () => {
    const r = priya();
    const counsellor = r.newId(at("2026-05-01"));
    r.record(
      "SupportLineAdded",
      {
        lineId: counsellor,
        name: "Dr Ana Ruiz, counsellor",
        phone: "03 5550 7788",
        note: "Tuesdays; she knows our story.",
      },
      at("2026-05-01"),
    );
    const group = r.newId(at("2026-05-02"));
    r.record(
      "SupportLineAdded",
      { lineId: group, name: "Thursday circle", website: "https://circle.example.org" },
      at("2026-05-02"),
    );
    expect(ownSupportLines(r.state).map((l) => l.name)).toEqual([
      "Dr Ana Ruiz, counsellor",
      "Thursday circle",
    ]);

    r.record(
      "SupportLineChanged",
      { lineId: counsellor, website: "https://anaruiz.example", phone: null },
      at("2026-05-03"),
    );
    expect(ownSupportLines(r.state)[0]).toEqual({
      id: counsellor,
      name: "Dr Ana Ruiz, counsellor",
      phone: null,
      website: "https://anaruiz.example",
      note: "Tuesdays; she knows our story.",
      removed: false,
    });

    r.record("SupportLineRemoved", { lineId: group }, at("2026-05-04"));
    expect(ownSupportLines(r.state).map((l) => l.id)).toEqual([counsellor]);
    expect(r.tryRecord("SupportLineRemoved", { lineId: group }, at("2026-05-05"))).toMatchObject({
      ok: false,
      error: { reason: "unknown-support-line", field: "payload.lineId" },
    });
  });

  it("refuses a line nobody could reach, or a number that cannot be one, naming the field", () => {
    const r = priya();
    const lineId = r.newId(at("2026-05-01"));
    expect(
      r.tryRecord("SupportLineAdded", { lineId, name: "Mum" }, at("2026-05-01")),
    ).toMatchObject({
      ok: false,
      error: { reason: "support-line-unreachable", field: "payload.phone" },
    });
    expect(
      r.tryRecord(
        "SupportLineAdded",
        { lineId, name: "Mum", phone: "mum's mobile" },
        at("2026-05-01"),
      ),
    ).toMatchObject({ ok: false, error: { field: "payload.phone" } });
    expect(
      r.tryRecord(
        "SupportLineAdded",
        { lineId, name: "Mum", website: "http://mum.example" },
        at("2026-05-01"),
      ),
    ).toMatchObject({ ok: false, error: { field: "payload.website" } });

    r.record("SupportLineAdded", { lineId, name: "Mum", phone: "0400 555 010" }, at("2026-05-02"));
    expect(
      r.tryRecord("SupportLineChanged", { lineId, phone: null }, at("2026-05-03")),
    ).toMatchObject({
      ok: false,
      error: { reason: "support-line-unreachable", field: "payload.phone" },
    });
    expect(ownSupportLines(r.state)[0]?.phone).toBe("0400 555 010");
  });
});

describe("whatever a person does with their clinics", () => {
  type Step =
    | { kind: "add"; current: boolean }
    | { kind: "mark"; pick: number }
    | { kind: "remove"; pick: number }
    | { kind: "start-cycle"; pick: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), current: fc.boolean() }),
    fc.record({ kind: fc.constant("mark" as const), pick: fc.nat(20) }),
    fc.record({ kind: fc.constant("remove" as const), pick: fc.nat(20) }),
    fc.record({ kind: fc.constant("start-cycle" as const), pick: fc.nat(20) }),
  );

  it("the current clinic and every clinic to call are ones the person still keeps; the list has each once, the current first", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const r = priya();
        const ids: string[] = [];
        const cycles: string[] = [];
        let day = Temporal.PlainDate.from("2026-03-03");
        for (const s of steps) {
          day = day.add({ days: 1 });
          const on = day.toString();
          if (s.kind === "add") {
            ids.push(
              saveClinic(r, on, {
                name: `Clinic ${ids.length + 1}`,
                ...(s.current && { current: true }),
              }),
            );
          } else if (ids.length > 0) {
            const id = ids[s.pick % ids.length]!;
            if (s.kind === "mark")
              r.tryRecord("ClinicSaved", { clinicId: id, current: true }, at(on));
            if (s.kind === "remove") r.tryRecord("ClinicRemoved", { clinicId: id }, at(on));
            if (s.kind === "start-cycle") cycles.push(startCycle(r, on, { clinicId: id }));
          }
          const list = clinicList(r.state);
          const current = currentClinic(r.state);
          expect(list.every((c) => !c.removed)).toBe(true);
          expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
          if (current) {
            expect(current.removed).toBe(false);
            expect(list[0]).toBe(current);
          }
          for (const cycleId of [undefined, ...cycles]) {
            const contact = clinicContact(r.state, { cycleId });
            if (contact) expect(r.state.clinics.get(contact.clinicId)?.removed).toBe(false);
          }
        }
        expect(r.state.rejected).toEqual([]);
        // The same events folded afresh, in any order, give the same clinics.
        const shuffled = [...r.events].reverse();
        const again = fold(shuffled);
        expect(again.clinics).toEqual(r.state.clinics);
        expect(currentClinic(again)).toEqual(currentClinic(r.state));
      }),
      { numRuns: 60 },
    );
  });
});
