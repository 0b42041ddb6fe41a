import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";

export const journeyHandlers: Handlers<"JourneyCreated" | "JourneyUpdated"> = {
  JourneyCreated: {
    check: (s) =>
      s.journey
        ? problem("journey-exists", "type", "this journey was already set up; change it instead")
        : null,
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
    check: (s) =>
      s.journey ? null : problem("no-journey", "type", "there is no journey to change yet"),
    apply: (d, { payload: p }) => {
      const j = d.journey!;
      d.journey = {
        ...j,
        ...(p.displayName !== undefined && { displayName: emptyToNull(p.displayName) }),
        ...(p.dateOfBirth !== undefined && { dateOfBirth: p.dateOfBirth }),
        ...(p.homeZone !== undefined && { homeZone: p.homeZone }),
        ...(p.partnerName !== undefined && { partnerName: emptyToNull(p.partnerName) }),
        ...(p.country !== undefined && { country: p.country }),
      };
    },
  },
};

function emptyToNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.length === 0 ? null : v;
}
