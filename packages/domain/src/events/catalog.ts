import type { z } from "zod";
import { clinicsEvents } from "../clinics/events.ts";
import { costsEvents } from "../costs/events.ts";
import { embryologyEvents } from "../embryology/events.ts";
import { inventoryEvents } from "../inventory/events.ts";
import { journalEvents } from "../journal/events.ts";
import { journeyEvents } from "../journey/events.ts";
import { monitoringEvents } from "../monitoring/events.ts";
import { preferencesEvents } from "../preferences/events.ts";
import { pregnancyEvents } from "../pregnancy/events.ts";
import { treatmentEvents } from "../treatment/events.ts";
import { wellbeingEvents } from "../wellbeing/events.ts";

/** Every kind of event Trellis knows. Add a module's events here. */
export const eventCatalog = {
  ...journeyEvents,
  ...journalEvents,
  ...treatmentEvents,
  ...inventoryEvents,
  ...monitoringEvents,
  ...wellbeingEvents,
  ...preferencesEvents,
  ...embryologyEvents,
  ...pregnancyEvents,
  ...clinicsEvents,
  ...costsEvents,
} as const;

export type EventType = keyof typeof eventCatalog;

export type PayloadOf<K extends EventType> = z.output<(typeof eventCatalog)[K]["payload"]>;

/** What the recording side writes: payload before defaults and trimming. */
export type PayloadInput<K extends EventType> = z.input<(typeof eventCatalog)[K]["payload"]>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
