/**
 * The history behind a snapshot (issue 15): a device that opened from one
 * pulls the log up to the snapshot's cursor in the background, a few pages
 * per round, opening and checking every entry as any pull does. The entries
 * wait in memory (a reload starts the history again; the screens keep
 * working from the snapshot meanwhile) and are stored all at once when the
 * last has arrived: then the device folds everything, uses that, and
 * forgets the snapshot (`SyncStore.completeHistory`). When the full fold
 * differs from the snapshot-based state, nothing is said to the person:
 * the full fold is simply the state from then on (logged for debugging).
 */
import type { Result, TrellisEvent } from "@trellis/domain";
import type { SyncFailure } from "../api.ts";
import { openAll } from "../engine/receive.ts";
import type { RoundContext } from "../engine/round.ts";

/** The cursor a device's snapshot covers, while its history is still to pull. */
export const historyKey = (vaultId: string) => `snapshot-history:${vaultId}`;

/** Entries pulled per round, so that a round (and what the person records) never waits long. */
const PER_ROUND = 5_000;

/** What has arrived so far, in memory. */
export interface HistoryProgress {
  /** Whether a round has run (the first one leaves the history to the next). */
  started?: boolean;
  after: number;
  events: TrellisEvent[];
  authors: Map<string, string>;
}

export const noHistory = (): HistoryProgress => ({ after: 0, events: [], authors: new Map() });

/**
 * Pulls the next pages of the history. True while more remains, false
 * when there is none (or it just completed).
 */
export async function pullHistory(ctx: RoundContext): Promise<Result<boolean, SyncFailure>> {
  const { storage, vaultId } = ctx;
  const wanted = await storage.getMeta<{ upTo: number } | null>(historyKey(vaultId));
  if (!wanted) return { ok: true, value: false };
  const progress = ctx.history;
  const refresh = { used: false };
  for (let pulled = 0; pulled < PER_ROUND; ) {
    const page = await ctx.api.pull(ctx.token, vaultId, progress.after, ctx.pullLimit);
    if (!page.ok) return page;
    const opened = await openInSlices(ctx, page.value.events, refresh);
    if (!opened.ok) return opened;
    for (const r of opened.value.received) {
      if (r.wire.seq > wanted.upTo) continue; // after the cursor: already taken in
      progress.events.push(r.event);
      if (r.author) progress.authors.set(r.event.id, r.author);
    }
    const held = opened.value.held.filter((h) => h.seq <= wanted.upTo);
    if (held.length > 0) await storage.hold(held);
    progress.after = page.value.next;
    pulled += page.value.events.length;
    if (!page.value.more || page.value.next >= wanted.upTo) {
      await finish(ctx, progress);
      return { ok: true, value: false };
    }
  }
  return { ok: true, value: true };
}

/** Entries opened between two yields to the screens: checking a signature is real work. */
const SLICE = 200;

/**
 * `openAll` a slice at a time, letting the page render in between: the
 * history runs while the person already uses the app, and opening 5,000
 * entries at once would hold the screens for a second or more.
 */
async function openInSlices(
  ctx: RoundContext,
  wires: Parameters<typeof openAll>[1],
  refresh: Parameters<typeof openAll>[2],
): ReturnType<typeof openAll> {
  const received = [];
  const held = [];
  const snapshots = [];
  for (let at = 0; at < wires.length; at += SLICE) {
    if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = await openAll(ctx, wires.slice(at, at + SLICE), refresh);
    if (!opened.ok) return opened;
    received.push(...opened.value.received);
    held.push(...opened.value.held);
    snapshots.push(...opened.value.snapshots);
  }
  return { ok: true, value: { received, held, snapshots } };
}

async function finish(ctx: RoundContext, progress: HistoryProgress): Promise<void> {
  await ctx.trust?.record(progress.authors);
  const { matched } = await ctx.storage.completeHistory(progress.events);
  await ctx.storage.setMeta(historyKey(ctx.vaultId), null);
  if (!matched) {
    // Not the person's concern: the whole log is folded and used from now on.
    console.info("trellis sync: the snapshot this device opened from differed from the full fold");
  }
  Object.assign(progress, noHistory(), { started: true });
}
