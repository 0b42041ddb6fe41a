import { type Problem, type ProblemParams, problemOf, type RefusalReason } from "@trellis/domain";

/**
 * Why the device refuses what a screen asked, besides the domain's reasons
 * (words: the web app's refusal catalogue). `storage-failed` keeps the
 * browser's own error in `detail`, for developers only.
 */
export const clientRefusals = [
  "read-only",
  "storage-failed",
  "not-an-export",
  "newer-export",
  "no-events",
  "passphrase-short",
  "wrong-passphrase",
  "damaged-export",
  "lock-passphrase-short",
] as const;

export type ClientRefusal = (typeof clientRefusals)[number];

/** A refusal from `record`, `recordBatch` or `importFile`: the domain's reasons and the device's. */
export type ClientProblem = Problem<RefusalReason | ClientRefusal>;

export const clientProblem = (
  reason: ClientRefusal,
  field: string,
  params?: ProblemParams,
  detail?: string,
): ClientProblem => problemOf(reason, field, params, detail);
