import { Recorder, Temporal } from "@trellis/domain";
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
  const ms = (date: string, time = "19:00") =>
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: time })
      .epochMilliseconds;
  const r = new Recorder("fixture07", 77);
  const created = Temporal.PlainDate.from(day(options.transferDaysAgo + 40)).toZonedDateTime({
    timeZone: zone,
    plainTime: "09:00",
  });
  r.record("JourneyCreated", { ...maya, createdAt: created.toString() }, created.epochMilliseconds);

  const retrievedOn = day(options.transferDaysAgo + 5);
  const cohortId = r.newId(ms(retrievedOn));
  r.record(
    "RetrievalRecorded",
    { retrievalId: cohortId, retrievedOn, clinic: "City Fertility", eggsRetrieved: 11, mature: 9 },
    ms(retrievedOn),
  );
  r.record(
    "FertilizationReported",
    { cohortId, reportedOn: day(options.transferDaysAgo + 4), method: "icsi", fertilized: 7 },
    ms(day(options.transferDaysAgo + 4)),
  );
  const embryoId = r.newId(ms(day(options.transferDaysAgo)));
  r.record(
    "BlastocystsReported",
    {
      cohortId,
      day: 5,
      reportedOn: day(options.transferDaysAgo),
      blastocysts: [{ embryoId, label: "A", grade: "4AA", biopsied: false, fate: "in-culture" }],
    },
    ms(day(options.transferDaysAgo), "08:00"),
  );
  const transferId = r.newId(ms(day(options.transferDaysAgo)));
  r.record(
    "TransferRecorded",
    {
      transferId,
      transferredOn: day(options.transferDaysAgo),
      embryoIds: [embryoId],
      recipient: { kind: "self" },
      embryoDay: 5,
    },
    ms(day(options.transferDaysAgo)),
  );
  const betaOn = day(options.transferDaysAgo - 9);
  r.record(
    "BetaRecorded",
    {
      betaId: r.newId(ms(betaOn)),
      transferId,
      drawnOn: betaOn,
      value: 212,
      clinicReading: "positive",
    },
    ms(betaOn),
  );
  const o = options.outcome;
  if (o) {
    const on = day(o.daysAgo);
    r.record(
      "OutcomeRecorded",
      {
        outcomeId: r.newId(ms(on)),
        transferId,
        outcome: o.kind,
        on,
        ...(o.weeks !== undefined && { gestationalAge: { weeks: o.weeks, days: 0 } }),
      },
      ms(on),
    );
  }
  return {
    format: "trellis-export",
    version: 1,
    exportedAt: Temporal.Now.zonedDateTimeISO(zone).round({ smallestUnit: "second" }).toString(),
    device: r.device,
    events: r.events,
  };
}
