/**
 * Wrong tries: the first four in a row are free (typos); from the fifth on,
 * the next try waits 2^(n-4) seconds (n = wrong tries so far), at most 15
 * minutes. Counted in the lock database, so a reload does not reset them.
 */

/** Wrong tries in a row that cost nothing. */
export const FREE_TRIES = 4;
export const LONGEST_WAIT_MS = 15 * 60_000;

/** How long to wait after `wrongTries` wrong tries in a row, in ms. */
export function waitAfter(wrongTries: number): number {
  if (wrongTries <= FREE_TRIES) return 0;
  return Math.min(2 ** (wrongTries - FREE_TRIES) * 1000, LONGEST_WAIT_MS);
}

/** When the next try may be made (epoch ms), or 0 when at once. */
export function nextTryAfter(wrongTries: number, now: number): number {
  const wait = waitAfter(wrongTries);
  return wait === 0 ? 0 : now + wait;
}
