import { z } from "zod";
import { optionalName } from "../core/text.ts";
import { isoDateSchema, timeZoneSchema, zonedDateTimeSchema } from "../core/time.ts";
import { changePayload, defineEvent } from "../events/define.ts";
import { countryCodeSchema } from "./country.ts";

const journeyFields = {
  /** What the app calls the person. Optional: many prefer no name on screen. */
  displayName: optionalName.optional(),
  /** Age at egg retrieval drives most clinical numbers, so the date of birth is needed. */
  dateOfBirth: isoDateSchema,
  /** The zone doses are planned in; travel is handled per dose. */
  homeZone: timeZoneSchema,
  /** The person going through this beside them, if any. */
  partnerName: optionalName.optional(),
  /**
   * Where the person lives (ISO 3166-1 alpha-2), for the emergency number and
   * crisis lines. Optional: without it the home zone's country is used.
   * Added in schema version 2; version 1 payloads have none.
   */
  country: countryCodeSchema.optional(),
};

export const journeyEvents = {
  /** Version 2: an optional `country`, and recorded under the set-up age guard (`SETUP_AGE_RANGE`). */
  JourneyCreated: defineEvent(
    2,
    "A person started keeping their record in Trellis.",
    z.strictObject({ ...journeyFields, createdAt: zonedDateTimeSchema }),
  ),
  /** Version 2: an optional `country`; a new date of birth is held to the set-up age guard. */
  JourneyUpdated: defineEvent(
    2,
    "A person changed their name, date of birth, home zone, partner's name or country.",
    changePayload(
      z.strictObject({
        displayName: optionalName.nullable().optional(),
        dateOfBirth: isoDateSchema.optional(),
        homeZone: timeZoneSchema.optional(),
        partnerName: optionalName.nullable().optional(),
        /** `null` forgets a chosen country: the home zone's country applies again (version 2). */
        country: countryCodeSchema.nullable().optional(),
      }),
      0,
    ),
  ),
};
