/**
 * The event log routes: append, pull and the live stream. Only members get
 * here (`requireAccess`): owners and partners append, every member who has
 * been given the key reads.
 */
import { EVENT_PAGE_CONTENT_TYPE, encodeEventPage } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import {
  parseAppendBody,
  parsePullQuery,
  parseStreamQuery,
  requireJsonContentType,
} from "../http/validation.ts";
import { checkAppendQuotas } from "../quotas/checks.ts";
import { requireAccess } from "./access.ts";
import { envelopeEpoch } from "./envelope.ts";
import { serveEventStream } from "./stream.ts";
import { vaultCaller } from "./vault-request.ts";

export interface AppendResponse {
  results: { id: string; seq: number; stored: boolean }[];
}

export interface PullResponse {
  events: { seq: number; id: string; body: string; receivedAt: string }[];
  next: number;
  more: boolean;
}

/** True when the client lists the binary page type in its Accept header. */
function wantsBinaryPage(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept
    .split(",")
    .some((part) => part.split(";")[0]!.trim().toLowerCase() === EVENT_PAGE_CONTENT_TYPE);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

export function registerEventRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post<{ Params: { vaultId: string } }>(
    "/vaults/:vaultId/events",
    async (request): Promise<AppendResponse> => {
      const { caller, vaultId } = await vaultCaller(ctx, request);
      await requireAccess(ctx.db, vaultId, caller.accountId, "writer");
      requireJsonContentType(request.headers["content-type"]);
      const events = parseAppendBody(request.body);
      const secrets = await ctx.secrets();
      const results = await ctx.store.append(vaultId, events, {
        // Checked again inside the append, holding the membership and vault
        // rows, so a removal or a rotation that commits first is always seen.
        authorize: async (tx) => {
          const membership = await requireAccess(tx, vaultId, caller.accountId, "writer", {
            lock: true,
          });
          events.forEach((event, index) => {
            const epoch = envelopeEpoch(event.body);
            if (epoch !== undefined && epoch < membership.currentEpoch) {
              throw new ApiError(
                409,
                "stale-epoch",
                `events[${index}] is sealed with the key of epoch ${epoch}, but the vault's key is now epoch ${membership.currentEpoch}. Fetch the new key and seal it again.`,
              );
            }
          });
        },
        // Quotas (bytes, entries per day): over one, nothing is stored.
        afterInsert: (tx, stored) =>
          checkAppendQuotas(tx, ctx.quotas, secrets, {
            vaultId,
            accountId: caller.accountId,
            count: stored.count,
            vaultBytes: stored.vaultBytes,
          }),
      });
      return { results };
    },
  );

  api.get<{ Params: { vaultId: string } }>(
    "/vaults/:vaultId/events",
    async (request, reply): Promise<PullResponse | Buffer> => {
      const { caller, vaultId } = await vaultCaller(ctx, request);
      await requireAccess(ctx.db, vaultId, caller.accountId, "reader");
      const { after, limit, before } = parsePullQuery(request.query);
      const page =
        before === undefined
          ? await ctx.store.pull(vaultId, after, limit)
          : await ctx.store.pullBefore(vaultId, before, limit);
      reply.header("vary", "accept");
      if (wantsBinaryPage(request.headers.accept)) {
        // The same page without base64 or JSON around each body (see @trellis/sync event-pages).
        const bytes = encodeEventPage({
          events: page.events.map((event) => ({
            seq: event.seq,
            id: event.id,
            body: event.body,
            receivedAt: event.receivedAt.getTime(),
          })),
          next: page.next,
          more: page.more,
        });
        reply.type(EVENT_PAGE_CONTENT_TYPE);
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
      return {
        events: page.events.map((event) => ({
          seq: event.seq,
          id: event.id,
          body: toBase64(event.body),
          receivedAt: event.receivedAt.toISOString(),
        })),
        next: page.next,
        more: page.more,
      };
    },
  );

  api.get<{ Params: { vaultId: string } }>("/vaults/:vaultId/stream", async (request, reply) => {
    const { caller, vaultId } = await vaultCaller(ctx, request);
    await requireAccess(ctx.db, vaultId, caller.accountId, "reader");
    const { after } = parseStreamQuery(request.query);
    const release = ctx.streams.acquire(caller.sessionId);
    try {
      await serveEventStream(
        request,
        reply,
        {
          db: ctx.db,
          store: ctx.store,
          hub: ctx.hub,
          pingMs: ctx.streamPingMs,
          sessionLifetime: ctx.sessionLifetime,
          open: ctx.openStreams,
          onEnd: release,
        },
        { vaultId, after, caller },
      );
    } catch (error) {
      release();
      throw error;
    }
    return reply; // hijacked: the stream writes its own response
  });
}
