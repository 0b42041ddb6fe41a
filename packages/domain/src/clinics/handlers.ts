import { problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";

type ClinicsEvents =
  | "ClinicSaved"
  | "ClinicRemoved"
  | "SupportLineAdded"
  | "SupportLineChanged"
  | "SupportLineRemoved";

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
        ...givenFields(p, ["name", "phone24h", "nurseLine", "address", "portalUrl", "notes"]),
      });
      if (p.current) d.currentClinicId = p.clinicId;
    },
  },
  ClinicRemoved: markGone({
    collection: "clinics",
    idField: "clinicId",
    reason: "unknown-clinic",
    flag: "removed",
    alsoApply: (d, clinicId) => {
      if (d.currentClinicId === clinicId) d.currentClinicId = null;
    },
  }),
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
      const found = liveRecord(
        s.supportLines,
        p.lineId,
        "unknown-support-line",
        "payload.lineId",
        "removed",
      );
      if (found.problem) return found.problem;
      const line = found.record;
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
        ...givenFields(p, ["name", "phone", "website", "note"]),
      });
    },
  },
  SupportLineRemoved: markGone({
    collection: "supportLines",
    idField: "lineId",
    reason: "unknown-support-line",
    flag: "removed",
  }),
};
