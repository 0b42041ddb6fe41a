/** Where each vault's pull cursor is kept. */
const CURSOR_PREFIX = "sync-cursor:";

/** Where a vault's cursor (the last sequence number taken in) is kept in the device's settings. */
export function cursorKey(vaultId: string): string {
  return `${CURSOR_PREFIX}${vaultId}`;
}
