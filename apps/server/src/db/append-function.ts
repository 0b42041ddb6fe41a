/**
 * The append in one call (migration 9, replaced by migration 10):
 * `trellis_append(...)` does in one round trip, as one statement and so one
 * transaction, what an append did in twelve: check the writer (session
 * alive, member with a key, not a viewer unless the vault is a circle, no
 * retired epoch), take the vault's ordering lock, insert, count the vault's
 * bytes and check the quotas (the owner's storage is their vaults' events
 * and attachments together). The notification is not in it:
 * PostgreSQL serialises the commits of transactions that NOTIFY, each with
 * its own WAL flush, which held appends to one commit per disk flush
 * (vault/notifier.ts sends it just after, batched). Its refusals are
 * exceptions `trellis-append:<reason>[:<detail>...]` (see vault/append-refusals.ts):
 * an exception rolls everything back, so a refused append leaves no trace.
 *
 * Every statement in it is keyed by the vault (`vault_id = p_vault`) or the
 * caller (`id = p_session`, `account_id = p_account`); hot-path.test.ts
 * checks that, so the log can be partitioned or distributed by vault.
 *
 * `APPEND_FUNCTION` is what migration 10 runs. To change the function, copy
 * this text to a frozen file for migration 10 (as append-function-9.ts keeps
 * migration 9's) and replace it again in a new migration.
 */

/** A fixed-window counter in `rate_limits`: adds `p_amount`, answers the new count and seconds left. */
export const WINDOW_ADD_FUNCTION = `CREATE FUNCTION trellis_window_add(
    p_key bytea, p_window double precision, p_amount integer,
    OUT new_count integer, OUT retry_after integer)
  LANGUAGE sql AS $fn$
  INSERT INTO rate_limits AS r (key, window_start, count) VALUES (p_key, now(), p_amount)
  ON CONFLICT (key) DO UPDATE SET
    window_start = CASE WHEN r.window_start <= now() - make_interval(secs => p_window)
                        THEN now() ELSE r.window_start END,
    count = CASE WHEN r.window_start <= now() - make_interval(secs => p_window)
                 THEN p_amount ELSE r.count + p_amount END
  RETURNING count,
    greatest(1, ceil(extract(epoch FROM (window_start + make_interval(secs => p_window) - now())))::integer)
$fn$`;

/**
 * Parameters: the vault and the batch (unique ids, bodies, size buckets, in
 * order); then, all null for an unchecked append
 * (the store used directly): the account and session of the writer, the
 * session lifetime (idle, maximum seconds), each event's envelope epoch
 * (null when unknown), and the quotas (vault bytes, account bytes, the HMAC
 * keys and daily limits of the vault's and the account's entry counters,
 * the window in seconds).
 */
export const APPEND_FUNCTION = `CREATE OR REPLACE FUNCTION trellis_append(
    p_vault uuid, p_ids uuid[], p_bodies bytea[], p_buckets integer[],
    p_account uuid, p_session uuid, p_idle double precision, p_max double precision,
    p_epochs integer[],
    p_vault_bytes bigint, p_account_bytes bigint,
    p_vault_key bytea, p_vault_per_day integer,
    p_account_key bytea, p_account_per_day integer, p_window double precision)
  RETURNS TABLE (out_id uuid, out_seq bigint, out_stored boolean)
  LANGUAGE plpgsql AS $fn$
DECLARE
  v_role text;
  v_kind text;
  v_epoch integer;
  v_has_grant boolean;
  v_ids uuid[];
  v_seqs bigint[];
  v_count integer;
  v_bytes bigint;
  v_total bigint;
  v_n integer;
  v_retry integer;
BEGIN
  IF p_session IS NOT NULL THEN
    PERFORM 1 FROM sessions s
      WHERE s.id = p_session AND s.account_id = p_account
        AND s.last_seen_at >= now() - make_interval(secs => p_idle)
        AND s.created_at >= now() - make_interval(secs => p_max);
    IF NOT FOUND THEN RAISE EXCEPTION 'trellis-append:session-ended'; END IF;
  END IF;
  -- The per-vault ordering lock (store.ts says why), held until commit.
  PERFORM pg_advisory_xact_lock(hashtext(p_vault::text));
  IF p_account IS NOT NULL THEN
    -- FOR SHARE: a removal or rotation committing meanwhile waits for this
    -- append, and one committed before it is seen here.
    SELECT m.role, v.current_epoch, v.kind,
           EXISTS (SELECT 1 FROM grants g
                    WHERE g.vault_id = m.vault_id AND g.account_id = m.account_id)
      INTO v_role, v_epoch, v_kind, v_has_grant
      FROM memberships m JOIN vaults v ON v.id = m.vault_id
     WHERE m.vault_id = p_vault AND m.account_id = p_account
       FOR SHARE OF m, v;
    IF NOT FOUND THEN RAISE EXCEPTION 'trellis-append:not-member'; END IF;
    IF NOT v_has_grant THEN RAISE EXCEPTION 'trellis-append:no-grant'; END IF;
    -- A viewer reads a record; in a circle they may also add (replies, reactions).
    IF v_role = 'viewer' AND v_kind <> 'circle' THEN
      RAISE EXCEPTION 'trellis-append:viewer';
    END IF;
    FOR i IN 1 .. coalesce(array_length(p_epochs, 1), 0) LOOP
      IF p_epochs[i] IS NOT NULL AND p_epochs[i] < v_epoch THEN
        RAISE EXCEPTION 'trellis-append:stale-epoch:%:%:%', i - 1, p_epochs[i], v_epoch;
      END IF;
    END LOOP;
  END IF;
  WITH ins AS (
    INSERT INTO vault_events (vault_id, event_id, ciphertext, size_bucket)
    SELECT p_vault, e.id, e.body, e.bucket
      FROM unnest(p_ids, p_bodies, p_buckets) WITH ORDINALITY AS e(id, body, bucket, ord)
     ORDER BY e.ord
    ON CONFLICT (vault_id, event_id) DO NOTHING
    RETURNING event_id, seq, octet_length(ciphertext) AS n)
  SELECT array_agg(ins.event_id), array_agg(ins.seq), count(*), coalesce(sum(ins.n), 0)
    INTO v_ids, v_seqs, v_count, v_bytes
    FROM ins;
  IF v_count > 0 THEN
    UPDATE vaults SET bytes_stored = bytes_stored + v_bytes WHERE id = p_vault
      RETURNING bytes_stored INTO v_total;
    IF p_vault_key IS NOT NULL THEN
      IF v_total > p_vault_bytes THEN RAISE EXCEPTION 'trellis-append:vault-full'; END IF;
      SELECT coalesce(sum(v.bytes_stored + v.attachment_bytes), 0) INTO v_total
        FROM memberships o
        JOIN memberships m ON m.account_id = o.account_id AND m.role = 'owner'
        JOIN vaults v ON v.id = m.vault_id
       WHERE o.vault_id = p_vault AND o.role = 'owner';
      IF v_total > p_account_bytes THEN RAISE EXCEPTION 'trellis-append:account-full'; END IF;
      SELECT w.new_count, w.retry_after INTO v_n, v_retry
        FROM trellis_window_add(p_vault_key, p_window, v_count) w;
      IF v_n > p_vault_per_day THEN
        RAISE EXCEPTION 'trellis-append:vault-per-day:%', v_retry;
      END IF;
      SELECT w.new_count, w.retry_after INTO v_n, v_retry
        FROM trellis_window_add(p_account_key, p_window, v_count) w;
      IF v_n > p_account_per_day THEN
        RAISE EXCEPTION 'trellis-append:account-per-day:%', v_retry;
      END IF;
    END IF;
  END IF;
  RETURN QUERY SELECT u.id, u.seq, true FROM unnest(v_ids, v_seqs) AS u(id, seq);
  IF v_count < cardinality(p_ids) THEN
    RETURN QUERY SELECT e.event_id, e.seq, false FROM vault_events e
      WHERE e.vault_id = p_vault AND e.event_id = ANY (p_ids)
        AND e.event_id <> ALL (coalesce(v_ids, '{}'::uuid[]));
  END IF;
END
$fn$`;

/** The call the store makes: one round trip per append. */
export const APPEND_CALL = `SELECT out_id, out_seq, out_stored
  FROM trellis_append($1, $2::uuid[], $3::bytea[], $4::integer[],
                      $5, $6, $7, $8, $9::integer[], $10, $11, $12, $13, $14, $15, $16)`;
