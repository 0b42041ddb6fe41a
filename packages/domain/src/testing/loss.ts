/**
 * Test fixture shared by the domain's and the app's tests: Alex, one frozen
 * day-5 blastocyst transferred on 14 January 2026 (Toronto) and a
 * miscarriage recorded on 20 February, as a device would have recorded it.
 * The recorder is returned so a test can go on recording after the loss.
 */
import { Temporal } from "../core/time.ts";
import { Recorder } from "./recorder.ts";

const TOR = "America/Toronto";
const at = (date: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: "18:00" })
    .epochMilliseconds;

export function alexAfterALoss(options: { device?: string; seed?: number } = {}) {
  const r = new Recorder(options.device ?? "phone0016", options.seed ?? 16);
  r.record(
    "JourneyCreated",
    {
      displayName: "Alex",
      dateOfBirth: "1988-07-04",
      homeZone: TOR,
      createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
    },
    at("2025-10-01"),
  );
  const retrieval = r.newId(at("2025-11-04"));
  r.record(
    "RetrievalRecorded",
    { retrievalId: retrieval, retrievedOn: "2025-11-04", eggsRetrieved: 9, mature: 7 },
    at("2025-11-04"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2025-11-05", method: "icsi", fertilized: 5 },
    at("2025-11-05"),
  );
  const embryoId = r.newId(at("2025-11-09"));
  r.record(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2025-11-09",
      blastocysts: [{ embryoId, grade: "4AA", biopsied: false, fate: "frozen" }],
    },
    at("2025-11-09"),
  );
  const transferId = r.newId(at("2026-01-14"));
  r.record(
    "TransferRecorded",
    { transferId, transferredOn: "2026-01-14", embryoIds: [embryoId], recipient: { kind: "self" } },
    at("2026-01-14"),
  );
  r.record(
    "OutcomeRecorded",
    { outcomeId: r.newId(at("2026-02-20")), transferId, outcome: "miscarriage", on: "2026-02-20" },
    at("2026-02-20"),
  );
  return { r, events: r.events, transferId, embryoId };
}
