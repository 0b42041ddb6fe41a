/**
 * Joining by invite link: `POST /invites/:inviteId/accept`. The token is
 * checked against its stored hash in constant time; only someone holding it
 * learns the vault, the role and the owner's public identity (for the safety
 * code). The new member waits, pending, until the owner grants the key.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { inviteAcceptRequest, type Role } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/types.ts";
import { ApiError, forbidden } from "../http/errors.ts";
import { b64url, parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { parseUuidParam } from "../http/validation.ts";

const inviteInvalid = () =>
  new ApiError(404, "invite-invalid", "This invite link isn't valid. Please ask for a new one.");

const inviteUsed = () =>
  new ApiError(
    410,
    "invite-used",
    "This invite link has already been used. Please ask for a new one.",
  );

const inviteRevoked = () =>
  new ApiError(
    410,
    "invite-revoked",
    "The person who made this invite link has withdrawn it. Please ask them for a new one.",
  );

const inviteExpired = () =>
  new ApiError(410, "invite-expired", "This invite link has expired. Please ask for a new one.");

async function ownerOf(
  q: Queryable,
  vaultId: string,
): Promise<{ accountId: string; publicIdentity: { signingKey: string; boxKey: string } }> {
  const { rows } = await q.query<{
    account_id: string;
    signing_key: Uint8Array;
    box_key: Uint8Array;
  }>(
    `SELECT m.account_id, a.signing_key, a.box_key
       FROM memberships m JOIN accounts a ON a.id = m.account_id
      WHERE m.vault_id = $1 AND m.role = 'owner'`,
    [vaultId],
  );
  const row = rows[0];
  if (row === undefined) throw new Error("A vault without an owner.");
  return {
    accountId: row.account_id,
    publicIdentity: { signingKey: b64url(row.signing_key), boxKey: b64url(row.box_key) },
  };
}

export function registerInviteAcceptRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.post<{ Params: { inviteId: string } }>("/invites/:inviteId/accept", async (request) => {
    const caller = await ctx.caller(request);
    const inviteId = parseUuidParam(request.params.inviteId, "inviteId");
    const body = parseJsonRequest(request, inviteAcceptRequest);
    const tokenBytes = decodeBase64Url(body.token, "token");
    const tokenHash = createHash("sha256").update(tokenBytes).digest();
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<{
        vault_id: string;
        token_hash: Uint8Array;
        role: Role;
        live: boolean;
        used: boolean;
        used_by: string | null;
        revoked: boolean;
      }>(
        `SELECT vault_id, token_hash, role, expires_at > now() AS live,
                  used_at IS NOT NULL AS used, used_by, revoked_at IS NOT NULL AS revoked
             FROM invites WHERE id = $1 FOR UPDATE`,
        [inviteId],
      );
      const invite = rows[0];
      const stored = invite === undefined ? undefined : Buffer.from(invite.token_hash);
      // Constant-time: the comparison must not reveal how much of a guess was right.
      if (
        invite === undefined ||
        stored === undefined ||
        stored.byteLength !== tokenHash.byteLength ||
        !timingSafeEqual(stored, tokenHash)
      ) {
        throw inviteInvalid();
      }
      // Only someone holding the token learns anything past this point.
      const answer = async () => ({
        vaultId: invite.vault_id,
        role: invite.role,
        owner: await ownerOf(tx, invite.vault_id),
      });
      if (invite.used) {
        if (invite.used_by === caller.accountId) return answer(); // a retry
        throw inviteUsed();
      }
      if (invite.revoked) throw inviteRevoked();
      if (!invite.live) throw inviteExpired();
      const joined = await tx.query(
        `INSERT INTO memberships (vault_id, account_id, role) VALUES ($1, $2, $3)
           ON CONFLICT (vault_id, account_id) DO NOTHING`,
        [invite.vault_id, caller.accountId, invite.role],
      );
      if (joined.rowCount === 0) {
        throw forbidden("This account is already a member of this vault.");
      }
      await tx.query("UPDATE invites SET used_at = now(), used_by = $2 WHERE id = $1", [
        inviteId,
        caller.accountId,
      ]);
      return answer();
    });
  });
}
