import { mayaJourney, Temporal } from "@trellis/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createI18n } from "../i18n/i18n.tsx";
import { calendarEntries } from "./calendar-export.ts";
import { pushSources } from "./push-sources.ts";

/**
 * A cost still due with a reminder flows through `upcoming` like a storage
 * fee: the calendar file and the pushed reminders both carry it, on the due
 * day at 09:00 at home, reminded its own number of days before; once paid,
 * or without a reminder, it is gone from both.
 */

const i18n = createI18n(["en"]);
const SYD = "Australia/Sydney";
const at = (date: string, time: string) =>
  Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: SYD, plainTime: time });
const now = at("2024-01-25", "12:00").epochMilliseconds;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("costs due in the reminders", () => {
  it("Maya's parentage order (due 2024-02-15, remind 14 days before) is pushed and in the calendar", () => {
    const maya = mayaJourney();
    const id = maya.costs.parentage!;
    const pushed = pushSources(maya.state, i18n, now, 60).filter((s) => s.key.startsWith("c-"));
    expect(pushed).toEqual([
      {
        kind: "fee",
        key: `c-${id}-2024-02-15`,
        atMs: at("2024-02-01", "09:00").epochMilliseconds,
        named: "Payment due: Parentage order: court and lawyer's fees",
      },
    ]);
    const entry = calendarEntries(maya.state, i18n, now).find((e) => e.uid.startsWith("c-"));
    expect(entry).toMatchObject({
      uid: `c-${id}-2024-02-15@trellis`,
      summary: "Payment due: Parentage order: court and lawyer's fees",
      start: at("2024-02-15", "09:00").toString(),
      alarmsMinutesBefore: [14 * 24 * 60],
    });
  });

  it("a reminder set to the day itself comes at 09:00 on the due day, not the day before", () => {
    const maya = mayaJourney();
    const id = maya.costs.parentage!;
    maya.recorder.record("CostChanged", { costId: id, remindDaysBefore: 0 }, now);
    const pushed = pushSources(maya.recorder.state, i18n, now, 60).find((s) =>
      s.key.startsWith("c-"),
    );
    expect(pushed?.atMs).toBe(at("2024-02-15", "09:00").epochMilliseconds);
    const entry = calendarEntries(maya.recorder.state, i18n, now).find((e) =>
      e.uid.startsWith("c-"),
    );
    expect(entry?.alarmsMinutesBefore).toEqual([0]);
  });

  it("once paid, the reminder is gone", () => {
    const maya = mayaJourney();
    maya.recorder.record("CostPaid", { costId: maya.costs.parentage!, paidOn: "2024-01-25" }, now);
    expect(
      pushSources(maya.recorder.state, i18n, now, 60).some((s) => s.key.startsWith("c-")),
    ).toBe(false);
    expect(
      calendarEntries(maya.recorder.state, i18n, now).some((e) => e.uid.startsWith("c-")),
    ).toBe(false);
  });
});
