import { problem } from "../core/result.ts";
import { type Handlers, retraction } from "../state/handler.ts";

export const wellbeingHandlers: Handlers<"SymptomsChecked" | "SymptomsCheckRetracted"> = {
  SymptomsChecked: {
    check: (s, { payload: p }) => {
      if (s.symptomChecks.has(p.checkId)) return problem("duplicate-check", "payload.checkId");
      if (p.cycleId !== undefined) {
        const c = s.cycles.get(p.cycleId);
        if (!c || c.retracted) return problem("unknown-cycle", "payload.cycleId");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.symptomChecks.set(p.checkId, {
        id: p.checkId,
        cycleId: p.cycleId ?? null,
        at: p.at,
        stage: p.stage,
        pregnancyWeeks: p.pregnancyWeeks ?? null,
        daysSinceTransfer: p.daysSinceTransfer ?? null,
        answers: p.answers,
        retracted: false,
      });
    },
  },
  SymptomsCheckRetracted: retraction({
    collection: "symptomChecks",
    idField: "checkId",
    reason: "unknown-check",
  }),
};
