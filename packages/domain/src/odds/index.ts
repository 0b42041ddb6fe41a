/**
 * Honest odds: chances of one, two or three babies from a person's real
 * record, with sources, 80% ranges and plain-language limits. Pure: the same
 * input and seed give the same answer everywhere. See README.md for the model.
 */
export {
  type BankOdds,
  type BankOddsInput,
  bankOdds,
  type EmbryoOdds,
  type PersonalBankOdds,
} from "./bank.ts";
export { DEFAULT_SEED } from "./draws.ts";
export { type EggFreezingInput, type EggFreezingOdds, eggFreezingOdds } from "./eggs.ts";
export type { PgtResult } from "./embryo.ts";
export type { Estimate, Note, Range } from "./estimate.ts";
export { oddsFromRecord } from "./from-record.ts";
export {
  type BetaBelief,
  type FunnelBelief,
  type FunnelSummary,
  type GammaBelief,
  type PersonalisedFunnel,
  personalise,
  populationFunnel,
  type RecordedRetrieval,
} from "./funnel.ts";
export {
  type Denominator,
  type EvidenceTag,
  type Source,
  type SourceId,
  sources,
} from "./parameters.ts";
export {
  type PlanFrame,
  type PlanStep,
  type RetrievalPlan,
  type RetrievalPlanInput,
  retrievalPlan,
} from "./plan.ts";
export type {
  EmbryoLeftOut,
  OddsRecord,
  RecordAmh,
  RecordEggBatch,
  RecordEmbryo,
  RecordRetrieval,
  RecordTransfer,
  RetrievalLeftOut,
  TransferLeftOut,
} from "./record.ts";
export { bankOddsInput, eggFreezingInput, retrievalPlanInput } from "./record-inputs.ts";
export type {
  EmbryoInput,
  PastOutcome,
  PastTransferInput,
  RecordedRetrievalInput,
} from "./schema.ts";
