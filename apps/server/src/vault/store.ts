/**
 * The vault event store: per vault, an append-only log of sealed events.
 *
 * Event bodies are opaque ciphertext. This module stores and returns their
 * bytes and never parses, indexes, inspects or logs them.
 */
import type { Db, Queryable } from "../db/types.ts";
import { formatVaultNotification, VAULT_EVENTS_CHANNEL } from "./notifications.ts";

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
}

export interface AppendOptions {
  /**
   * Runs inside the append's transaction, after the vault's append lock is
   * taken and before anything is inserted; throwing aborts the append. The
   * HTTP layer checks membership here (locking the membership row), so a
   * member removed while appending can't slip a write in after removal.
   */
  readonly authorize?: (tx: Queryable) => Promise<void>;
  /**
   * Runs inside the append's transaction after the events are inserted and
   * the vault's byte count updated, before commit; throwing aborts the
   * append (quotas).
   */
  readonly afterInsert?: (tx: Queryable, stored: StoredAmount) => Promise<void>;
}

/** What one append stored. */
export interface StoredAmount {
  /** Events newly stored. */
  readonly count: number;
  /** Their bytes. */
  readonly bytes: number;
  /** The vault's bytes now, these included. */
  readonly vaultBytes: number;
}

export interface VaultStore {
  /**
   * Appends a batch to a vault, all or nothing. Idempotent on event id within
   * the vault: an id the vault already has (or that repeats within the batch)
   * is not stored again and reports the seq it already has. Results are in
   * the order of `events`. The vault must exist (a row in `vaults`).
   * When anything was stored, sends `<vaultId>:<highest seq>` on the
   * `trellis_vault_events` channel, delivered when the transaction commits.
   */
  append(
    vaultId: string,
    events: readonly AppendEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult[]>;
  /** Up to `limit` events of the vault with seq greater than `afterSeq`. */
  pull(vaultId: string, afterSeq: number, limit: number): Promise<PullResult>;
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

      return db.transaction(async (tx) => {
        // Serialise appends per vault. A seq is drawn from the identity
        // sequence when a row is inserted, but the row only becomes visible
        // when its transaction commits. Without this lock two appends to the
        // same vault could draw seq 10 and 11 and commit 11 first; a puller
        // reading "after 9" in between would get 11, move its cursor to 11,
        // and never see 10. Holding a per-vault lock from before the first
        // insert until commit means a later append in the vault draws its
        // seqs only after every earlier one has committed, so within a vault
        // seqs become visible in increasing order. Appends to different
        // vaults don't wait for each other (except on a rare hash collision,
        // which only costs a little waiting). The lock is released at
        // commit or rollback.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1::text))", [vaultId]);
        await options.authorize?.(tx);
        // One statement for the whole batch (repeats within the batch count once):
        // rows are inserted, and draw their seqs, in the order given.
        const unique = [...new Map(events.map((e) => [e.id, e])).values()];
        const inserted = await tx.query<{ event_id: string; seq: unknown }>(
          `INSERT INTO vault_events (vault_id, event_id, ciphertext, size_bucket)
           SELECT $1, e.id, e.body, e.bucket
             FROM unnest($2::uuid[], $3::bytea[], $4::int[]) WITH ORDINALITY AS e(id, body, bucket, ord)
            ORDER BY e.ord
           ON CONFLICT (vault_id, event_id) DO NOTHING
           RETURNING event_id, seq`,
          [
            vaultId,
            unique.map((e) => e.id),
            unique.map((e) => e.body),
            unique.map((e) => sizeBucket(e.body.byteLength)),
          ],
        );
        const seqs = new Map<string, { seq: number; stored: boolean }>();
        for (const row of inserted.rows)
          seqs.set(String(row.event_id), { seq: toSeq(row.seq), stored: true });
        const known = unique.filter((e) => !seqs.has(e.id)).map((e) => e.id);
        if (known.length > 0) {
          const existing = await tx.query<{ event_id: string; seq: unknown }>(
            "SELECT event_id, seq FROM vault_events WHERE vault_id = $1 AND event_id = ANY($2::uuid[])",
            [vaultId, known],
          );
          for (const row of existing.rows)
            seqs.set(String(row.event_id), { seq: toSeq(row.seq), stored: false });
        }
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
        const stored = results.filter((r) => r.stored).map((r) => r.seq);
        const newIds = new Set(inserted.rows.map((row) => String(row.event_id)));
        const bytes = unique
          .filter((e) => newIds.has(e.id))
          .reduce((sum, e) => sum + e.body.byteLength, 0);
        const { rows: totals } = await tx.query<{ bytes_stored: unknown }>(
          "UPDATE vaults SET bytes_stored = bytes_stored + $2 WHERE id = $1 RETURNING bytes_stored",
          [vaultId, bytes],
        );
        await options.afterInsert?.(tx, {
          count: newIds.size,
          bytes,
          vaultBytes: Number(totals[0]?.bytes_stored ?? bytes),
        });
        if (stored.length > 0) {
          // NOTIFY is transactional: listeners (on every instance) hear it
          // only once these rows are committed and visible to a pull.
          await tx.query("SELECT pg_notify($1, $2)", [
            VAULT_EVENTS_CHANNEL,
            formatVaultNotification(vaultId, Math.max(...stored)),
          ]);
        }
        return results;
      });
    },

    async pull(vaultId, afterSeq, limit) {
      assertVaultId(vaultId);
      if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
        throw new RangeError("afterSeq must be a non-negative safe integer.");
      }
      if (!Number.isSafeInteger(limit) || limit < 1) {
        throw new RangeError("limit must be a positive integer.");
      }
      // Fetch one extra row to learn whether more follow.
      const { rows } = await db.query<{
        seq: unknown;
        event_id: string;
        ciphertext: unknown;
        received_at: unknown;
      }>(
        `SELECT seq, event_id, ciphertext, received_at
           FROM vault_events
          WHERE vault_id = $1 AND seq > $2
          ORDER BY seq
          LIMIT $3`,
        [vaultId, afterSeq, limit + 1],
      );
      const more = rows.length > limit;
      const events = rows.slice(0, limit).map((row) => ({
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
      }>(
        `SELECT seq, event_id, ciphertext, received_at
           FROM vault_events
          WHERE vault_id = $1 AND seq < $2
          ORDER BY seq DESC
          LIMIT $3`,
        [vaultId, beforeSeq, limit + 1],
      );
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
      const { rows } = await db.query<{ seq: unknown }>(
        "SELECT coalesce(max(seq), 0) AS seq FROM vault_events WHERE vault_id = $1",
        [vaultId],
      );
      return toSeq(rows[0]?.seq ?? 0);
    },
  };
}
