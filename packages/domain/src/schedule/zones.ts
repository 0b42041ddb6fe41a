import { Temporal } from "temporal-polyfill";
import { dayNumber, formatOffset, isoFromDayNumber } from "./civil.ts";

const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;

interface DayOffsets {
  /** Offset (minutes east of UTC) at the start of the day. */
  readonly start: number;
  /**
   * Whether the offset is the same all day. False on a DST change day,
   * including zones that change at midnight (the day starts at 01:00 there).
   */
  readonly steady: boolean;
}

/**
 * Resolves wall-clock times in IANA zones to exact instants, quickly: the
 * offset is looked up once per zone and day, and Temporal is asked only on the
 * two days a year when the clocks change.
 */
export class ZoneResolver {
  private readonly days = new Map<string, DayOffsets>();

  private readonly years = new Map<
    string,
    { transitions: number[]; after: number[]; initial: number }
  >();

  /** Offset changes of a zone around one calendar year (a few Temporal calls per zone and year). */
  private year(zone: string, year: number) {
    const key = `${zone}|${year}`;
    let info = this.years.get(key);
    if (!info) {
      let at = Temporal.PlainDate.from({ year, month: 1, day: 1 })
        .toZonedDateTime({ timeZone: zone })
        .subtract({ days: 3 });
      const end = at.add({ days: 372 }).epochMilliseconds;
      const transitions: number[] = [];
      const after: number[] = [];
      const initial = at.offsetNanoseconds / 6e10;
      for (let i = 0; i < 16; i++) {
        const next = at.getTimeZoneTransition("next");
        if (!next || next.epochMilliseconds > end) break;
        transitions.push(next.epochMilliseconds);
        after.push(next.offsetNanoseconds / 6e10);
        at = next;
      }
      info = { transitions, after, initial };
      this.years.set(key, info);
    }
    return info;
  }

  private offsets(zone: string, date: string): DayOffsets {
    const key = `${zone}|${date}`;
    let o = this.days.get(key);
    if (!o) {
      const info = this.year(zone, Number(date.slice(0, 4)));
      const utcMidnight = dayNumber(date) * MS_PER_DAY;
      // The local day lies within 14 hours either side of its UTC day; any offset
      // change in that window makes it a day for Temporal to answer exactly.
      const lo = utcMidnight - 15 * 3_600_000;
      const hi = utcMidnight + MS_PER_DAY + 15 * 3_600_000;
      let offset = info.initial;
      let steady = true;
      for (let i = 0; i < info.transitions.length; i++) {
        const t = info.transitions[i]!;
        if (t >= lo && t <= hi) steady = false;
        if (t <= utcMidnight) offset = info.after[i]!;
      }
      if (steady) {
        o = { start: offset, steady: true };
      } else {
        const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone });
        o = { start: start.offsetNanoseconds / 6e10, steady: false };
      }
      this.days.set(key, o);
    }
    return o;
  }

  /** The zone's offset (minutes) on a date when it is the same all day; null on a change day. */
  steadyOffset(zone: string, date: string): number | null {
    const o = this.offsets(zone, date);
    return o.steady ? o.start : null;
  }

  /** Forgets cached days (for long-running processes); answers stay the same. */
  clear(): void {
    this.days.clear();
    this.years.clear();
  }

  get size(): number {
    return this.days.size;
  }

  /**
   * The instant of a wall-clock time in a zone. A time skipped by a DST change
   * moves forward by the gap (02:30 becomes 03:30); a time that happens twice
   * takes the earlier one. Same rule as Temporal's "compatible".
   */
  resolve(zone: string, date: string, minutes: number): { epochMs: number; iso: string } {
    const o = this.offsets(zone, date);
    if (o.steady) {
      const epochMs = (dayNumber(date) * 1440 + minutes - o.start) * MS_PER_MIN;
      return { epochMs, iso: this.format(date, minutes, o.start, zone) };
    }
    const zdt = Temporal.PlainDate.from(date)
      .toPlainDateTime({ hour: Math.floor(minutes / 60), minute: minutes % 60 })
      .toZonedDateTime(zone, { disambiguation: "compatible" });
    return { epochMs: zdt.epochMilliseconds, iso: zdt.toString() };
  }

  /** The wall-clock date, minutes and ISO string of an instant in a zone. */
  display(zone: string, epochMs: number): { date: string; minutes: number; iso: string } {
    // Guess the date from the offset at the start of the UTC day, then confirm.
    const utcDay = Math.floor(epochMs / MS_PER_DAY);
    for (const day of [utcDay, utcDay - 1, utcDay + 1]) {
      const date = isoFromDayNumber(day);
      const o = this.offsets(zone, date);
      if (!o.steady) break;
      const local = epochMs / MS_PER_MIN + o.start - day * 1440;
      if (local >= 0 && local < 1440 && Number.isInteger(local)) {
        return { date, minutes: local, iso: this.format(date, local, o.start, zone) };
      }
    }
    const zdt = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
    return {
      date: zdt.toPlainDate().toString(),
      minutes: zdt.hour * 60 + zdt.minute,
      iso: zdt.toString(),
    };
  }

  private format(date: string, minutes: number, offset: number, zone: string): string {
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return `${date}T${hh}:${mm}:00${formatOffset(offset)}[${zone}]`;
  }
}

const shared = new ZoneResolver();

/**
 * One resolver for the whole process: offsets of a zone on a day never change,
 * so caching them is safe; the cache is bounded.
 */
export function sharedZoneResolver(): ZoneResolver {
  if (shared.size > 50_000) shared.clear();
  return shared;
}
