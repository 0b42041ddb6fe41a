/**
 * Key grants: `GET /vaults/:vaultId/grants/mine` (the caller's sealed vault
 * keys, every epoch) and `PUT …/grants` (the owner hands out a key, or starts
 * a new epoch after someone leaves). The grants are sealed on the owner's
 * device; the server stores them and can read none.
 */
import { putGrantsRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError, invalidRequest } from "../http/errors.ts";
import { b64url, jsonBody, noContent } from "../http/route-helpers.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import { lockVault, requireAccess } from "./access.ts";
import { vaultAccess } from "./vault-request.ts";

export function registerGrantRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/grants/mine", async (request) => {
    const { caller, vaultId } = await vaultAccess(ctx, request, "member");
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
    const { caller, vaultId } = await vaultAccess(ctx, request, "owner");
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
}
