/**
 * What this device keeps about circles, in the device's own storage beside
 * the record (sealed with it under the app lock, never exported, never
 * synced): each circle this account owns or reads with its keys and the
 * owner key its grants must be signed with, the sealed entries already
 * pulled (so a circle opens offline), the marks of what was seen here, the
 * drafts, and a link-only reader's own credentials.
 */
import type { SyncStore } from "../client.ts";
import type { CircleDraft } from "./types.ts";

const CIRCLES_KEY = "circles";
const DRAFTS_KEY = "circle-drafts";
const SEEN_KEY = "circle-seen";
/** A link-only reader's username and password, made on this device and kept only here. */
export const READER_KEY = "circle-reader";
const logKey = (circleId: string) => `circle-log:${circleId}`;

export interface StoredCircle {
  readonly circleId: string;
  /** The account these belong to: another account signed in here sees none of them. */
  readonly accountId: string;
  readonly role: "owner" | "partner" | "viewer";
  readonly ownerAccountId: string;
  /** The owner's Ed25519 key (base64url): from the link for a reader, my own as the owner. */
  readonly ownerSigningKey: string;
  /** `VaultKey.encode` of each epoch held; empty while a reader waits to be let in. */
  readonly keys: readonly string[];
  /** A member was removed and the circle does not have its new key yet. */
  readonly rotationDue?: boolean;
}

/** One sealed entry as the server stored it. */
export interface StoredEntry {
  readonly seq: number;
  readonly id: string;
  /** The sealed body, base64. */
  readonly body: string;
}

/** Someone the membership log pins, as kept on the device (keys base64url). */
export interface Pin {
  readonly accountId: string;
  readonly role: "owner" | "partner" | "viewer";
  readonly signingKey: string;
  readonly boxKey: string;
  /** Set once removed: their entries after this seq do not apply. */
  readonly removedUpToSeq?: number;
}

export interface StoredLog {
  readonly upTo: number;
  readonly entries: readonly StoredEntry[];
  /** The membership log's pins when last fetched (for folding offline). */
  readonly pins?: readonly Pin[];
}

export interface ReaderCredentials {
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
  readonly deviceName: string;
}

export interface CircleStore {
  circles(accountId: string): Promise<StoredCircle[]>;
  circle(accountId: string, circleId: string): Promise<StoredCircle | undefined>;
  saveCircle(circle: StoredCircle): Promise<void>;
  forgetCircle(circleId: string): Promise<void>;
  log(circleId: string): Promise<StoredLog>;
  saveLog(circleId: string, log: StoredLog): Promise<void>;
  /** The highest seq seen on this device, per circle. */
  seen(circleId: string): Promise<number>;
  markSeen(circleId: string, seq: number): Promise<void>;
  drafts(): Promise<CircleDraft[]>;
  /** Changes the drafts in one step (no other change in between). */
  updateDrafts(change: (drafts: CircleDraft[]) => CircleDraft[]): Promise<void>;
  reader(): Promise<ReaderCredentials | undefined>;
  saveReader(credentials: ReaderCredentials | undefined): Promise<void>;
  /**
   * Forgets every circle (keys, entries, marks) not of `accountId`, and a
   * link-only reader's credentials when no account is signed in: signing
   * out leaves no circle key behind. Drafts stay (they are the person's words).
   */
  forgetOthers(accountId: string | null): Promise<void>;
}

/** The store over the sync side of the client (`client.sync`), read fresh each time (it is swapped after an erase). */
export function circleStore(store: () => SyncStore): CircleStore {
  const all = async () => (await store().getMeta<StoredCircle[]>(CIRCLES_KEY)) ?? [];
  /** Read-modify-write of one meta value, one at a time, so two flows never undo each other. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const next = queue.then(f, f);
    queue = next.catch(() => undefined);
    return next;
  };
  const self: CircleStore = {
    async circles(accountId) {
      return (await all()).filter((c) => c.accountId === accountId);
    },
    async circle(accountId, circleId) {
      return (await all()).find((c) => c.accountId === accountId && c.circleId === circleId);
    },
    saveCircle: (circle) =>
      serial(async () => {
        const rest = (await all()).filter((c) => c.circleId !== circle.circleId);
        await store().setMeta(CIRCLES_KEY, [...rest, circle]);
      }),
    forgetCircle: (circleId) =>
      serial(async () => {
        await store().setMeta(
          CIRCLES_KEY,
          (await all()).filter((c) => c.circleId !== circleId),
        );
        await store().setMeta(logKey(circleId), undefined);
        const seen = (await store().getMeta<Record<string, number>>(SEEN_KEY)) ?? {};
        delete seen[circleId];
        await store().setMeta(SEEN_KEY, seen);
      }),
    async log(circleId) {
      return (await store().getMeta<StoredLog>(logKey(circleId))) ?? { upTo: 0, entries: [] };
    },
    async saveLog(circleId, log) {
      await store().setMeta(logKey(circleId), log);
    },
    async seen(circleId) {
      return (await store().getMeta<Record<string, number>>(SEEN_KEY))?.[circleId] ?? 0;
    },
    markSeen: (circleId, seq) =>
      serial(async () => {
        const seen = (await store().getMeta<Record<string, number>>(SEEN_KEY)) ?? {};
        if ((seen[circleId] ?? 0) >= seq) return;
        await store().setMeta(SEEN_KEY, { ...seen, [circleId]: seq });
      }),
    async drafts() {
      return (await store().getMeta<CircleDraft[]>(DRAFTS_KEY)) ?? [];
    },
    updateDrafts: (change) =>
      serial(async () => {
        const now = (await store().getMeta<CircleDraft[]>(DRAFTS_KEY)) ?? [];
        await store().setMeta(DRAFTS_KEY, change(now));
      }),
    reader: () => store().getMeta<ReaderCredentials>(READER_KEY),
    async saveReader(credentials) {
      await store().setMeta(READER_KEY, credentials);
    },
    async forgetOthers(accountId) {
      for (const c of await all()) {
        if (c.accountId !== accountId) await self.forgetCircle(c.circleId);
      }
      if (accountId === null) await self.saveReader(undefined);
    },
  };
  return self;
}
