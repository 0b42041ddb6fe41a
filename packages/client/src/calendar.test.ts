import { Temporal } from "@trellis/domain";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar } from "./calendar.ts";

const entries = [
  {
    uid: "dose-1@trellis",
    summary: "Evening medicine",
    start: "2025-11-01T21:00:00-04:00[America/Toronto]",
    durationMinutes: 15,
    alarmsMinutesBefore: [15, 0],
  },
  {
    uid: "dose-2@trellis",
    summary: "Evening medicine",
    start: "2025-11-02T21:00:00-05:00[America/Toronto]",
    durationMinutes: 15,
    alarmsMinutesBefore: [15, 0],
  },
  {
    uid: "trigger@trellis",
    summary: "Trigger shot, exactly at this time",
    start: "2025-11-02T23:45:00-05:00[America/Toronto]",
    durationMinutes: 5,
    alarmsMinutesBefore: [60, 15, 0],
  },
  {
    uid: "retrieval@trellis",
    summary: "Egg retrieval",
    description: "36 hours after the trigger",
    start: "2025-11-04T11:45:00-05:00[America/Toronto]",
    durationMinutes: 60,
    alarmsMinutesBefore: [24 * 60, 120],
    location: "Clinic",
  },
  {
    uid: "sydney@trellis",
    summary: "Evening medicine",
    start: "2022-04-03T21:00:00+10:00[Australia/Sydney]",
    durationMinutes: 15,
    alarmsMinutesBefore: [0],
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
