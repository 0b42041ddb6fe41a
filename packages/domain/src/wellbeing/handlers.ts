import { problem } from "../core/result.ts";
import type { Handlers } from "../state/handler.ts";

export const wellbeingHandlers: Handlers<"SymptomsChecked" | "SymptomsCheckRetracted"> = {
  SymptomsChecked: {
    check: (s, { payload: p }) => {
      if (s.symptomChecks.has(p.checkId))
        return problem("duplicate-check", "payload.checkId", "this check already exists");
      if (p.cycleId !== undefined) {
        const c = s.cycles.get(p.cycleId);
        if (!c || c.retracted)
          return problem("unknown-cycle", "payload.cycleId", "no cycle with this id");
      }
      return null;
    },
    apply: (d, { payload: p }) => {
      d.symptomChecks.set(p.checkId, {
        id: p.checkId,
        cycleId: p.cycleId ?? null,
        at: p.at,
        answers: p.answers,
        retracted: false,
      });
    },
  },
  SymptomsCheckRetracted: {
    check: (s, { payload: p }) => {
      const c = s.symptomChecks.get(p.checkId);
      return !c || c.retracted
        ? problem("unknown-check", "payload.checkId", "no check with this id")
        : null;
    },
    apply: (d, { payload: p }) => {
      d.symptomChecks.set(p.checkId, { ...d.symptomChecks.get(p.checkId)!, retracted: true });
    },
  },
};
