import type { Problem } from "../core/result.ts";
import { type Lookup, liveRecord } from "../state/records.ts";
import type { JourneyState } from "../state/state.ts";
import type { Cycle } from "./state.ts";

/**
 * The cycle an event names, as every slice that refers to cycles checks it:
 * refused with `unknown-cycle` when it was never started or was entered by
 * mistake.
 */
export function liveCycle(
  s: JourneyState,
  cycleId: string,
  field = "payload.cycleId",
): Lookup<Cycle> {
  return liveRecord(s.cycles, cycleId, "unknown-cycle", field);
}

/** For an event that may name a cycle: refused only when it names one that is not there. */
export function optionalCycleProblem(s: JourneyState, cycleId: string | undefined): Problem | null {
  return cycleId === undefined ? null : (liveCycle(s, cycleId).problem ?? null);
}
