/**
 * What comes from the server, taken in or held aside: each event is opened,
 * parsed and validated; anything wrong (or stamped too far ahead) is held
 * with a reason, never applied and never dropped, and tried again on the
 * next round, when a new key or a newer app may open it.
 */
import { parseEvent, type Result, type TrellisEvent } from "@trellis/domain";
import type { HeldEvent } from "../../storage.ts";
import type { SyncFailure } from "../api.ts";
import { fromBase64, toBase64 } from "../base64.ts";
import { isCostEventType } from "../costs-keys.ts";
import { isSnapshotEntry, readSnapshotEntry, type SnapshotEntry } from "../snapshot/entries.ts";
import type { RoundContext } from "./round.ts";

/** One event as the server holds it: still sealed. */
export interface Wire {
  readonly id: string;
  readonly seq: number;
  readonly body: Uint8Array;
}

export interface Received {
  readonly event: TrellisEvent;
  readonly wire: Wire;
  /** The verified author's account id (with an `EntryTrust`). */
  readonly author?: string;
}

/** A snapshot entry (not an event): used by a new device, skipped by every other. */
export interface OpenedSnapshot {
  readonly wire: Wire;
  readonly entry: SnapshotEntry;
  /** The verified author's account id; null without an `EntryTrust` (engine tests). */
  readonly author: string | null;
}

/** Held because this device holds no costs key for it: kept, retried, never counted as a problem. */
export const COSTS_WITHHELD = "costs-withheld";

type Opened =
  | { ok: true; received: Received }
  | { ok: "snapshot"; snapshot: OpenedSnapshot | null }
  | { ok: false; held: HeldEvent };

function heldFrom(ctx: RoundContext, wire: Wire, reason: string, detail?: string): HeldEvent {
  return {
    vaultId: ctx.vaultId,
    id: wire.id,
    seq: wire.seq,
    body: toBase64(wire.body),
    reason,
    ...(detail !== undefined && { detail }),
    heldAt: ctx.clock.now(),
  };
}

/** Opens, parses and validates one event from the server; anything wrong is held, with why. */
function openOne(ctx: RoundContext, wire: Wire): Opened {
  const opened = ctx.crypto.open(wire.id, wire.body);
  if (!opened.ok) return { ok: false, held: heldFrom(ctx, wire, opened.error.reason) };
  if (opened.value.costs === "withheld") {
    // Kept, not a problem: a cost sealed under a costs key this device does
    // not hold (a viewer, or a key still on its way). Who signed it is
    // checked all the same: an entry no writer signed is held for that.
    const verdict = ctx.trust?.checkSnapshot(opened.value.signer, wire.seq);
    const reason = verdict && !verdict.ok ? verdict.reason : COSTS_WITHHELD;
    return { ok: false, held: heldFrom(ctx, wire, reason) };
  }
  if (isSnapshotEntry(opened.value.value)) {
    // Never an event: not folded, stored or held. One this device cannot
    // read, or that its author could not write, is simply not used.
    const entry = readSnapshotEntry(opened.value.value);
    const verdict = ctx.trust?.checkSnapshot(opened.value.signer, wire.seq);
    if (!entry || (verdict && !verdict.ok)) return { ok: "snapshot", snapshot: null };
    const author = verdict?.ok ? verdict.author : null;
    return { ok: "snapshot", snapshot: { wire, entry, author } };
  }
  const parsed = parseEvent(opened.value.value);
  if (!parsed.ok) {
    const p = parsed.error;
    const needsUpdate = p.reason === "newer-schema" || p.reason === "unknown-type";
    return {
      ok: false,
      held: heldFrom(
        ctx,
        wire,
        needsUpdate ? "needs-update" : "invalid-event",
        `${p.reason} ${p.field}`,
      ),
    };
  }
  if (parsed.value.id !== wire.id) return { ok: false, held: heldFrom(ctx, wire, "id-mismatch") };
  if (
    ctx.crypto.guardsCosts &&
    isCostEventType(parsed.value.type) !== (opened.value.costs === "opened")
  ) {
    // A cost under the vault key alone (every viewer could read it), or
    // something else inside a costs seal: never folded.
    return { ok: false, held: heldFrom(ctx, wire, "costs-not-sealed") };
  }
  if (!ctx.trust) return { ok: true, received: { event: parsed.value, wire } };
  const verdict = ctx.trust.check(opened.value.signer, parsed.value, wire.seq);
  if (!verdict.ok) return { ok: false, held: heldFrom(ctx, wire, verdict.reason) };
  const author = verdict.author;
  return {
    ok: true,
    received: { event: parsed.value, wire, ...(author !== null && { author }) },
  };
}

/** Opens a page, fetching new keys once if an event needs an epoch this device lacks. */
export async function openAll(
  ctx: RoundContext,
  wires: readonly Wire[],
  refresh: { used: boolean; signers?: boolean },
): Promise<
  Result<{ received: Received[]; held: HeldEvent[]; snapshots: OpenedSnapshot[] }, SyncFailure>
> {
  let results = wires.map((w) => openOne(ctx, w));
  const lacksKey = results.some((r) => r.ok === false && r.held.reason === "unknown-epoch");
  if (lacksKey && !refresh.used) {
    refresh.used = true;
    const refreshed = await ctx.crypto.refresh();
    if (!refreshed.ok) return refreshed;
    if (refreshed.value) results = wires.map((w) => openOne(ctx, w));
  }
  // Someone the owner added since this device last read the membership log.
  const lacksSigner = results.some((r) => r.ok === false && r.held.reason === "unknown-signer");
  if (lacksSigner && ctx.trust && !refresh.signers) {
    refresh.signers = true;
    const refreshed = await ctx.trust.refresh();
    if (!refreshed.ok) return refreshed;
    if (refreshed.value) results = wires.map((w) => openOne(ctx, w));
  }
  const received: Received[] = [];
  const held: HeldEvent[] = [];
  const snapshots: OpenedSnapshot[] = [];
  for (const r of results) {
    if (r.ok === true) received.push(r.received);
    else if (r.ok === "snapshot") {
      if (r.snapshot) snapshots.push(r.snapshot);
    } else held.push(r.held);
  }
  return { ok: true, value: { received, held, snapshots } };
}

/** Stores and folds valid events; holds the rest (and any stamped too far ahead). Returns ids taken in. */
export async function takeIn(
  ctx: RoundContext,
  received: readonly Received[],
  held: readonly HeldEvent[],
): Promise<string[]> {
  const { tooFarAhead } = await ctx.storage.receive(received.map((r) => r.event));
  const drifted = new Set(tooFarAhead.map((e) => e.id));
  const toHold = [
    ...held,
    ...received
      .filter((r) => drifted.has(r.event.id))
      .map((r) => heldFrom(ctx, r.wire, "clock-drift", r.event.device)),
  ];
  if (toHold.length > 0) await ctx.storage.hold(toHold);
  const taken = received.filter((r) => !drifted.has(r.event.id));
  if (ctx.trust) {
    await ctx.trust.record(
      new Map(taken.flatMap((r) => (r.author ? [[r.event.id, r.author] as const] : []))),
    );
  }
  return taken.map((r) => r.event.id);
}

/** How many held events to tell the person about: not the costs withheld from this device. */
export async function heldToTell(ctx: RoundContext): Promise<number> {
  return (await heldHere(ctx)).filter((h) => h.reason !== COSTS_WITHHELD).length;
}

/** The events of this vault held aside on this device. */
export async function heldHere(ctx: RoundContext): Promise<HeldEvent[]> {
  return (await ctx.storage.held()).filter((h) => h.vaultId === ctx.vaultId);
}

/** Tries held events again: a new key or a newer app may open them now. */
export async function retryHeld(ctx: RoundContext): Promise<void> {
  const all = await heldHere(ctx);
  if (all.length === 0) return;
  // Some wait for a key: ask whether it has arrived (a failure here just leaves them held).
  if (all.some((h) => h.reason === "unknown-epoch")) await ctx.crypto.refresh();
  if (ctx.trust && all.some((h) => h.reason === "unknown-signer")) await ctx.trust.refresh();
  const received: Received[] = [];
  const changed: HeldEvent[] = [];
  /** Snapshot entries an older version held aside: not events, nothing to keep. */
  const gone: string[] = [];
  for (const h of all) {
    const body = fromBase64(h.body);
    if (!body) continue; // kept as the server sent it; bytes that are not base64 never open
    const r = openOne(ctx, { id: h.id, seq: h.seq, body });
    if (r.ok === true) received.push(r.received);
    else if (r.ok === "snapshot") gone.push(h.id);
    else if (r.held.reason !== h.reason) changed.push({ ...h, reason: r.held.reason });
  }
  const taken = received.length > 0 ? await takeIn(ctx, received, []) : [];
  if (taken.length > 0 || gone.length > 0) await ctx.storage.release([...taken, ...gone]);
  if (changed.length > 0) await ctx.storage.hold(changed);
}
