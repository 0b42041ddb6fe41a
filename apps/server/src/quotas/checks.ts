/**
 * Checking the quotas where things are stored: appends (bytes and entries
 * per day, per vault and per account), attachments (the owner's bytes), invites (waiting ones, per vault and
 * per account) and live streams (per session, counted per instance).
 *
 * Daily entry counts are fixed one-day windows in `rate_limits`, keyed by an
 * HMAC of the vault or account id, counted inside the append's transaction:
 * a refused append changes nothing, counts included.
 */
import { type ServerSecrets, serverHmac } from "../auth/secrets.ts";
import type { Queryable } from "../db/types.ts";
import type { AppendQuotas } from "../vault/store.ts";
import type { Quotas } from "./config.ts";
import { accountStorageFull, inviteLimit, streamLimit } from "./refusals.ts";

export const DAY_SECONDS = 24 * 60 * 60;

/**
 * The quotas an append by `accountId` to `vaultId` is held to, as the append
 * checks them inside its own call (db/append-function.ts): the vault's and
 * the account's owned bytes, and the daily entry counters in `rate_limits`
 * (fixed one-day windows keyed by an HMAC of the id, so the table holds no
 * ids). A refused append changes nothing, counts included.
 */
export function appendQuotas(
  quotas: Quotas,
  secrets: ServerSecrets,
  vaultId: string,
  accountId: string,
): AppendQuotas {
  return {
    vaultBytes: quotas.vaultBytes,
    accountBytes: quotas.accountBytes,
    vaultKey: serverHmac(secrets, "quota|entries-vault", vaultId),
    vaultPerDay: quotas.vaultEntriesPerDay,
    accountKey: serverHmac(secrets, "quota|entries-account", accountId),
    accountPerDay: quotas.accountEntriesPerDay,
    windowSeconds: DAY_SECONDS,
  };
}

/**
 * Bytes the owner of `$1` (a vault) stores in all the vaults they own:
 * events and attachments. The same sum trellis_append checks.
 */
export const ACCOUNT_STORAGE = `SELECT coalesce(sum(v.bytes_stored + v.attachment_bytes), 0) AS total
  FROM memberships o
  JOIN memberships m ON m.account_id = o.account_id AND m.role = 'owner'
  JOIN vaults v ON v.id = m.vault_id
 WHERE o.vault_id = $1 AND o.role = 'owner'`;

/** Throws 413 account-storage-full when `adding` more bytes to `vaultId` would pass its owner's quota. */
export async function checkAccountStorage(
  tx: Queryable,
  quotas: Quotas,
  vaultId: string,
  adding: number,
): Promise<void> {
  const { rows } = await tx.query<{ total: unknown }>(ACCOUNT_STORAGE, [vaultId]);
  if (Number(rows[0]?.total ?? 0) + adding > quotas.accountBytes) {
    throw accountStorageFull(quotas.accountBytes);
  }
}

/** Throws 429 when the vault or the account already has as many invites waiting as allowed. */
export async function checkInviteQuota(
  tx: Queryable,
  quotas: Quotas,
  vaultId: string,
  accountId: string,
): Promise<void> {
  const { rows } = await tx.query<{ in_vault: unknown; by_account: unknown }>(
    `SELECT count(*) FILTER (WHERE vault_id = $1) AS in_vault,
            count(*) FILTER (WHERE created_by = $2) AS by_account
       FROM invites
      WHERE (vault_id = $1 OR created_by = $2)
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    [vaultId, accountId],
  );
  if (Number(rows[0]?.in_vault ?? 0) >= quotas.pendingInvitesPerVault) {
    throw inviteLimit("vault", quotas.pendingInvitesPerVault);
  }
  if (Number(rows[0]?.by_account ?? 0) >= quotas.pendingInvitesPerAccount) {
    throw inviteLimit("account", quotas.pendingInvitesPerAccount);
  }
}

/** Live streams per session, on this instance. `acquire` throws 429 at the limit; call the release it returns once. */
export function createStreamCounter(limit: () => number) {
  const open = new Map<string, number>();
  return {
    acquire(sessionId: string): () => void {
      const now = open.get(sessionId) ?? 0;
      if (now >= limit()) throw streamLimit(limit());
      open.set(sessionId, now + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(sessionId) ?? 1) - 1;
        if (left <= 0) open.delete(sessionId);
        else open.set(sessionId, left);
      };
    },
  };
}
export type StreamCounter = ReturnType<typeof createStreamCounter>;
