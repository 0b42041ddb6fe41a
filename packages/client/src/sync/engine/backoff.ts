/**
 * When to try again after a failure, and when not to: exponential backoff
 * with jitter, and the failures no retry can fix.
 */
import type { SyncFailure } from "../api.ts";

export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay, plus a
 * random part of the other half, so many devices coming back at once spread
 * out. Never less than the server's `retryAfter` (seconds).
 */
export function backoffDelay(
  attempt: number,
  random: number,
  options: BackoffOptions = {},
  retryAfterSeconds?: number,
): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 60_000;
  const exponential = Math.min(max, base * 2 ** Math.min(attempt, 30));
  const jittered = exponential / 2 + random * (exponential / 2);
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}

/** Failures retrying cannot fix: the session ended (here or from elsewhere), or this account left the vault. */
export function isFatal(failure: SyncFailure): boolean {
  return (
    failure.reason === "unauthenticated" ||
    failure.reason === "signed-out-elsewhere" ||
    failure.reason === "forbidden" ||
    failure.reason === "not-found"
  );
}
