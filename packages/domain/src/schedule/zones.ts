import { Temporal } from "temporal-polyfill";
import { addDays, dayNumber, formatOffset, isoFromDayNumber } from "./civil.ts";

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

  private offsets(zone: string, date: string): DayOffsets {
    const key = `${zone}|${date}`;
    let o = this.days.get(key);
    if (!o) {
      const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone });
      const next = Temporal.PlainDate.from(addDays(date, 1)).toZonedDateTime({ timeZone: zone });
      const before = start.subtract({ nanoseconds: 1 });
      const steady =
        start.hour === 0 &&
        start.minute === 0 &&
        start.offsetNanoseconds === next.offsetNanoseconds &&
        start.offsetNanoseconds === before.offsetNanoseconds;
      o = { start: start.offsetNanoseconds / 6e10, steady };
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
