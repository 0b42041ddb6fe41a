/**
 * Vaults themselves: `POST /vaults` (create, with the owner's first key
 * grant and its kind: a `record`, or a `circle`), `GET /vaults` (the
 * caller's, each with its kind) and `DELETE /vaults/:vaultId` (the
 * owner deletes it and everything in it).
 */
import { type Role, vaultCreateRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { noContent, parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { requireNoQuery } from "../http/validation.ts";
import { lockVault, requireAccess, type VaultKind } from "./access.ts";
import { vaultCaller } from "./vault-request.ts";

export function registerVaultLifecycleRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.post("/vaults", async (request) => {
    const caller = await ctx.caller(request);
    const body = parseJsonRequest(request, vaultCreateRequest);
    const grant = decodeBase64Url(body.ownerGrant, "ownerGrant");
    const kind: VaultKind = body.kind ?? "record";
    return db.transaction(async (tx) => {
      const created = await tx.query(
        "INSERT INTO vaults (id, kind) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id",
        [body.vaultId, kind],
      );
      if (created.rowCount === 0) {
        // A retry of our own create succeeds again; anyone else's id is taken.
        const { rows } = await tx.query<{ role: Role; current_epoch: number; kind: VaultKind }>(
          `SELECT m.role, v.current_epoch, v.kind FROM memberships m JOIN vaults v ON v.id = m.vault_id
            WHERE m.vault_id = $1 AND m.account_id = $2`,
          [body.vaultId, caller.accountId],
        );
        const mine = rows[0];
        if (mine?.role === "owner" && mine.kind !== kind) {
          throw new ApiError(
            409,
            "invalid-request",
            `vaultId is already your ${mine.kind} vault, so it can't be made a ${kind}; a retry must ask for the same kind (or choose a new random id).`,
          );
        }
        if (mine?.role === "owner") {
          return {
            vaultId: body.vaultId,
            role: mine.role,
            epoch: Number(mine.current_epoch),
            kind: mine.kind,
          };
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
      return { vaultId: body.vaultId, role: "owner" as const, epoch: 1, kind };
    });
  });

  api.get("/vaults", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const { rows } = await db.query<{
      vault_id: string;
      role: Role;
      current_epoch: number;
      kind: VaultKind;
    }>(
      `SELECT m.vault_id, m.role, v.current_epoch, v.kind
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
        kind: row.kind,
      })),
    };
  });

  api.delete<{ Params: { vaultId: string } }>("/vaults/:vaultId", async (request, reply) => {
    const { caller, vaultId } = await vaultCaller(ctx, request);
    requireNoQuery(request.query);
    await db.transaction(async (tx) => {
      await lockVault(tx, vaultId);
      await requireAccess(tx, vaultId, caller.accountId, "owner");
      // Events, attachments, memberships, grants and invites go with it (ON DELETE CASCADE).
      await tx.query("DELETE FROM vaults WHERE id = $1", [vaultId]);
    });
    ctx.access.forgetVault(vaultId);
    return noContent(reply);
  });
}
