/**
 * The owner's invites: `POST /vaults/:vaultId/invites` (made on the device;
 * only the token's hash reaches the server), `GET …/invites` (listed with
 * their status) and `DELETE …/invites/:inviteId` (withdrawn). Accepting one
 * is in `invite-accept-routes.ts`.
 */
import { type InviteStatus, inviteCreateRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError, invalidRequest } from "../http/errors.ts";
import { iso, jsonBody, noContent } from "../http/route-helpers.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import { checkInviteQuota } from "../quotas/checks.ts";
import { requireAccess } from "./access.ts";
import { vaultAccess, vaultItemCaller } from "./vault-request.ts";

/** Invites live at most this long. */
export const MAX_INVITE_SECONDS = 7 * 24 * 60 * 60;
/** Allowance for the owner's clock running a little ahead of ours. */
const CLOCK_SKEW_SECONDS = 5 * 60;
const TOKEN_HASH_BYTES = 32;

/** An ISO 8601 instant with a zone (Z or an offset), e.g. 2026-05-01T09:30:00.000Z. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function registerInviteRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.post<{ Params: { vaultId: string } }>("/vaults/:vaultId/invites", async (request, reply) => {
    const { caller, vaultId } = await vaultAccess(ctx, request, "owner");
    const body = parseWith(inviteCreateRequest, jsonBody(request));
    const tokenHash = decodeBase64Url(body.tokenHash, "tokenHash", TOKEN_HASH_BYTES);
    const expiresAt = ISO_INSTANT.test(body.expiresAt) ? new Date(body.expiresAt) : undefined;
    if (expiresAt === undefined || Number.isNaN(expiresAt.getTime())) {
      throw invalidRequest(
        "expiresAt must be an ISO 8601 instant with a time zone, e.g. 2026-05-01T09:30:00Z.",
      );
    }
    const now = Date.now();
    if (expiresAt.getTime() <= now) throw invalidRequest("expiresAt must be in the future.");
    if (expiresAt.getTime() > now + (MAX_INVITE_SECONDS + CLOCK_SKEW_SECONDS) * 1000) {
      throw invalidRequest("expiresAt must be at most 7 days from now.");
    }
    const retry = await db.query("SELECT 1 FROM invites WHERE id = $1", [body.inviteId]);
    if (retry.rowCount === 0) await checkInviteQuota(db, ctx.quotas, vaultId, caller.accountId);
    const inserted = await db.query(
      `INSERT INTO invites (id, vault_id, created_by, token_hash, role, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
      [body.inviteId, vaultId, caller.accountId, tokenHash, body.role, expiresAt],
    );
    if (inserted.rowCount === 0) {
      // The same invite sent again (a retry) is fine; another one is not.
      const { rows } = await db.query<{ token_hash: Uint8Array; vault_id: string }>(
        "SELECT token_hash, vault_id FROM invites WHERE id = $1",
        [body.inviteId],
      );
      const existing = rows[0];
      const same =
        existing !== undefined &&
        existing.vault_id === vaultId &&
        Buffer.from(existing.token_hash).equals(tokenHash);
      if (!same) {
        throw new ApiError(
          409,
          "invalid-request",
          "inviteId is already in use; choose a new random id.",
        );
      }
    }
    return noContent(reply);
  });

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/invites", async (request) => {
    const { vaultId } = await vaultAccess(ctx, request, "owner");
    // Never the token hash, nor who used an invite: the owner sees that in the members list.
    const { rows } = await db.query<{
      id: string;
      role: "partner" | "viewer";
      status: InviteStatus;
      created_at: unknown;
      expires_at: unknown;
    }>(
      `SELECT id, role, created_at, expires_at,
              CASE WHEN used_at IS NOT NULL THEN 'used'
                   WHEN revoked_at IS NOT NULL THEN 'revoked'
                   WHEN expires_at <= now() THEN 'expired'
                   ELSE 'pending' END AS status
         FROM invites WHERE vault_id = $1
        ORDER BY created_at DESC, id DESC`,
      [vaultId],
    );
    return {
      invites: rows.map((row) => ({
        inviteId: row.id,
        role: row.role,
        status: row.status,
        createdAt: iso(row.created_at),
        expiresAt: iso(row.expires_at),
      })),
    };
  });

  api.delete<{ Params: { vaultId: string; inviteId: string } }>(
    "/vaults/:vaultId/invites/:inviteId",
    async (request, reply) => {
      const { caller, vaultId, itemId: inviteId } = await vaultItemCaller(ctx, request, "inviteId");
      await db.transaction(async (tx) => {
        await requireAccess(tx, vaultId, caller.accountId, "owner");
        // The row lock orders this against an accept of the same invite:
        // whichever commits first wins, and the other sees it.
        const { rows } = await tx.query<{ used: boolean; revoked: boolean }>(
          `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
             FROM invites WHERE id = $1 AND vault_id = $2 FOR UPDATE`,
          [inviteId, vaultId],
        );
        const invite = rows[0];
        if (invite === undefined) {
          throw new ApiError(404, "not-found", "This vault has no invite with this inviteId.");
        }
        if (invite.used) {
          throw new ApiError(
            409,
            "invite-used",
            "This invite has already been used; remove the member instead.",
          );
        }
        // Revoking again (a retry) is fine and keeps the first time.
        if (!invite.revoked) {
          await tx.query("UPDATE invites SET revoked_at = now() WHERE id = $1", [inviteId]);
        }
      });
      return noContent(reply);
    },
  );
}
