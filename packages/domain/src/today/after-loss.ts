import { lossList, transferList } from "../pregnancy/selectors.ts";
import type { Outcome } from "../pregnancy/state.ts";
import type { JourneyState } from "../state/state.ts";
import { cycleList } from "../treatment/selectors.ts";

/**
 * The latest pregnancy loss, while the person has not started again since
 * (no cycle starting and no transfer after it). Until then Today leads with
 * nothing, or with remembrance and support, never with "Start a cycle", and
 * never with a word of celebration.
 */
export function afterLoss(state: JourneyState): Outcome | null {
  const loss = lossList(state).at(-1);
  if (!loss) return null;
  const startedAgain =
    cycleList(state).some((c) => c.startDate > loss.on) ||
    transferList(state).some((t) => t.date > loss.on);
  return startedAgain ? null : loss;
}
