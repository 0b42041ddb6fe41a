/**
 * Pulls everything after the vault's cursor, page by page, and takes it in.
 * The cursor moves only once what came before it is stored (taken in or
 * held), so nothing is skipped if the device stops half-way.
 */
import type { Result } from "@trellis/domain";
import type { HeldEvent } from "../../storage.ts";
import type { SyncFailure } from "../api.ts";
import { openFromSnapshot } from "../snapshot/open.ts";
import { sinceSnapshotKey } from "../snapshot/seal.ts";
import { cursorKey } from "./cursor.ts";
import { type OpenedSnapshot, openAll, type Received, takeIn } from "./receive.ts";
import type { RoundContext } from "./round.ts";

/** Events taken in per fold; a fresh device pulling a long journey folds a few times, not per page. */
const RECEIVE_CHUNK = 5_000;

/** Entries of a page after its newest snapshot head (all of them when it has none), and whether it had one. */
function afterSnapshot(
  count: number,
  wires: readonly { seq: number }[],
  snapshots: readonly OpenedSnapshot[],
): { count: number; reset: boolean } {
  const heads = snapshots.filter((s) => s.entry["trellis-snapshot-entry"] === "head");
  if (heads.length === 0) return { count: count + wires.length, reset: false };
  const newest = Math.max(...heads.map((h) => h.wire.seq));
  return { count: wires.filter((w) => w.seq > newest).length, reset: true };
}

export async function pull(
  ctx: RoundContext,
  onCursor: (cursor: number) => void,
): Promise<Result<void, SyncFailure>> {
  const { storage, api, token, vaultId, pullLimit } = ctx;
  let cursor = (await storage.getMeta<number>(cursorKey(vaultId))) ?? 0;
  if (cursor === 0 && storage.wholeRecord && storage.state.eventCount === 0) {
    // A new device: the newest snapshot and the entries after it, if there is one to trust.
    const from = await openFromSnapshot(ctx);
    if (from !== null) {
      cursor = from;
      await storage.setMeta(cursorKey(vaultId), cursor);
      onCursor(cursor);
    }
  }
  let since = (await storage.getMeta<number>(sinceSnapshotKey(vaultId))) ?? 0;
  const refresh = { used: false };
  let received: Received[] = [];
  let held: HeldEvent[] = [];
  // The cursor moves only once what came before it is stored (taken in or held).
  const flush = async () => {
    await takeIn(ctx, received, held);
    await storage.setMeta(cursorKey(vaultId), cursor);
    await storage.setMeta(sinceSnapshotKey(vaultId), since);
    received = [];
    held = [];
  };
  // The next page is asked for while this one is opened and validated, so a
  // new device pulling a long journey waits on the network and the CPU at once.
  let pending = api.pull(token, vaultId, cursor, pullLimit);
  for (;;) {
    const page = await pending;
    if (page.ok && page.value.more) pending = api.pull(token, vaultId, page.value.next, pullLimit);
    if (!page.ok) {
      if (received.length > 0 || held.length > 0) await flush();
      return page;
    }
    const opened = await openAll(ctx, page.value.events, refresh);
    if (!opened.ok) return opened;
    received.push(...opened.value.received);
    held.push(...opened.value.held);
    since = afterSnapshot(since, page.value.events, opened.value.snapshots).count;
    cursor = Math.max(cursor, page.value.next);
    onCursor(cursor);
    if (!page.value.more || received.length >= RECEIVE_CHUNK) await flush();
    if (!page.value.more) return { ok: true, value: undefined };
  }
}
