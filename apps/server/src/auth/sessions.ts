/**
 * Sessions: a random 32-byte bearer token per signed-in device. The server
 * keeps only its SHA-256, so a copy of the database can't be used to sign in.
 *
 * A session ends when signed out, or by age: after `idleSeconds` without a
 * request, or `maxAgeSeconds` after sign-in however much it is used (a
 * stolen token stops working in the end). Times are the database's clock,
 * the one clock every instance shares.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Queryable } from "../db/types.ts";
import { ApiError, unauthenticated } from "../http/errors.ts";

export const TOKEN_BYTES = 32;
/** lastSeenAt is written at most this often per session, not on every request. */
export const LAST_SEEN_RESOLUTION_SECONDS = 60;

/** How long a session lasts (from the configuration: TRELLIS_SESSION_IDLE_DAYS, _MAX_DAYS). */
export interface SessionLifetime {
  /** Ends after this long without a request. */
  readonly idleSeconds: number;
  /** Ends this long after sign-in, however much it is used. */
  readonly maxAgeSeconds: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = {
  idleSeconds: 30 * 24 * 60 * 60,
  maxAgeSeconds: 180 * 24 * 60 * 60,
};

/**
 * SQL condition: the session row `s` has ended by age. Every query using it
 * passes the lifetime as its parameters $2 (idle seconds) and $3 (maximum age).
 */
export const ENDED_BY_AGE = endedByAge(2, 3);

/** `ENDED_BY_AGE` with the lifetime in other parameters: `$<idle>` idle seconds, `$<max>` maximum age. */
export function endedByAge(idle: number, max: number): string {
  return `(s.last_seen_at < now() - make_interval(secs => $${idle}::double precision)
      OR s.created_at < now() - make_interval(secs => $${max}::double precision))`;
}

export interface NewSession {
  sessionId: string;
  token: string;
}

/** Who is calling. */
export interface Caller {
  sessionId: string;
  accountId: string;
}

export function hashToken(tokenBytes: Uint8Array): Buffer {
  return createHash("sha256").update(tokenBytes).digest();
}

export async function createSession(
  q: Queryable,
  accountId: string,
  deviceName: string,
): Promise<NewSession> {
  const tokenBytes = randomBytes(TOKEN_BYTES);
  const sessionId = randomUUID();
  await q.query(
    "INSERT INTO sessions (id, account_id, token_hash, device_name) VALUES ($1, $2, $3, $4)",
    [sessionId, accountId, hashToken(tokenBytes), deviceName],
  );
  return { sessionId, token: tokenBytes.toString("base64url") };
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;

/**
 * The refusal for a token whose session was signed out from another device of
 * the account: not `unauthenticated`, so the device knows to forget what it
 * holds rather than ask the person to sign in again.
 */
export const signedOutElsewhere = () =>
  new ApiError(
    401,
    "signed-out-elsewhere",
    "This session was signed out from another device of the account.",
  );

/**
 * Whether the session with this token hash was signed out from another
 * device (and not yet forgotten): `false`, or the account's signature on
 * erasing it (`null` when the device that did it sent none).
 */
export async function endedElsewhere(
  db: Queryable,
  tokenHash: Uint8Array,
): Promise<false | { signature: Uint8Array | null }> {
  const { rows } = await db.query<{ signature: Uint8Array | null }>(
    "SELECT signature FROM sessions_ended_elsewhere WHERE token_hash = $1",
    [Buffer.from(tokenHash)],
  );
  const row = rows[0];
  return row === undefined ? false : { signature: row.signature };
}

/**
 * The SHA-256 of the bearer token in an Authorization header. Throws 401
 * `unauthenticated` when the header is missing or malformed; never echoes it.
 */
export function bearerTokenHash(authorization: string | string[] | undefined): Buffer {
  if (authorization === undefined || authorization === "") {
    throw unauthenticated("Sign in first: send the header Authorization: Bearer <token>.");
  }
  const match = typeof authorization === "string" ? BEARER.exec(authorization) : null;
  const tokenBytes = match ? Buffer.from(match[1]!, "base64url") : undefined;
  if (tokenBytes === undefined || tokenBytes.toString("base64url") !== match![1]) {
    throw unauthenticated(
      "The Authorization header must be Bearer followed by a session token; sign in again.",
    );
  }
  return hashToken(tokenBytes);
}

/**
 * The session of a token hash ($1), with the lifetime ($2 idle, $3 maximum
 * seconds) and the last-seen resolution ($4): is it stale, has it ended by
 * age, how many seconds it has left.
 */
export const SESSION_BY_TOKEN = `SELECT s.id, s.account_id,
       s.last_seen_at < now() - make_interval(secs => $4::double precision) AS stale,
       ${ENDED_BY_AGE} AS expired,
       extract(epoch FROM least(
         s.last_seen_at + make_interval(secs => $2::double precision),
         s.created_at + make_interval(secs => $3::double precision)) - now()) AS remaining
  FROM sessions s WHERE s.token_hash = $1`;

/** A session found alive, and how long it has before it would end by age. */
export interface Authenticated {
  readonly caller: Caller;
  readonly tokenHash: Buffer;
  readonly remainingMs: number;
}

/**
 * The caller of a request, from `Authorization: Bearer <token>`. Throws 401
 * `unauthenticated` when the header is missing or the session has ended, and
 * 401 `signed-out-elsewhere` when another device of the account ended it.
 * Never echoes the header.
 */
export async function authenticate(
  db: Queryable,
  authorization: string | string[] | undefined,
  lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
): Promise<Caller> {
  return (await authenticateSession(db, authorization, lifetime)).caller;
}

/** `authenticate`, also saying how long the session has left (for the access cache). */
export async function authenticateSession(
  db: Queryable,
  authorization: string | string[] | undefined,
  lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
): Promise<Authenticated> {
  const tokenHash = bearerTokenHash(authorization);
  const { rows } = await db.query<{
    id: string;
    account_id: string;
    stale: boolean;
    expired: boolean;
    remaining: unknown;
  }>(SESSION_BY_TOKEN, [
    tokenHash,
    lifetime.idleSeconds,
    lifetime.maxAgeSeconds,
    LAST_SEEN_RESOLUTION_SECONDS,
  ]);
  const row = rows[0];
  if (row === undefined) {
    if (await endedElsewhere(db, tokenHash)) throw signedOutElsewhere();
    throw unauthenticated(
      "This session has ended (signed out, or the account was deleted); sign in again.",
    );
  }
  if (row.expired) {
    // Gone at once rather than at the next sweep: it leaves the device list,
    // and its open event streams end at their next check.
    await db.query(`DELETE FROM sessions s WHERE s.id = $1 AND ${ENDED_BY_AGE}`, [
      row.id,
      lifetime.idleSeconds,
      lifetime.maxAgeSeconds,
    ]);
    throw unauthenticated(
      "This session has expired (unused for too long, or signed in too long ago); sign in again.",
    );
  }
  if (row.stale) {
    // The condition repeats in SQL so concurrent requests write at most once.
    await db.query(
      `UPDATE sessions SET last_seen_at = now()
        WHERE id = $1 AND last_seen_at < now() - make_interval(secs => $2::double precision)`,
      [row.id, LAST_SEEN_RESOLUTION_SECONDS],
    );
  }
  return {
    caller: { sessionId: row.id, accountId: row.account_id },
    tokenHash,
    remainingMs: Number(row.remaining) * 1000,
  };
}
