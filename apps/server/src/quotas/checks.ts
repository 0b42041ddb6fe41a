/**
 * Checking the quotas where things are stored: appends (bytes and entries
 * per day, per vault and per account), invites (waiting ones, per vault and
 * per account) and live streams (per session, counted per instance).
 *
 * Daily entry counts are fixed one-day windows in `rate_limits`, keyed by an
 * HMAC of the vault or account id, counted inside the append's transaction:
 * a refused append changes nothing, counts included.
 */
import type { RateLimit } from "../auth/rate-limit.ts";
import { type ServerSecrets, serverHmac } from "../auth/secrets.ts";
import type { Queryable } from "../db/types.ts";
import type { Quotas } from "./config.ts";
import {
  accountStorageFull,
  dailyEntryLimit,
  inviteLimit,
  streamLimit,
  vaultStorageFull,
} from "./refusals.ts";

export const DAY_SECONDS = 24 * 60 * 60;

/** Adds `amount` to a fixed-window counter; answers the new count and the seconds left in the window. */
async function addToWindow(
  tx: Queryable,
  key: Buffer,
  amount: number,
  rule: RateLimit,
): Promise<{ count: number; retryAfter: number }> {
  const { rows } = await tx.query<{ count: number; retry_after: number }>(
    `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), $3)
     ON CONFLICT (key) DO UPDATE SET
       window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2::double precision)
                           THEN now() ELSE r.window_start END,
       count = CASE WHEN r.window_start <= now() - make_interval(secs => $2::double precision)
                    THEN $3 ELSE r.count + $3 END
     RETURNING count,
       ceil(extract(epoch FROM (window_start + make_interval(secs => $2::double precision) - now())))::integer AS retry_after`,
    [key, rule.windowSeconds, amount],
  );
  const row = rows[0]!;
  return { count: Number(row.count), retryAfter: Math.max(1, Number(row.retry_after)) };
}

/** What an append just stored (inside its transaction, before commit). */
export interface AppendedAmount {
  readonly vaultId: string;
  /** The account that appended. */
  readonly accountId: string;
  /** Events newly stored (resent ones are not counted). */
  readonly count: number;
  /** The vault's bytes now, these events included. */
  readonly vaultBytes: number;
}

/** Throws 413 or 429 (rolling the append back) when it went over a quota. */
export async function checkAppendQuotas(
  tx: Queryable,
  quotas: Quotas,
  secrets: ServerSecrets,
  appended: AppendedAmount,
): Promise<void> {
  if (appended.count === 0) return;
  if (appended.vaultBytes > quotas.vaultBytes) throw vaultStorageFull(quotas.vaultBytes);
  const { rows } = await tx.query<{ bytes: unknown }>(
    `SELECT coalesce(sum(v.bytes_stored), 0) AS bytes
       FROM memberships o
       JOIN memberships m ON m.account_id = o.account_id AND m.role = 'owner'
       JOIN vaults v ON v.id = m.vault_id
      WHERE o.vault_id = $1 AND o.role = 'owner'`,
    [appended.vaultId],
  );
  if (Number(rows[0]?.bytes ?? 0) > quotas.accountBytes) {
    throw accountStorageFull(quotas.accountBytes);
  }
  const day = (limit: number): RateLimit => ({ limit, windowSeconds: DAY_SECONDS });
  const vault = await addToWindow(
    tx,
    serverHmac(secrets, "quota|entries-vault", appended.vaultId),
    appended.count,
    day(quotas.vaultEntriesPerDay),
  );
  if (vault.count > quotas.vaultEntriesPerDay) {
    throw dailyEntryLimit("vault", quotas.vaultEntriesPerDay, vault.retryAfter);
  }
  const account = await addToWindow(
    tx,
    serverHmac(secrets, "quota|entries-account", appended.accountId),
    appended.count,
    day(quotas.accountEntriesPerDay),
  );
  if (account.count > quotas.accountEntriesPerDay) {
    throw dailyEntryLimit("account", quotas.accountEntriesPerDay, account.retryAfter);
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
