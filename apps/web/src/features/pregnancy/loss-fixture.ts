/**
 * Test fixture (component tests only): Alex, a day-5 blastocyst transferred
 * on 14 January 2026 and a miscarriage on 20 February, as a device would
 * have recorded it, and a way to put it on a test client.
 */
import type { TrellisClient } from "@trellis/client";
import { Recorder, Temporal, type TrellisEvent } from "@trellis/domain";

const TOR = "America/Toronto";
const ms = (date: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: "18:00" })
    .epochMilliseconds;

/** Alex: a day-5 blastocyst transferred on 14 January 2026, a miscarriage on 20 February. */
export function alexAfterALoss() {
  const r = new Recorder("phone0018", 18);
  r.record(
    "JourneyCreated",
    {
      displayName: "Alex",
      dateOfBirth: "1988-07-04",
      homeZone: TOR,
      createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
    },
    ms("2025-10-01"),
  );
  const retrieval = r.newId(ms("2025-11-04"));
  r.record(
    "RetrievalRecorded",
    { retrievalId: retrieval, retrievedOn: "2025-11-04", eggsRetrieved: 9, mature: 7 },
    ms("2025-11-04"),
  );
  r.record(
    "FertilizationReported",
    { cohortId: retrieval, reportedOn: "2025-11-05", method: "icsi", fertilized: 5 },
    ms("2025-11-05"),
  );
  const embryoId = r.newId(ms("2025-11-09"));
  r.record(
    "BlastocystsReported",
    {
      cohortId: retrieval,
      day: 5,
      reportedOn: "2025-11-09",
      blastocysts: [{ embryoId, grade: "4AA", biopsied: false, fate: "frozen" }],
    },
    ms("2025-11-09"),
  );
  const transferId = r.newId(ms("2026-01-14"));
  r.record(
    "TransferRecorded",
    { transferId, transferredOn: "2026-01-14", embryoIds: [embryoId], recipient: { kind: "self" } },
    ms("2026-01-14"),
  );
  r.record(
    "OutcomeRecorded",
    { outcomeId: r.newId(ms("2026-02-20")), transferId, outcome: "miscarriage", on: "2026-02-20" },
    ms("2026-02-20"),
  );
  return { events: r.events, transferId };
}

/** Adds the events to the client as an imported export would; true when all went in. */
export async function importInto(client: TrellisClient, events: readonly TrellisEvent[]) {
  const imported = await client.importFile({
    format: "trellis-export",
    version: 1,
    exportedAt: "2026-03-01T00:00:00.000Z",
    device: "phone0018",
    events: [...events],
  });
  return imported.ok;
}
