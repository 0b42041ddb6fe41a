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
 * gets nothing more, and the stream ends.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Caller, endedByAge, type SessionLifetime } from "../auth/sessions.ts";
import type { Queryable } from "../db/types.ts";
import { SECURITY_HEADERS } from "../http/security-headers.ts";
import type { VaultEventsHub } from "./live.ts";
import type { VaultStore } from "./store.ts";

export const DEFAULT_STREAM_PING_MS = 25_000;

export interface StreamDeps {
  readonly db: Queryable;
  readonly store: VaultStore;
  readonly hub: VaultEventsHub;
  readonly pingMs: number;
  readonly sessionLifetime: SessionLifetime;
  /** Open streams, ended on shutdown: each entry ends its stream. */
  readonly open: Set<() => void>;
  /** Called once when the stream ends (the per-session stream count). */
  readonly onEnd?: () => void;
}

async function stillAllowed(
  db: Queryable,
  lifetime: SessionLifetime,
  caller: Caller,
  vaultId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM sessions s
         JOIN memberships m ON m.account_id = s.account_id AND m.vault_id = $2
        WHERE s.id = $1
          AND NOT ${endedByAge(3, 4)}
          AND EXISTS (SELECT 1 FROM grants g
                       WHERE g.vault_id = m.vault_id AND g.account_id = m.account_id)
     ) AS ok`,
    [caller.sessionId, vaultId, lifetime.idleSeconds, lifetime.maxAgeSeconds],
  );
  return rows[0]?.ok === true;
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
        if (!(await stillAllowed(deps.db, deps.sessionLifetime, caller, vaultId))) {
          end();
          return;
        }
        if (ended) return;
        reply.raw.write(`event: events\ndata: ${JSON.stringify({ upTo })}\n\n`);
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

  let ping: NodeJS.Timeout | undefined;
  function end(): void {
    if (ended) return;
    ended = true;
    unsubscribe();
    if (ping !== undefined) clearInterval(ping);
    deps.open.delete(end);
    deps.onEnd?.();
    if (!reply.raw.writableEnded) reply.raw.end();
  }

  reply.hijack();
  reply.raw.writeHead(200, {
    ...SECURITY_HEADERS,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    // Tell nginx-style proxies not to buffer the stream.
    "x-accel-buffering": "no",
    // A stream holds its connection for as long as it lasts; when it ends,
    // let the connection go with it rather than idle in keep-alive.
    connection: "close",
  });
  reply.raw.flushHeaders();
  reply.raw.on("close", end);
  deps.open.add(end);
  if (reply.raw.destroyed || request.raw.destroyed) {
    end(); // the client left before the stream started
    return;
  }

  ping = setInterval(() => {
    stillAllowed(deps.db, deps.sessionLifetime, caller, vaultId).then(
      (ok) => {
        if (!ok) end();
        else if (!ended) reply.raw.write(": ping\n\n");
      },
      (error: unknown) => {
        request.log.error({ err: error }, "vault stream access check failed");
        end();
      },
    );
  }, deps.pingMs);
  ping.unref();

  started = true;
  if (latest > target) target = latest;
  await pump();
}
