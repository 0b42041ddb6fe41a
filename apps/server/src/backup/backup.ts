/**
 * Backups: one file, the same format for PGlite and PostgreSQL, made and
 * restored through the server's own database code (no pg_dump needed, and a
 * backup of either backend restores into either).
 *
 * The file is gzip-compressed JSON lines:
 *   {"format":"trellis-backup","version":1,"schemaVersion":N,...}  header
 *   {"table":"accounts","rows":R}                                  then R lines,
 *   {...row as PostgreSQL's to_jsonb gives it...}                  one per row
 *   ...
 *   {"end":true,"tables":{"accounts":R,...}}                       last line
 * Rows are never parsed in JavaScript: PostgreSQL writes them (to_jsonb) and
 * reads them back (jsonb_populate_recordset), so bigints, bytes (as \x hex)
 * and timestamps keep their exact values. A file without its end line was
 * cut short and is refused.
 *
 * Backup reads every table in one REPEATABLE READ transaction (one
 * consistent snapshot while the server keeps running on PostgreSQL).
 * Restore runs in one transaction into an empty database: it builds the
 * schema the backup was made with, loads the rows in foreign-key order,
 * sets identity sequences past the highest value, then migrates to today's
 * schema, so a backup from an older release restores into a newer one.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { migrate, migrations } from "../db/migrations.ts";
import type { Db, Queryable } from "../db/types.ts";
import { SERVER_VERSION } from "../version.ts";

export const BACKUP_FORMAT = "trellis-backup";
export const BACKUP_FORMAT_VERSION = 1;
/** Rows per SELECT page and per INSERT batch (also capped by bytes). */
const PAGE_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly schemaVersion: number;
  readonly serverVersion: string;
  readonly storage: Db["kind"];
  readonly createdAt: string;
  readonly tables: readonly string[];
  /**
   * The secrets file's contents (the OPAQUE setup, HMAC and VAPID keys), when
   * the server keeps its secrets in one: without them no one could sign in
   * to the restored database. Absent when they come from the environment.
   */
  readonly secrets?: string;
}

export interface BackupSummary {
  readonly schemaVersion: number;
  readonly tables: Readonly<Record<string, number>>;
  /** The secrets file kept in (or read from) the backup, if any. */
  readonly secrets?: string;
}

/** A backup file that can't be restored: says what is wrong with it. */
export class BackupFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file} is not a Trellis backup that can be restored: ${problem}`);
    this.name = "BackupFileError";
  }
}

/** Restore refused: the target already holds data. */
/** The secrets file beside the target holds other secrets than the backup's. */
export class SecretsDifferError extends Error {
  constructor(path: string) {
    super(
      `The secrets file ${path} holds other secrets than the backup. Restore into an empty data folder, or add --force to replace it (sign-ins made with the old secrets stop working).`,
    );
    this.name = "SecretsDifferError";
  }
}

export class RestoreTargetNotEmptyError extends Error {
  constructor(where: string) {
    super(
      `${where} already holds a Trellis database. Restore into an empty one, or add --force to replace what is there (it is deleted).`,
    );
    this.name = "RestoreTargetNotEmptyError";
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The server's tables (not partitions of one), in an order where each comes after those it refers to. */
async function tablesInOrder(q: Queryable): Promise<string[]> {
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
  const { rows: refs } = await q.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.oid <> p.oid`,
  );
  const names = tables.map((t) => t.name);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of refs) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const next = names.find(
      (n) =>
        !placed.has(n) &&
        [...(parents.get(n) ?? [])].every((p) => placed.has(p) || !parents.has(p)),
    );
    if (next === undefined) throw new Error("The tables' foreign keys form a cycle.");
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

async function primaryKey(q: Queryable, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await q.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = $1
      ORDER BY k.ord`,
    [table],
  );
  return rows;
}

export async function schemaVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ v: number | null }>(
    "SELECT max(version)::int AS v FROM schema_migrations",
  );
  return Number(rows[0]?.v ?? 0);
}

/** Every row of a table, page by page in primary-key order, as JSON text. */
async function* tableRows(q: Queryable, table: string): AsyncGenerator<string> {
  const key = await primaryKey(q, table);
  const t = quote(table);
  if (key.length === 0) {
    const { rows } = await q.query<{ j: string }>(`SELECT to_jsonb(t)::text AS j FROM ${t} t`);
    for (const row of rows) yield row.j;
    return;
  }
  const cols = key.map((k) => `t.${quote(k.name)}`).join(", ");
  const keyText = key.map((k, i) => `t.${quote(k.name)}::text AS k${i}`).join(", ");
  let last: string[] | undefined;
  for (;;) {
    const where =
      last === undefined
        ? ""
        : `WHERE (${cols}) > (${key.map((k, i) => `$${i + 1}::${k.type}`).join(", ")})`;
    const { rows } = await q.query<Record<string, string>>(
      `SELECT to_jsonb(t)::text AS j, ${keyText} FROM ${t} t ${where} ORDER BY ${cols} LIMIT ${PAGE_ROWS}`,
      last ?? [],
    );
    for (const row of rows) yield row.j as string;
    if (rows.length < PAGE_ROWS) return;
    const end = rows[rows.length - 1]!;
    last = key.map((_, i) => end[`k${i}`] as string);
  }
}

/**
 * Writes a backup of `db` to `file` (0600; written beside it first and
 * renamed when complete, so a failed backup never leaves a half file).
 */
export async function backupDatabase(
  db: Db,
  file: string,
  options: { secrets?: string } = {},
): Promise<BackupSummary> {
  const temp = `${file}.partial`;
  // Whatever fails (the snapshot, the gzip, the disk, the rename), no
  // half-written file is left behind.
  try {
    const summary = await db.transaction(async (tx) => {
      if (db.kind === "postgres") {
        await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      const version = await schemaVersion(tx);
      if (version === 0) throw new Error("The database has no Trellis schema: nothing to back up.");
      const tables = (await tablesInOrder(tx)).filter((t) => t !== "schema_migrations");
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        schemaVersion: version,
        serverVersion: SERVER_VERSION,
        storage: db.kind,
        createdAt: new Date().toISOString(),
        tables,
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      };
      const counts: Record<string, number> = {};
      async function* lines(): AsyncGenerator<string> {
        yield `${JSON.stringify(header)}\n`;
        for (const table of tables) {
          const { rows } = await tx.query<{ n: string | number }>(
            `SELECT count(*) AS n FROM ${quote(table)}`,
          );
          const n = Number(rows[0]?.n ?? 0);
          yield `${JSON.stringify({ table, rows: n })}\n`;
          let seen = 0;
          for await (const row of tableRows(tx, table)) {
            seen += 1;
            yield `${row}\n`;
          }
          if (seen !== n) throw new Error(`Table ${table} changed while it was read.`);
          counts[table] = n;
        }
        yield `${JSON.stringify({ end: true, tables: counts })}\n`;
      }
      await pipeline(lines, createGzip(), createWriteStream(temp, { mode: 0o600 }));
      return {
        schemaVersion: version,
        tables: counts,
        ...(options.secrets === undefined ? {} : { secrets: options.secrets }),
      };
    });
    await rename(temp, file);
    return summary;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Whether the database already has the Trellis schema (any table of ours). */
export async function hasTrellisSchema(q: Queryable): Promise<boolean> {
  const { rows } = await q.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
        AND c.relname IN ('schema_migrations', 'accounts', 'vault_events', 'vaults')`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}

/** Drops every table, sequence and trellis_ function in the current schema (restore --force). */
async function dropEverything(q: Queryable): Promise<void> {
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  for (const { name } of tables) await q.query(`DROP TABLE IF EXISTS ${quote(name)} CASCADE`);
  const { rows: fns } = await q.query<{ sig: string }>(
    `SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema() AND p.proname LIKE 'trellis\\_%'`,
  );
  for (const { sig } of fns) await q.query(`DROP FUNCTION IF EXISTS ${sig} CASCADE`);
}

/** A Db whose transactions run inline in `tx`: lets migrate() run inside the restore's one transaction. */
function inside(db: Db, tx: Queryable): Db {
  return {
    kind: db.kind,
    query: (sql, params) => tx.query(sql, params),
    transaction: (fn) => fn(tx),
    listen: () => Promise.reject(new Error("not while restoring")),
    close: () => Promise.resolve(),
  };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) if (line !== "") yield line;
  } catch (error) {
    throw new BackupFileError(file, `it can't be read as gzip (${(error as Error).message}).`);
  }
}

function parseLine<T>(file: string, line: string, what: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupFileError(file, `the ${what} is not JSON.`);
  }
}

export interface RestoreOptions {
  /** Replace a database that already holds data (it is deleted first, in the same transaction). */
  readonly force?: boolean;
  /** Where the data goes, for messages ("the data folder ./data"). */
  readonly where?: string;
}

/**
 * Restores `file` into `db`: all or nothing, in one transaction. Refuses a
 * database that already has the Trellis schema unless `force`.
 */
export async function restoreDatabase(
  db: Db,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const lines = readLines(file);
  const first = await lines.next();
  if (first.done) throw new BackupFileError(file, "it is empty.");
  const header = parseLine<Partial<BackupHeader>>(file, first.value, "first line");
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupFileError(file, "its first line is not a Trellis backup header.");
  }
  if (header.version !== BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      file,
      `it is backup format ${header.version}; this server reads format ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  const version = Number(header.schemaVersion);
  if (!Number.isInteger(version) || version < 1 || version > migrations.length) {
    throw new BackupFileError(
      file,
      `it was made by a newer Trellis (schema ${header.schemaVersion}; this one knows up to ${migrations.length}). Upgrade this server first.`,
    );
  }

  return db.transaction(async (tx) => {
    if (await hasTrellisSchema(tx)) {
      if (!options.force) throw new RestoreTargetNotEmptyError(options.where ?? "The database");
      await dropEverything(tx);
    }
    const asDb = inside(db, tx);
    // The schema as it was when the backup was made, then the rows, then today's migrations.
    await migrate(asDb, migrations.slice(0, version));
    const counts: Record<string, number> = {};
    let table: string | undefined;
    let expected = 0;
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (table === undefined || batch.length === 0) return;
      await tx.query(
        `INSERT INTO ${quote(table)} OVERRIDING SYSTEM VALUE
         SELECT * FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)`,
        [`[${batch.join(",")}]`],
      );
      batch = [];
      batchBytes = 0;
    };
    const known = new Set(header.tables ?? []);
    let ended = false;
    for await (const line of lines) {
      if (ended) throw new BackupFileError(file, "it has lines after its end.");
      if (table !== undefined && (counts[table] ?? 0) < expected) {
        batch.push(line);
        batchBytes += line.length;
        counts[table] = (counts[table] ?? 0) + 1;
        if (batch.length >= PAGE_ROWS || batchBytes >= BATCH_BYTES) await flush();
        continue;
      }
      await flush();
      const marker = parseLine<{
        table?: string;
        rows?: number;
        end?: boolean;
        tables?: Record<string, number>;
      }>(file, line, "table marker");
      if (marker.end === true) {
        for (const [name, n] of Object.entries(marker.tables ?? {})) {
          if ((counts[name] ?? 0) !== n) {
            throw new BackupFileError(
              file,
              `table ${name} should have ${n} rows, it has ${counts[name] ?? 0}.`,
            );
          }
        }
        ended = true;
        continue;
      }
      if (
        typeof marker.table !== "string" ||
        !known.has(marker.table) ||
        !Number.isInteger(marker.rows)
      ) {
        throw new BackupFileError(file, `a table marker is damaged (${line.slice(0, 80)}).`);
      }
      table = marker.table;
      expected = marker.rows as number;
      counts[table] = 0;
    }
    await flush();
    if (!ended) throw new BackupFileError(file, "it was cut short (its end line is missing).");

    // Identity columns carry on after the highest restored value.
    const { rows: identities } = await tx.query<{ tbl: string; col: string }>(
      `SELECT c.relname AS tbl, a.attname AS col FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND a.attidentity <> '' AND NOT c.relispartition`,
    );
    for (const { tbl, col } of identities) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), greatest((SELECT max(${quote(col)}) FROM ${quote(tbl)}), 1), (SELECT max(${quote(col)}) FROM ${quote(tbl)}) IS NOT NULL)`,
        [quote(tbl), col],
      );
    }
    await migrate(asDb);
    return {
      schemaVersion: version,
      tables: counts,
      ...(typeof header.secrets === "string" ? { secrets: header.secrets } : {}),
    };
  });
}

/** The header of a backup file (to check it before restoring). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  const first = await lines.next();
  await lines.return(undefined);
  if (first.done) throw new BackupFileError(file, "it is empty.");
  const header = parseLine<Partial<BackupHeader>>(file, first.value, "first line");
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupFileError(file, "its first line is not a Trellis backup header.");
  }
  return header as BackupHeader;
}
