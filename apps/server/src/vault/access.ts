/**
 * Who may do what in a vault. Every vault route asks here first.
 *
 * - Not a member (or no such vault): 404, the same answer either way.
 * - "member": any membership, pending included (members list, my grants,
 *   leaving).
 * - "reader": a member who has been given the vault key at least once
 *   (a grant of any epoch): pull and stream. A pending member (accepted an
 *   invite, safety code not yet compared) can't read ciphertext.
 * - "appender": a reader who may add events: the owner and partners, and in
 *   a `circle` vault viewers too (replies and reactions; the circle's own
 *   fold decides what applies). trellis_append checks the same rule again.
 * - "writer": a reader whose role is owner or partner: attachments.
 * - "owner": the owner: grants, invites, removing others, deleting the vault.
 *
 * `lockVault` orders the changes that must not interleave (grants, rotation,
 * deletion) before the access check inside their transaction.
 */
import type { Role, vaultKind } from "@trellis/sync";
import type { Queryable } from "../db/types.ts";
import { forbidden, vaultNotFound } from "../http/errors.ts";

/** What a vault holds (`vaultKind` in @trellis/sync). */
export type VaultKind = (typeof vaultKind.options)[number];

export type Need = "member" | "reader" | "appender" | "writer" | "owner";

export interface Membership {
  readonly role: Role;
  /** `record` or `circle`; never changes, so a cached membership keeps it rightly. */
  readonly kind: VaultKind;
  readonly currentEpoch: number;
  /** Has a grant for some epoch: has been trusted with the key. */
  readonly hasGrant: boolean;
  /** Has a grant for the current epoch. */
  readonly active: boolean;
}

/** The caller's membership in a vault ($1 vault, $2 account): role, epoch, and keys held. */
export const MEMBERSHIP = `SELECT m.role, v.current_epoch, v.kind,
       EXISTS (SELECT 1 FROM grants g
                WHERE g.vault_id = m.vault_id AND g.account_id = m.account_id) AS has_grant,
       EXISTS (SELECT 1 FROM grants g
                WHERE g.vault_id = m.vault_id AND g.account_id = m.account_id
                  AND g.epoch = v.current_epoch) AS active
  FROM memberships m JOIN vaults v ON v.id = m.vault_id
 WHERE m.vault_id = $1 AND m.account_id = $2`;

export async function findMembership(
  q: Queryable,
  vaultId: string,
  accountId: string,
  options: { lock?: boolean } = {},
): Promise<Membership | undefined> {
  // FOR SHARE (inside an append's transaction) makes a concurrent removal or
  // rotation wait for the append to commit, and an append after them see the
  // row gone or the new epoch.
  const { rows } = await q.query<{
    role: Role;
    current_epoch: number;
    kind: VaultKind;
    has_grant: boolean;
    active: boolean;
  }>(options.lock ? `${MEMBERSHIP} FOR SHARE OF m, v` : MEMBERSHIP, [vaultId, accountId]);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    role: row.role,
    kind: row.kind,
    currentEpoch: Number(row.current_epoch),
    hasGrant: row.has_grant,
    active: row.active,
  };
}

/** Refusal words shared with the append's own check (append-refusals.ts). */
export const NO_GRANT_YET =
  "The owner has not shared this vault's key with this account yet (compare the safety code first).";
export const VIEWER_CANNOT_WRITE = "A viewer can read this vault but not add to it.";
export const VIEWER_CANNOT_ATTACH =
  "A viewer can read this vault's attachments but not add or remove them.";

/** The caller's membership if it allows `need`; otherwise throws 404 (not a member) or 403. */
export async function requireAccess(
  q: Queryable,
  vaultId: string,
  accountId: string,
  need: Need,
  options: { lock?: boolean } = {},
): Promise<Membership> {
  return checkAccess(await findMembership(q, vaultId, accountId, options), need);
}

/** `membership` if it allows `need`; otherwise throws 404 (none) or 403. */
export function checkAccess(membership: Membership | undefined, need: Need): Membership {
  if (membership === undefined) throw vaultNotFound();
  switch (need) {
    case "member":
      break;
    case "owner":
      if (membership.role !== "owner") {
        throw forbidden("Only the vault's owner can do this.");
      }
      break;
    case "reader":
    case "appender":
    case "writer":
      if (!membership.hasGrant) throw forbidden(NO_GRANT_YET);
      if (need === "reader" || membership.role !== "viewer") break;
      if (need === "appender" && membership.kind === "circle") break;
      throw forbidden(need === "writer" ? VIEWER_CANNOT_ATTACH : VIEWER_CANNOT_WRITE);
  }
  return membership;
}

/** Takes the vault row's write lock (no-op for a vault that doesn't exist; access checks follow). */
export async function lockVault(tx: Queryable, vaultId: string): Promise<void> {
  await tx.query("SELECT 1 FROM vaults WHERE id = $1 FOR UPDATE", [vaultId]);
}
