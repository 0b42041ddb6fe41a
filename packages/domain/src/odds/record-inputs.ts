import type { BankOddsInput } from "./bank.ts";
import type { EggFreezingInput } from "./eggs.ts";
import type { PlanFrame, RetrievalPlanInput } from "./plan.ts";
import { inRange, type OddsRecord } from "./record.ts";

/**
 * The engine's questions from the person's record (`oddsFromRecord`): the
 * bank question, the retrieval plan with the person's "what if" choices, and
 * the egg-freezing question, each ready for a form to start from.
 */

/**
 * The bank question for the engine: every embryo counted, transferred at the
 * age today (the older of that and the egg's age drives the small age effect
 * after a euploid transfer), with the person's finished transfers so that a
 * personal answer can sit beside the typical one. Null when nothing in the
 * bank can be counted.
 */
export function bankOddsInput(record: OddsRecord): BankOddsInput | null {
  if (record.bank.length === 0) return null;
  const oldestEgg = Math.max(...record.bank.map((e) => e.input.ageAtRetrieval));
  const age = record.age;
  const past = record.transfers.map((t) => t.input);
  return {
    embryos: record.bank.map((e) => e.input),
    ...(age !== null && inRange(age) && age >= oldestEgg && { ageAtTransfer: age }),
    ...(past.length > 0 && { pastTransfers: past }),
  };
}

/**
 * The plan question for the engine, from the record and the person's "what
 * if" choices. `age` and `amh` (ng/mL) may be typed over the record's; `null`
 * AMH leaves it out. Null when no age is known.
 */
export function retrievalPlanInput(
  record: OddsRecord,
  choices: {
    readonly retrievals: number;
    readonly tested: boolean;
    readonly age?: number;
    readonly amh?: number | null;
    readonly frame?: PlanFrame;
  },
): RetrievalPlanInput | null {
  const age = choices.age ?? record.age;
  if (age === null) return null;
  const amh = choices.amh === undefined ? (record.amh?.ngPerMl ?? null) : choices.amh;
  // A what-if age younger than an egg in the record is refused by the engine, which names it.
  const bank = record.bank.map((e) => e.input);
  const history = record.history.map((r) => r.input);
  // A what-if age younger than a past transfer leaves the transfers out rather than failing.
  const past = record.transfers.map((t) => t.input).filter((t) => t.ageAtTransfer <= age);
  return {
    age,
    retrievals: choices.retrievals,
    tested: choices.tested,
    bank,
    ...(amh !== null && { amh }),
    ...(history.length > 0 && { history }),
    ...(choices.frame && { frame: choices.frame }),
    ...(past.length > 0 && { pastTransfers: past }),
  };
}

/**
 * The frozen eggs as one egg-freezing question, for a form to start from:
 * all eggs still frozen, at the oldest age they were frozen at (the cautious
 * choice when batches differ). Null without frozen eggs.
 */
export function eggFreezingInput(record: OddsRecord): EggFreezingInput | null {
  if (record.frozenEggs.length === 0) return null;
  const ageAtFreezing = Math.max(...record.frozenEggs.map((b) => b.ageAtFreezing));
  if (!inRange(ageAtFreezing)) return null;
  return {
    ageAtFreezing,
    matureEggs: record.frozenEggs.reduce((n, b) => n + b.remaining, 0),
    ...(record.age !== null &&
      inRange(record.age) &&
      record.age >= ageAtFreezing && {
        ageAtTransfer: record.age,
      }),
  };
}
