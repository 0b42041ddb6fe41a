import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";
import type { JourneyState } from "../state/state.ts";

type ClinicsEvents =
  | "ClinicSaved"
  | "ClinicRemoved"
  | "SupportLineAdded"
  | "SupportLineChanged"
  | "SupportLineRemoved";

function liveLine(s: JourneyState, lineId: string) {
  const line = s.supportLines.get(lineId);
  if (!line || line.removed) {
    return {
      problem: problem("unknown-support-line", "payload.lineId"),
    };
  }
  return { line };
}

export const clinicsHandlers: Handlers<ClinicsEvents> = {
  ClinicSaved: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      const clinic = s.clinics.get(p.clinicId);
      if (clinic?.removed) {
        return problem("removed-clinic", "payload.clinicId");
      }
      if (!clinic && p.name === undefined) {
        return problem("clinic-needs-name", "payload.name");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      const before = d.clinics.get(p.clinicId) ?? {
        id: p.clinicId,
        name: p.name!,
        phone24h: null,
        nurseLine: null,
        address: null,
        portalUrl: null,
        notes: null,
        removed: false,
      };
      d.clinics.set(p.clinicId, {
        ...before,
        ...(p.name !== undefined && { name: p.name }),
        ...(p.phone24h !== undefined && { phone24h: p.phone24h }),
        ...(p.nurseLine !== undefined && { nurseLine: p.nurseLine }),
        ...(p.address !== undefined && { address: p.address }),
        ...(p.portalUrl !== undefined && { portalUrl: p.portalUrl }),
        ...(p.notes !== undefined && { notes: p.notes }),
      });
      if (p.current) d.currentClinicId = p.clinicId;
    },
  },
  ClinicRemoved: {
    check: (s, { payload: p }) => {
      const clinic = s.clinics.get(p.clinicId);
      return !clinic || clinic.removed ? problem("unknown-clinic", "payload.clinicId") : null;
    },
    apply: (d, { payload: p }) => {
      d.clinics.set(p.clinicId, { ...d.clinics.get(p.clinicId)!, removed: true });
      if (d.currentClinicId === p.clinicId) d.currentClinicId = null;
    },
  },
  SupportLineAdded: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      return s.supportLines.has(p.lineId)
        ? problem("duplicate-support-line", "payload.lineId")
        : null;
    },
    apply: (d, { payload: p }) => {
      d.supportLines.set(p.lineId, {
        id: p.lineId,
        name: p.name,
        phone: p.phone ?? null,
        website: p.website ?? null,
        note: p.note ?? null,
        removed: false,
      });
    },
  },
  SupportLineChanged: {
    check: (s, { payload: p }) => {
      const { line, problem: missing } = liveLine(s, p.lineId);
      if (missing) return missing;
      const phone = p.phone !== undefined ? p.phone : line.phone;
      const website = p.website !== undefined ? p.website : line.website;
      return phone === null && website === null
        ? problem("support-line-unreachable", "payload.phone")
        : null;
    },
    apply: (d, { payload: p }) => {
      const line = d.supportLines.get(p.lineId)!;
      d.supportLines.set(p.lineId, {
        ...line,
        ...(p.name !== undefined && { name: p.name }),
        ...(p.phone !== undefined && { phone: p.phone }),
        ...(p.website !== undefined && { website: p.website }),
        ...(p.note !== undefined && { note: p.note }),
      });
    },
  },
  SupportLineRemoved: {
    check: (s, { payload: p }) => liveLine(s, p.lineId).problem ?? null,
    apply: (d, { payload: p }) => {
      d.supportLines.set(p.lineId, { ...d.supportLines.get(p.lineId)!, removed: true });
    },
  },
};
