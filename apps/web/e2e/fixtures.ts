import {
  type EventType,
  type PayloadInput,
  Recorder,
  Temporal,
  type TrellisEvent,
} from "@trellis/domain";
import { maya } from "./helpers.ts";

/**
 * What the fixture journeys share: the export they are restored from, a
 * recorder that writes on calendar dates, and the entries most of them make
 * (a transfer, its betas, what it led to, an antagonist cycle, an evening
 * injection).
 */

/** A Trellis export of the recorder's events (or of `events`), as the app writes one. */
export function exportFile(
  r: Recorder,
  exportedAt: string,
  events: readonly TrellisEvent[] = r.events,
) {
  return { format: "trellis-export", version: 1, exportedAt, device: r.device, events };
}

/**
 * Records one entry at `when`, its id stamped with the same moment: the
 * payload is made from that id and the moment as written with its zone.
 */
export function recordAt<K extends EventType>(
  r: Recorder,
  when: Temporal.ZonedDateTime,
  type: K,
  payload: (id: string, at: string) => PayloadInput<K>,
) {
  const ms = when.epochMilliseconds;
  return r.record(type, payload(r.newId(ms), when.toString()), ms);
}

/**
 * A record written on calendar dates in one zone: every entry at `time` that
 * day unless told otherwise, its id stamped with the same moment.
 */
export function recordOnDates(device: string, seed: number, zone: string, time = "20:00") {
  const r = new Recorder(device, seed);
  const at = (date: string, t = time) =>
    Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: t });
  const ms = (date: string, t?: string) => at(date, t).epochMilliseconds;
  const id = (date: string, t?: string) => r.newId(ms(date, t));
  const rec = <K extends EventType>(type: K, payload: PayloadInput<K>, date: string, t?: string) =>
    r.record(type, payload, ms(date, t));

  /** Maya's journey, begun on `date`. */
  const journeyCreated = (date: string, t?: string) =>
    rec("JourneyCreated", { ...maya, createdAt: at(date, t).toString() }, date, t);
  const blastocysts = (
    cohortId: string,
    day: PayloadInput<"BlastocystsReported">["day"],
    reportedOn: string,
    list: PayloadInput<"BlastocystsReported">["blastocysts"],
    more: Partial<PayloadInput<"BlastocystsReported">> = {},
  ) =>
    rec(
      "BlastocystsReported",
      { cohortId, day, reportedOn, blastocysts: list, ...more },
      reportedOn,
    );
  /** A transfer to the person herself, on `on`: its id. */
  const transfer = (
    on: string,
    embryoIds: string[],
    more: Partial<PayloadInput<"TransferRecorded">> = {},
  ) => {
    const transferId = id(on);
    rec(
      "TransferRecorded",
      { transferId, transferredOn: on, embryoIds, recipient: { kind: "self" }, ...more },
      on,
    );
    return transferId;
  };
  const beta = (
    transferId: string,
    drawnOn: string,
    value: number,
    more: Partial<PayloadInput<"BetaRecorded">> = {},
  ) => rec("BetaRecorded", { betaId: id(drawnOn), transferId, drawnOn, value, ...more }, drawnOn);
  const outcome = (
    transferId: string,
    on: string,
    what: Omit<PayloadInput<"OutcomeRecorded">, "outcomeId" | "transferId" | "on">,
  ) => rec("OutcomeRecorded", { outcomeId: id(on), transferId, on, ...what }, on);

  return {
    r,
    at,
    ms,
    id,
    rec,
    journeyCreated,
    blastocysts,
    transfer,
    beta,
    outcome,
    file: (exportedAt: string, events?: readonly TrellisEvent[]) =>
      exportFile(r, exportedAt, events),
  };
}

/** An antagonist cycle, stim day 1 on `startDate`, as Maya's fixtures start one. */
export function antagonistCycle(
  cycleId: string,
  startDate: string,
  zone: string,
  more: Partial<PayloadInput<"CycleStarted">> = {},
): PayloadInput<"CycleStarted"> {
  return {
    cycleId,
    cycleType: "stimulation",
    protocolId: "antagonist",
    protocolName: "Antagonist (short) protocol",
    dayOne: "stim-day",
    startDate,
    zone,
    ...more,
  };
}

/** 150 IU of `medicine` under the skin every evening at 20:00 from `date`, with no end set. */
export function eveningInjection(
  ids: { cycleId: string; planItemId: string },
  date: string,
  medicine = "Evening injection",
  more: Partial<PayloadInput<"MedicationPlanned">> = {},
): PayloadInput<"MedicationPlanned"> {
  return {
    ...ids,
    medication: { name: medicine, route: "subcutaneous", purpose: "stimulation" },
    dose: { value: 150, unit: "IU" },
    times: ["20:00"],
    start: { date },
    end: { kind: "open" },
    timeCritical: false,
    ...more,
  };
}
