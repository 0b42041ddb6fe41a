/**
 * Calendar files (`buildCalendar`): one VEVENT per entry, each in its own
 * zone with a VTIMEZONE made from the same zone data, and display alarms.
 * Given neutral words, every event says only the word for its kind
 * ("Reminder", "Appointment"): no description, no location.
 */
import { Temporal } from "@trellis/domain";
import ical, { ICalAlarmType } from "ical-generator";

/** One thing to put in a calendar: a dose, an appointment, a retrieval. Words come from the app. */
export interface CalendarEntry {
  /** Stable across exports, so re-importing updates rather than duplicates. */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string | undefined;
  /** The exact time with offset and zone, e.g. `2026-03-14T21:00:00-04:00[America/New_York]`. */
  readonly start: string;
  readonly durationMinutes: number;
  /** Alarms, in minutes before the start (0 = at the start). */
  readonly alarmsMinutesBefore: readonly number[];
  readonly location?: string | undefined;
  /** What it is, in the fewest words: a reminder (a dose, a fee) or an appointment (a visit, a procedure). */
  readonly kind: "reminder" | "appointment";
  /** Doses: entries at the same minute become one event (`mergeSameMinute`). */
  readonly mergeable?: boolean | undefined;
}

/**
 * Mergeable entries (doses) starting at the same minute, as one entry: one
 * event at 9 PM for the two evening injections, not two identical ones. Its
 * words come from `words` (the app's, naming every part); its alarms are all
 * of the parts' alarms, its length the longest; its UID names the minute
 * (`m-<epoch minutes>@trellis`), never a word. Others pass through as they
 * are, in their order; the merged entry takes the place of its first part.
 */
export function mergeSameMinute(
  entries: readonly CalendarEntry[],
  words: (parts: readonly CalendarEntry[]) => { summary: string; description?: string | undefined },
): CalendarEntry[] {
  const minuteOf = (e: CalendarEntry) =>
    Math.floor(Temporal.ZonedDateTime.from(e.start).epochMilliseconds / 60_000);
  const groups = new Map<number, CalendarEntry[]>();
  for (const e of entries) {
    if (!e.mergeable) continue;
    const m = minuteOf(e);
    const group = groups.get(m);
    if (group) group.push(e);
    else groups.set(m, [e]);
  }
  const out: CalendarEntry[] = [];
  for (const e of entries) {
    if (!e.mergeable) {
      out.push(e);
      continue;
    }
    const m = minuteOf(e);
    const parts = groups.get(m)!;
    if (parts.length === 1) out.push(e);
    else if (parts[0] === e) {
      const text = words(parts);
      out.push({
        uid: `m-${m}@trellis`,
        kind: "reminder",
        summary: text.summary,
        description: text.description,
        start: e.start,
        durationMinutes: Math.max(...parts.map((p) => p.durationMinutes)),
        alarmsMinutesBefore: [...new Set(parts.flatMap((p) => p.alarmsMinutesBefore))].sort(
          (a, b) => b - a,
        ),
        mergeable: true,
      });
    }
  }
  return out;
}

/** The only words a calendar says when names are off: one per kind of entry. */
export interface NeutralWords {
  readonly reminder: string;
  readonly appointment: string;
}

/** What one event says. With neutral words: the word for its kind and nothing else. */
export function eventText(
  entry: CalendarEntry,
  neutral?: NeutralWords,
): { summary: string; description?: string | undefined; location?: string | undefined } {
  if (neutral) return { summary: neutral[entry.kind] };
  return { summary: entry.summary, description: entry.description, location: entry.location };
}

/**
 * An RFC 5545 calendar (.ics) with each entry in its own time zone, the
 * VTIMEZONE definitions those zones need (from the same zone data the app
 * uses), and display alarms (VALARM). With `neutral`, each event (and its
 * alarms) says only the neutral word for its kind: no DESCRIPTION, no LOCATION.
 */
export function buildCalendar(options: {
  name: string;
  entries: readonly CalendarEntry[];
  neutral?: NeutralWords | undefined;
}): string {
  const starts = options.entries.map((e) => Temporal.ZonedDateTime.from(e.start));
  const fromMs = Math.min(...starts.map((s) => s.epochMilliseconds));
  const toMs = Math.max(...starts.map((s) => s.epochMilliseconds));
  const calendar = ical({
    name: options.name,
    prodId: { company: "Trellis", product: "Trellis", language: "EN" },
    timezone: {
      name: null,
      generator: (zone) => (options.entries.length ? vtimezone(zone, fromMs, toMs) : null),
    },
  });
  options.entries.forEach((entry, i) => {
    const start = starts[i]!;
    const text = eventText(entry, options.neutral);
    calendar.createEvent({
      id: entry.uid,
      start,
      end: start.add({ minutes: entry.durationMinutes }),
      timezone: start.timeZoneId,
      summary: text.summary,
      description: text.description ?? null,
      location: text.location ?? null,
      stamp: start,
      alarms: entry.alarmsMinutesBefore.map((m) => ({
        type: ICalAlarmType.display,
        triggerBefore: m * 60,
        description: text.summary,
      })),
    });
  });
  return calendar.toString();
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");

function offsetText(ns: number): string {
  const minutes = Math.round(ns / 6e10);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function localStamp(z: Temporal.ZonedDateTime): string {
  return `${pad(z.year, 4)}${pad(z.month)}${pad(z.day)}T${pad(z.hour)}${pad(z.minute)}${pad(z.second)}`;
}

/**
 * A VTIMEZONE for `zone` covering the given instants (with a year either
 * side): one observance per actual offset change, each with its explicit
 * onset, so calendar apps need no rules of their own.
 */
export function vtimezone(zone: string, fromMs: number, toMs: number): string {
  const year = 366 * 86_400_000;
  let at = Temporal.Instant.fromEpochMilliseconds(fromMs - year).toZonedDateTimeISO(zone);
  const end = toMs + year;
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const observance = (
    kind: "STANDARD" | "DAYLIGHT",
    onset: Temporal.ZonedDateTime,
    from: number,
    to: number,
  ) => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(onset)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  };
  observance("STANDARD", at, at.offsetNanoseconds, at.offsetNanoseconds);
  for (let i = 0; i < 64; i++) {
    const next = at.getTimeZoneTransition("next");
    if (!next || next.epochMilliseconds > end) break;
    const before = next.subtract({ nanoseconds: 1 });
    // DTSTART is the onset written in the local time that was in effect before it.
    const wallBefore = Temporal.Instant.fromEpochNanoseconds(next.epochNanoseconds)
      .toZonedDateTimeISO("UTC")
      .add({ nanoseconds: before.offsetNanoseconds });
    observance(
      next.offsetNanoseconds > before.offsetNanoseconds ? "DAYLIGHT" : "STANDARD",
      wallBefore,
      before.offsetNanoseconds,
      next.offsetNanoseconds,
    );
    at = next;
  }
  lines.push("END:VTIMEZONE");
  return `${lines.join("\r\n")}\r\n`;
}
