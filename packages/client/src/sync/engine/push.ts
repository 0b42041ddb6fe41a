/**
 * Sends the outbox: seals each pending event and appends it, a batch at a
 * time, taking out of the outbox only what the server confirmed. Appends
 * are idempotent by event id, so a lost answer costs a resend, never a
 * double.
 */
import type { Result } from "@trellis/domain";
import type { SyncFailure } from "../api.ts";
import type { RoundContext } from "./round.ts";

export async function push(
  ctx: RoundContext,
  onPushed: () => void,
): Promise<Result<void, SyncFailure>> {
  const { storage, api, crypto, token, vaultId } = ctx;
  let refreshed = false;
  for (;;) {
    const batch = storage.pending().slice(0, ctx.pushBatch);
    if (batch.length === 0) return { ok: true, value: undefined };
    const sealed = batch.map((e) => crypto.seal(e));
    const sent = await api.append(token, vaultId, { events: sealed });
    if (!sent.ok) {
      if (sent.error.reason === "stale-epoch" && !refreshed) {
        // The vault moved to a new epoch (a member was removed): get the new key, seal again.
        refreshed = true;
        const r = await crypto.refresh();
        if (!r.ok) return r;
        continue;
      }
      return sent;
    }
    const confirmed = new Set(sent.value.results.map((r) => r.id));
    await storage.acknowledge(batch.map((e) => e.id).filter((id) => confirmed.has(id)));
    onPushed();
    if (confirmed.size === 0) {
      return { ok: false, error: { reason: "bad-response" } };
    }
  }
}
