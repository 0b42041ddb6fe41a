/**
 * A vault's members: `GET /vaults/:vaultId/members` (with public keys and
 * whether each holds the current key) and `DELETE …/members/:accountId`
 * (the owner removes someone, or a member leaves).
 */
import type { Role } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError, forbidden } from "../http/errors.ts";
import { b64url, iso, noContent } from "../http/route-helpers.ts";
import { requireAccess } from "./access.ts";
import { vaultAccess, vaultItemCaller } from "./vault-request.ts";

export function registerMemberRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/members", async (request) => {
    const { vaultId, membership } = await vaultAccess(ctx, request, "member");
    const { rows } = await db.query<{
      account_id: string;
      role: Role;
      joined_at: unknown;
      signing_key: Uint8Array;
      box_key: Uint8Array;
      active: boolean;
    }>(
      `SELECT m.account_id, m.role, m.joined_at, a.signing_key, a.box_key,
              EXISTS (SELECT 1 FROM grants g
                       WHERE g.vault_id = m.vault_id AND g.account_id = m.account_id
                         AND g.epoch = v.current_epoch) AS active
         FROM memberships m
         JOIN accounts a ON a.id = m.account_id
         JOIN vaults v ON v.id = m.vault_id
        WHERE m.vault_id = $1
        ORDER BY m.joined_at, m.account_id`,
      [vaultId],
    );
    return {
      members: rows.map((row) => ({
        accountId: row.account_id,
        role: row.role,
        publicIdentity: { signingKey: b64url(row.signing_key), boxKey: b64url(row.box_key) },
        status: row.active ? ("active" as const) : ("pending" as const),
        joinedAt: iso(row.joined_at),
      })),
      epoch: membership.currentEpoch,
    };
  });

  api.delete<{ Params: { vaultId: string; accountId: string } }>(
    "/vaults/:vaultId/members/:accountId",
    async (request, reply) => {
      const { caller, vaultId, itemId: target } = await vaultItemCaller(ctx, request, "accountId");
      await db.transaction(async (tx) => {
        const membership = await requireAccess(tx, vaultId, caller.accountId, "member");
        if (target === caller.accountId) {
          if (membership.role === "owner") {
            throw forbidden("The owner can't leave their own vault; delete the vault instead.");
          }
        } else if (membership.role !== "owner") {
          throw forbidden("Only the vault's owner can remove other members.");
        }
        // Their grants go with the membership (ON DELETE CASCADE). The
        // owner's app then starts a new epoch for everyone who stays.
        const removed = await tx.query(
          "DELETE FROM memberships WHERE vault_id = $1 AND account_id = $2",
          [vaultId, target],
        );
        if (removed.rowCount === 0) {
          throw new ApiError(404, "not-found", "This account is not a member of this vault.");
        }
      });
      ctx.access.forgetMember(vaultId, target);
      return noContent(reply);
    },
  );
}
