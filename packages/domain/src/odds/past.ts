import type { z } from "zod";
import {
  interceptOf,
  type PersonEffect,
  personPosterior,
  type TransferEvidence,
} from "./correlate.ts";
import type { Theta } from "./draws.ts";
import { type PreparedEmbryo, preparedChance, prepareEmbryo } from "./embryo.ts";
import { parameters } from "./parameters.ts";
import {
  type PastOutcome,
  type PastTransferInput,
  type pastTransferSchema,
  toBankEmbryo,
} from "./schema.ts";

/**
 * A person's own past transfers, read by the person-level effect: each
 * transfer's embryos with their own published chance (grade, day, test
 * result, age) and how it ended. A birth says "at least one of these led to a
 * birth"; a negative test, a biochemical pregnancy or an ectopic pregnancy
 * "none did"; a loss after a heartbeat counts half as much as a failed
 * transfer; a termination for medical reasons counts as nothing
 * (`parameters.lossWeight`). Transfers still waiting for news never reach
 * the engine.
 */
export interface PastTransfer {
  readonly embryos: readonly PreparedEmbryo[];
  readonly outcome: PastOutcome;
}

export function preparePast(
  list: readonly z.output<typeof pastTransferSchema>[] | undefined,
): PastTransfer[] {
  return (list ?? []).map((t) => ({
    embryos: t.embryos.map((e) => prepareEmbryo(toBankEmbryo(e), t.ageAtTransfer)),
    outcome: t.outcome,
  }));
}

/** What a transfer's outcome says: a birth or not, and how much a "not" counts. */
export function outcomeEvidence(outcome: PastOutcome): { birth: boolean; weight: number } {
  switch (outcome) {
    case "live-birth":
      return { birth: true, weight: 1 };
    case "miscarriage":
    case "stillbirth":
      return { birth: false, weight: parameters.lossWeight.afterHeartbeat };
    case "termination":
      return { birth: false, weight: parameters.lossWeight.termination };
    default:
      return { birth: false, weight: 1 };
  }
}

/** How many past transfers teach the person's own chance anything. */
export function countedTransfers(past: readonly PastTransfer[]): number {
  return past.filter((p) => {
    const e = outcomeEvidence(p.outcome);
    return e.birth || e.weight > 0;
  }).length;
}

/** The person-level effect after their past transfers, in one parameter draw. */
export function posteriorFor(
  past: readonly PastTransfer[],
  t: Theta,
  prior: PersonEffect,
): PersonEffect {
  const evidence: TransferEvidence[] = past.map((p) => ({
    intercepts: p.embryos.map((e) => interceptOf(preparedChance(e, t), prior)),
    ...outcomeEvidence(p.outcome),
  }));
  return personPosterior(prior, evidence, t.personZ);
}

export type { PastTransferInput };
