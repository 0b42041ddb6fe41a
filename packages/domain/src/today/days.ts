import { Temporal } from "../core/time.ts";
import type { JourneyState } from "../state/state.ts";

/** The calendar day of an instant in a zone. */
export function dayIn(nowMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(nowMs)
    .toZonedDateTimeISO(zone)
    .toPlainDate()
    .toString();
}

/** The calendar day, in `zone`, of an exact time written with its own zone. */
export function localDay(zoned: string, zone: string): string {
  return Temporal.ZonedDateTime.from(zoned).withTimeZone(zone).toPlainDate().toString();
}

export function epochOf(zoned: string): number {
  return Temporal.ZonedDateTime.from(zoned).epochMilliseconds;
}

/** The day eggs were collected in a cycle, when a retrieval of that cycle was recorded. */
export function recordedRetrievalDay(state: JourneyState, cycleId: string): string | null {
  let day: string | null = null;
  for (const c of state.cohorts.values()) {
    if (c.retracted || c.kind !== "retrieval" || c.cycleId !== cycleId) continue;
    if (day === null || c.date > day) day = c.date;
  }
  return day;
}
