-- Opt-in: hash-partition the event log by vault (docs/scaling.md).
--
--   psql "$TRELLIS_DATABASE_URL" -v ON_ERROR_STOP=1 -f apps/server/sql/partition-vault-events.sql
--
-- One statement, so one transaction: either every row is in the new table
-- or nothing changed. It holds an exclusive lock on vault_events while it
-- copies (appends and pulls wait), so run it with the servers stopped or in
-- a quiet hour; it copies about a million rows a minute on a small machine.
-- Running it again on a partitioned table does nothing.
--
-- What changes: vault_events becomes 16 hash partitions of vault_id, with
-- primary key (vault_id, seq) (a partitioned table's keys must include
-- vault_id) and seq drawn from a sequence of its own, continuing from the
-- old one. Every query of the server is keyed by vault_id (hot-path.test.ts),
-- so each touches one partition.
DO $migrate$
DECLARE
  next_seq bigint;
BEGIN
  IF (SELECT c.relkind FROM pg_class c
       WHERE c.oid = to_regclass('vault_events')) = 'p' THEN
    RAISE NOTICE 'vault_events is already partitioned; nothing to do.';
    RETURN;
  END IF;
  LOCK TABLE vault_events IN ACCESS EXCLUSIVE MODE;
  ALTER TABLE vault_events RENAME TO vault_events_unpartitioned;
  ALTER TABLE vault_events_unpartitioned
    RENAME CONSTRAINT vault_events_vault_fk TO vault_events_unpartitioned_vault_fk;
  ALTER INDEX vault_events_vault_seq RENAME TO vault_events_unpartitioned_vault_seq;
  ALTER TABLE vault_events_unpartitioned
    RENAME CONSTRAINT vault_events_pkey TO vault_events_unpartitioned_pkey;
  ALTER TABLE vault_events_unpartitioned
    RENAME CONSTRAINT vault_events_vault_id_event_id_key TO vault_events_unpartitioned_vault_event_key;

  SELECT greatest(
           coalesce((SELECT s.last_value FROM pg_sequences s
                      WHERE s.schemaname = current_schema()
                        AND s.sequencename = 'vault_events_seq_seq'), 0),
           coalesce((SELECT max(seq) FROM vault_events_unpartitioned), 0),
           1)
    INTO next_seq;

  CREATE TABLE vault_events (
    vault_id uuid NOT NULL,
    seq bigint NOT NULL,
    event_id uuid NOT NULL,
    ciphertext bytea NOT NULL CHECK (octet_length(ciphertext) > 0),
    size_bucket integer NOT NULL CHECK (size_bucket >= 256),
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (vault_id, seq),
    CONSTRAINT vault_events_vault_id_event_id_key UNIQUE (vault_id, event_id),
    CONSTRAINT vault_events_vault_fk FOREIGN KEY (vault_id) REFERENCES vaults (id) ON DELETE CASCADE
  ) PARTITION BY HASH (vault_id);
  CREATE SEQUENCE vault_events_seq_by_vault OWNED BY vault_events.seq;
  PERFORM setval('vault_events_seq_by_vault', next_seq);
  ALTER TABLE vault_events ALTER COLUMN seq SET DEFAULT nextval('vault_events_seq_by_vault');
  FOR i IN 0 .. 15 LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF vault_events FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
      'vault_events_p' || i, i);
  END LOOP;

  INSERT INTO vault_events (vault_id, seq, event_id, ciphertext, size_bucket, received_at)
  SELECT vault_id, seq, event_id, ciphertext, size_bucket, received_at
    FROM vault_events_unpartitioned;
  DROP TABLE vault_events_unpartitioned;
END
$migrate$;
