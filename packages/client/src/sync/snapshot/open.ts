/**
 * A new device opens from the newest snapshot (issue 15). It reads the log
 * from the end (`pullBefore`), a page at a time, opening every entry as any
 * pull does; it stops once it holds a snapshot head, all of that head's
 * parts from the same author, and every entry after the head's cursor. The
 * snapshot is used only if its head and parts are signed by someone who
 * could write at that point (`EntryTrust.checkSnapshot`), the parts join and
 * unpack, the state decodes under this version's fold rules and says the
 * count and last stamp the head says, and every entry after the cursor
 * sorts after that stamp (else it could not be folded on). Then the device
 * takes the snapshot as its base, folds the tail onto it, and notes the
 * history to pull in the background (`history.ts`). Anything else: nothing
 * changes, and the device pulls everything from the start as before.
 *
 * The server only sees a device read the end of the log, as any new device
 * does; it cannot forge a snapshot (sealed and signed), and replaying an old
 * one later in the log only makes the device fold a longer tail (the cursor
 * is inside the signed body).
 */
import { decodeSnapshot, foldMore, type JourneyState } from "@trellis/domain";
import { packedToText, unpackJson } from "../../snapshot/pack.ts";
import type { HeldEvent } from "../../storage.ts";
import { type OpenedSnapshot, openAll, type Received, takeIn } from "../engine/receive.ts";
import type { RoundContext } from "../engine/round.ts";
import { joinParts, type SnapshotHead, type SnapshotPart } from "./entries.ts";
import { historyKey } from "./history.ts";
import { sinceSnapshotKey } from "./seal.ts";

const END = Number.MAX_SAFE_INTEGER;
/**
 * Entries per page read from the end: each read entry is decrypted and its
 * signature checked, so pages are small and entries at or before a head's
 * cursor are not opened at all.
 */
const SCAN_PAGE = 500;

/** The lowest cursor of the heads found: entries after it may be a tail; none before it is. */
function oldestCursor(scan: Scan): number {
  return Math.min(...scan.heads.map((h) => h.head.cursor));
}

interface Scan {
  received: Received[];
  held: HeldEvent[];
  heads: { at: OpenedSnapshot; head: SnapshotHead }[];
  parts: Map<string, { at: OpenedSnapshot; part: SnapshotPart }>;
  /** The lowest and highest seq read. */
  oldest: number;
  newest: number;
}

/** Whether `head`'s parts are all in, from its own author. */
function complete(scan: Scan, h: Scan["heads"][number]): boolean {
  return h.head.parts.every((id) => scan.parts.get(id)?.at.author === h.at.author);
}

/**
 * Tries to open this (empty) device from a snapshot. Returns the cursor to
 * pull on from when it did, or null to pull everything from the start.
 * Never fails the round: a failure here is left to the ordinary pull.
 */
export async function openFromSnapshot(
  ctx: RoundContext,
  /** For the bench: called as each stage ends. */
  mark?: (stage: "read" | "decoded") => void,
): Promise<number | null> {
  const every = ctx.snapshotEvery;
  if (!every) return null;
  // The newest snapshot is normally within `every` entries (and its parts) of the end.
  const budget = 2 * every + 1_000;
  const scan: Scan = {
    received: [],
    held: [],
    heads: [],
    parts: new Map(),
    oldest: END,
    newest: 0,
  };
  const refresh = { used: false };
  let before = END;
  let read = 0;
  let chosen: Scan["heads"][number] | undefined;
  for (;;) {
    const page = await ctx.api.pullBefore(ctx.token, ctx.vaultId, before, SCAN_PAGE);
    if (!page.ok || page.value.events.length === 0) return null;
    // Once a head is in hand, what lies at or before its cursor is the
    // history's to open (later, in the background), not this scan's.
    const wires =
      scan.heads.length === 0
        ? page.value.events
        : page.value.events.filter((w) => w.seq > oldestCursor(scan));
    const opened = await openAll(ctx, wires, refresh);
    if (!opened.ok) return null;
    scan.received.push(...opened.value.received);
    scan.held.push(...opened.value.held);
    for (const s of opened.value.snapshots) {
      if (s.entry["trellis-snapshot-entry"] === "head") scan.heads.push({ at: s, head: s.entry });
      else scan.parts.set(s.wire.id, { at: s, part: s.entry });
    }
    scan.oldest = Math.min(scan.oldest, page.value.events[0]!.seq);
    scan.newest = Math.max(scan.newest, page.value.next);
    read += page.value.events.length;
    // The newest head whose parts are all here; then read on until its cursor.
    chosen ??= [...scan.heads]
      .sort((a, b) => b.at.wire.seq - a.at.wire.seq)
      .find((h) => complete(scan, h));
    if (chosen && scan.oldest <= chosen.head.cursor + 1) break;
    if (!page.value.more) {
      if (!chosen) return null;
      break;
    }
    if (read >= budget) return null;
    before = page.value.events[0]!.seq;
  }
  mark?.("read");
  return (await useSnapshot(ctx, scan, chosen, mark)) ? scan.newest : null;
}

async function useSnapshot(
  ctx: RoundContext,
  scan: Scan,
  { at, head }: Scan["heads"][number],
  mark?: (stage: "decoded") => void,
): Promise<boolean> {
  const parts = new Map([...scan.parts].map(([id, p]) => [id, p.part]));
  const packed = joinParts(at.wire.id, head, parts);
  if (!packed) return false;
  const state = decodeSnapshot(await unpackJson(packed));
  if (!state || state.eventCount !== head.eventCount || state.lastHlc !== head.lastHlc) {
    return false;
  }
  mark?.("decoded");
  const tail = scan.received.filter((r) => r.wire.seq > head.cursor);
  if (!foldsOn(state, tail)) return false;
  const started = await ctx.storage.startFromSnapshot(state, {
    vaultId: ctx.vaultId,
    cursor: head.cursor,
    packed: packedToText(packed),
  });
  if (!started) return false;
  await takeIn(
    ctx,
    tail,
    scan.held.filter((h) => h.seq > head.cursor),
  );
  await ctx.storage.setMeta(historyKey(ctx.vaultId), { upTo: head.cursor });
  await ctx.storage.setMeta(
    sinceSnapshotKey(ctx.vaultId),
    scan.received.filter((r) => r.wire.seq > at.wire.seq).length,
  );
  return true;
}

/** Whether every entry after the cursor sorts after the snapshot's last stamp. */
function foldsOn(state: JourneyState, tail: readonly Received[]): boolean {
  return (
    foldMore(
      state,
      tail.map((r) => r.event),
    ) !== null
  );
}
