import { addDays, isoFromDayNumber } from "../schedule/civil.ts";

/**
 * "Now" for a rule that needs one. The domain never reads a clock, but every
 * event carries the time it was recorded: the wall-clock part of its stamp,
 * set by the device that recorded it. Rules that refuse a date "in the
 * future" or an age "today" use that, so the same event gets the same answer
 * on every device and in every later fold.
 */

const MS_PER_DAY = 86_400_000;

/** The wall-clock milliseconds of a stamp (`<12 hex ms>-<counter>-<device>`). */
export function stampMs(hlc: string): number {
  return Number.parseInt(hlc.slice(0, 12), 16);
}

/**
 * The calendar dates it could have been somewhere on Earth when an event was
 * recorded: zones run from UTC-12 to UTC+14, so one day either side of the
 * date in UTC. A rule about "today" allows that day's slack, so nobody is
 * refused because of where they live.
 */
export function recordedDates(hlc: string): { readonly earliest: string; readonly latest: string } {
  const utc = isoFromDayNumber(Math.floor(stampMs(hlc) / MS_PER_DAY));
  return { earliest: addDays(utc, -1), latest: addDays(utc, 1) };
}
