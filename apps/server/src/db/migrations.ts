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
