import { type Problem, type ProblemParams, problemOf } from "@trellis/domain";

/**
 * Why a key, a recovery key, a PIN or encoded bytes are refused. People meet
 * the recovery-key reasons (through the account screens' words); the others
 * mean data that is broken or was tampered with, and carry a `detail` for
 * developers.
 */
export const cryptoRefusals = [
  "not-base64url",
  "wrong-length",
  "weak-public-key",
  "inconsistent-key",
  "bad-epoch",
  "pin-empty",
  "passphrase-short",
  "recovery-key-length",
  "recovery-key-character",
  "recovery-key-typo",
] as const;

export type CryptoRefusal = (typeof cryptoRefusals)[number];

export type CryptoProblem = Problem<CryptoRefusal>;

export const problem = (
  reason: CryptoRefusal,
  field: string,
  params?: ProblemParams,
  detail?: string,
): CryptoProblem => problemOf(reason, field, params, detail);
