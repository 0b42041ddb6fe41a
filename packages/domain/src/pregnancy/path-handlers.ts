import { problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { givenFields, liveRecord } from "../state/records.ts";
import { adoptionMilestones, carrierMilestones } from "./events.ts";

/**
 * The handlers of remembrances (a name, a date, a few words kept after a
 * loss) and of the paths beside IVF (a gestational carrier, adoption) with
 * their steps.
 */

export type RemembranceAndPathEvents =
  | "RemembranceAdded"
  | "RemembranceChanged"
  | "RemembranceRemoved"
  | "PathStarted"
  | "PathMilestoneRecorded"
  | "PathMilestoneRetracted";

export const remembranceAndPathHandlers: Handlers<RemembranceAndPathEvents> = {
  RemembranceAdded: {
    check: (s, { payload: p }) => {
      if (s.remembrances.has(p.remembranceId)) {
        return problem("duplicate-remembrance", "payload.remembranceId");
      }
      if (p.transferId !== undefined && !s.transfers.has(p.transferId)) {
        return problem("unknown-transfer", "payload.transferId");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.remembrances.set(p.remembranceId, {
        id: p.remembranceId,
        name: p.name?.length ? p.name : null,
        date: p.date ?? null,
        note: p.note ?? null,
        transferId: p.transferId ?? null,
        removed: false,
        private: p.private === true,
      });
    },
  },
  RemembranceChanged: {
    check: (s, { payload: p }) => {
      const found = liveRecord(
        s.remembrances,
        p.remembranceId,
        "unknown-remembrance",
        "payload.remembranceId",
        "removed",
      );
      if (found.problem) return found.problem;
      const { name, date, note } = { ...found.record, ...givenFields(p, ["name", "date", "note"]) };
      return name || date || note ? null : problem("empty-remembrance", "payload");
    },
    apply: (d, { payload: p }) => {
      const r = d.remembrances.get(p.remembranceId)!;
      d.remembrances.set(p.remembranceId, {
        ...r,
        ...givenFields(p, ["date", "note"]),
        ...(p.name !== undefined && { name: p.name?.length ? p.name : null }),
      });
    },
  },
  RemembranceRemoved: markGone({
    collection: "remembrances",
    idField: "remembranceId",
    reason: "unknown-remembrance",
    flag: "removed",
  }),
  PathStarted: {
    check: (s, { payload: p }) => {
      if (!s.journey) return problem("no-journey", "type");
      return s.paths.has(p.pathId) ? problem("duplicate-path", "payload.pathId") : null;
    },
    apply: (d, { payload: p }) => {
      d.paths.set(p.pathId, {
        id: p.pathId,
        kind: p.kind,
        name: p.name,
        startedOn: p.startedOn,
        note: p.note ?? null,
      });
    },
  },
  PathMilestoneRecorded: {
    check: (s, { payload: p }) => {
      if (s.pathMilestones.has(p.milestoneId)) {
        return problem("duplicate-milestone", "payload.milestoneId");
      }
      const path = s.paths.get(p.pathId);
      if (!path) return problem("unknown-path", "payload.pathId");
      const allowed: readonly string[] =
        path.kind === "adoption" ? adoptionMilestones : carrierMilestones;
      if (!allowed.includes(p.milestone)) {
        return problem("wrong-path-step", "payload.milestone", {
          kind: path.kind,
          allowed: allowed.join(", "),
        });
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.pathMilestones.set(p.milestoneId, {
        id: p.milestoneId,
        pathId: p.pathId,
        milestone: p.milestone,
        on: p.on,
        title: p.title ?? null,
        note: p.note ?? null,
        retracted: false,
      });
    },
  },
  PathMilestoneRetracted: markGone({
    collection: "pathMilestones",
    idField: "milestoneId",
    reason: "unknown-milestone",
  }),
};
