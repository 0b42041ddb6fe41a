/**
 * Sealed attachments (photos on circle posts, on a remembrance page):
 * `PUT/GET/DELETE /vaults/:vaultId/attachments/:attachmentId`.
 *
 * The bytes are `sealAttachment` output, sent and answered as
 * `application/octet-stream`; their key rides inside the sealed entry that
 * shows them, so the server keeps one more opaque blob under an id the
 * device chose, who put it and when, and nothing else.
 *
 * - PUT: owner or partner with a key ("writer"; not viewers, in a circle
 *   either). At most MAX_ATTACHMENT_BYTES (413 past it, before anything is
 *   read). The same bytes again under the same id is 200 (a retry), other
 *   bytes 409. Counted in the owning account's storage quota.
 * - GET: any member with a key. Sent as it is: sealed bytes don't compress.
 * - DELETE: owner or partner; 204, also when it was already gone (a retry).
 *
 * Like every vault route, a vault the caller is not a member of is 404,
 * word for word as one that does not exist.
 */
import { MAX_ATTACHMENT_BYTES } from "@trellis/sync";
import type { FastifyError, FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { noContent } from "../http/route-helpers.ts";
import { checkAccountStorage } from "../quotas/checks.ts";
import { lockVault, requireAccess } from "./access.ts";
import {
  ATTACHMENT_CONTENT_TYPE,
  attachmentBody,
  attachmentMediaType,
  attachmentTooLarge,
  refuseEncodedBody,
} from "./attachment-body.ts";
import { vaultItemCaller } from "./vault-request.ts";

type AttachmentPath = { Params: { vaultId: string; attachmentId: string } };
/** `attachmentPutResponse` in @trellis/sync. */
interface AttachmentPutResponse {
  attachmentId: string;
  bytes: number;
}

const PATH = "/vaults/:vaultId/attachments/:attachmentId";

const attachmentNotFound = () =>
  new ApiError(404, "not-found", "There is no attachment with this id in this vault.");

const attachmentConflict = () =>
  new ApiError(
    409,
    "invalid-request",
    "attachmentId is already used for other bytes in this vault; seal the photo under a new random id.",
  );

export function registerAttachmentRoutes(api: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  // A scope of their own: only these routes take raw bytes (and no JSON),
  // only up to the attachment limit; every other route still refuses them (415).
  api.register(async (scope) => {
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser(
      ATTACHMENT_CONTENT_TYPE,
      { parseAs: "buffer", bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    scope.addHook("preParsing", async (request, _reply, payload) => {
      if (request.method === "PUT") refuseEncodedBody(request);
      return payload;
    });
    // Fastify's body refusals in this scope's words; everything else goes
    // on to the app's error handler unchanged.
    scope.setErrorHandler((error: FastifyError) => {
      if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") throw attachmentTooLarge();
      if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") throw attachmentMediaType();
      throw error;
    });

    scope.put<AttachmentPath>(PATH, async (request, reply): Promise<AttachmentPutResponse> => {
      const { caller, vaultId, itemId } = await vaultItemCaller(ctx, request, "attachmentId");
      await requireAccess(db, vaultId, caller.accountId, "writer");
      const bytes = attachmentBody(request);
      const created = await db.transaction(async (tx) => {
        // The vault row's lock orders this with removals, rotations,
        // deletion and other uploads to the vault; the access check after
        // it sees any of them that committed first.
        await lockVault(tx, vaultId);
        await requireAccess(tx, vaultId, caller.accountId, "writer");
        const { rows } = await tx.query<{ same: boolean }>(
          `SELECT sealed = $3 AS same FROM vault_attachments
            WHERE vault_id = $1 AND attachment_id = $2`,
          [vaultId, itemId, bytes],
        );
        if (rows[0] !== undefined) {
          if (!rows[0].same) throw attachmentConflict();
          return false;
        }
        await checkAccountStorage(tx, ctx.quotas, vaultId, bytes.byteLength);
        await tx.query(
          `INSERT INTO vault_attachments (vault_id, attachment_id, sealed, size, stored_by)
           VALUES ($1, $2, $3, $4, $5)`,
          [vaultId, itemId, bytes, bytes.byteLength, caller.accountId],
        );
        await tx.query("UPDATE vaults SET attachment_bytes = attachment_bytes + $2 WHERE id = $1", [
          vaultId,
          bytes.byteLength,
        ]);
        return true;
      });
      reply.code(created ? 201 : 200);
      return { attachmentId: itemId, bytes: bytes.byteLength };
    });

    // compress: false: sealed bytes are random, compressing them is work for nothing.
    scope.get<AttachmentPath>(PATH, { compress: false }, async (request, reply) => {
      const { caller, vaultId, itemId } = await vaultItemCaller(ctx, request, "attachmentId");
      await requireAccess(db, vaultId, caller.accountId, "reader");
      const { rows } = await db.query<{ sealed: Uint8Array }>(
        "SELECT sealed FROM vault_attachments WHERE vault_id = $1 AND attachment_id = $2",
        [vaultId, itemId],
      );
      const sealed = rows[0]?.sealed;
      if (sealed === undefined) throw attachmentNotFound();
      reply.type(ATTACHMENT_CONTENT_TYPE);
      return Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    });

    scope.delete<AttachmentPath>(PATH, async (request, reply) => {
      const { caller, vaultId, itemId } = await vaultItemCaller(ctx, request, "attachmentId");
      await requireAccess(db, vaultId, caller.accountId, "writer");
      await db.transaction(async (tx) => {
        await lockVault(tx, vaultId);
        await requireAccess(tx, vaultId, caller.accountId, "writer");
        const { rows } = await tx.query<{ size: number }>(
          `DELETE FROM vault_attachments WHERE vault_id = $1 AND attachment_id = $2
           RETURNING size`,
          [vaultId, itemId],
        );
        if (rows[0] !== undefined) {
          await tx.query(
            "UPDATE vaults SET attachment_bytes = attachment_bytes - $2 WHERE id = $1",
            [vaultId, Number(rows[0].size)],
          );
        }
      });
      return noContent(reply);
    });
  });
}
