/**
 * Settings that belong to one device and the person holding it, never to the
 * shared record: how notifications word things and whether quiet mode is on
 * (a partner must not switch on medicine names or switch off quiet mode on
 * someone else's phone), the name the reader is greeted by, and, if the
 * person wishes, units for this device alone. Kept beside the log on the
 * device, never synced; applied over the shared preferences.
 */
import { z } from "zod";
import { err, ok, type Problem, type Result } from "../core/result.ts";
import { personText } from "../core/text.ts";
import { problemFromZod } from "../core/zod-problem.ts";
import type { JourneyState } from "../state/state.ts";
import { type Preferences, preferenceFields } from "./events.ts";

export const deviceSettingsSchema = z.strictObject({
  /** Medicine names in notifications and the calendar on this device. */
  notificationsShowNames: preferenceFields.notificationsShowNames.optional(),
  /** Quiet mode on this device. */
  quietMode: preferenceFields.quietMode.optional(),
  /** Units for this device only (absent: the shared ones). */
  weightUnit: preferenceFields.weightUnit.optional(),
  e2Unit: preferenceFields.e2Unit.optional(),
  p4Unit: preferenceFields.p4Unit.optional(),
  amhUnit: preferenceFields.amhUnit.optional(),
  /** The name this device's reader is greeted by (absent: from their role). */
  readerName: personText(80).optional(),
  /**
   * The recorded losses whose circle offer (the words to send, after a loss)
   * was answered on this device, sent or declined: their outcomes' random
   * ids, so the offer comes once. Kept with the record's device settings, so
   * sealed when the app lock is on and erased with the device.
   */
  circleOffersAnswered: z.array(z.string().min(1).max(64)).max(500).optional(),
});

export type DeviceSettings = z.output<typeof deviceSettingsSchema>;

/** The preferences that are always this device's own, never taken from the shared record. */
export const DEVICE_ONLY_PREFERENCES = ["notificationsShowNames", "quietMode"] as const;

/** Preference keys a device setting may stand in for. */
const overridable = [
  ...DEVICE_ONLY_PREFERENCES,
  "weightUnit",
  "e2Unit",
  "p4Unit",
  "amhUnit",
] as const satisfies readonly (keyof Preferences)[];

/**
 * The record as this device shows it: the shared preferences with this
 * device's own settings over them. Returns `state` itself when nothing differs.
 */
export function withDeviceSettings(state: JourneyState, device: DeviceSettings): JourneyState {
  const over: Partial<Record<keyof Preferences, unknown>> = {};
  for (const key of overridable) {
    const value = device[key];
    if (value !== undefined && value !== state.preferences[key]) over[key] = value;
  }
  if (Object.keys(over).length === 0) return state;
  return { ...state, preferences: { ...state.preferences, ...over } as Preferences };
}

/**
 * This device's settings when it first keeps its own: the device-only
 * preferences as the shared record had them (what the person chose before
 * they became per-device), so nothing changes for them on upgrade.
 */
export function firstDeviceSettings(state: JourneyState): DeviceSettings {
  return {
    notificationsShowNames: state.preferences.notificationsShowNames,
    quietMode: state.preferences.quietMode,
  };
}

/**
 * This device's settings after `change`: given keys set, `null` ones taken
 * away (back to the shared preference or the reader's role). Bad input
 * changes nothing and names the field.
 */
export function changeDeviceSettings(
  current: DeviceSettings,
  change: { readonly [K in keyof DeviceSettings]?: DeviceSettings[K] | null },
): Result<DeviceSettings, Problem> {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  const parsed = deviceSettingsSchema.safeParse(next);
  return parsed.success
    ? ok(parsed.data)
    : err(problemFromZod(parsed.error.issues, { input: next }));
}

/** Settings read back from storage: what is valid in them (anything else is left out). */
export function storedDeviceSettings(raw: unknown): DeviceSettings | null {
  if (typeof raw !== "object" || raw === null) return null;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = deviceSettingsSchema.shape[key as keyof DeviceSettings];
    if (field?.safeParse(value).success) kept[key] = value;
  }
  return kept as DeviceSettings;
}
