/**
 * One circle as this device knows it: its keys (a reader's arrive once the
 * owner lets them in; new ones after a removal), its sealed entries pulled
 * from the server and kept here, the owner-signed membership log, and the
 * fold of every entry that opens, is signed by a device of an account the
 * log pins, and passes the circle's rules (`@trellis/domain` `foldCircle`).
 * Offline, what was pulled before is folded with the pins kept from then.
 */
import { Ed25519PublicKey, toBase64Url, VaultKey } from "@trellis/crypto";
import {
  type CircleEntryIn,
  type CircleState,
  foldCircle,
  parseCircleEntry,
  type Result,
} from "@trellis/domain";
import type { SyncFailure } from "../sync/api.ts";
import { fromBase64, toBase64 } from "../sync/base64.ts";
import { fetchMembership, type Membership } from "../sync/membership.ts";
import { fetchVaultKeys } from "../sync/sharing.ts";
import { createVaultCrypto, type VaultCrypto } from "../sync/vault-crypto.ts";
import { type CircleContext, fail, type Me } from "./context.ts";
import { openLabels } from "./labels.ts";
import type { Pin, StoredCircle, StoredEntry } from "./store.ts";

export type { Pin };

export interface LoadedCircle {
  readonly circle: StoredCircle;
  readonly state: CircleState;
  readonly pins: readonly Pin[];
  /** The owner's names for members (empty for anyone but the owner). */
  readonly labels: ReadonlyMap<string, string>;
  /** The highest seq pulled. */
  readonly upTo: number;
  /** Whether this load pulled anything new. */
  readonly fresh: boolean;
}

const PULL_LIMIT = 500;

export function keysOf(circle: StoredCircle): VaultKey[] {
  return circle.keys.map((k) => VaultKey.decode(k)).flatMap((k) => (k.ok ? [k.value] : []));
}

/** Sealing and opening for this circle, signed by this device; saves keys that arrive. */
export function circleCrypto(ctx: CircleContext, me: Me, circle: StoredCircle): VaultCrypto | null {
  const keys = keysOf(circle);
  if (keys.length === 0) return null;
  return createVaultCrypto({
    vaultId: circle.circleId,
    keys,
    signer: me.signer,
    fetchKeys: () => fetchKeys(ctx, me, circle),
    onKeys: async (all) => {
      const now = await ctx.store.circle(me.account.accountId, circle.circleId);
      if (now) await ctx.store.saveCircle({ ...now, keys: all.map((k) => VaultKey.encode(k)) });
    },
  });
}

function fetchKeys(ctx: CircleContext, me: Me, circle: StoredCircle) {
  return ctx.call((api, token) =>
    fetchVaultKeys(api, token, {
      vaultId: circle.circleId,
      identity: me.identity,
      trustedSigner: circle.ownerSigningKey,
    }),
  );
}

/** A reader waiting to be let in: asks for the keys again. The circle as saved. */
export async function withKeys(
  ctx: CircleContext,
  me: Me,
  circle: StoredCircle,
): Promise<Result<StoredCircle, SyncFailure>> {
  if (circle.keys.length > 0) return { ok: true, value: circle };
  const keys = await fetchKeys(ctx, me, circle);
  if (!keys.ok) return keys.error.reason === "bad-signature" ? fail("owner-key-changed") : keys;
  if (keys.value.length === 0) return { ok: true, value: circle };
  const next = { ...circle, keys: keys.value.map((k) => VaultKey.encode(k)) };
  await ctx.store.saveCircle(next);
  return { ok: true, value: next };
}

function pinsOf(m: Membership): Pin[] {
  return [...m.members.values()].map((p) => ({
    accountId: p.accountId,
    role: p.role,
    signingKey: p.signingKey,
    boxKey: p.boxKey,
    ...(p.removedUpToSeq !== undefined && { removedUpToSeq: p.removedUpToSeq }),
  }));
}

/** Pulls what is new and the membership log; offline, what this device already holds. */
async function pullNew(
  ctx: CircleContext,
  circle: StoredCircle,
): Promise<
  Result<{ entries: StoredEntry[]; upTo: number; pins: Pin[]; fresh: boolean }, SyncFailure>
> {
  const kept = await ctx.store.log(circle.circleId);
  const owner = Ed25519PublicKey.decode(circle.ownerSigningKey);
  if (!owner.ok) return fail("bad-response");
  const entries = [...kept.entries];
  let upTo = kept.upTo;
  let fresh = false;
  for (;;) {
    const page = await ctx.call((api, token) => api.pull(token, circle.circleId, upTo, PULL_LIMIT));
    if (!page.ok) {
      if (page.error.reason === "offline" && kept.pins) {
        return { ok: true, value: { entries, upTo, pins: [...kept.pins], fresh: false } };
      }
      return page;
    }
    for (const e of page.value.events) {
      if (e.seq <= upTo) continue;
      entries.push({ seq: e.seq, id: e.id, body: toBase64(e.body) });
      upTo = e.seq;
      fresh = true;
    }
    upTo = Math.max(upTo, page.value.next);
    if (!page.value.more) break;
  }
  const log = await ctx.call((api, token) =>
    fetchMembership(api, token, circle.circleId, owner.value),
  );
  if (!log.ok) return log;
  const pins = pinsOf(log.value);
  // Written only when something changed: a poll that finds nothing new writes nothing.
  if (fresh || upTo !== kept.upTo || JSON.stringify(pins) !== JSON.stringify(kept.pins)) {
    await ctx.store.saveLog(circle.circleId, { upTo, entries, pins });
  }
  return { ok: true, value: { entries, upTo, pins, fresh } };
}

/** Opens and checks every entry held; those that do not open or are signed by no pinned member are left out. */
function opened(
  crypto: VaultCrypto,
  entries: readonly StoredEntry[],
  pins: readonly Pin[],
): { items: CircleEntryIn[]; unknownEpoch: boolean } {
  const bySigner = new Map(pins.map((p) => [p.signingKey, p.accountId]));
  const items: CircleEntryIn[] = [];
  let unknownEpoch = false;
  for (const e of entries) {
    const body = fromBase64(e.body);
    const open = body ? crypto.open(e.id, body) : null;
    if (!open?.ok) {
      if (open?.error.reason === "unknown-epoch") unknownEpoch = true;
      continue;
    }
    if (!open.value.signer) continue; // circle entries are always signed
    const author = bySigner.get(toBase64Url(open.value.signer.identityKey));
    const entry = parseCircleEntry(open.value.value);
    if (author && entry) items.push({ seq: e.seq, author, entry });
  }
  return { items, unknownEpoch };
}

/** The circle now: new entries pulled, keys asked for where one is missing, everything folded. */
export async function loadCircle(
  ctx: CircleContext,
  me: Me,
  stored: StoredCircle,
): Promise<Result<LoadedCircle, SyncFailure>> {
  const keyed = await withKeys(ctx, me, stored);
  if (!keyed.ok) return keyed;
  const circle = keyed.value;
  // Not let in yet: nothing of the circle opens (or may even be asked for).
  if (circle.keys.length === 0) return fail("circle-waiting");
  const pulled = await pullNew(ctx, circle);
  if (!pulled.ok) return pulled;
  const { entries, upTo, pins, fresh } = pulled.value;
  const crypto = circleCrypto(ctx, me, circle);
  if (!crypto) return fail("circle-waiting");
  let items = opened(crypto, entries, pins);
  if (items.unknownEpoch) {
    // Sealed under a key this device has not got yet (the circle moved on): ask once.
    const refreshed = await crypto.refresh();
    if (refreshed.ok && refreshed.value) items = opened(crypto, entries, pins);
  }
  const members = new Map(pins.map((p) => [p.accountId, p]));
  const state = foldCircle(items.items, members);
  const latest = (await ctx.store.circle(me.account.accountId, circle.circleId)) ?? circle;
  const labels =
    circle.role === "owner" ? openLabels(state, me, circle.circleId) : new Map<string, string>();
  return { ok: true, value: { circle: latest, state, pins, labels, upTo, fresh } };
}
