/**
 * The vault's `EntryTrust` on this device: the membership log, fetched and
 * checked against the owner's pinned key before each round (the owner's
 * device writes the first entry if the vault has none), and the verified
 * author of each entry taken in, kept in the device's storage in chunks (one
 * per page taken in, so a long first sync never rewrites a growing map).
 */
import { type Ed25519PublicKey, toBase64Url } from "@trellis/crypto";
import type { Result } from "@trellis/domain";
import type { SyncFailure } from "../api.ts";
import { checkEntry, type EntryTrust } from "../entry-trust.ts";
import { emptyMembership, fetchMembership, type Membership } from "../membership.ts";
import { ownerMembership } from "../pinned.ts";
import { identityOf } from "./session.ts";
import { done, pulledUpTo, type Wiring } from "./wiring.ts";

export interface VaultTrust extends EntryTrust {
  /**
   * Reads the membership log again (and the authors kept here, once): before
   * every round, so a removal signed on any of the owner's devices holds the
   * removed member's later entries from the next round on.
   */
  load(): Promise<Result<void, SyncFailure>>;
  authorOf(eventId: string): string | null;
  /** The log as last read (or as this device just appended to it). */
  readonly membership: Membership;
  /** The log after this device appended to it (the owner's costs grants). */
  use(m: Membership): Promise<void>;
}

const chunksKey = (vaultId: string) => `sync-authors:${vaultId}`;
/** The longest membership log this device has read of a vault: its length and last entry's hash. */
const seenKey = (vaultId: string) => `sync-log-seen:${vaultId}`;

interface SeenLog {
  readonly length: number;
  readonly head: string | null;
}

const seenOf = (m: Membership): SeenLog => ({
  length: m.length,
  head: m.head ? toBase64Url(m.head) : null,
});
const chunkKey = (vaultId: string, n: number) => `sync-authors:${vaultId}:${n}`;

export function vaultTrust(
  w: Wiring,
  input: {
    readonly vaultId: string;
    readonly owner: Ed25519PublicKey;
    readonly ownerAccountId: string;
    readonly isOwner: boolean;
  },
): VaultTrust {
  let membership: Membership = emptyMembership;
  let authors: Map<string, string> | null = null;
  const s = w.session;
  /** Which account each device id writes for: a device id claimed by two accounts is a forgery. */
  const devices = new Map<string, string>();
  if (s.account) devices.set(w.client.device, s.account.accountId);

  async function fetchLog(): Promise<Result<Membership, SyncFailure>> {
    const a = s.account;
    if (!a) return { ok: false, error: { reason: "no-account" } };
    if (input.isOwner) {
      return ownerMembership(w.api(), a.token, {
        vaultId: input.vaultId,
        identity: identityOf(a),
        accountId: input.ownerAccountId,
        cursor: await pulledUpTo(s, input.vaultId),
      });
    }
    return fetchMembership(w.api(), a.token, input.vaultId, input.owner);
  }

  /**
   * The log only ever grows. A server that serves an older one (say, from
   * while the owner's costs switch was on, or before someone was removed)
   * would have this device seal for people no longer allowed: refused like
   * a broken log, and nothing is sealed or sent until the server answers
   * truly. (Each log is checked entry by entry from the start against the
   * owner's key, so a longer one cannot rewrite what came before.)
   */
  async function remember(m: Membership): Promise<void> {
    await s.store.setMeta(seenKey(input.vaultId), seenOf(m));
  }

  async function refresh(): Promise<Result<boolean, SyncFailure>> {
    const r = await fetchLog();
    if (!r.ok) return r;
    const seen = await s.store.getMeta<SeenLog>(seenKey(input.vaultId));
    const now = seenOf(r.value);
    if (
      seen &&
      (now.length < seen.length || (now.length === seen.length && now.head !== seen.head))
    ) {
      return { ok: false, error: { reason: "membership-log-broken" } };
    }
    if (!seen || now.length > seen.length) await remember(r.value);
    const changed = r.value.length !== membership.length;
    membership = r.value;
    return { ok: true, value: changed };
  }

  async function loadAuthors(): Promise<Map<string, string>> {
    if (authors) return authors;
    const map = new Map<string, string>();
    const count = (await s.store.getMeta<number>(chunksKey(input.vaultId))) ?? 0;
    for (let n = 0; n < count; n++) {
      const chunk = await s.store.getMeta<Record<string, string>>(chunkKey(input.vaultId, n));
      for (const [id, author] of Object.entries(chunk ?? {})) map.set(id, author);
    }
    authors = map;
    return map;
  }

  return {
    async load() {
      await loadAuthors();
      const r = await refresh();
      return r.ok ? done : r;
    },
    check(signer, event, seq) {
      const verdict = checkEntry(membership, signer, seq);
      if (!verdict.ok || verdict.author === null) return verdict;
      const claimed = devices.get(event.device);
      if (claimed !== undefined && claimed !== verdict.author) {
        return { ok: false, reason: "device-claimed" };
      }
      devices.set(event.device, verdict.author);
      return verdict;
    },
    checkSnapshot(signer, seq) {
      if (!signer) return { ok: false, reason: "unsigned" };
      return checkEntry(membership, signer, seq);
    },
    refresh,
    async record(taken) {
      if (taken.size === 0) return;
      const map = await loadAuthors();
      for (const [id, author] of taken) map.set(id, author);
      const count = (await s.store.getMeta<number>(chunksKey(input.vaultId))) ?? 0;
      await s.store.setMeta(chunkKey(input.vaultId, count), Object.fromEntries(taken));
      await s.store.setMeta(chunksKey(input.vaultId), count + 1);
    },
    authorOf: (eventId) => authors?.get(eventId) ?? null,
    get membership() {
      return membership;
    },
    async use(m) {
      membership = m;
      await remember(m);
    },
  };
}
