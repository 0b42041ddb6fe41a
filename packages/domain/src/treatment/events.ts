import { z } from "zod";
import { uuidV7Schema } from "../core/ids.ts";
import { optionalName, personText } from "../core/text.ts";
import { isoDateSchema, timeZoneSchema, zonedDateTimeSchema } from "../core/time.ts";
import { refusal } from "../core/zod-problem.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import { doseUnits, forms, purposes, routes } from "../medication/catalogue.ts";
import { cycleTypes } from "../protocols/templates.ts";
import { TIME_OF_DAY } from "../schedule/civil.ts";
import { TRIGGER_TO_PROCEDURE_HOURS } from "./trigger.ts";

/** Amounts of medicine: positive and finite, in a unit. Plausibility per unit is checked with the state. */
export const doseSchema = z.strictObject({
  value: z.number().positive().max(1_000_000),
  unit: z.enum(doseUnits),
});

/** Hours from the trigger to retrieval or insemination, within `TRIGGER_TO_PROCEDURE_HOURS`. */
const triggerHours = z
  .number()
  .min(TRIGGER_TO_PROCEDURE_HOURS.min)
  .max(TRIGGER_TO_PROCEDURE_HOURS.max);

const timeOfDay = z.string().regex(TIME_OF_DAY);

export const timesSchema = z
  .array(timeOfDay)
  .min(1)
  .max(8)
  .refine((t) => new Set(t).size === t.length, refusal("listed-twice"));

export const planEndSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("cycle-day"), day: z.number().int().min(-90).max(200) }),
  z.strictObject({ kind: z.literal("date"), date: isoDateSchema }),
  z.strictObject({ kind: z.literal("until-trigger") }),
  z.strictObject({ kind: z.literal("open") }),
]);

export const planStartSchema = z.union([
  z.strictObject({ cycleDay: z.number().int().min(-90).max(200) }),
  z.strictObject({ date: isoDateSchema }),
]);

/** Where an injection went; the app suggests the one used least recently. */
export const injectionSites = [
  "abdomen-upper-left",
  "abdomen-upper-right",
  "abdomen-lower-left",
  "abdomen-lower-right",
  "thigh-left",
  "thigh-right",
  "buttock-left",
  "buttock-right",
  "arm-left",
  "arm-right",
] as const;
export type InjectionSite = (typeof injectionSites)[number];

export const medicationRefSchema = z.strictObject({
  /** Id in the medication catalogue, when the medicine is one it knows. */
  catalogueId: z.string().max(64).optional(),
  /** The name as the person knows it (brand or generic). */
  name: personText(120),
  route: z.enum(routes),
  form: z.enum(forms).optional(),
  purpose: z.enum(purposes),
});

export const treatmentEvents = {
  // Version 2 added `clinicId`; version 1 payloads (with or without the
  // free-text `clinic`) are still valid and fold as before.
  CycleStarted: defineEvent(
    2,
    "A treatment cycle began (or was planned), from a protocol template or from scratch, perhaps at one of the person's clinics.",
    z.strictObject({
      cycleId: uuidV7Schema,
      cycleType: z.enum(cycleTypes),
      protocolId: z.string().max(64).nullable(),
      protocolName: personText(120),
      dayOne: z.enum(["stim-day", "cycle-day"]),
      /** Day 1 of the cycle: first stimulation injection, or first day of the period. */
      startDate: isoDateSchema,
      /** The zone the plan's times are in (the home zone when the cycle started). */
      zone: timeZoneSchema,
      transferPlan: z.enum(["fresh", "freeze-all"]).optional(),
      /** The clinic's name as free text: what cycles recorded before clinic cards were built. */
      clinic: optionalName.optional(),
      /** The clinic card (`ClinicSaved`) this cycle is at; the form offers the current clinic. */
      clinicId: uuidV7Schema.optional(),
      /** Hours from the trigger shot to retrieval (or insemination): the clinic's instruction. */
      triggerToProcedureHours: triggerHours.optional(),
    }),
  ),
  // Version 2 added `clinicId` (null: the cycle names no clinic card).
  CycleUpdated: defineEvent(
    2,
    "A person corrected a cycle's start, name, clinic or trigger-to-retrieval interval.",
    changePayload(
      z.strictObject({
        cycleId: uuidV7Schema,
        startDate: isoDateSchema.optional(),
        protocolName: personText(120).optional(),
        clinic: optionalName.nullable().optional(),
        clinicId: uuidV7Schema.nullable().optional(),
        transferPlan: z.enum(["fresh", "freeze-all"]).optional(),
        triggerToProcedureHours: triggerHours.optional(),
      }),
    ),
  ),
  CycleEnded: defineEvent(
    1,
    "A cycle finished or was stopped. What it led to is recorded separately.",
    z.strictObject({
      cycleId: uuidV7Schema,
      status: z.enum(["completed", "cancelled"]),
      endedOn: isoDateSchema,
      note: personText(2000).optional(),
    }),
  ),
  CycleStillOpen: defineEvent(
    1,
    "Asked whether a quiet cycle was over, the person said not yet; Trellis asks again some days later.",
    z.strictObject({
      cycleId: uuidV7Schema,
      /** The day they said it (their own calendar day). */
      on: isoDateSchema,
    }),
  ),
  CycleRetracted: defineEvent(
    1,
    "A cycle entered by mistake was removed (it stays in the log).",
    z.strictObject({ cycleId: uuidV7Schema }),
  ),
  MedicationPlanned: defineEvent(
    1,
    "A medicine was added to a cycle's plan: dose, times, from when and until when.",
    z.strictObject({
      cycleId: uuidV7Schema,
      planItemId: uuidV7Schema,
      medication: medicationRefSchema,
      dose: doseSchema,
      times: timesSchema,
      start: planStartSchema,
      end: planEndSchema,
      everyDays: z.number().int().min(1).max(14).optional(),
      /** Taken at an exact instant that must not move when travelling (trigger, timed progesterone). */
      timeCritical: z.boolean(),
      note: personText(500).optional(),
    }),
  ),
  MedicationPlanAdjusted: defineEvent(
    1,
    "The clinic changed a medicine from a day onward: dose, times or when it stops. Earlier days keep what they had.",
    z
      .strictObject({
        planItemId: uuidV7Schema,
        from: isoDateSchema,
        dose: doseSchema.optional(),
        times: timesSchema.optional(),
        end: planEndSchema.optional(),
        note: personText(500).optional(),
      })
      .refine(
        (p) => p.dose !== undefined || p.times !== undefined || p.end !== undefined,
        refusal("nothing-to-change"),
      ),
  ),
  MedicationPlanRetracted: defineEvent(
    1,
    "A medicine added by mistake was removed from the plan.",
    z.strictObject({ planItemId: uuidV7Schema }),
  ),
  DoseLogged: defineEvent(
    1,
    "A dose was taken (fully or in part) or skipped, at a time, with the amount and injection site.",
    z
      .strictObject({
        doseId: uuidV7Schema,
        planItemId: uuidV7Schema,
        /** Which planned dose this was: its planned date and time. */
        slot: z.strictObject({ date: isoDateSchema, time: timeOfDay }),
        takenAt: zonedDateTimeSchema,
        status: z.enum(["taken", "partial", "skipped"]),
        amount: doseSchema.optional(),
        site: z.enum(injectionSites).optional(),
        note: personText(500).optional(),
      })
      .refine((p) => (p.status === "skipped" ? p.amount === undefined : p.amount !== undefined), {
        ...refusal("amount-only-if-taken"),
        path: ["amount"],
      }),
  ),
  DoseLogRetracted: defineEvent(
    1,
    "A dose log was undone (logged by mistake).",
    z.strictObject({ doseId: uuidV7Schema }),
  ),
};
