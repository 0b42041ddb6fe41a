import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarEntry, mergeSameMinute } from "./calendar.ts";

/** Maya's evening in New York: two injections at 9 PM, a trigger the next night, an appointment at 9 PM too. */
const evening: CalendarEntry[] = [
  {
    uid: "follitropin/2015-04-02/21:00@trellis",
    summary: "Follitropin alfa 225 IU",
    start: "2015-04-02T21:00:00-04:00[America/New_York]",
    durationMinutes: 10,
    alarmsMinutesBefore: [15, 0],
    kind: "reminder",
    mergeable: true,
  },
  {
    uid: "menotropins/2015-04-02/21:00@trellis",
    summary: "Menotropins (hMG) 75 IU",
    start: "2015-04-02T21:00:00-04:00[America/New_York]",
    durationMinutes: 10,
    alarmsMinutesBefore: [15, 0],
    kind: "reminder",
    mergeable: true,
  },
  {
    uid: "appointment@trellis",
    summary: "Clinic appointment",
    start: "2015-04-02T21:00:00-04:00[America/New_York]",
    durationMinutes: 45,
    alarmsMinutesBefore: [120],
    kind: "appointment",
  },
  {
    uid: "trigger/2015-04-03/21:30@trellis",
    summary: "Trigger shot at the exact time: Choriogonadotropin alfa",
    start: "2015-04-03T21:30:00-04:00[America/New_York]",
    durationMinutes: 10,
    alarmsMinutesBefore: [60, 15, 0],
    kind: "reminder",
    mergeable: true,
  },
  {
    // The same minute in another zone's words: still the same minute.
    uid: "patch/2015-04-03/18:30@trellis",
    summary: "Estradiol patch",
    start: "2015-04-04T02:30:00+01:00[Europe/London]",
    durationMinutes: 5,
    alarmsMinutesBefore: [0],
    kind: "reminder",
    mergeable: true,
  },
];

const words = (parts: readonly CalendarEntry[]) => ({
  summary: `${parts.length} medicines: ${parts.map((p) => p.summary).join(", ")}`,
});

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe("doses at the same minute become one calendar event", () => {
  const merged = mergeSameMinute(evening, words);

  it("the two 9 PM injections are one event naming both; the appointment at 9 PM stays its own", () => {
    expect(merged.map((e) => e.summary)).toEqual([
      "2 medicines: Follitropin alfa 225 IU, Menotropins (hMG) 75 IU",
      "Clinic appointment",
      "2 medicines: Trigger shot at the exact time: Choriogonadotropin alfa, Estradiol patch",
    ]);
    expect(merged[0]).toMatchObject({
      start: "2015-04-02T21:00:00-04:00[America/New_York]",
      durationMinutes: 10,
      alarmsMinutesBefore: [15, 0],
    });
  });

  it("a merged event keeps every part's alarms and the longest length, and its UID names only the minute", () => {
    const both = merged[2]!;
    expect(both.alarmsMinutesBefore).toEqual([60, 15, 0]);
    expect(both.durationMinutes).toBe(10);
    expect(both.uid).toBe(`m-${Date.parse("2015-04-04T01:30:00Z") / 60_000}@trellis`);
    expect(merged.map((e) => e.uid)).not.toContain(evening[0]!.uid);
  });

  it("a dose alone at its minute passes through unchanged", () => {
    expect(mergeSameMinute([evening[0]!, evening[2]!], words)).toEqual([evening[0], evening[2]]);
  });

  it("the file holds one 9 PM reminder: names on it lists both medicines, names off it says only Reminder", () => {
    const named = events(buildCalendar({ name: "Trellis", entries: merged }));
    const nine = named.filter((e) => e.startDate.toString() === "2015-04-02T21:00:00");
    expect(nine.map((e) => e.summary)).toEqual([
      "2 medicines: Follitropin alfa 225 IU, Menotropins (hMG) 75 IU",
      "Clinic appointment",
    ]);
    const neutral = events(
      buildCalendar({
        name: "Trellis",
        entries: merged,
        neutral: { reminder: "Reminder", appointment: "Appointment" },
      }),
    );
    expect(neutral.map((e) => e.summary)).toEqual(["Reminder", "Appointment", "Reminder"]);
    for (const e of neutral) expect(e.description).toBeNull();
  });
});
