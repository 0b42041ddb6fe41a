/**
 * Whose entries apply: an entry is taken in only if it is signed by a
 * device its account certified, that account is pinned in the owner-signed
 * membership log as a writer (owner or partner) and was not removed before
 * the entry reached the server; an unsigned entry only if it reached the
 * server at or before the legacy cutoff the owner signed into the log. (An entry's `device` may differ from the
 * signing device: a record imported from an export keeps its old device ids;
 * `account-sync/vault-trust.ts` holds a device id two accounts claim.)
 * Anything else is held aside with the reason. Remembers the
 * verified author of each entry taken in, for "logged by" on the screens.
 */
import { type EntrySigner, toBase64Url } from "@trellis/crypto";
import type { Result, TrellisEvent } from "@trellis/domain";
import type { SyncFailure } from "./api.ts";
import { type Membership, memberBySigningKey, writerProblem } from "./membership.ts";

export type TrustVerdict =
  /** `author` null: an unsigned entry from before signing began (the owner's legacy cutoff). */
  | { readonly ok: true; readonly author: string | null }
  | { readonly ok: false; readonly reason: string };

export interface EntryTrust {
  /** Whether an opened entry, which arrived at `seq`, may apply, and whose it is. */
  check(signer: EntrySigner | null, event: TrellisEvent, seq: number): TrustVerdict;
  /**
   * Whether a snapshot entry that arrived at `seq` may be used: signed, by a
   * writer at that point (a viewer's or an unsigned snapshot never is).
   */
  checkSnapshot(signer: EntrySigner | null, seq: number): TrustVerdict;
  /** Fetches the membership log again (a member may have been added). True when it changed. */
  refresh(): Promise<Result<boolean, SyncFailure>>;
  /** Entries taken in, with their verified authors (account ids). */
  record(authors: ReadonlyMap<string, string>): Promise<void>;
}

/** Reasons an entry is held for who wrote it; a fresh membership log may clear `unknown-signer`. */
export const SIGNER_REASONS = [
  "unsigned",
  "bad-certificate",
  "bad-signature",
  "unknown-signer",
  "signer-not-writer",
  "signer-removed",
  "device-claimed",
] as const;

export function checkEntry(
  membership: Membership,
  signer: EntrySigner | null,
  seq: number,
): TrustVerdict {
  if (!signer) {
    const cutoff = membership.legacyUpToSeq;
    return cutoff !== null && seq <= cutoff
      ? { ok: true, author: null }
      : { ok: false, reason: "unsigned" };
  }
  const key = toBase64Url(signer.identityKey);
  const problem = writerProblem(membership, key, seq);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, author: memberBySigningKey(membership, key)!.accountId };
}
