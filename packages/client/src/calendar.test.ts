import { Temporal } from "@trellis/domain";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarEntry } from "./calendar.ts";

const entries: CalendarEntry[] = [
  {
    uid: "dose-1@trellis",
    summary: "Evening medicine",
    start: "2025-11-01T21:00:00-04:00[America/Toronto]",
    durationMinutes: 15,
    alarmsMinutesBefore: [15, 0],
    kind: "reminder",
  },
  {
    uid: "dose-2@trellis",
    summary: "Evening medicine",
    start: "2025-11-02T21:00:00-05:00[America/Toronto]",
    durationMinutes: 15,
    alarmsMinutesBefore: [15, 0],
    kind: "reminder",
  },
  {
    uid: "trigger@trellis",
    summary: "Trigger shot, exactly at this time",
    start: "2025-11-02T23:45:00-05:00[America/Toronto]",
    durationMinutes: 5,
    alarmsMinutesBefore: [60, 15, 0],
    kind: "reminder",
  },
  {
    uid: "retrieval@trellis",
    summary: "Egg retrieval",
    description: "36 hours after the trigger",
    start: "2025-11-04T11:45:00-05:00[America/Toronto]",
    durationMinutes: 60,
    alarmsMinutesBefore: [24 * 60, 120],
    location: "Clinic",
    kind: "appointment",
  },
  {
    uid: "sydney@trellis",
    summary: "Evening medicine",
    start: "2022-04-03T21:00:00+10:00[Australia/Sydney]",
    durationMinutes: 15,
    alarmsMinutesBefore: [0],
    kind: "reminder",
  },
];

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  }
  return root;
}

describe("calendar export", () => {
  const text = buildCalendar({ name: "Trellis", entries });
  const root = parse(text);
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

  it("is a VCALENDAR with one VEVENT per entry, stable UIDs, and lines folded with CRLF", () => {
    expect(root.name).toBe("vcalendar");
    expect(root.getFirstPropertyValue("version")).toBe("2.0");
    expect(events.map((e) => e.uid)).toEqual(entries.map((e) => e.uid));
    expect(text.includes("\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(line.length).toBeLessThanOrEqual(75);
  });

  it("places every event at the same instant the app shows, across the DST change", () => {
    for (const [i, e] of events.entries()) {
      const expected = Temporal.ZonedDateTime.from(entries[i]!.start).epochMilliseconds;
      expect(e.startDate.toJSDate().getTime(), entries[i]!.uid).toBe(expected);
      expect(e.startDate.zone?.tzid).toBe(
        Temporal.ZonedDateTime.from(entries[i]!.start).timeZoneId,
      );
    }
  });

  it("defines each zone used with a VTIMEZONE", () => {
    const zones = root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones.sort()).toEqual(["America/Toronto", "Australia/Sydney"]);
  });

  it("adds display alarms before each entry", () => {
    const alarms = root.getAllSubcomponents("vevent")[2]!.getAllSubcomponents("valarm");
    expect(alarms.map((a) => a.getFirstPropertyValue("action"))).toEqual([
      "DISPLAY",
      "DISPLAY",
      "DISPLAY",
    ]);
    expect(alarms.map((a) => String(a.getFirstPropertyValue("trigger")))).toEqual([
      "-PT1H",
      "-PT15M",
      "PT0S",
    ]);
  });
});

describe("calendar words, names off and on", () => {
  const named: CalendarEntry[] = [
    {
      uid: "e1@trellis",
      summary: "Follitropin alfa 150 IU",
      start: "2026-03-10T20:00:00-04:00[America/New_York]",
      durationMinutes: 10,
      alarmsMinutesBefore: [15, 0],
      kind: "reminder",
    },
    {
      uid: "e2@trellis",
      summary: "Trigger shot at the exact time: Choriogonadotropin alfa",
      start: "2026-03-12T21:30:00-04:00[America/New_York]",
      durationMinutes: 10,
      alarmsMinutesBefore: [60, 0],
      kind: "reminder",
    },
    {
      uid: "e3@trellis",
      summary: "Scan and blood test",
      description: "Fertility clinic, bring the medicines",
      start: "2026-03-11T08:00:00-04:00[America/New_York]",
      durationMinutes: 45,
      alarmsMinutesBefore: [120],
      location: "Hope Fertility Centre, 12 Elm Street",
      kind: "appointment",
    },
    {
      uid: "e4@trellis",
      summary: "Retrieval",
      description: "36 hours after the planned trigger time",
      start: "2026-03-14T09:30:00-04:00[America/New_York]",
      durationMinutes: 60,
      alarmsMinutesBefore: [24 * 60],
      kind: "appointment",
    },
    {
      uid: "e5@trellis",
      summary: "Insemination",
      start: "2026-04-14T09:30:00-04:00[America/New_York]",
      durationMinutes: 60,
      alarmsMinutesBefore: [180],
      kind: "appointment",
    },
    {
      uid: "e6@trellis",
      summary: "Transfer",
      start: "2026-04-20T09:30:00-04:00[America/New_York]",
      durationMinutes: 60,
      alarmsMinutesBefore: [180],
      kind: "appointment",
    },
  ];
  const forbidden = [
    "Follitropin",
    "Choriogonadotropin",
    "150 IU",
    "Trigger",
    "Scan",
    "Blood test",
    "Retrieval",
    "Insemination",
    "Transfer",
    "fertility",
    "Hope",
    "Elm Street",
    "medicine",
    "trigger time",
  ];
  const neutral = { reminder: "Reminder", appointment: "Appointment" };

  it("names off: every event and alarm says only Reminder or Appointment, with no LOCATION or DESCRIPTION of its own", () => {
    const text = buildCalendar({ name: "Trellis", entries: named, neutral });
    // Every value the file holds (property names such as TRIGGER are the format's, not words).
    const values = text
      .replace(/\r\n[ \t]/g, "")
      .split("\r\n")
      .map((line) => line.slice(line.indexOf(":") + 1))
      .join("\n")
      .toLowerCase();
    for (const word of forbidden) expect(values).not.toContain(word.toLowerCase());
    expect(text).not.toMatch(/^LOCATION/m);
    const events = parse(text)
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      "Reminder",
      "Reminder",
      "Appointment",
      "Appointment",
      "Appointment",
      "Appointment",
    ]);
    for (const e of events) {
      expect(e.description).toBeNull();
      for (const alarm of e.component.getAllSubcomponents("valarm"))
        expect(alarm.getFirstPropertyValue("description")).toBe(e.summary);
    }
    // The times and alarms are kept: only the words change.
    expect(events.map((e) => e.uid)).toEqual(named.map((e) => e.uid));
  });

  it("names on: the names, the description and the location are all there", () => {
    const text = buildCalendar({ name: "Trellis", entries: named });
    const events = parse(text)
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(named.map((e) => e.summary));
    expect(events[2]!.location).toBe("Hope Fertility Centre, 12 Elm Street");
    expect(events[2]!.description).toBe("Fertility clinic, bring the medicines");
    expect(text).toMatch(/^LOCATION:Hope Fertility Centre/m);
  });
});
