/**
 * Rate limits, kept in the database so that every instance counts together:
 * fixed windows per key, where a key is an HMAC of "scope|username" or
 * "scope|address" (the table holds neither).
 *
 * Why sign-in counts *starts*: with OPAQUE the client learns whether a
 * password was right from the login-start response alone, before it calls
 * finish. So every start counts as a failed attempt, and a successful finish
 * gives the attempt back (`refund`). Someone guessing passwords never
 * finishes, and is stopped after `limit` starts.
 */
import type { Queryable } from "../db/types.ts";
import { ApiError } from "../http/errors.ts";
import { type ServerSecrets, serverHmac } from "./secrets.ts";

export interface RateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateLimits {
  /** Sign-in attempts per username (starts not followed by a successful finish). */
  readonly loginPerUsername: RateLimit;
  /** Sign-in attempts per client address. */
  readonly loginPerAddress: RateLimit;
  /** Recovery starts per username. */
  readonly recoveryPerUsername: RateLimit;
  /** Recovery starts per client address. */
  readonly recoveryPerAddress: RateLimit;
  /** Registration starts per client address (slows down probing which usernames exist). */
  readonly registrationPerAddress: RateLimit;
  /** Registration finishes per client address (a finish also answers whether a name is taken). */
  readonly registrationFinishPerAddress: RateLimit;
  /** "Was this session signed out elsewhere?" asks per client address (`POST /sessions/ended`). */
  readonly sessionEndedPerAddress: RateLimit;
  /** Push devices made per client address (`POST /push/devices`, no account needed). */
  readonly pushDevicePerAddress: RateLimit;
}

const FIFTEEN_MINUTES = 15 * 60;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerUsername: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
  loginPerAddress: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  recoveryPerUsername: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
  recoveryPerAddress: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  registrationPerAddress: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  registrationFinishPerAddress: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  sessionEndedPerAddress: { limit: 120, windowSeconds: FIFTEEN_MINUTES },
  pushDevicePerAddress: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
};

export interface RateCounter {
  readonly key: Buffer;
  readonly rule: RateLimit;
}

export function rateCounter(
  secrets: ServerSecrets,
  scope: string,
  value: string,
  rule: RateLimit,
): RateCounter {
  return { key: serverHmac(secrets, `rate|${scope}`, value), rule };
}

/**
 * Counts one attempt on every counter. When any is over its limit, throws
 * 429 `rate-limited` with the seconds until its window ends.
 */
export async function consume(
  db: Queryable,
  counters: readonly RateCounter[],
  message: (minutes: number) => string,
): Promise<void> {
  let retryAfter = 0;
  for (const { key, rule } of counters) {
    const { rows } = await db.query<{ count: number; retry_after: number }>(
      `INSERT INTO rate_limits AS r (key, window_start, count) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2::double precision)
                             THEN now() ELSE r.window_start END,
         count = CASE WHEN r.window_start <= now() - make_interval(secs => $2::double precision)
                      THEN 1 ELSE r.count + 1 END
       RETURNING count,
         ceil(extract(epoch FROM (window_start + make_interval(secs => $2::double precision) - now())))::integer AS retry_after`,
      [key, rule.windowSeconds],
    );
    const row = rows[0]!;
    if (Number(row.count) > rule.limit) retryAfter = Math.max(retryAfter, Number(row.retry_after));
  }
  if (retryAfter > 0) {
    throw new ApiError(429, "rate-limited", message(Math.ceil(retryAfter / 60)), retryAfter);
  }
}

/** Gives back one attempt on every counter (a sign-in that succeeded was not a failure). */
export async function refund(db: Queryable, counters: readonly RateCounter[]): Promise<void> {
  for (const { key, rule } of counters) {
    await db.query(
      `UPDATE rate_limits SET count = count - 1
        WHERE key = $1 AND count > 0
          AND window_start > now() - make_interval(secs => $2::double precision)`,
      [key, rule.windowSeconds],
    );
  }
}
