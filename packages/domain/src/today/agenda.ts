import type { Outcome } from "../pregnancy/state.ts";
import type { JourneyState } from "../state/state.ts";
import { activeCycles } from "../treatment/selectors.ts";
import { afterLoss } from "./after-loss.ts";
import { cyclesToAskAbout, type QuietCycle } from "./cycle-over.ts";
import { dayIn } from "./days.ts";
import {
  type AfterRetrieval,
  afterRetrieval,
  type ProcedureDay,
  procedureDays,
} from "./procedure-days.ts";
import {
  type TransferDay,
  type TransferWait,
  transferDays,
  transferWaits,
} from "./transfer-days.ts";

/**
 * What Today leads with:
 * - `doses`: a cycle is going on; its medicines come first;
 * - `start-cycle`: nothing is going on; starting a cycle is offered;
 * - `remembrance-and-support`: nothing is going on after a loss; Today offers
 *   remembrance and someone to talk to, and starting again is only a quiet link.
 */
export type TodayMainAction = "doses" | "start-cycle" | "remembrance-and-support";

/** Everything Today shows about where the person is, on the day `nowMs` falls on in `zone`. */
export interface TodayAgenda {
  readonly today: string;
  readonly mainAction: TodayMainAction;
  /** Retrievals and inseminations coming up, with what to expect the day before and on the day. */
  readonly procedures: readonly ProcedureDay[];
  /** The days after a retrieval: the after-retrieval check. */
  readonly afterRetrieval: readonly AfterRetrieval[];
  /** Transfers today. */
  readonly transferDays: readonly TransferDay[];
  /** The wait after a transfer, then the test day (none in quiet mode or paused after a loss). */
  readonly transferWaits: readonly TransferWait[];
  /** Quiet cycles to ask "Is this cycle over?". */
  readonly cyclesToAsk: readonly QuietCycle[];
  /** The loss Today is gentle about, until the person starts again. */
  readonly afterLoss: Outcome | null;
}

export function todayAgenda(
  state: JourneyState,
  options: { nowMs: number; zone: string },
): TodayAgenda {
  const loss = afterLoss(state);
  const mainAction: TodayMainAction =
    activeCycles(state).length > 0 ? "doses" : loss ? "remembrance-and-support" : "start-cycle";
  return {
    today: dayIn(options.nowMs, options.zone),
    mainAction,
    procedures: procedureDays(state, options),
    afterRetrieval: afterRetrieval(state, options),
    transferDays: transferDays(state, options),
    transferWaits: transferWaits(state, options),
    cyclesToAsk: cyclesToAskAbout(state, options),
    afterLoss: loss,
  };
}
