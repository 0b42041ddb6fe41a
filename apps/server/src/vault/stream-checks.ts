/**
 * The access checks of open live streams, shared: before each notice and
 * each ping a stream asks "may this session still read this vault?" (session
 * alive and not ended by age, account a member with a key). Asked one by
 * one, a notice to a vault with 10,000 streams was 10,000 queries, and pings
 * one query per stream every 25 s. Here every check asked for a vault in
 * one turn of the event loop becomes one query, and one timer pings every
 * stream of the instance.
 */
import type { SessionLifetime } from "../auth/sessions.ts";
import type { Queryable } from "../db/types.ts";

/** Which of sessions $2 may still read vault $1 (idle $3, maximum age $4 seconds). */
export const STREAM_ACCESS = `SELECT s.id
  FROM sessions s
  JOIN memberships m ON m.account_id = s.account_id AND m.vault_id = $1
 WHERE s.id = ANY ($2::uuid[])
   AND s.last_seen_at >= now() - make_interval(secs => $3::double precision)
   AND s.created_at >= now() - make_interval(secs => $4::double precision)
   AND EXISTS (SELECT 1 FROM grants g WHERE g.vault_id = $1 AND g.account_id = m.account_id)`;

interface Waiter {
  resolve(ok: boolean): void;
  reject(error: unknown): void;
}

/** A stream as the ping timer sees it. */
export interface PingedStream {
  readonly vaultId: string;
  readonly sessionId: string;
  /** Called every ping interval with the check's answer (or its failure). */
  ping(ok: boolean | Error): void;
}

export interface StreamChecks {
  /** Whether the session may still read the vault; batched with the other checks of this turn. */
  allowed(vaultId: string, sessionId: string): Promise<boolean>;
  /** Pings the stream every interval until the returned function is called. */
  pinged(stream: PingedStream): () => void;
  /** Queries made so far (for tests: one per vault per turn). */
  readonly queries: number;
}

export function createStreamChecks(
  db: Queryable,
  lifetime: SessionLifetime,
  pingMs: number,
): StreamChecks {
  const pending = new Map<string, Map<string, Waiter[]>>();
  let flushing = false;
  let queries = 0;

  const check = async (vaultId: string, sessions: Map<string, Waiter[]>) => {
    try {
      queries += 1;
      const { rows } = await db.query<{ id: string }>(STREAM_ACCESS, [
        vaultId,
        [...sessions.keys()],
        lifetime.idleSeconds,
        lifetime.maxAgeSeconds,
      ]);
      const ok = new Set(rows.map((row) => String(row.id)));
      for (const [sessionId, waiters] of sessions)
        for (const waiter of waiters) waiter.resolve(ok.has(sessionId));
    } catch (error) {
      for (const waiters of sessions.values()) for (const waiter of waiters) waiter.reject(error);
    }
  };

  const flush = () => {
    flushing = false;
    const batch = [...pending];
    pending.clear();
    for (const [vaultId, sessions] of batch) void check(vaultId, sessions);
  };

  const streams = new Set<PingedStream>();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    for (const stream of streams) {
      allowed(stream.vaultId, stream.sessionId).then(
        (ok) => stream.ping(ok),
        (error: unknown) => stream.ping(error instanceof Error ? error : new Error(String(error))),
      );
    }
  };

  function allowed(vaultId: string, sessionId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      let sessions = pending.get(vaultId);
      if (sessions === undefined) {
        sessions = new Map();
        pending.set(vaultId, sessions);
      }
      const waiters = sessions.get(sessionId);
      if (waiters === undefined) sessions.set(sessionId, [{ resolve, reject }]);
      else waiters.push({ resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    });
  }

  return {
    allowed,
    pinged(stream) {
      streams.add(stream);
      if (timer === undefined) {
        timer = setInterval(tick, pingMs);
        timer.unref();
      }
      return () => {
        streams.delete(stream);
        if (streams.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    get queries() {
      return queries;
    },
  };
}
