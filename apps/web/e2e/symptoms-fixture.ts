import { Temporal } from "@trellis/domain";
import { recordOnDates } from "./fixtures.ts";
import { maya } from "./helpers.ts";

/**
 * Maya's record as a Trellis export, dated from today: a retrieval, a day-5
 * transfer `transferDaysAgo` days ago with a positive beta nine days later,
 * and, if given, what happened since (a loss at 20 weeks, or a
 * pregnancy going on). Restored through set-up, so these tests do not depend
 * on the embryo and transfer screens.
 */
export function mayaAfterTransfer(options: {
  transferDaysAgo: number;
  outcome?: { kind: "miscarriage" | "ongoing"; daysAgo: number; weeks?: number };
}) {
  const zone = maya.homeZone;
  const today = Temporal.Now.plainDateISO(zone);
  const day = (daysAgo: number) => today.subtract({ days: daysAgo }).toString();
  const { r, at, id, rec, transfer, beta, outcome, file } = recordOnDates(
    "fixture07",
    77,
    zone,
    "19:00",
  );
  const created = at(day(options.transferDaysAgo + 40), "09:00");
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);

  const retrievedOn = day(options.transferDaysAgo + 5);
  const cohortId = id(retrievedOn);
  rec(
    "RetrievalRecorded",
    { retrievalId: cohortId, retrievedOn, clinic: "City Fertility", eggsRetrieved: 11, mature: 9 },
    retrievedOn,
  );
  const fertilizedOn = day(options.transferDaysAgo + 4);
  rec(
    "FertilizationReported",
    { cohortId, reportedOn: fertilizedOn, method: "icsi", fertilized: 7 },
    fertilizedOn,
  );
  const transferredOn = day(options.transferDaysAgo);
  const embryoId = id(transferredOn);
  rec(
    "BlastocystsReported",
    {
      cohortId,
      day: 5,
      reportedOn: transferredOn,
      blastocysts: [{ embryoId, label: "A", grade: "4AA", biopsied: false, fate: "in-culture" }],
    },
    transferredOn,
    "08:00",
  );
  const transferId = transfer(transferredOn, [embryoId], { embryoDay: 5 });
  beta(transferId, day(options.transferDaysAgo - 9), 212, { clinicReading: "positive" });
  const o = options.outcome;
  if (o) {
    outcome(transferId, day(o.daysAgo), {
      outcome: o.kind,
      ...(o.weeks !== undefined && { gestationalAge: { weeks: o.weeks, days: 0 } }),
    });
  }
  return file(Temporal.Now.zonedDateTimeISO(zone).round({ smallestUnit: "second" }).toString());
}
