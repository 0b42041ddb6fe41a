import type { Appointment } from "../monitoring/state.ts";
import {
  betaSeries,
  latestOutcome,
  pregnancyDetails,
  transferList,
} from "../pregnancy/selectors.ts";
import type { Recipient, Transfer } from "../pregnancy/state.ts";
import { addDays, daysBetween } from "../schedule/civil.ts";
import type { JourneyState } from "../state/state.ts";
import { dayIn, epochOf, localDay } from "./days.ts";

/**
 * When the blood test (beta hCG) after a transfer is: booked with the clinic,
 * or only the typical days, which Today must say are typical and that the
 * clinic gives the day.
 */
export type BetaTestDay =
  | {
      readonly source: "booked";
      readonly on: string;
      readonly at: string;
      readonly appointmentId: string;
    }
  | {
      readonly source: "typical";
      readonly from: string;
      readonly to: string;
      /** The same, as days after the transfer. */
      readonly daysAfter: { readonly from: number; readonly to: number };
    };

/**
 * The typical days from a transfer to the first beta: about 9 to 11 after a
 * day-5 transfer, clinic-specific (docs/clinical-reference.md §4, §7). An
 * embryo transferred younger is tested later by the same number of days, as
 * dating counts from the embryo's age (§4); unknown days count as day 5,
 * the usual blastocyst transfer.
 */
export function typicalBetaDays(embryoDay: 3 | 5 | 6 | 7 | null): {
  readonly from: number;
  readonly to: number;
} {
  const shift = 5 - (embryoDay ?? 5);
  return { from: 9 + shift, to: 11 + shift };
}

/** A blood test booked after a transfer counts as its beta within this many days. */
const BETA_BOOKING_WINDOW_DAYS = 21;

/**
 * The beta of a transfer: the first blood test booked in the days after it
 * (of its cycle, when it has one), else the typical days.
 */
export function betaTestDay(state: JourneyState, transfer: Transfer, zone: string): BetaTestDay {
  const last = addDays(transfer.date, BETA_BOOKING_WINDOW_DAYS);
  const booked = [...state.appointments.values()]
    .filter(
      (a) =>
        !a.cancelled &&
        a.kind === "bloods" &&
        (transfer.cycleId === null || a.cycleId === null || a.cycleId === transfer.cycleId),
    )
    .map((a) => ({ a, on: localDay(a.at, zone) }))
    .filter(({ on }) => on > transfer.date && on <= last)
    .sort((x, y) => epochOf(x.a.at) - epochOf(y.a.at))[0];
  if (booked) {
    return { source: "booked", on: booked.on, at: booked.a.at, appointmentId: booked.a.id };
  }
  const daysAfter = typicalBetaDays(transfer.embryoDay);
  return {
    source: "typical",
    from: addDays(transfer.date, daysAfter.from),
    to: addDays(transfer.date, daysAfter.to),
    daysAfter,
  };
}

/** A transfer on today's date: planned, done, or only booked as an appointment. */
export interface TransferDay {
  readonly transferId: string | null;
  /** Null when only an appointment says so. */
  readonly status: "planned" | "done" | null;
  readonly recipient: Recipient;
  /** The booked time, when the clinic's appointment is in the record. */
  readonly at: string | null;
  /** For a transfer done, when its beta is (null in quiet mode or while details are paused after a loss). */
  readonly test: BetaTestDay | null;
}

/** Transfers whose day is today (`TransferPlanned`, `TransferRecorded`, or a "transfer" appointment). */
export function transferDays(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): TransferDay[] {
  const today = dayIn(options.nowMs, options.zone);
  const showTest = pregnancyDetails(state).show;
  const booked: Appointment[] = [...state.appointments.values()]
    .filter((a) => !a.cancelled && a.kind === "transfer" && localDay(a.at, options.zone) === today)
    .sort((x, y) => epochOf(x.at) - epochOf(y.at));
  const out: TransferDay[] = [];
  for (const t of transferList(state)) {
    if (t.date !== today) continue;
    const i = booked.findIndex(
      (a) => t.cycleId === null || a.cycleId === null || a.cycleId === t.cycleId,
    );
    const appointment = i >= 0 ? booked.splice(i, 1)[0]! : null;
    out.push({
      transferId: t.id,
      status: t.status === "done" ? "done" : "planned",
      recipient: t.recipient,
      at: appointment?.at ?? null,
      test:
        showTest && t.status === "done" && untested(state, t.id)
          ? betaTestDay(state, t, options.zone)
          : null,
    });
  }
  for (const a of booked) {
    out.push({ transferId: null, status: null, recipient: { kind: "self" }, at: a.at, test: null });
  }
  return out;
}

/** After a transfer, before its news: the days of waiting, then the test day. */
export interface TransferWait {
  readonly transferId: string;
  readonly transferredOn: string;
  readonly recipient: Recipient;
  /** `waiting` until the test; `test-day` on the booked day, or within the typical days. */
  readonly phase: "waiting" | "test-day";
  readonly test: BetaTestDay;
}

function untested(state: JourneyState, transferId: string): boolean {
  return betaSeries(state, transferId).length === 0 && latestOutcome(state, transferId) === null;
}

/**
 * Transfers done before today with no beta and no outcome yet, up to their
 * test day. Nothing in quiet mode, or after a loss until the person asks for
 * pregnancy details again (`pregnancyDetails`): these are pregnancy milestones.
 */
export function transferWaits(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): TransferWait[] {
  if (!pregnancyDetails(state).show) return [];
  const today = dayIn(options.nowMs, options.zone);
  const out: TransferWait[] = [];
  for (const t of transferList(state)) {
    if (t.status !== "done" || t.date >= today || !untested(state, t.id)) continue;
    const test = betaTestDay(state, t, options.zone);
    const first = test.source === "booked" ? test.on : test.from;
    const lastDay = test.source === "booked" ? test.on : test.to;
    if (today > lastDay) continue;
    out.push({
      transferId: t.id,
      transferredOn: t.date,
      recipient: t.recipient,
      phase: today < first ? "waiting" : "test-day",
      test,
    });
  }
  return out.sort((a, b) => daysBetween(a.transferredOn, b.transferredOn));
}
