import { problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { adoptionMilestones, carrierMilestones } from "./events.ts";

/** The handlers of the paths beside IVF (a gestational carrier, adoption) with their steps. */

export type PathEvents = "PathStarted" | "PathMilestoneRecorded" | "PathMilestoneRetracted";

export const pathHandlers: Handlers<PathEvents> = {
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
