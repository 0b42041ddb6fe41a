/**
 * The live stream of one vault (`GET /vaults/:vaultId/stream?after=<seq>`):
 * `text/event-stream`, read by clients with fetch streaming (so the
 * Authorization header can be sent). It says only "there are events up to
 * seq N" (`event: events`, `data: {"upTo":N}`); the client then pulls.
 * A comment line `: ping` every 25 s keeps proxies from closing it.
 *
 * Before each notice and each ping it checks again that the session still
 * exists and has not ended by age, and the account is still a member with a
 * key: a removed member, a signed-out or expired device or a deleted account
 * gets nothing more, and the stream ends. The checks of all the streams of a
 * vault are one query per notice, and one timer pings them all
 * (stream-checks.ts), so idle streams cost no timers and no queries of their own.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "../auth/sessions.ts";
import { securityHeadersFor } from "../http/security-headers.ts";
import type { VaultEventsHub } from "./live.ts";
import type { VaultStore } from "./store.ts";
import type { StreamChecks } from "./stream-checks.ts";

export const DEFAULT_STREAM_PING_MS = 25_000;

export interface StreamDeps {
  readonly store: VaultStore;
  readonly hub: VaultEventsHub;
  /** The shared access checks and ping timer (stream-checks.ts). */
  readonly checks: StreamChecks;
  /** Open streams, ended on shutdown: each entry ends its stream. */
  readonly open: Set<() => void>;
  /** Called once when the stream ends (the per-session stream count). */
  readonly onEnd?: () => void;
}

/**
 * Serves the stream. Access has already been checked. Subscribes before
 * reading the latest seq, so an append committed in between is not missed.
 */
export async function serveEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: StreamDeps,
  params: { vaultId: string; after: number; caller: Caller },
): Promise<void> {
  const { vaultId, caller } = params;
  let lastSent = params.after;
  let target = params.after;
  let catchUp = false;
  let pumping = false;
  let started = false;
  let ended = false;

  const pump = async (): Promise<void> => {
    if (pumping || ended || !started) return;
    pumping = true;
    try {
      while (!ended && (catchUp || target > lastSent)) {
        if (catchUp) {
          catchUp = false;
          target = Math.max(target, await deps.store.latestSeq(vaultId));
          continue;
        }
        const upTo = target;
        if (!(await deps.checks.allowed(vaultId, caller.sessionId))) {
          end();
          return;
        }
        if (ended) return;
        send(`event: events\ndata: {"upTo":${upTo}}\n\n`);
        lastSent = upTo;
      }
    } catch (error) {
      request.log.error({ err: error }, "vault stream failed");
      end();
    } finally {
      pumping = false;
    }
  };

  const unsubscribe = await deps.hub.subscribe(vaultId, (upTo) => {
    if (upTo === undefined) catchUp = true;
    else if (upTo > target) target = upTo;
    void pump();
  });
  let latest: number;
  try {
    latest = await deps.store.latestSeq(vaultId);
  } catch (error) {
    unsubscribe();
    throw error;
  }

  let stopPings: (() => void) | undefined;
  function end(): void {
    if (ended) return;
    ended = true;
    unsubscribe();
    stopPings?.();
    deps.open.delete(end);
    deps.onEnd?.();
    if (!reply.raw.writableEnded) reply.raw.end();
  }

  reply.hijack();
  // HTTP/2 (Trellis over TLS) frames the body itself and forbids the
  // connection header: write through the stream there.
  const h2 = request.raw.httpVersionMajor === 2;
  // Over HTTP/1.1, no chunked framing: the body ends when the connection
  // closes (it is `connection: close`), so each notice is one plain write to
  // the socket rather than a chunk header, the notice and a CRLF through the
  // HTTP layer's cork, which counts when one append reaches 10,000 streams.
  if (!h2) reply.raw.useChunkedEncodingByDefault = false;
  // HTTP/2 is spoken only over TLS here.
  const overTls = h2 || (request.raw.socket as { encrypted?: boolean } | null)?.encrypted === true;
  reply.raw.writeHead(200, {
    ...securityHeadersFor(request.hostname, overTls),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    // Tell nginx-style proxies not to buffer the stream.
    "x-accel-buffering": "no",
    // A stream holds its connection for as long as it lasts; when it ends,
    // let the connection go with it rather than idle in keep-alive.
    ...(h2 ? {} : { connection: "close" }),
  });
  reply.raw.flushHeaders();
  const socket = h2 ? null : reply.raw.socket;
  const send = h2
    ? (text: string) => {
        if (!reply.raw.destroyed && !reply.raw.writableEnded) reply.raw.write(text);
      }
    : (text: string) => {
        if (socket !== null && !socket.destroyed) socket.write(text);
      };
  reply.raw.on("close", end);
  deps.open.add(end);
  if (reply.raw.destroyed || request.raw.destroyed) {
    end(); // the client left before the stream started
    return;
  }

  stopPings = deps.checks.pinged({
    vaultId,
    sessionId: caller.sessionId,
    ping(ok) {
      if (ok instanceof Error) {
        request.log.error({ err: ok }, "vault stream access check failed");
        end();
      } else if (!ok) end();
      else if (!ended) send(": ping\n\n");
    },
  });

  started = true;
  if (latest > target) target = latest;
  await pump();
}
