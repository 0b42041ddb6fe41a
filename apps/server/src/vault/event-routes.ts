/**
 * The event log routes: append, pull and the live stream. Only members get
 * here (`requireAccess`): owners and partners append (in a circle vault
 * viewers too), every member who has been given the key reads.
 */
import { EVENT_PAGE_CONTENT_TYPE, encodeEventPage } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import {
  parseAppendBody,
  parsePullQuery,
  parseStreamQuery,
  requireJsonContentType,
} from "../http/validation.ts";
import { appendQuotas } from "../quotas/checks.ts";
import { requireAccess } from "./access.ts";
import { appendRefusal } from "./append-refusals.ts";
import { envelopeEpoch } from "./envelope.ts";
import { hotVaultAccess, refuseEnded } from "./hot-access.ts";
import { AppendRefused } from "./store.ts";
import { serveEventStream } from "./stream.ts";

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
      const { caller, vaultId } = await hotVaultAccess(ctx, request, "appender");
      requireJsonContentType(request.headers["content-type"]);
      const events = parseAppendBody(request.body);
      const secrets = await ctx.secrets();
      try {
        // One call: the writer is checked again inside it, holding the
        // membership and vault rows, so a removal or a rotation that commits
        // first is always seen; over a quota, nothing is stored.
        const results = await ctx.store.append(vaultId, events, {
          writer: {
            accountId: caller.accountId,
            sessionId: caller.sessionId,
            idleSeconds: ctx.sessionLifetime.idleSeconds,
            maxAgeSeconds: ctx.sessionLifetime.maxAgeSeconds,
            epochs: events.map((event) => envelopeEpoch(event.body)),
          },
          quotas: appendQuotas(ctx.quotas, secrets, vaultId, caller.accountId),
        });
        return { results };
      } catch (error) {
        if (!(error instanceof AppendRefused)) throw error;
        if (error.reason === "session-ended") {
          return refuseEnded(ctx, request, caller, vaultId, "appender");
        }
        ctx.access.forgetMember(vaultId, caller.accountId);
        throw appendRefusal(error, ctx.quotas);
      }
    },
  );

  api.get<{ Params: { vaultId: string } }>(
    "/vaults/:vaultId/events",
    async (request, reply): Promise<PullResponse | Buffer> => {
      const { caller, vaultId } = await hotVaultAccess(ctx, request, "reader");
      const { after, limit, before } = parsePullQuery(request.query);
      let page: Awaited<ReturnType<typeof ctx.store.pull>>;
      if (before === undefined) {
        page = await ctx.store.pull(vaultId, after, limit, {
          accountId: caller.accountId,
          sessionId: caller.sessionId,
          idleSeconds: ctx.sessionLifetime.idleSeconds,
          maxAgeSeconds: ctx.sessionLifetime.maxAgeSeconds,
        });
        if (page.refused) return refuseEnded(ctx, request, caller, vaultId, "reader");
      } else {
        // Reading from the end (a new device looking for the newest
        // snapshot) happens once per device: checked in full, not through
        // the access cache.
        await requireAccess(ctx.db, vaultId, caller.accountId, "reader");
        page = await ctx.store.pullBefore(vaultId, before, limit);
      }
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
    const { caller, vaultId } = await hotVaultAccess(ctx, request, "reader");
    const { after } = parseStreamQuery(request.query);
    const release = ctx.streams.acquire(caller.sessionId);
    try {
      await serveEventStream(
        request,
        reply,
        {
          store: ctx.store,
          hub: ctx.hub,
          checks: ctx.streamChecks,
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
