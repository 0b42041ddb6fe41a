import { problem } from "../core/result.ts";
import { type Handlers, markGone } from "../state/handler.ts";
import { optionalCycleProblem } from "../treatment/live-cycle.ts";

export const wellbeingHandlers: Handlers<"SymptomsChecked" | "SymptomsCheckRetracted"> = {
  SymptomsChecked: {
    check: (s, { payload: p }) => {
      if (s.symptomChecks.has(p.checkId)) return problem("duplicate-check", "payload.checkId");
      return optionalCycleProblem(s, p.cycleId);
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
  SymptomsCheckRetracted: markGone({
    collection: "symptomChecks",
    idField: "checkId",
    reason: "unknown-check",
  }),
};
