/**
 * Removing what has expired: login states, password proofs, registration
 * starts, recoveries, rate-limit windows,
 * sessions past their idle or maximum age, the hashes of sessions signed
 * out elsewhere once such a session would have reached its maximum age (its
 * token could no longer be used however it ended), and invites a week after
 * they expired; push items past their drop time and push devices not heard
 * from in PUSH_DEVICE_IDLE_DAYS. Every instance runs it now and then; running it twice at once is
 * harmless.
 */
import { DEFAULT_SESSION_LIFETIME, type SessionLifetime } from "./auth/sessions.ts";
import type { Queryable } from "./db/types.ts";
import { sweepPush } from "./push/store.ts";

export const HOUSEKEEPING_INTERVAL_MS = 5 * 60 * 1000;
/**
 * A push device that has not sent a schedule for this long goes, with its
 * queue (by then all past: items are at most 60 days ahead). A device still
 * in use sends one at least each time the app opens; one removed gets 401
 * and registers again.
 */
export const PUSH_DEVICE_IDLE_DAYS = 90;

export async function sweepExpired(
  db: Queryable,
  longestWindowSeconds: number,
  sessions: SessionLifetime = DEFAULT_SESSION_LIFETIME,
): Promise<void> {
  await db.query("DELETE FROM pending_logins WHERE expires_at < now()");
  await db.query("DELETE FROM recoveries WHERE expires_at < now()");
  await db.query("DELETE FROM reauths WHERE expires_at < now()");
  await db.query("DELETE FROM pending_registrations WHERE expires_at < now()");
  await db.query(
    "DELETE FROM rate_limits WHERE window_start < now() - make_interval(secs => $1::double precision)",
    [longestWindowSeconds],
  );
  // The same condition as ENDED_BY_AGE in auth/sessions.ts.
  await db.query(
    `DELETE FROM sessions
      WHERE last_seen_at < now() - make_interval(secs => $1::double precision)
         OR created_at < now() - make_interval(secs => $2::double precision)`,
    [sessions.idleSeconds, sessions.maxAgeSeconds],
  );
  await db.query(
    "DELETE FROM sessions_ended_elsewhere WHERE ended_at < now() - make_interval(secs => $1::double precision)",
    [sessions.maxAgeSeconds],
  );
  await db.query("DELETE FROM invites WHERE expires_at < now() - interval '7 days'");
  await sweepPush(db, PUSH_DEVICE_IDLE_DAYS);
}
