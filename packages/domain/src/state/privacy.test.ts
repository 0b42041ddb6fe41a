import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Temporal } from "../core/time.ts";
import type { TrellisEvent } from "../events/envelope.ts";
import { firstDeviceSettings, withDeviceSettings } from "../preferences/device.ts";
import { Recorder } from "../testing/recorder.ts";
import { keptOnDevice } from "./privacy.ts";
import type { JourneyState } from "./state.ts";

const at = "2026-03-09T21:05:00-04:00[America/New_York]";
const ms = Temporal.ZonedDateTime.from(at).epochMilliseconds;

/** Records one event and says whether it stays on the device, judged on the state before it. */
function keep(r: Recorder, ...args: Parameters<Recorder["record"]>): boolean {
  const before = r.snapshot();
  const event = r.record(...args) as TrellisEvent;
  return keptOnDevice(before, event);
}

describe("what stays on the device it was written on", () => {
  const r = new Recorder("phone0001", 7);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1988-06-01", homeZone: "America/New_York", createdAt: at },
    ms,
  );

  it("a private note and everything done to it later stay here; a shared note goes", () => {
    const privateId = r.newId(ms);
    const sharedId = r.newId(ms);
    expect(
      keep(
        r,
        "JournalNoteAdded",
        { noteId: privateId, text: "Only for me.", writtenAt: at, private: true },
        ms,
      ),
    ).toBe(true);
    expect(
      keep(r, "JournalNoteAdded", { noteId: sharedId, text: "For us both.", writtenAt: at }, ms),
    ).toBe(false);
    expect(keep(r, "JournalNoteCorrected", { noteId: privateId, text: "Still mine." }, ms)).toBe(
      true,
    );
    expect(keep(r, "JournalNoteRetracted", { noteId: privateId }, ms)).toBe(true);
    expect(keep(r, "JournalNoteRestored", { noteId: privateId }, ms)).toBe(true);
    expect(keep(r, "JournalNoteCorrected", { noteId: sharedId, text: "Ours." }, ms)).toBe(false);
    expect(r.state.notes.get(privateId)?.private).toBe(true);
    expect(r.state.notes.get(sharedId)?.private).toBe(false);
  });

  it("a private remembrance, changed and taken away, stays here; a shared one goes", () => {
    const mine = r.newId(ms);
    const ours = r.newId(ms);
    expect(
      keep(r, "RemembranceAdded", { remembranceId: mine, name: "Little one", private: true }, ms),
    ).toBe(true);
    expect(
      keep(r, "RemembranceAdded", { remembranceId: ours, date: "2026-02-01", private: false }, ms),
    ).toBe(false);
    expect(keep(r, "RemembranceChanged", { remembranceId: mine, note: "Spring." }, ms)).toBe(true);
    expect(keep(r, "RemembranceRemoved", { remembranceId: mine }, ms)).toBe(true);
    expect(keep(r, "RemembranceRemoved", { remembranceId: ours }, ms)).toBe(false);
  });

  it("everything else is shared", () => {
    expect(keep(r, "PreferencesUpdated", { quietMode: true }, ms)).toBe(false);
  });
});

describe("settings that belong to one device", () => {
  const r = new Recorder("phone0002", 3);
  r.record(
    "JourneyCreated",
    { dateOfBirth: "1988-06-01", homeZone: "America/New_York", createdAt: at },
    ms,
  );
  r.record("PreferencesUpdated", { quietMode: true, weightUnit: "lb" }, ms);

  it("start from what the shared record said, so nothing changes on upgrade", () => {
    expect(firstDeviceSettings(r.state)).toEqual({
      quietMode: true,
      notificationsShowNames: false,
    });
  });

  it("stand over the shared preferences; a later shared change does not move them", () => {
    const device = { quietMode: true, notificationsShowNames: false };
    // A partner turns quiet mode off and medicine names on in the shared record.
    r.record("PreferencesUpdated", { quietMode: false, notificationsShowNames: true }, ms + 1000);
    const shown = withDeviceSettings(r.state, device);
    expect(shown.preferences.quietMode).toBe(true);
    expect(shown.preferences.notificationsShowNames).toBe(false);
    expect(shown.preferences.weightUnit).toBe("lb");
    expect(withDeviceSettings(r.state, { weightUnit: "kg" }).preferences.weightUnit).toBe("kg");
  });

  it("leave the state as it is (the same object) when nothing differs", () => {
    const state: JourneyState = r.state;
    fc.assert(
      fc.property(fc.boolean(), (same) => {
        const settings = same ? { quietMode: state.preferences.quietMode } : {};
        expect(withDeviceSettings(state, settings)).toBe(state);
      }),
    );
  });
});
