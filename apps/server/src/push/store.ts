/**
 * The push relay's storage: devices (the SHA-256 of their secret, their
 * endpoint) and their queues. Also what the scheduler needs: claiming due
 * items (`FOR UPDATE SKIP LOCKED`, so instances on one PostgreSQL never
 * take the same item), and settling each once the push service answered.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import type { Db, Queryable } from "../db/types.ts";

/** A checked queue item, ready to store. */
export interface NewPushItem {
  readonly id: string;
  readonly dueAt: Date;
  readonly ttlSeconds: number;
  readonly payload: Buffer;
}

/** An item one instance has claimed for sending (leased until `CLAIM_SECONDS` from now). */
export interface ClaimedPushItem {
  readonly deviceId: string;
  readonly itemId: string;
  readonly claim: string;
  readonly endpoint: string;
  readonly payload: Buffer;
  readonly dueAt: Date;
  /** Seconds the push service may still hold it (the item's TTL minus how late it is). */
  readonly ttlLeft: number;
  /** Attempts so far, this one included. */
  readonly attempts: number;
  /** Seconds until it is no longer worth sending. */
  readonly secondsToDrop: number;
}

/** Never send an item later than this after its instant, however small its TTL: the retry window's floor. */
export const MIN_DROP_SECONDS = 60;
/**
 * How long a claim holds an item. Longer than a send may take (SEND_TIMEOUT_MS
 * in scheduler.ts), so a slow send is never duplicated; an instance killed
 * mid-send leaves its items to be claimed again after this.
 */
export const CLAIM_SECONDS = 20;

export const SECRET_BYTES = 32;

const hashSecret = (secret: Buffer) => createHash("sha256").update(secret).digest();

export async function createPushDevice(
  db: Queryable,
): Promise<{ deviceId: string; secret: string }> {
  const secret = randomBytes(SECRET_BYTES);
  const deviceId = randomUUID();
  await db.query("INSERT INTO push_devices (id, secret_hash) VALUES ($1, $2)", [
    deviceId,
    hashSecret(secret),
  ]);
  return { deviceId, secret: secret.toString("base64url") };
}

/** Whether `secret` is this device's (locking its row when `forUpdate`). */
export async function checkPushDevice(
  q: Queryable,
  deviceId: string,
  secret: Buffer,
  forUpdate = false,
): Promise<boolean> {
  const { rows } = await q.query<{ secret_hash: Uint8Array }>(
    `SELECT secret_hash FROM push_devices WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`,
    [deviceId],
  );
  const stored = rows[0]?.secret_hash;
  const given = hashSecret(secret);
  // Compared in constant time even when there is no such device.
  const expected = stored === undefined ? Buffer.alloc(given.length) : Buffer.from(stored);
  return timingSafeEqual(expected, given) && stored !== undefined;
}

const ITEM_COLUMNS = 5;
const CHUNK = 100;

/**
 * Replaces the device's queue in one transaction (the caller's): items not in
 * `items` go; an item sent again unchanged (same id, instant, TTL and bytes)
 * keeps its state, so one being sent right now is not sent twice.
 */
export async function replaceQueue(
  tx: Queryable,
  deviceId: string,
  endpoint: string,
  items: readonly NewPushItem[],
): Promise<void> {
  await tx.query("UPDATE push_devices SET endpoint = $2, last_seen_at = now() WHERE id = $1", [
    deviceId,
    endpoint,
  ]);
  await tx.query(
    "DELETE FROM push_items WHERE device_id = $1 AND NOT (item_id = ANY($2::text[]))",
    [deviceId, items.map((item) => item.id)],
  );
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const params: unknown[] = [deviceId];
    // Only placeholders go into the SQL text; the values are parameters.
    const rows = chunk.map((item, index) => {
      const p = 2 + index * ITEM_COLUMNS;
      params.push(
        item.id,
        item.dueAt.toISOString(),
        item.ttlSeconds,
        item.payload,
        MIN_DROP_SECONDS,
      );
      return `($1::uuid, $${p}::text, $${p + 1}::timestamptz, $${p + 2}::integer, $${p + 1}::timestamptz + make_interval(secs => greatest($${p + 2}::integer, $${p + 4}::integer)), $${p + 3}::bytea, $${p + 1}::timestamptz)`;
    });
    await tx.query(
      `INSERT INTO push_items AS i (device_id, item_id, due_at, ttl_seconds, drop_at, payload, send_after)
       VALUES ${rows.join(", ")}
       ON CONFLICT (device_id, item_id) DO UPDATE SET
         due_at = EXCLUDED.due_at, ttl_seconds = EXCLUDED.ttl_seconds, drop_at = EXCLUDED.drop_at,
         payload = EXCLUDED.payload, send_after = EXCLUDED.send_after, attempts = 0, claim = NULL
       WHERE (i.due_at, i.ttl_seconds, i.payload) IS DISTINCT FROM
             (EXCLUDED.due_at, EXCLUDED.ttl_seconds, EXCLUDED.payload)`,
      params,
    );
  }
}

/** Deletes the device and its queue; false when there was none. */
export async function deletePushDevice(q: Queryable, deviceId: string): Promise<boolean> {
  const { rowCount } = await q.query("DELETE FROM push_devices WHERE id = $1", [deviceId]);
  return rowCount > 0;
}

/**
 * Claims up to `limit` due items for this instance: in one transaction,
 * `FOR UPDATE SKIP LOCKED` (another instance claiming at the same moment
 * skips these rows), then leased for CLAIM_SECONDS. The lease is committed
 * before anything is sent, so a crash mid-send leaves the item in the
 * queue, to be claimed again once the lease ends.
 */
export async function claimDueItems(db: Db, limit: number): Promise<ClaimedPushItem[]> {
  const claim = randomUUID();
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      device_id: string;
      item_id: string;
      endpoint: string;
      payload: Uint8Array;
      due_at: unknown;
      ttl_left: unknown;
      attempts: unknown;
      seconds_to_drop: unknown;
    }>(
      `WITH due AS (
         SELECT i.device_id, i.item_id FROM push_items i
          WHERE i.send_after <= now() AND i.drop_at > now()
          ORDER BY i.send_after
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE push_items i
          SET send_after = now() + make_interval(secs => $2::double precision),
              attempts = i.attempts + 1, claim = $3
         FROM due, push_devices d
        WHERE i.device_id = due.device_id AND i.item_id = due.item_id
          AND d.id = i.device_id AND d.endpoint IS NOT NULL
       RETURNING i.device_id, i.item_id, d.endpoint, i.payload, i.due_at, i.attempts,
         greatest(0, floor(extract(epoch FROM (i.due_at + make_interval(secs => i.ttl_seconds) - now())))) AS ttl_left,
         extract(epoch FROM (i.drop_at - now())) AS seconds_to_drop`,
      [limit, CLAIM_SECONDS, claim],
    );
    return rows.map((row) => ({
      deviceId: row.device_id,
      itemId: row.item_id,
      claim,
      endpoint: row.endpoint,
      payload: Buffer.from(row.payload),
      dueAt: row.due_at instanceof Date ? row.due_at : new Date(String(row.due_at)),
      ttlLeft: Number(row.ttl_left),
      attempts: Number(row.attempts),
      secondsToDrop: Number(row.seconds_to_drop),
    }));
  });
}

/** The push service took it: gone (unless the queue was replaced meanwhile with a changed item). */
export async function settleSent(q: Queryable, item: ClaimedPushItem): Promise<void> {
  await q.query("DELETE FROM push_items WHERE device_id = $1 AND item_id = $2 AND claim = $3", [
    item.deviceId,
    item.itemId,
    item.claim,
  ]);
}

/** Try again in `delaySeconds`, or drop it if that is past its drop time. */
export async function settleRetry(
  q: Queryable,
  item: ClaimedPushItem,
  delaySeconds: number,
): Promise<void> {
  await q.query(
    `DELETE FROM push_items WHERE device_id = $1 AND item_id = $2 AND claim = $3
        AND drop_at <= now() + make_interval(secs => $4::double precision)`,
    [item.deviceId, item.itemId, item.claim, delaySeconds],
  );
  await q.query(
    `UPDATE push_items SET send_after = now() + make_interval(secs => $4::double precision), claim = NULL
      WHERE device_id = $1 AND item_id = $2 AND claim = $3`,
    [item.deviceId, item.itemId, item.claim, delaySeconds],
  );
}

/** The push service will never take it (400, 413): gone. */
export const settleDropped = settleSent;

/** The subscription is gone (404, 410): the device and its queue go, unless it has a new endpoint since. */
export async function settleGone(q: Queryable, item: ClaimedPushItem): Promise<void> {
  await q.query("DELETE FROM push_devices WHERE id = $1 AND endpoint = $2", [
    item.deviceId,
    item.endpoint,
  ]);
}

/** Gives back this instance's claims (a clean stop): another instance, or the next start, sends them at once. */
export async function releaseClaims(q: Queryable, claims: readonly string[]): Promise<void> {
  if (claims.length === 0) return;
  await q.query(
    "UPDATE push_items SET send_after = now(), claim = NULL WHERE claim = ANY($1::uuid[])",
    [claims],
  );
}

/** Housekeeping: items past their drop time, and devices not heard from in `idleDays`. */
export async function sweepPush(q: Queryable, idleDays: number): Promise<void> {
  await q.query("DELETE FROM push_items WHERE drop_at < now()");
  await q.query(
    "DELETE FROM push_devices WHERE last_seen_at < now() - make_interval(days => $1::integer)",
    [idleDays],
  );
}
