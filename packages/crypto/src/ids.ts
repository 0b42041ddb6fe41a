/**
 * Ids that go into associated data are joined with `|`, so they must never
 * contain one: otherwise `a|b` + `c` and `a` + `b|c` would bind the same
 * bytes. Trellis ids are UUIDv7 text; we accept a slightly wider, safe set.
 */
const AD_SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function isAdSafeId(id: string): boolean {
  return AD_SAFE_ID.test(id);
}

/** For ids that come from this device: a bad one is a bug, so it throws. */
export function assertAdSafeId(id: string, what: string): void {
  if (!isAdSafeId(id)) {
    throw new TypeError(
      `${what} must be 1-128 characters of A-Z a-z 0-9 . _ : - (got ${id.length})`,
    );
  }
}
