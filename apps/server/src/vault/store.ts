/**
 * The vault event store: per vault, an append-only log of sealed events.
 *
 * Event bodies are opaque ciphertext. This module stores and returns their
 * bytes and never parses, indexes, inspects or logs them.
 */
import { APPEND_CALL } from "../db/append-function.ts";
import type { Db } from "../db/types.ts";
import { createNotifier } from "./notifier.ts";

export interface AppendEvent {
  /** Event id: a lowercase UUID chosen by the client. */
  readonly id: string;
  /** Sealed event bytes (1 byte or more). */
  readonly body: Uint8Array;
}

export interface AppendResult {
  readonly id: string;
  /** Position of the event in the vault's log. */
  readonly seq: number;
  /** true when this call stored the event; false when the vault already had it. */
  readonly stored: boolean;
}

export interface StoredEvent {
  readonly seq: number;
  readonly id: string;
  readonly body: Uint8Array;
  readonly receivedAt: Date;
}

export interface PullResult {
  /** Events with `seq > afterSeq`, in ascending seq order. */
  readonly events: StoredEvent[];
  /** Cursor for the next pull: the last seq returned, or `afterSeq` when nothing was. */
  readonly next: number;
  /** true when more events follow `next`. */
  readonly more: boolean;
  /** Set when the `reader` checked with the pull may not read (nothing was read). */
  readonly refused?: true;
}

/** Who pulls, checked in the pull's own statement. */
export interface Reader {
  readonly accountId: string;
  readonly sessionId: string;
  readonly idleSeconds: number;
  readonly maxAgeSeconds: number;
}

interface PageRow {
  seq: unknown;
  event_id: string;
  ciphertext: unknown;
  received_at: unknown;
}

/** A page of a vault's log (the hot read path). */
export const PULL_PAGE = `SELECT seq, event_id, ciphertext, received_at
  FROM vault_events
 WHERE vault_id = $1 AND seq > $2
 ORDER BY seq
 LIMIT $3`;

/**
 * The same page, read only if session $4 of account $5 is alive (idle $6,
 * maximum age $7 seconds) and the account a member of the vault with a key:
 * always one row or more, `allowed` on each.
 */
export const PULL_PAGE_CHECKED = `SELECT a.allowed, e.seq, e.event_id, e.ciphertext, e.received_at
  FROM (SELECT EXISTS (
          SELECT 1 FROM sessions s
            JOIN memberships m ON m.account_id = s.account_id AND m.vault_id = $1
           WHERE s.id = $4 AND s.account_id = $5
             AND s.last_seen_at >= now() - make_interval(secs => $6::double precision)
             AND s.created_at >= now() - make_interval(secs => $7::double precision)
             AND EXISTS (SELECT 1 FROM grants g
                          WHERE g.vault_id = $1 AND g.account_id = $5)) AS allowed) a
  LEFT JOIN LATERAL (
    SELECT seq, event_id, ciphertext, received_at
      FROM vault_events
     WHERE vault_id = $1 AND seq > $2
     ORDER BY seq
     LIMIT $3) e ON a.allowed
 ORDER BY e.seq`;

/** The newest page before a seq, newest first (a new device reading from the end). */
export const PULL_BEFORE = `SELECT seq, event_id, ciphertext, received_at
  FROM vault_events
 WHERE vault_id = $1 AND seq < $2
 ORDER BY seq DESC
 LIMIT $3`;

/** The highest seq of a vault (a stream's catch-up). */
export const LATEST_SEQ =
  "SELECT coalesce(max(seq), 0) AS seq FROM vault_events WHERE vault_id = $1";

/** Who appends, checked inside the append (the call that stores is the one that checks). */
export interface AppendWriter {
  readonly accountId: string;
  readonly sessionId: string;
  /** The session lifetime: a session ended by age is refused. */
  readonly idleSeconds: number;
  readonly maxAgeSeconds: number;
  /** Each event's envelope key epoch (undefined when unknown), in the order of the batch. */
  readonly epochs: readonly (number | undefined)[];
}

/** The quotas an append is held to (see quotas/checks.ts). */
export interface AppendQuotas {
  readonly vaultBytes: number;
  readonly accountBytes: number;
  /** Keys of the daily entry counters in `rate_limits` (HMACs of the vault and the account id). */
  readonly vaultKey: Uint8Array;
  readonly vaultPerDay: number;
  readonly accountKey: Uint8Array;
  readonly accountPerDay: number;
  readonly windowSeconds: number;
}

export interface AppendOptions {
  /**
   * Checked inside the append, holding the membership and vault rows (FOR
   * SHARE), so a removal or rotation that commits first is always seen:
   * session alive, member with a key, not a viewer, no retired epoch.
   */
  readonly writer?: AppendWriter;
  /** Quotas checked after the insert, before commit: over one, nothing is stored. */
  readonly quotas?: AppendQuotas;
}

/**
 * An append refused inside the database (writer checks, quotas): `reason`
 * is the part after `trellis-append:`, `detail` what follows it.
 */
export class AppendRefused extends Error {
  constructor(
    readonly reason: string,
    readonly detail: readonly string[],
  ) {
    super(`Append refused: ${reason}.`);
    this.name = "AppendRefused";
  }
}

const REFUSAL = /^trellis-append:([a-z-]+)((?::[0-9-]+)*)$/;

function asRefusal(error: unknown): AppendRefused | undefined {
  const e = error as { code?: unknown; message?: unknown };
  if (e?.code !== "P0001" || typeof e.message !== "string") return undefined;
  const match = REFUSAL.exec(e.message);
  if (!match) return undefined;
  return new AppendRefused(match[1]!, match[2] ? match[2].slice(1).split(":") : []);
}

export interface VaultStore {
  /**
   * Appends a batch to a vault, all or nothing. Idempotent on event id within
   * the vault: an id the vault already has (or that repeats within the batch)
   * is not stored again and reports the seq it already has. Results are in
   * the order of `events`. The vault must exist (a row in `vaults`).
   * Once it has committed, sends `<vaultId>:<highest seq>` on the
   * `trellis_vault_events` channel (notifier.ts), repeats included.
   */
  append(
    vaultId: string,
    events: readonly AppendEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult[]>;
  /**
   * Up to `limit` events of the vault with seq greater than `afterSeq`. With
   * `reader`, the same statement checks that the session is alive and the
   * account a member with a key; when not, nothing is read and `refused` is set.
   */
  pull(vaultId: string, afterSeq: number, limit: number, reader?: Reader): Promise<PullResult>;
  /**
   * The newest `limit` events with seq less than `beforeSeq`, in ascending
   * order (a new device reading from the end for the newest snapshot);
   * `more` is true when older events exist, `next` the last seq returned.
   */
  pullBefore(vaultId: string, beforeSeq: number, limit: number): Promise<PullResult>;
  /** The highest seq the vault has, 0 when it has no events. */
  latestSeq(vaultId: string): Promise<number>;
}

export const MIN_SIZE_BUCKET = 256;

/**
 * The size the server records for a body: its length rounded up to a power
 * of two, at least 256 bytes. Coarse on purpose: it is enough for quotas
 * and capacity planning and says little about what was written.
 */
export function sizeBucket(byteLength: number): number {
  let bucket = MIN_SIZE_BUCKET;
  while (bucket < byteLength) bucket *= 2;
  return bucket;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isLowercaseUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** bigint columns arrive as numbers (PGlite) or strings (pg). */
function toSeq(value: unknown): number {
  const seq = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(seq))
    throw new Error("Database returned a seq that is not a safe integer.");
  return seq;
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error("Database returned a ciphertext that is not bytes.");
}

function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new Error("Database returned an invalid received_at.");
  return date;
}

function assertVaultId(vaultId: string): void {
  if (!isLowercaseUuid(vaultId)) throw new TypeError("vaultId must be a lowercase UUID.");
}

export function createVaultStore(db: Db): VaultStore {
  const notifier = createNotifier(db);
  return {
    async append(vaultId, events, options = {}) {
      assertVaultId(vaultId);
      if (events.length === 0) return [];
      events.forEach((event, index) => {
        if (!isLowercaseUuid(event.id)) {
          throw new TypeError(`events[${index}].id must be a lowercase UUID.`);
        }
        if (!(event.body instanceof Uint8Array) || event.body.byteLength === 0) {
          throw new TypeError(`events[${index}].body must be a non-empty Uint8Array.`);
        }
      });

      // Serialise appends per vault. A seq is drawn from the identity
      // sequence when a row is inserted, but the row only becomes visible
      // when its transaction commits. Without a lock two appends to the
      // same vault could draw seq 10 and 11 and commit 11 first; a puller
      // reading "after 9" in between would get 11, move its cursor to 11,
      // and never see 10. trellis_append takes
      // pg_advisory_xact_lock(hashtext(vault_id)) before its insert and holds
      // it until commit, so a later append in the vault draws its seqs only
      // after every earlier one has committed: within a vault seqs become
      // visible in increasing order. Appends to different vaults don't wait
      // for each other (except on a rare hash collision, which only costs a
      // little waiting). One call, one statement, one round trip
      // (db/append-function.ts); repeats within the batch count once, and
      // rows draw their seqs in the order given.
      const unique = [...new Map(events.map((e) => [e.id, e])).values()];
      const { writer, quotas } = options;
      let rows: { out_id: string; out_seq: unknown; out_stored: boolean }[];
      try {
        ({ rows } = await db.query<{ out_id: string; out_seq: unknown; out_stored: boolean }>(
          APPEND_CALL,
          [
            vaultId,
            unique.map((e) => e.id),
            unique.map((e) => e.body),
            unique.map((e) => sizeBucket(e.body.byteLength)),
            writer?.accountId ?? null,
            writer?.sessionId ?? null,
            writer?.idleSeconds ?? null,
            writer?.maxAgeSeconds ?? null,
            writer ? writer.epochs.map((epoch) => epoch ?? null) : null,
            quotas?.vaultBytes ?? null,
            quotas?.accountBytes ?? null,
            quotas ? Buffer.from(quotas.vaultKey) : null,
            quotas?.vaultPerDay ?? null,
            quotas ? Buffer.from(quotas.accountKey) : null,
            quotas?.accountPerDay ?? null,
            quotas?.windowSeconds ?? null,
          ],
        ));
      } catch (error) {
        throw asRefusal(error) ?? error;
      }
      const seqs = new Map<string, { seq: number; stored: boolean }>();
      for (const row of rows)
        seqs.set(String(row.out_id), { seq: toSeq(row.out_seq), stored: row.out_stored });
      const results: AppendResult[] = [];
      const reported = new Set<string>();
      for (const event of events) {
        const found = seqs.get(event.id);
        if (found === undefined) throw new Error("Event vanished between insert and select.");
        // Repeated within this batch: stored once, reported once as new.
        results.push({
          id: event.id,
          seq: found.seq,
          stored: found.stored && !reported.has(event.id),
        });
        reported.add(event.id);
      }
      // Committed: now every instance may hear of it (notifier.ts says why
      // not inside). Repeats notify too, so a device that sends an append
      // again after a crash also brings the notice the crash may have lost.
      await notifier.notify(vaultId, Math.max(...results.map((r) => r.seq)));
      return results;
    },

    async pull(vaultId, afterSeq, limit, reader) {
      assertVaultId(vaultId);
      if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
        throw new RangeError("afterSeq must be a non-negative safe integer.");
      }
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError("limit must be a positive integer.");
      }
      // Fetch one extra row to learn whether more follow.
      const { rows } =
        reader === undefined
          ? await db.query<PageRow>(PULL_PAGE, [vaultId, afterSeq, limit + 1])
          : await db.query<PageRow & { allowed: boolean }>(PULL_PAGE_CHECKED, [
              vaultId,
              afterSeq,
              limit + 1,
              reader.sessionId,
              reader.accountId,
              reader.idleSeconds,
              reader.maxAgeSeconds,
            ]);
      if (
        reader !== undefined &&
        (rows[0] as { allowed?: boolean } | undefined)?.allowed !== true
      ) {
        return { events: [], next: afterSeq, more: false, refused: true };
      }
      const page = rows.filter((row) => row.seq !== null);
      const more = page.length > limit;
      const events = page.slice(0, limit).map((row) => ({
        seq: toSeq(row.seq),
        id: row.event_id,
        body: toBytes(row.ciphertext),
        receivedAt: toDate(row.received_at),
      }));
      const last = events[events.length - 1];
      return { events, next: last === undefined ? afterSeq : last.seq, more };
    },

    async pullBefore(vaultId, beforeSeq, limit) {
      assertVaultId(vaultId);
      if (!Number.isSafeInteger(beforeSeq) || beforeSeq < 0) {
        throw new RangeError("beforeSeq must be a non-negative safe integer.");
      }
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError("limit must be a positive integer.");
      }
      const { rows } = await db.query<{
        seq: unknown;
        event_id: string;
        ciphertext: unknown;
        received_at: unknown;
      }>(PULL_BEFORE, [vaultId, beforeSeq, limit + 1]);
      const more = rows.length > limit;
      const events = rows
        .slice(0, limit)
        .reverse()
        .map((row) => ({
          seq: toSeq(row.seq),
          id: row.event_id,
          body: toBytes(row.ciphertext),
          receivedAt: toDate(row.received_at),
        }));
      const last = events[events.length - 1];
      return { events, next: last === undefined ? 0 : last.seq, more };
    },

    async latestSeq(vaultId) {
      assertVaultId(vaultId);
      const { rows } = await db.query<{ seq: unknown }>(LATEST_SEQ, [vaultId]);
      return toSeq(rows[0]?.seq ?? 0);
    },
  };
}
