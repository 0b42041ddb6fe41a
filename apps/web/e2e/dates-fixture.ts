import type { TrellisEvent } from "@trellis/domain";
import { recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya (clinical reference A.1) in 2015: a retrieval, and the medicated frozen
 * transfer of the 4AB on 2015-08-10, with nothing after it yet. With
 * `betas`, its betas 180 -> 410 -> 950 two days apart. With `old`, those
 * and what an older Trellis let through: a beta four months on, and one
 * three years later at 1,900,000 mIU/mL. Scaled from 950 over four months,
 * the slowest usual rise would be some 20 billion: the axis the old chart
 * drew.
 */
export function mayaIn2015({ betas = false, old = false } = {}) {
  const { r, at, ms, id, rec, journeyCreated, blastocysts, transfer, beta, file } = recordOnDates(
    "fixture05",
    1985,
    maya.homeZone,
  );
  journeyCreated("2014-03-01");
  const r1 = id("2015-04-15");
  rec(
    "RetrievalRecorded",
    { retrievalId: r1, retrievedOn: "2015-04-15", clinic: "Hudson Fertility", eggsRetrieved: 14 },
    "2015-04-15",
  );
  rec(
    "FertilizationReported",
    { cohortId: r1, reportedOn: "2015-04-16", method: "icsi", mature: 11, fertilized: 8 },
    "2015-04-16",
  );
  const ab = id("2015-04-20");
  blastocysts(r1, 5, "2015-04-20", [
    { embryoId: ab, grade: "4AB", biopsied: false, fate: "frozen" },
  ]);
  const t2 = transfer("2015-08-10", [ab], { protocol: "medicated" });
  const events: TrellisEvent[] = [...r.events];
  if (betas || old) {
    beta(t2, "2015-08-19", 180);
    beta(t2, "2015-08-21", 410);
    beta(t2, "2015-08-23", 950);
    events.push(...r.events.slice(events.length));
  }
  if (old) {
    // Stored by an older Trellis (schema version 1), before the date guards.
    for (const [date, value, recorded] of [
      ["2015-12-20", 20, "2015-12-21"],
      ["2018-08-19", 1_900_000, "2018-08-20"],
    ] as const) {
      const stamp = ms(recorded);
      events.push({
        id: r.newId(stamp),
        hlc: `${stamp.toString(16).padStart(12, "0")}-00000000-${r.device}`,
        device: r.device,
        type: "BetaRecorded",
        schemaVersion: 1,
        payload: { betaId: r.newId(stamp), transferId: t2, drawnOn: date, value },
      } as TrellisEvent);
    }
  }
  return { file: file(at("2018-08-20").toString(), events), t2 };
}
