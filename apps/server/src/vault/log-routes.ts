/**
 * The membership log: `GET /vaults/:vaultId/log` (any member, pending ones
 * too: a new member checks who is in before trusting anyone) and
 * `POST …/log` (the owner appends the next entry). Each entry is signed by
 * the owner and chained by hash on the owner's device; the server cannot
 * check either and does not try. It only keeps the log append-only and in
 * order: an entry must come at the log's current length (`409 log-conflict`
 * otherwise, e.g. two of the owner's devices appending at once).
 */
import { membershipLogAppendRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { b64url, jsonBody, noContent } from "../http/route-helpers.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import { lockVault, requireAccess } from "./access.ts";
import { vaultAccess } from "./vault-request.ts";

export function registerLogRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/log", async (request) => {
    const { vaultId } = await vaultAccess(ctx, request, "member");
    const { rows } = await db.query<{ position: number; entry: Uint8Array }>(
      "SELECT position, entry FROM membership_log WHERE vault_id = $1 ORDER BY position",
      [vaultId],
    );
    return {
      entries: rows.map((row) => ({ position: Number(row.position), entry: b64url(row.entry) })),
    };
  });

  api.post<{ Params: { vaultId: string } }>("/vaults/:vaultId/log", async (request, reply) => {
    const { caller, vaultId } = await vaultAccess(ctx, request, "owner");
    const body = parseWith(membershipLogAppendRequest, jsonBody(request));
    const entry = decodeBase64Url(body.entry, "entry");
    await db.transaction(async (tx) => {
      await lockVault(tx, vaultId);
      await requireAccess(tx, vaultId, caller.accountId, "owner");
      const { rows } = await tx.query<{ length: number }>(
        "SELECT count(*)::int AS length FROM membership_log WHERE vault_id = $1",
        [vaultId],
      );
      const length = Number(rows[0]?.length ?? 0);
      if (body.position !== length) {
        throw new ApiError(
          409,
          "log-conflict",
          `position must be the log's length (${length}); fetch the log and sign the entry again.`,
        );
      }
      await tx.query("INSERT INTO membership_log (vault_id, position, entry) VALUES ($1, $2, $3)", [
        vaultId,
        body.position,
        entry,
      ]);
    });
    return noContent(reply);
  });
}
