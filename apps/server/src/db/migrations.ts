import { APPEND_FUNCTION, WINDOW_ADD_FUNCTION } from "./append-function.ts";
import { APPEND_FUNCTION_9 } from "./append-function-9.ts";
import type { Db } from "./types.ts";

export interface Migration {
  /** 1, 2, 3, ...: applied in this order, each exactly once. Never renumber or edit a shipped one. */
  readonly version: number;
  readonly name: string;
  /** One statement per entry (PGlite's query() runs one statement at a time). */
  readonly statements: readonly string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "vault_events",
    statements: [
      // The server stores only what it must: which vault, the order it
      // received events in, the event id (for idempotent appends), the sealed
      // bytes, a coarse size and the arrival time. It never sees plaintext.
      `CREATE TABLE vault_events (
        vault_id uuid NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        ciphertext bytea NOT NULL CHECK (octet_length(ciphertext) > 0),
        size_bucket integer NOT NULL CHECK (size_bucket >= 256),
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (vault_id, event_id)
      )`,
      "CREATE INDEX vault_events_vault_seq ON vault_events (vault_id, seq)",
    ],
  },
  {
    version: 2,
    name: "accounts_and_sharing",
    statements: [
      // Secrets the server makes for itself on first start: the OPAQUE server
      // setup (unless TRELLIS_OPAQUE_SERVER_SETUP is set) and a key for
      // HMACs (fake recovery answers, rate-limit keys). Shared by instances.
      `CREATE TABLE server_secrets (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // An account is a login name, an OPAQUE record (no password, no hash
      // of one), public keys, and the root key wrapped twice by keys the
      // server never sees.
      `CREATE TABLE accounts (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        opaque_record bytea NOT NULL,
        root_wrap_export bytea NOT NULL,
        root_wrap_recovery bytea NOT NULL,
        signing_key bytea NOT NULL,
        box_key bytea NOT NULL,
        recovery_auth_key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // Only the SHA-256 of a bearer token is kept: a copy of this table
      // can't be used to sign in.
      `CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        device_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX sessions_account ON sessions (account_id)",
      // OPAQUE login state between start and finish (2 minutes, single use).
      // account_id is null when the username is unknown: that login can
      // never finish, but it looked the same from outside.
      `CREATE TABLE pending_logins (
        id uuid PRIMARY KEY,
        account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
        server_login_state bytea NOT NULL,
        user_rate_key bytea NOT NULL,
        ip_rate_key bytea NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      "CREATE INDEX pending_logins_expiry ON pending_logins (expires_at)",
      // Recovery in progress: the challenge to sign, then (verified) the
      // right to set a new password. account_id null: unknown username.
      `CREATE TABLE recoveries (
        id uuid PRIMARY KEY,
        account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
        challenge bytea NOT NULL,
        verified boolean NOT NULL DEFAULT false,
        expires_at timestamptz NOT NULL
      )`,
      "CREATE INDEX recoveries_expiry ON recoveries (expires_at)",
      // Fixed-window counters. The key is an HMAC of "scope|username" or
      // "scope|address", so the table holds no usernames or addresses.
      `CREATE TABLE rate_limits (
        key bytea PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count integer NOT NULL
      )`,
      `CREATE TABLE vaults (
        id uuid PRIMARY KEY,
        current_epoch integer NOT NULL DEFAULT 1 CHECK (current_epoch >= 1),
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // Events stored before accounts existed (the unauthenticated API) get
      // a vault row with no members: kept, but nobody can reach them. An
      // operator may delete them (see the README).
      "INSERT INTO vaults (id) SELECT DISTINCT vault_id FROM vault_events",
      `ALTER TABLE vault_events ADD CONSTRAINT vault_events_vault_fk
        FOREIGN KEY (vault_id) REFERENCES vaults (id) ON DELETE CASCADE`,
      `CREATE TABLE memberships (
        vault_id uuid NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('owner', 'partner', 'viewer')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vault_id, account_id)
      )`,
      "CREATE INDEX memberships_account ON memberships (account_id)",
      "CREATE UNIQUE INDEX memberships_one_owner ON memberships (vault_id) WHERE role = 'owner'",
      // A vault key sealed to one member for one epoch, signed by the owner.
      // Removing the membership removes its grants.
      `CREATE TABLE grants (
        vault_id uuid NOT NULL,
        account_id uuid NOT NULL,
        epoch integer NOT NULL CHECK (epoch >= 1),
        sealed_grant bytea NOT NULL,
        granted_by uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vault_id, account_id, epoch),
        FOREIGN KEY (vault_id, account_id)
          REFERENCES memberships (vault_id, account_id) ON DELETE CASCADE
      )`,
      "CREATE INDEX grants_granted_by ON grants (granted_by)",
      // Only the SHA-256 of the invite token: the token itself travels in the
      // link's fragment, which browsers never send to a server.
      `CREATE TABLE invites (
        id uuid PRIMARY KEY,
        vault_id uuid NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL,
        role text NOT NULL CHECK (role IN ('partner', 'viewer')),
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        used_by uuid REFERENCES accounts (id) ON DELETE SET NULL
      )`,
      "CREATE INDEX invites_vault ON invites (vault_id)",
      "CREATE INDEX invites_created_by ON invites (created_by)",
      "CREATE INDEX invites_used_by ON invites (used_by)",
    ],
  },
  {
    version: 3,
    name: "invite_revocation",
    statements: [
      // An invite the owner withdrew before it was used. The row stays (until
      // housekeeping removes it a week after it would have expired) so the
      // link can say it was withdrawn instead of "not valid".
      "ALTER TABLE invites ADD COLUMN revoked_at timestamptz",
    ],
  },
  {
    version: 4,
    name: "account_proofs_and_quotas",
    statements: [
      // A password proof in progress for an account action (password change,
      // deletion): OPAQUE login state, bound to the session that asked and
      // the action, 2 minutes, single use.
      `CREATE TABLE reauths (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('password-change', 'account-delete')),
        server_login_state bytea NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      "CREATE INDEX reauths_session ON reauths (session_id)",
      "CREATE INDEX reauths_expiry ON reauths (expires_at)",
      // A registration start this server issued: finish completes only one of
      // these, for the same username (kept as an HMAC, not the name).
      `CREATE TABLE pending_registrations (
        id uuid PRIMARY KEY,
        username_key bytea NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      "CREATE INDEX pending_registrations_expiry ON pending_registrations (expires_at)",
      // Rate-limit keys are worked out again at finish: a login in progress
      // keeps nothing derived from the caller's address.
      "ALTER TABLE pending_logins DROP COLUMN user_rate_key, DROP COLUMN ip_rate_key",
      // The username with lookalike letters folded (Cyrillic а → a, ...), to
      // refuse names that look like one in use. Filled in for older accounts
      // by the server at start (auth/usernames.ts).
      "ALTER TABLE accounts ADD COLUMN username_skeleton text",
      "CREATE INDEX accounts_username_skeleton ON accounts (username_skeleton)",
      // Bytes of sealed events per vault, kept as events arrive (quotas).
      "ALTER TABLE vaults ADD COLUMN bytes_stored bigint NOT NULL DEFAULT 0",
      `UPDATE vaults v SET bytes_stored = (
        SELECT coalesce(sum(octet_length(e.ciphertext)), 0) FROM vault_events e
         WHERE e.vault_id = v.id)`,
      // Secrets now live outside the database (auth/secrets.ts moves any
      // found here out to the secrets file at start); this table keeps only
      // checks that are safe to copy: the OPAQUE public key and an HMAC of a
      // fixed label, so an instance with other secrets refuses to start.
    ],
  },
  {
    version: 5,
    name: "membership_log",
    statements: [
      // The owner-signed chain of membership changes. Opaque to the server:
      // clients check the signatures and the hash chain.
      `CREATE TABLE membership_log (
        vault_id uuid NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        entry bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vault_id, position)
      )`,
    ],
  },
  {
    version: 6,
    name: "sessions_ended_elsewhere",
    statements: [
      // The token hash of a session signed out from another device of its
      // account ("I lost my phone"): that device, when it next asks, hears
      // `signed-out-elsewhere` and erases what it holds. Only the hash, as in
      // sessions; no account, no device name. Housekeeping removes a row once
      // the session would have reached its maximum age anyway.
      `CREATE TABLE sessions_ended_elsewhere (
        token_hash bytea PRIMARY KEY,
        ended_at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX sessions_ended_elsewhere_ended_at ON sessions_ended_elsewhere (ended_at)",
    ],
  },
  {
    version: 7,
    name: "push_relay",
    statements: [
      // A push device: no account, only the SHA-256 of its bearer secret and
      // the push endpoint it last gave (null until its first schedule).
      `CREATE TABLE push_devices (
        id uuid PRIMARY KEY,
        secret_hash bytea NOT NULL,
        endpoint text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`,
      "CREATE INDEX push_devices_last_seen ON push_devices (last_seen_at)",
      // Its queue: when to send which opaque bytes (encrypted on the device
      // for its own subscription). `send_after` is `due_at`, later after a
      // failure (backoff), or the end of the lease while one instance sends
      // it (`claim`); `drop_at` is when it is no longer worth sending.
      `CREATE TABLE push_items (
        device_id uuid NOT NULL REFERENCES push_devices (id) ON DELETE CASCADE,
        item_id text NOT NULL,
        due_at timestamptz NOT NULL,
        ttl_seconds integer NOT NULL CHECK (ttl_seconds >= 0),
        drop_at timestamptz NOT NULL,
        payload bytea NOT NULL CHECK (octet_length(payload) > 0),
        send_after timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        claim uuid,
        PRIMARY KEY (device_id, item_id)
      )`,
      "CREATE INDEX push_items_send_after ON push_items (send_after)",
      "CREATE INDEX push_items_drop_at ON push_items (drop_at)",
    ],
  },
  {
    version: 8,
    name: "signed_sign_outs",
    statements: [
      // The account's signature on "sign this session out and erase it",
      // made on the device that asked. The signed-out device erases only on a
      // signature it can check, so the server cannot make a device erase
      // itself. Rows from before carry none: those devices are asked to sign
      // in again instead.
      "ALTER TABLE sessions_ended_elsewhere ADD COLUMN signature bytea",
    ],
  },
  {
    version: 9,
    name: "append_in_one_call",
    // An append is one call, one round trip (db/append-function.ts): the
    // checks, the ordering lock, the insert, the quotas (the notice follows the commit: vault/notifier.ts).
    statements: [WINDOW_ADD_FUNCTION, APPEND_FUNCTION_9],
  },
  {
    version: 10,
    name: "circles_and_attachments",
    statements: [
      // A vault is a person's record or a circle (news for family and
      // friends, under its own key). The server keeps the kind so a new
      // device follows the record, and so viewers may add to a circle.
      `ALTER TABLE vaults ADD COLUMN kind text NOT NULL DEFAULT 'record'
        CHECK (kind IN ('record', 'circle'))`,
      // Bytes of the vault's attachments, beside bytes_stored (its events):
      // the owner's storage quota counts both.
      "ALTER TABLE vaults ADD COLUMN attachment_bytes bigint NOT NULL DEFAULT 0",
      // Sealed attachments (photos): opaque bytes under an id the device
      // chose, nothing else (no name, no type). Gone with the vault; kept
      // when the member who put one leaves or deletes their account (it
      // belongs to the vault, like the events they wrote).
      `CREATE TABLE vault_attachments (
        vault_id uuid NOT NULL REFERENCES vaults (id) ON DELETE CASCADE,
        attachment_id uuid NOT NULL,
        sealed bytea NOT NULL CHECK (octet_length(sealed) > 0),
        size integer NOT NULL CHECK (size = octet_length(sealed)),
        stored_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vault_id, attachment_id)
      )`,
      APPEND_FUNCTION,
    ],
  },
];

/**
 * Advisory lock key for migrations. It uses the two-int4 form of
 * pg_advisory_xact_lock, whose key space is separate from the one-bigint
 * form used for per-vault append locks, so the two can never collide.
 */
const MIGRATION_LOCK: readonly [number, number] = [0x7472_6c73, 1]; // "trls", 1

export class SchemaTooNewError extends Error {
  constructor(readonly versions: readonly number[]) {
    super(
      `The database has schema migrations this server does not know (${versions.join(", ")}). ` +
        "It was used by a newer Trellis server; upgrade this server instead of running an older one against it.",
    );
    this.name = "SchemaTooNewError";
  }
}

export interface MigrateResult {
  /** Versions applied by this call (empty when the schema was up to date). */
  readonly applied: number[];
}

/**
 * Brings the schema up to date. All pending migrations run in one transaction
 * that first takes a transaction-scoped advisory lock: when two server
 * instances start against one PostgreSQL at once, the second waits, then sees
 * the first one's `schema_migrations` rows and applies nothing.
 */
export async function migrate(
  db: Db,
  list: readonly Migration[] = migrations,
): Promise<MigrateResult> {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migrations must be numbered 1, 2, 3, ... without gaps (found ${migration.version}).`,
      );
    }
  });

  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [...MIGRATION_LOCK]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const { rows } = await tx.query<{ version: number }>(
      "SELECT version FROM schema_migrations ORDER BY version",
    );
    const done = new Set(rows.map((row) => Number(row.version)));
    const known = new Set(sorted.map((m) => m.version));
    const unknown = [...done].filter((version) => !known.has(version));
    if (unknown.length > 0) throw new SchemaTooNewError(unknown);

    const applied: number[] = [];
    for (const migration of sorted) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) {
        await tx.query(statement);
      }
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return { applied };
  });
}
