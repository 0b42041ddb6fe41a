/**
 * Sends the outbox: seals each pending event and appends it, a batch at a
 * time, taking out of the outbox only what the server confirmed. Appends
 * are idempotent by event id, so a lost answer costs a resend, never a
 * double. The next batch is sealed while the previous one is on its way
 * (sealing is CPU, sending is waiting), so a first device sending a long
 * journey keeps both busy.
 */
import type { Result, TrellisEvent } from "@trellis/domain";
import { MAX_APPEND_BYTES, MAX_APPEND_EVENTS } from "@trellis/sync";
import type { SyncApi, SyncFailure } from "../api.ts";
import type { VaultCrypto } from "../vault-crypto.ts";
import type { RoundContext } from "./round.ts";

export interface SealedEntry {
  readonly id: string;
  readonly body: string;
}

/** The ids the server confirmed, and the highest seq it gave them. */
type Sent = Result<{ confirmed: Set<string>; upTo: number }, SyncFailure>;

/**
 * Splits sealed entries into append requests of at most `MAX_APPEND_EVENTS`
 * entries and about `MAX_APPEND_BYTES` of JSON each (one entry larger than
 * that still goes, alone).
 */
export function appendRequests(
  sealed: readonly SealedEntry[],
  maxEvents = MAX_APPEND_EVENTS,
): SealedEntry[][] {
  const out: SealedEntry[][] = [];
  let current: SealedEntry[] = [];
  let bytes = 0;
  for (const entry of sealed) {
    const size = entry.body.length + 64;
    if (current.length > 0 && (current.length >= maxEvents || bytes + size > MAX_APPEND_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Appends sealed entries, request by request; the ids the server confirmed. */
export async function appendSealed(
  api: SyncApi,
  token: string,
  vaultId: string,
  sealed: readonly SealedEntry[],
): Promise<Sent> {
  const confirmed = new Set<string>();
  let upTo = 0;
  for (const events of appendRequests(sealed)) {
    const sent = await api.append(token, vaultId, { events });
    if (!sent.ok) return sent;
    for (const r of sent.value.results) {
      confirmed.add(r.id);
      upTo = Math.max(upTo, r.seq);
    }
  }
  return { ok: true, value: { confirmed, upTo } };
}

/**
 * Seals and sends `events` in batches of `batch`, sealing batch k+1 while
 * batch k is on the wire; `onSent` after each batch with the ids confirmed.
 * Stops at the first failure (what was confirmed before it was reported).
 */
export async function sealAndSend(
  input: {
    readonly api: SyncApi;
    readonly token: string;
    readonly crypto: Pick<VaultCrypto, "vaultId" | "seal">;
    readonly events: readonly TrellisEvent[];
    readonly batch: number;
  },
  onSent: (
    batch: readonly TrellisEvent[],
    sent: { confirmed: Set<string>; upTo: number },
  ) => Promise<void> | void,
): Promise<Result<void, SyncFailure>> {
  const { api, token, crypto, events, batch } = input;
  const seal = (from: number) => events.slice(from, from + batch).map((e) => crypto.seal(e));
  let inFlight: { from: number; sending: Promise<Sent> } | null = null;
  for (let from = 0; from < events.length || inFlight; from += batch) {
    const next = from < events.length ? { from, sealed: seal(from) } : null;
    if (inFlight) {
      const sent = await inFlight.sending;
      if (!sent.ok) return sent;
      await onSent(events.slice(inFlight.from, inFlight.from + batch), sent.value);
    }
    inFlight = next
      ? { from: next.from, sending: appendSealed(api, token, crypto.vaultId, next.sealed) }
      : null;
  }
  return { ok: true, value: undefined };
}

export async function push(
  ctx: RoundContext,
  onPushed: () => void,
): Promise<Result<void, SyncFailure>> {
  const { storage, api, crypto, token } = ctx;
  let refreshed = false;
  for (;;) {
    // A cost waits in the outbox until this device holds a costs key to seal it with.
    const pending = storage.pending().filter((e) => crypto.canSeal(e));
    if (pending.length === 0) return { ok: true, value: undefined };
    let unconfirmed = false;
    const sent = await sealAndSend(
      { api, token, crypto, events: pending, batch: ctx.pushBatch },
      async (batch, { confirmed }) => {
        await storage.acknowledge(batch.map((e) => e.id).filter((id) => confirmed.has(id)));
        onPushed();
        if (confirmed.size === 0) unconfirmed = true;
      },
    );
    if (unconfirmed) return { ok: false, error: { reason: "bad-response" } };
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
  }
}
