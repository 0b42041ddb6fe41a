/**
 * The notification sent when a vault gets new events: on the PostgreSQL
 * channel `trellis_vault_events`, payload `<vaultId>:<seq>` (the highest seq
 * the append stored). It carries no content: every instance listening learns
 * only that this vault has events up to that seq, and tells its open streams
 * for that vault.
 */
export const VAULT_EVENTS_CHANNEL = "trellis_vault_events";

export function formatVaultNotification(vaultId: string, seq: number): string {
  return `${vaultId}:${seq}`;
}

const PAYLOAD = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,16})$/;

/** The vault and seq of a notification, or undefined for anything else on the channel. */
export function parseVaultNotification(
  payload: string,
): { vaultId: string; seq: number } | undefined {
  const match = PAYLOAD.exec(payload);
  if (!match) return undefined;
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) ? { vaultId: match[1]!, seq } : undefined;
}
