/**
 * Test fixture (component tests only): Alex, a day-5 blastocyst transferred
 * on 14 January 2026 and a miscarriage on 20 February, as a device would
 * have recorded it, and a way to put it on a test client.
 */
import type { TrellisClient } from "@trellis/client";
import { alexAfterALoss as sharedAlex, type TrellisEvent } from "@trellis/domain";

/** Alex: a day-5 blastocyst transferred on 14 January 2026, a miscarriage on 20 February. */
export function alexAfterALoss() {
  const { events, transferId } = sharedAlex({ device: "phone0018", seed: 18 });
  return { events, transferId };
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
