import { problem } from "../core/result.ts";
import { recordedDates } from "../core/stamp.ts";
import { addDays } from "../schedule/civil.ts";
import type { Handlers } from "../state/handler.ts";
import { givenFields } from "../state/records.ts";
import { setupAgeProblem } from "./age.ts";

/**
 * The schema version of `JourneyCreated` and `JourneyUpdated` from which the
 * set-up age guard holds. Records set up before it (version 1) stay valid as
 * they were: a person never loses their record to a rule that came later.
 */
const AGE_GUARD_FROM_VERSION = 2;

export const journeyHandlers: Handlers<"JourneyCreated" | "JourneyUpdated"> = {
  JourneyCreated: {
    check: (s, event) => {
      if (s.journey) return problem("journey-exists", "type");
      if (event.schemaVersion < AGE_GUARD_FROM_VERSION) return null;
      // "Today" is the day the event was recorded, with a day's slack for time zones.
      return setupAgeProblem(event.payload.dateOfBirth, recordedDates(event.hlc));
    },
    apply: (d, { payload: p }) => {
      d.journey = {
        displayName: emptyToNull(p.displayName),
        dateOfBirth: p.dateOfBirth,
        homeZone: p.homeZone,
        partnerName: emptyToNull(p.partnerName),
        country: p.country ?? null,
        createdAt: p.createdAt,
      };
    },
  },
  JourneyUpdated: {
    check: (s, event) => {
      if (!s.journey) return problem("no-journey", "type");
      const dob = event.payload.dateOfBirth;
      if (dob === undefined || event.schemaVersion < AGE_GUARD_FROM_VERSION) return null;
      // The guard is about the age at set-up: a correction years later is held to the same day.
      const setUpOn = s.journey.createdAt.slice(0, 10);
      return setupAgeProblem(dob, {
        earliest: addDays(setUpOn, -1),
        latest: addDays(setUpOn, 1),
      });
    },
    apply: (d, { payload: p }) => {
      const j = d.journey!;
      d.journey = {
        ...j,
        ...givenFields(p, ["dateOfBirth", "homeZone", "country"]),
        ...(p.displayName !== undefined && { displayName: emptyToNull(p.displayName) }),
        ...(p.partnerName !== undefined && { partnerName: emptyToNull(p.partnerName) }),
      };
    },
  },
};

function emptyToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.length === 0 ? null : v;
}
