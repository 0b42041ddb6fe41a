import { z } from "zod";
import { changePayload, defineEvent } from "../events/define.ts";

export const preferenceFields = {
  weightUnit: z.enum(["kg", "lb"]),
  e2Unit: z.enum(["pg/mL", "pmol/L"]),
  p4Unit: z.enum(["ng/mL", "nmol/L"]),
  amhUnit: z.enum(["ng/mL", "pmol/L"]),
  /** Warn this many days before a medicine runs out. */
  inventoryWarningDays: z.number().int().min(0).max(30),
  /** Remind this many minutes before a dose. */
  reminderLeadMinutes: z.number().int().min(0).max(240),
  /** Show medicine names in notifications (off: "Time for your evening medicine"). */
  notificationsShowNames: z.boolean(),
  /** Hides odds, pregnancy milestones and anniversaries until turned off. */
  quietMode: z.boolean(),
};

export const preferencesEvents = {
  PreferencesUpdated: defineEvent(
    1,
    "The person changed how Trellis shows units, reminds, and what it keeps quiet about.",
    changePayload(
      z.strictObject(
        Object.fromEntries(Object.entries(preferenceFields).map(([k, v]) => [k, v.optional()])) as {
          [K in keyof typeof preferenceFields]: z.ZodOptional<(typeof preferenceFields)[K]>;
        },
      ),
      0,
    ),
  ),
};

export type Preferences = {
  readonly [K in keyof typeof preferenceFields]: z.output<(typeof preferenceFields)[K]>;
};

export const defaultPreferences: Preferences = {
  weightUnit: "kg",
  e2Unit: "pg/mL",
  p4Unit: "ng/mL",
  amhUnit: "ng/mL",
  inventoryWarningDays: 3,
  reminderLeadMinutes: 15,
  notificationsShowNames: false,
  quietMode: false,
};
