import { Recorder, Temporal, withDeviceSettings } from "@trellis/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../i18n/i18n.tsx";
import { calendarEntries } from "./calendar-export.ts";
import { pushSources } from "./push-sources.ts";

/**
 * A yearly remembrance reminder flows through `upcoming` like any other, so
 * the calendar file and pushed reminders both carry it: only once the person
 * chose it, in their words, and never in quiet mode.
 */

const i18n = createI18n(["en"]);
const TOR = "America/Toronto";
const ms = (date: string, time = "18:00") =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: TOR, plainTime: time })
    .epochMilliseconds;
const now = ms("2027-02-10", "12:00");

function alexWithAPage(anniversary?: { on: "date"; words: string }) {
  const r = new Recorder("phone0017", 17);
  r.record(
    "JourneyCreated",
    {
      displayName: "Alex",
      dateOfBirth: "1988-07-04",
      homeZone: TOR,
      createdAt: "2025-10-01T20:00:00-04:00[America/Toronto]",
    },
    ms("2025-10-01"),
  );
  r.record(
    "RemembranceAdded",
    {
      remembranceId: r.newId(ms("2026-03-01")),
      name: "Little bean",
      date: "2026-02-20",
      ...(anniversary && { anniversary }),
    },
    ms("2026-03-01"),
  );
  return r.state;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the yearly remembrance reminder in calendar and push", () => {
  it("is in neither until the person chooses it", () => {
    const state = alexWithAPage();
    expect(pushSources(state, i18n, now, 14).filter((s) => s.kind === "anniversary")).toEqual([]);
    expect(calendarEntries(state, i18n, now).filter((e) => e.uid.startsWith("y-"))).toEqual([]);
  });

  it("once chosen: pushed at 09:00 at home on the day, and in the calendar, in the person's words", () => {
    const state = alexWithAPage({ on: "date", words: "Thinking of Little bean" });
    const nine = ms("2027-02-20", "09:00");
    expect(pushSources(state, i18n, now, 14).filter((s) => s.kind === "anniversary")).toEqual([
      expect.objectContaining({ atMs: nine, named: "Thinking of Little bean" }),
    ]);
    const entry = calendarEntries(state, i18n, now).find((e) => e.uid.startsWith("y-"));
    expect(entry).toMatchObject({ summary: "Thinking of Little bean", kind: "reminder" });
    expect(Temporal.ZonedDateTime.from(entry!.start).epochMilliseconds).toBe(nine);
  });

  it("quiet mode hides it from both", () => {
    const state = withDeviceSettings(
      alexWithAPage({ on: "date", words: "Thinking of Little bean" }),
      { quietMode: true },
    );
    expect(pushSources(state, i18n, now, 14).filter((s) => s.kind === "anniversary")).toEqual([]);
    expect(calendarEntries(state, i18n, now).filter((e) => e.uid.startsWith("y-"))).toEqual([]);
  });
});
