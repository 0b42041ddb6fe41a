import { type Problem, problem } from "../core/result.ts";
import { stampMs } from "../core/stamp.ts";
import { isIsoDate, isZonedDateTime } from "../core/time.ts";
import { isoFromDayNumber } from "../schedule/civil.ts";

/**
 * How far from the day something is recorded a date in it may be: a person
 * records what happened in their own life (at most a long lifetime back) and
 * plans a few years ahead at most (a storage fee, a supply's expiry). A date
 * outside, such as 1900 or 2999 for 2029, is a slip of the thumb.
 */
export const PLAUSIBLE_YEARS = { back: 100, ahead: 20 } as const;

const MS_PER_DAY = 86_400_000;

/** `date` moved by whole years, as a string comparable with other `YYYY-MM-DD` dates. */
const yearsFrom = (date: string, years: number) =>
  `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;

/**
 * The first date (`YYYY-MM-DD`) or exact time in a payload that nobody
 * could mean when recording it at `hlc`'s time: `invalid-date` (or
 * `invalid-time`) at its path, e.g. `payload.start.date`; null when all are
 * within `PLAUSIBLE_YEARS`. A date of birth is left to its own rule (the
 * ages Trellis is made for), which says more. Only what is recorded now is
 * asked: a fold never asks, so nothing already kept changes meaning.
 */
export function implausibleDate(payload: unknown, hlc: string): Problem | null {
  const today = isoFromDayNumber(Math.floor(stampMs(hlc) / MS_PER_DAY));
  const earliest = yearsFrom(today, -PLAUSIBLE_YEARS.back);
  const latest = yearsFrom(today, PLAUSIBLE_YEARS.ahead);
  const visit = (value: unknown, path: string): Problem | null => {
    if (typeof value === "string") {
      const date = isIsoDate(value) ? value : null;
      const time = date === null && isZonedDateTime(value) ? value.slice(0, 10) : null;
      const day = date ?? time;
      if (day === null || (day >= earliest && day <= latest)) return null;
      return problem(date ? "invalid-date" : "invalid-time", path);
    }
    if (value === null || typeof value !== "object") return null;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "dateOfBirth") continue;
      const found = visit(inner, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  };
  return visit(payload, "payload");
}
