/**
 * Short caches of who is calling and what they may do in a vault, for the
 * hot paths (append, pull, live stream), so a request does not spend two
 * round trips asking what the last one just asked.
 *
 * They only ever answer "yes, probably": a hit lets a request go on to the
 * statement that does the work, and that statement checks the session and
 * the membership again itself (trellis_append, the pull, the stream's check),
 * so a stale entry never lets anything through, on this instance or another.
 * Refusals are never cached. Entries are dropped at once on this instance
 * when a session is signed out or a member removed (the routes call
 * `forget*`), and in any case after `ttlMs`, or earlier when the session
 * would end by age.
 */
import type { Caller } from "./auth/sessions.ts";
import type { Membership } from "./vault/access.ts";

export const ACCESS_CACHE_TTL_MS = 10_000;
/** Beyond this many entries a cache starts again empty (a bound, not an eviction policy). */
const MAX_ENTRIES = 100_000;

interface Entry<V> {
  readonly value: V;
  readonly until: number;
}

class ShortCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  constructor(private readonly now: () => number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, forMs: number): void {
    if (forMs <= 0) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, until: this.now() + forMs });
  }

  forgetWhere(test: (key: string, value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (test(key, entry.value)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export class AccessCache {
  /** Token hash (base64) -> caller. */
  private readonly sessions: ShortCache<Caller>;
  /** `<vaultId>|<accountId>` -> membership. */
  private readonly members: ShortCache<Membership>;

  constructor(
    readonly ttlMs: number = ACCESS_CACHE_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.sessions = new ShortCache(now);
    this.members = new ShortCache(now);
  }

  caller(tokenKey: string): Caller | undefined {
    return this.sessions.get(tokenKey);
  }

  /** Keeps a caller for the TTL, or less when the session ends by age sooner. */
  rememberCaller(tokenKey: string, caller: Caller, remainingMs: number): void {
    this.sessions.set(tokenKey, caller, Math.min(this.ttlMs, remainingMs));
  }

  membership(vaultId: string, accountId: string): Membership | undefined {
    return this.members.get(`${vaultId}|${accountId}`);
  }

  rememberMembership(vaultId: string, accountId: string, membership: Membership): void {
    this.members.set(`${vaultId}|${accountId}`, membership, this.ttlMs);
  }

  /** A session signed out or ended. */
  forgetSession(sessionId: string): void {
    this.sessions.forgetWhere((_, caller) => caller.sessionId === sessionId);
  }

  /** Every session of an account (signed out everywhere, password changed, deleted) and its memberships. */
  forgetAccount(accountId: string, options: { except?: string } = {}): void {
    this.sessions.forgetWhere(
      (_, caller) => caller.accountId === accountId && caller.sessionId !== options.except,
    );
    this.members.forgetWhere((key) => key.endsWith(`|${accountId}`));
  }

  /** A member removed or left. */
  forgetMember(vaultId: string, accountId: string): void {
    this.members.forgetWhere((key) => key === `${vaultId}|${accountId}`);
  }

  /** A vault deleted, or its key rotated. */
  forgetVault(vaultId: string): void {
    this.members.forgetWhere((key) => key.startsWith(`${vaultId}|`));
  }

  get size(): { sessions: number; memberships: number } {
    return { sessions: this.sessions.size, memberships: this.members.size };
  }
}
