/**
 * Vault routes: creating and listing vaults, members, key grants, invites
 * (made, listed, revoked, accepted), removing members and deleting a vault. The server stores what these carry
 * (ids, roles, sealed grants, token hashes) and can read none of the keys.
 *
 * Every route asks `requireAccess` first: a vault the caller is not a member
 * of answers 404, exactly as a vault that does not exist.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import {
  type InviteStatus,
  inviteAcceptRequest,
  inviteCreateRequest,
  putGrantsRequest,
  type Role,
  vaultCreateRequest,
} from "@trellis/sync";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/types.ts";
import { ApiError, forbidden, invalidRequest } from "../http/errors.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import {
  parseUuidParam,
  parseVaultId,
  requireJsonContentType,
  requireNoQuery,
} from "../http/validation.ts";
import { requireAccess } from "./access.ts";

/** Invites live at most this long. */
export const MAX_INVITE_SECONDS = 7 * 24 * 60 * 60;
/** Allowance for the owner's clock running a little ahead of ours. */
const CLOCK_SKEW_SECONDS = 5 * 60;
const TOKEN_HASH_BYTES = 32;

const b64url = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
const iso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

/** An ISO 8601 instant with a zone (Z or an offset), e.g. 2026-05-01T09:30:00.000Z. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const inviteInvalid = () =>
  new ApiError(404, "invite-invalid", "This invite link isn't valid. Please ask for a new one.");

function jsonBody(request: FastifyRequest): unknown {
  requireJsonContentType(request.headers["content-type"]);
  return request.body;
}

function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

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

/** Takes the vault row's write lock (no-op for a vault that doesn't exist; access checks follow). */
async function lockVault(tx: Queryable, vaultId: string): Promise<void> {
  await tx.query("SELECT 1 FROM vaults WHERE id = $1 FOR UPDATE", [vaultId]);
}

export function registerVaultRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.post("/vaults", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const body = parseWith(vaultCreateRequest, jsonBody(request));
    const grant = decodeBase64Url(body.ownerGrant, "ownerGrant");
    return db.transaction(async (tx) => {
      const created = await tx.query(
        "INSERT INTO vaults (id) VALUES ($1) ON CONFLICT (id) DO NOTHING RETURNING id",
        [body.vaultId],
      );
      if (created.rowCount === 0) {
        // A retry of our own create succeeds again; anyone else's id is taken.
        const { rows } = await tx.query<{ role: Role; current_epoch: number }>(
          `SELECT m.role, v.current_epoch FROM memberships m JOIN vaults v ON v.id = m.vault_id
            WHERE m.vault_id = $1 AND m.account_id = $2`,
          [body.vaultId, caller.accountId],
        );
        const mine = rows[0];
        if (mine?.role === "owner") {
          return { vaultId: body.vaultId, role: mine.role, epoch: Number(mine.current_epoch) };
        }
        throw new ApiError(
          409,
          "invalid-request",
          "vaultId is already taken; choose a new random id.",
        );
      }
      await tx.query(
        "INSERT INTO memberships (vault_id, account_id, role) VALUES ($1, $2, 'owner')",
        [body.vaultId, caller.accountId],
      );
      await tx.query(
        `INSERT INTO grants (vault_id, account_id, epoch, sealed_grant, granted_by)
         VALUES ($1, $2, 1, $3, $2)`,
        [body.vaultId, caller.accountId, grant],
      );
      return { vaultId: body.vaultId, role: "owner" as const, epoch: 1 };
    });
  });

  api.get("/vaults", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const { rows } = await db.query<{ vault_id: string; role: Role; current_epoch: number }>(
      `SELECT m.vault_id, m.role, v.current_epoch
         FROM memberships m JOIN vaults v ON v.id = m.vault_id
        WHERE m.account_id = $1
        ORDER BY m.joined_at, m.vault_id`,
      [caller.accountId],
    );
    return {
      vaults: rows.map((row) => ({
        vaultId: row.vault_id,
        role: row.role,
        epoch: Number(row.current_epoch),
      })),
    };
  });

  api.delete<{ Params: { vaultId: string } }>("/vaults/:vaultId", async (request, reply) => {
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    await db.transaction(async (tx) => {
      await lockVault(tx, vaultId);
      await requireAccess(tx, vaultId, caller.accountId, "owner");
      // Events, memberships, grants and invites go with it (ON DELETE CASCADE).
      await tx.query("DELETE FROM vaults WHERE id = $1", [vaultId]);
    });
    return noContent(reply);
  });

  // --- Members ------------------------------------------------------------

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/members", async (request) => {
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    const membership = await requireAccess(db, vaultId, caller.accountId, "member");
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
      const caller = await ctx.caller(request);
      const vaultId = parseVaultId(request.params.vaultId);
      const target = parseUuidParam(request.params.accountId, "accountId");
      requireNoQuery(request.query);
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
      return noContent(reply);
    },
  );

  // --- Grants -------------------------------------------------------------

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/grants/mine", async (request) => {
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    await requireAccess(db, vaultId, caller.accountId, "member");
    const { rows } = await db.query<{
      epoch: number;
      sealed_grant: Uint8Array;
      granted_by: string;
      signing_key: Uint8Array;
    }>(
      `SELECT g.epoch, g.sealed_grant, g.granted_by, a.signing_key
         FROM grants g JOIN accounts a ON a.id = g.granted_by
        WHERE g.vault_id = $1 AND g.account_id = $2
        ORDER BY g.epoch`,
      [vaultId, caller.accountId],
    );
    return {
      grants: rows.map((row) => ({
        epoch: Number(row.epoch),
        grant: b64url(row.sealed_grant),
        grantedBy: row.granted_by,
        signerKey: b64url(row.signing_key),
      })),
    };
  });

  api.put<{ Params: { vaultId: string } }>("/vaults/:vaultId/grants", async (request, reply) => {
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    await requireAccess(db, vaultId, caller.accountId, "owner");
    const body = parseWith(putGrantsRequest, jsonBody(request));
    const seen = new Set<string>();
    const grants = body.grants.map((entry, index) => {
      if (seen.has(entry.accountId)) {
        throw invalidRequest(
          `grants[${index}].accountId appears twice; send one grant per member.`,
        );
      }
      seen.add(entry.accountId);
      return {
        accountId: entry.accountId,
        bytes: decodeBase64Url(entry.grant, `grants[${index}].grant`),
      };
    });
    await db.transaction(async (tx) => {
      // Lock the vault row first: grant changes and rotations happen one at
      // a time, and appends (which share-lock it) wait for a rotation.
      await lockVault(tx, vaultId);
      const membership = await requireAccess(tx, vaultId, caller.accountId, "owner");
      const current = membership.currentEpoch;
      const rotating = body.epoch === current + 1;
      const staleEpoch = () =>
        new ApiError(
          409,
          "stale-epoch",
          `epoch must be the vault's current key epoch (${current}) or the next one (${current + 1}).`,
        );
      if (body.epoch > current + 1) throw staleEpoch();
      if (body.epoch < current) {
        // Older keys, so a member can read the history, only for members who
        // already hold the current one: an owner's device that missed a
        // rotation learns so here instead of handing out a retired key.
        const { rows: holders } = await tx.query<{ account_id: string }>(
          "SELECT account_id FROM grants WHERE vault_id = $1 AND epoch = $2",
          [vaultId, current],
        );
        const holding = new Set(holders.map((h) => h.account_id));
        if (!grants.every((entry) => holding.has(entry.accountId))) throw staleEpoch();
      }
      if (rotating && !seen.has(caller.accountId)) {
        throw invalidRequest(
          "grants must include one for the owner when starting a new epoch, or the new key would be lost.",
        );
      }
      const { rows: members } = await tx.query<{ account_id: string }>(
        "SELECT account_id FROM memberships WHERE vault_id = $1",
        [vaultId],
      );
      const memberIds = new Set(members.map((m) => m.account_id));
      grants.forEach((entry, index) => {
        if (!memberIds.has(entry.accountId)) {
          throw invalidRequest(`grants[${index}].accountId is not a member of this vault.`);
        }
      });
      for (const entry of grants) {
        await tx.query(
          `INSERT INTO grants (vault_id, account_id, epoch, sealed_grant, granted_by)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (vault_id, account_id, epoch)
             DO UPDATE SET sealed_grant = EXCLUDED.sealed_grant,
                           granted_by = EXCLUDED.granted_by,
                           created_at = now()`,
          [vaultId, entry.accountId, body.epoch, entry.bytes, caller.accountId],
        );
      }
      if (rotating) {
        await tx.query("UPDATE vaults SET current_epoch = $2 WHERE id = $1", [vaultId, body.epoch]);
      }
    });
    return noContent(reply);
  });

  // --- Invites ------------------------------------------------------------

  api.post<{ Params: { vaultId: string } }>("/vaults/:vaultId/invites", async (request, reply) => {
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    await requireAccess(db, vaultId, caller.accountId, "owner");
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
    const caller = await ctx.caller(request);
    const vaultId = parseVaultId(request.params.vaultId);
    requireNoQuery(request.query);
    await requireAccess(db, vaultId, caller.accountId, "owner");
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
      const caller = await ctx.caller(request);
      const vaultId = parseVaultId(request.params.vaultId);
      const inviteId = parseUuidParam(request.params.inviteId, "inviteId");
      requireNoQuery(request.query);
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

  api.post<{ Params: { inviteId: string } }>("/invites/:inviteId/accept", async (request) => {
    const caller = await ctx.caller(request);
    const inviteId = parseUuidParam(request.params.inviteId, "inviteId");
    requireNoQuery(request.query);
    const body = parseWith(inviteAcceptRequest, jsonBody(request));
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
        throw new ApiError(
          410,
          "invite-used",
          "This invite link has already been used. Please ask for a new one.",
        );
      }
      if (invite.revoked) {
        throw new ApiError(
          410,
          "invite-revoked",
          "The person who made this invite link has withdrawn it. Please ask them for a new one.",
        );
      }
      if (!invite.live) {
        throw new ApiError(
          410,
          "invite-expired",
          "This invite link has expired. Please ask for a new one.",
        );
      }
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
