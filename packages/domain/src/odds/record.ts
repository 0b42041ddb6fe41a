import type { EmbryoInput, PastTransferInput, RecordedRetrievalInput } from "./schema.ts";
import { ODDS_AGE_RANGE } from "./schema.ts";

/**
 * The shape of the person's own record as the odds engine reads it
 * (`oddsFromRecord`): embryos in the bank, past retrievals, frozen eggs,
 * finished transfers and the latest AMH, each with the engine's input, and
 * whatever was left out with the reason, so a screen can say so.
 */

/** The engine's ages (schema.ts): outside them it has no figures. */

/** Why an embryo still in the bank is not counted. */
export type EmbryoLeftOut =
  /** Our sources have figures for blastocysts (day 5-7) only. */
  | "day-3"
  /** PGT-M reported it affected: not usually transferred. */
  | "pgt-m-affected"
  /** The age at egg collection is outside 18-50, where the sources reach. */
  | "age-outside";

/** Why a retrieval does not teach the personal estimate. */
export type RetrievalLeftOut =
  /** Mature eggs, fertilization or blastocysts are not reported yet. */
  | "waiting-for-lab"
  /** Conventional IVF without a count of mature eggs. */
  | "maturity-unknown"
  /** Some eggs were frozen instead of fertilized: the later steps start from fewer eggs. */
  | "eggs-frozen"
  /** Some embryos were frozen or transferred on day 3, before they could become blastocysts. */
  | "day-3"
  | "age-outside";

/** Why a finished-or-not transfer does not teach the personal estimate. */
export type TransferLeftOut =
  /** No outcome yet, or an ongoing pregnancy: it counts as nothing yet. */
  | "waiting"
  /** Transferred to a gestational carrier: another body, another chance. */
  | "carrier"
  /** An embryo that is not a recorded blastocyst (day 3, or not in the record). */
  | "not-a-blastocyst"
  | "age-outside";

/** A transfer with its outcome, as the person-level effect learns from it. */
export interface RecordTransfer {
  readonly transferId: string;
  readonly transferredOn: string;
  readonly input: PastTransferInput;
}

/** An embryo in the bank, with what the engine reads. */
export interface RecordEmbryo {
  readonly embryoId: string;
  readonly label: string | null;
  readonly cohortId: string;
  /** The date the eggs were collected: the age on it is the one that counts. */
  readonly eggsCollectedOn: string;
  readonly input: EmbryoInput;
}

export interface RecordRetrieval {
  readonly cohortId: string;
  readonly retrievedOn: string;
  readonly input: RecordedRetrievalInput;
}

export interface RecordAmh {
  /** In ng/mL, the unit the engine reads. */
  readonly ngPerMl: number;
  /** As the lab reported it. */
  readonly value: number;
  readonly unit: string;
  readonly drawnAt: string;
}

export interface RecordEggBatch {
  readonly batchId: string;
  readonly frozenOn: string;
  /** Eggs still frozen. */
  readonly remaining: number;
  /** Age when the eggs were collected. */
  readonly ageAtFreezing: number;
}

export interface OddsRecord {
  /** Whole years on `today`; null before set-up. */
  readonly age: number | null;
  /** The latest AMH not excluded or removed, when the engine can read it (above 0, at most 50 ng/mL). */
  readonly amh: RecordAmh | null;
  /** Embryos frozen or in culture, in the order they were recorded. */
  readonly bank: readonly RecordEmbryo[];
  readonly bankLeftOut: readonly {
    readonly embryoId: string;
    readonly label: string | null;
    readonly reason: EmbryoLeftOut;
  }[];
  /** Past retrievals, oldest first, for the personal estimate. */
  readonly history: readonly RecordRetrieval[];
  readonly historyLeftOut: readonly {
    readonly cohortId: string;
    readonly retrievedOn: string;
    readonly reason: RetrievalLeftOut;
  }[];
  /** Frozen eggs not yet thawed, oldest first. */
  readonly frozenEggs: readonly RecordEggBatch[];
  /** Transfers to the person with a final outcome, oldest first: the personal estimate learns from them. */
  readonly transfers: readonly RecordTransfer[];
  readonly transfersLeftOut: readonly {
    readonly transferId: string;
    readonly transferredOn: string;
    readonly reason: TransferLeftOut;
  }[];
}

/** Whether the engine has figures for this age. */
export const inRange = (age: number) => age >= ODDS_AGE_RANGE.min && age <= ODDS_AGE_RANGE.max;
