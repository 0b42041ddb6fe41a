import { describe, expect, it } from "vitest";
import { uuidV7FromParts } from "../core/ids.ts";
import { problemFromZod } from "../core/zod-problem.ts";
import { type EventType, eventCatalog } from "./catalog.ts";

const id = uuidV7FromParts(1_700_000_000_000, new Uint8Array(10));

/** Every event that changes a record, with the key naming it and one change it may give. */
const changes: readonly [EventType, Record<string, unknown>, Record<string, unknown>][] = [
  ["JourneyUpdated", {}, { homeZone: "Europe/London" }],
  ["PreferencesUpdated", {}, { quietMode: true }],
  ["CycleUpdated", { cycleId: id }, { protocolName: "Long agonist" }],
  ["AppointmentChanged", { appointmentId: id }, { place: null }],
  ["LabResultCorrected", { resultId: id }, { value: 412 }],
  ["FollicleScanCorrected", { scanId: id }, { liningMm: 9.5 }],
  ["LabCountsCorrected", { cohortId: id }, { mature: 9 }],
  ["EmbryoCorrected", { embryoId: id }, { biopsied: true }],
  ["StorageFeeChanged", { feeId: id }, { renewsYearly: false }],
  ["RemembranceChanged", { remembranceId: id }, { note: "Spring" }],
  ["ClinicSaved", { clinicId: id }, { nurseLine: null }],
  ["SupportLineChanged", { lineId: id }, { name: "Fertility Network UK" }],
];

const refusal = (type: EventType, payload: unknown) => {
  const parsed = eventCatalog[type].payload.safeParse(payload);
  return parsed.success
    ? null
    : problemFromZod(parsed.error.issues, { prefix: "payload", input: payload });
};

describe("an event that changes a record must change something", () => {
  it.each(changes)("%s naming only its record is refused: nothing to change", (type, naming) => {
    expect(refusal(type, naming)).toMatchObject({ reason: "nothing-to-change", field: "payload" });
  });

  it.each(changes)("%s with one change is accepted", (type, naming, change) => {
    expect(refusal(type, { ...naming, ...change })).toBeNull();
  });
});
