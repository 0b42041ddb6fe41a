import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { sharedZoneResolver } from "../schedule/zones.ts";
import { refusal } from "./zod-problem.ts";

export { Temporal };

/**
 * Time in Trellis: a plan is kept in the person's wall-clock time and zone;
 * anything that happened is kept as an exact instant together with the zone it
 * happened in, as an ISO 8601 string with offset and bracketed zone, e.g.
 * `2026-03-14T21:30:00-04:00[America/New_York]`. Never `Date`.
 */

const zoneValidity = new Map<string, boolean>();

/** True for IANA zone ids Temporal knows, e.g. `Europe/London`, and `UTC`. */
export function isTimeZone(id: string): boolean {
  const known = zoneValidity.get(id);
  if (known !== undefined) return known;
  let valid = false;
  try {
    // Offsets like "+05:00" are valid Temporal zones but not places; people live in places.
    valid =
      /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(id) &&
      Temporal.PlainDate.from("2000-01-01").toZonedDateTime(id).timeZoneId.length > 0;
  } catch {
    valid = false;
  }
  zoneValidity.set(id, valid);
  return valid;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  try {
    return Temporal.PlainDate.from(text, { overflow: "reject" }).toString() === text;
  } catch {
    return false;
  }
}

const ZONED =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?([+-])(\d{2}):(\d{2})\[([^\]]{1,64})\]$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `text` is an exact time with an offset that is right for its zone,
 * e.g. `2026-03-14T21:30:00-04:00[America/New_York]`. Reading thousands of
 * stored events calls this for each one, so the common case (a day without a
 * clock change) is checked with cached offsets; anything unusual goes to Temporal.
 */
export function isZonedDateTime(text: string): boolean {
  const m = ZONED.exec(text);
  if (m) {
    const [, y, mo, d, , , , sign, oh, om, zone] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const maxDay = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (month < 1 || month > 12 || day < 1 || day > maxDay || !isTimeZone(zone!)) return false;
    const steady = sharedZoneResolver().steadyOffset(zone!, `${y}-${mo}-${d}`);
    if (steady !== null) {
      const given = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
      return given === steady;
    }
  } else if (!text.includes("[")) {
    return false;
  }
  try {
    Temporal.ZonedDateTime.from(text, { offset: "reject" });
    return true;
  } catch {
    return false;
  }
}

/** A calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().refine(isIsoDate, refusal("invalid-date"));

/** An IANA time zone id such as `America/Toronto`. */
export const timeZoneSchema = z.string().max(64).refine(isTimeZone, refusal("invalid-time-zone"));

/** An exact moment with its offset and zone, e.g. `2026-03-14T21:30:00-04:00[America/New_York]`. */
export const zonedDateTimeSchema = z
  .string()
  .max(80)
  .refine(isZonedDateTime, refusal("invalid-time"));

export type IsoDate = string;
export type ZonedDateTimeString = string;
export type TimeZoneId = string;
