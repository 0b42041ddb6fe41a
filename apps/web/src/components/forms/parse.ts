/**
 * Reading what a person types into the monitoring forms: follicle lists, single
 * numbers, and local date-times in their zone. Pure; the forms show the result
 * back ("understood as ...") so nothing is guessed silently.
 */
import { Temporal } from "@trellis/domain";

/** Follicle sizes as typed ("14, 12.5, 11 mm"): the numbers understood, and any pieces that were not. */
export interface ParsedSizes {
  readonly sizes: readonly number[];
  readonly unreadable: readonly string[];
}

/**
 * Commas, semicolons and spaces separate sizes; a point marks decimals. A
 * trailing "mm" (on a size or on its own) is ignored.
 */
export function parseSizes(text: string): ParsedSizes {
  const sizes: number[] = [];
  const unreadable: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const token = raw.replace(/mm$/i, "");
    if (token === "") continue;
    const n = /^\d+(\.\d+)?$|^\.\d+$/.test(token) ? Number(token) : Number.NaN;
    if (Number.isFinite(n)) sizes.push(n);
    else unreadable.push(raw);
  }
  return { sizes, unreadable };
}

/**
 * One number as typed. Accepts a decimal point or a decimal comma ("9,5"), and
 * thousands written with commas the way labs print them ("1,850"). `null` for
 * an empty field, `NaN` for something that is not a number.
 */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  if (t === "") return null;
  let normal: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) normal = t.replaceAll(",", "");
  else if (/^\d*,\d+$/.test(t)) normal = t.replace(",", ".");
  else normal = t;
  return /^\d*\.?\d+$|^\d+\.$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A whole number as typed: `null` for empty, `NaN` for anything else that is not one. */
export function parseCount(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN;
}

/** Now in `zone` as a `datetime-local` value (`YYYY-MM-DDTHH:mm`). */
export function localInputNow(zone: string): string {
  return Temporal.Now.zonedDateTimeISO(zone)
    .toPlainDateTime()
    .round({ smallestUnit: "minute", roundingMode: "floor" })
    .toString()
    .slice(0, 16);
}

/** A `datetime-local` value read as wall-clock time in `zone`, as an instant with offset and zone. */
export function zonedFromLocalInput(value: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  try {
    return Temporal.PlainDateTime.from(value, { overflow: "reject" })
      .toZonedDateTime(zone)
      .toString();
  } catch {
    return null;
  }
}

/** Later than a few minutes from now: a scan or a blood draw cannot have happened yet. */
export function isInFuture(zoned: string, nowMs: number): boolean {
  return Temporal.ZonedDateTime.from(zoned).epochMilliseconds > nowMs + 5 * 60_000;
}
