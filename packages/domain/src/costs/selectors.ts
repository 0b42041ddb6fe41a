import type { JourneyState } from "../state/state.ts";
import { toMinor } from "./currency.ts";
import type { Cost } from "./state.ts";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The person's costs (removed ones left out), newest first, then by id. */
export function costList(state: JourneyState): Cost[] {
  return [...state.costs.values()]
    .filter((c) => !c.removed)
    .sort((a, b) => cmp(b.incurredOn, a.incurredOn) || cmp(a.id, b.id));
}

/** The costs of one cycle, newest first. */
export function cycleCosts(state: JourneyState, cycleId: string): Cost[] {
  return costList(state).filter((c) => c.cycleId === cycleId);
}

/** Every currency the person's costs and storage fees are in, sorted. */
export function costCurrencies(state: JourneyState): string[] {
  const codes = new Set<string>();
  for (const c of costList(state)) codes.add(c.amount.currency);
  for (const fee of state.storageFees.values()) {
    for (const p of fee.payments) codes.add(p.amount.currency);
    if (!fee.endedOn) codes.add(fee.amount.currency);
  }
  return [...codes].sort();
}

/** What coverage of a cost adds up to, in minor units: all of it, and what has come in. */
export function coverageMinor(cost: Cost): { expected: number; received: number } {
  let expected = 0;
  let received = 0;
  for (const c of cost.coverage) {
    const minor = toMinor(c.value, cost.amount.currency);
    expected += minor;
    if (c.received) received += minor;
  }
  return { expected, received };
}
