/**
 * Backup and restore round trips on PGlite and PostgreSQL, and across them:
 * every table equal after a restore, sign-in and appends work on the
 * restored database, a non-empty target is refused unless forced, and a
 * damaged or cut-short file changes nothing. Also the CLI (`npm run backup`
 * and `npm run restore`) on a PGlite data folder, secrets file included.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { makeServerSecrets, type ServerSecrets } from "../auth/secrets.ts";
import { migrations } from "../db/migrations.ts";
import { openPgliteDb } from "../db/pglite.ts";
import { openPostgresDb } from "../db/postgres.ts";
import type { Db, Queryable } from "../db/types.ts";
import { sealTestAttachment, storeAttachment } from "../testing/attachments.ts";
import { injectTransport, LOOSE_RATE_LIMITS, TestClient } from "../testing/client.ts";
import {
  describePostgres,
  makeTempDir,
  openTestPglite,
  openTestPostgres,
  type TestDatabase,
} from "../testing/databases.ts";
import { TEST_APP_CONFIG } from "../testing/harness.ts";
import {
  BackupFileError,
  backupDatabase,
  RestoreTargetNotEmptyError,
  restoreDatabase,
  schemaVersion,
} from "./backup.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => {});
});
async function tempDir(): Promise<string> {
  const dir = await makeTempDir("trellis-backup-");
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Every table's rows as PostgreSQL writes them, sorted: equal means the same data. */
async function everyTable(q: Queryable): Promise<Record<string, string[]>> {
  await q.query("SET TIME ZONE 'UTC'");
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r','p') AND NOT c.relispartition
        AND c.relname <> 'schema_migrations' ORDER BY 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await q.query<{ j: string }>(
      `SELECT to_jsonb(t)::text AS j FROM "${name}" t ORDER BY 1`,
    );
    out[name] = rows.map((r) => r.j);
  }
  return out;
}

function app(db: Db, secrets: ServerSecrets) {
  const a = buildApp({
    db,
    config: TEST_APP_CONFIG,
    logger: false,
    secrets,
    rateLimits: LOOSE_RATE_LIMITS,
    pushScheduler: false,
  });
  return { app: a, client: new TestClient(injectTransport(a)) };
}

/** Two people, a shared record with entries and a photo, an invite, sessions: most tables get rows. */
async function populate(db: Db, secrets: ServerSecrets) {
  const { app: a, client } = app(db, secrets);
  try {
    const maya = await client.register({ username: "maya", password: "a long and kind password" });
    const sam = await client.register({ username: "sam", password: "another long password" });
    const vault = await client.createVault(maya);
    const events = client.seal(vault, [
      "DoseLogged 150 IU",
      "Note: a calm day",
      new Uint8Array([0, 1, 2, 255]),
    ]);
    await client.append(maya, vault.vaultId, events);
    await storeAttachment(
      client,
      maya,
      vault.vaultId,
      await sealTestAttachment("a photo of the clinic"),
    );
    await client.invite(maya, vault.vaultId, "partner");
    await client.append(maya, vault.vaultId, client.seal(vault, ["a second batch"]));
    return { maya, sam, vault, events };
  } finally {
    await a.close();
  }
}

async function roundTrip(source: TestDatabase, openTarget: () => Promise<TestDatabase>) {
  const dir = await tempDir();
  const secrets = await makeServerSecrets();
  const { maya, vault } = await populate(source.db, secrets);
  const file = join(dir, "backup.jsonl.gz");
  const made = await backupDatabase(source.db, file, { secrets: '{"kept":true}' });
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect(made.tables.accounts).toBe(2);
  expect(made.tables.vault_events).toBe(4);
  expect(made.tables.vault_attachments).toBe(1);

  const target = await openTarget();
  cleanups.push(() => target.cleanup());
  // Test databases come migrated: start from an empty one, as a new data folder or database is.
  await target.db.query("DROP SCHEMA public CASCADE");
  await target.db.query("CREATE SCHEMA public");
  const restored = await restoreDatabase(target.db, file);
  expect(restored.tables).toEqual(made.tables);
  expect(restored.secrets).toBe('{"kept":true}');
  expect(await everyTable(target.db)).toEqual(await everyTable(source.db));
  expect(await schemaVersion(target.db)).toBe(migrations.length);

  // The restored database works: Maya signs in, reads her entries, and adds one after them.
  const { app: a, client } = app(target.db, secrets);
  try {
    const login = await client.login({ username: "maya", password: "a long and kind password" });
    const session = { ...maya, session: login.session };
    const before = await client.pullAll(session, vault.vaultId);
    expect(before.events).toHaveLength(4);
    await client.append(session, vault.vaultId, client.seal(vault, ["after the restore"]));
    const after = await client.pullAll(session, vault.vaultId);
    expect(after.events).toHaveLength(5);
    const seqs = after.events.map((e) => Number(e.seq));
    expect(seqs[4]).toBeGreaterThan(seqs[3]!);
  } finally {
    await a.close();
  }
  return { file, target };
}

async function emptyPglite(): Promise<TestDatabase> {
  const dir = await makeTempDir("trellis-restore-");
  const db = await openPgliteDb(join(dir, "pglite"));
  return {
    db,
    async cleanup() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describe("backup and restore on PGlite", () => {
  it("round trip: every table equal, sign-in and appends work after", async () => {
    const source = await openTestPglite();
    cleanups.push(() => source.cleanup());
    const { file, target } = await roundTrip(source, emptyPglite);

    // A second restore into the same database is refused, and changes nothing.
    const before = await everyTable(target.db);
    await expect(restoreDatabase(target.db, file)).rejects.toThrow(RestoreTargetNotEmptyError);
    expect(await everyTable(target.db)).toEqual(before);
    // With force it replaces what is there.
    await target.db.query("DELETE FROM vault_attachments");
    await restoreDatabase(target.db, file, { force: true });
    expect((await everyTable(target.db)).vault_attachments).toHaveLength(1);
  }, 300_000);

  it("refuses a damaged or cut-short file and leaves the target empty", async () => {
    const source = await openTestPglite();
    cleanups.push(() => source.cleanup());
    await populate(source.db, await makeServerSecrets());
    const dir = await tempDir();
    const file = join(dir, "good.jsonl.gz");
    // A backup that fails half way through (the disk, the database) leaves no file at all.
    const failing: Db = Object.assign(Object.create(source.db) as Db, {
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
        source.db.transaction((tx) =>
          fn({
            query: (sql: string, params?: readonly unknown[]) =>
              /to_jsonb/.test(sql) && /vault_events/.test(sql)
                ? Promise.reject(new Error("the disk went away"))
                : tx.query(sql, params),
          } as Queryable),
        ),
    });
    await expect(backupDatabase(failing, file)).rejects.toThrow(/disk went away/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);
    await backupDatabase(source.db, file);
    const lines = gunzipSync(await readFile(file))
      .toString()
      .trimEnd()
      .split("\n");

    const cut = join(dir, "cut.jsonl.gz");
    await writeFile(cut, gzipSync(`${lines.slice(0, -3).join("\n")}\n`));
    const notGzip = join(dir, "plain.txt");
    await writeFile(notGzip, "hello");
    const tooNew = join(dir, "new.jsonl.gz");
    const header = JSON.parse(lines[0]!);
    await writeFile(
      tooNew,
      gzipSync(
        `${JSON.stringify({ ...header, schemaVersion: 999 })}\n${lines.slice(1).join("\n")}\n`,
      ),
    );

    const target = await emptyPglite();
    cleanups.push(() => target.cleanup());
    await expect(restoreDatabase(target.db, cut)).rejects.toThrow(/cut short|should have/);
    await expect(restoreDatabase(target.db, notGzip)).rejects.toThrow(BackupFileError);
    await expect(restoreDatabase(target.db, tooNew)).rejects.toThrow(/newer Trellis/);
    const { rows } = await target.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()",
    );
    expect(rows[0]?.n).toBe(0);
  }, 300_000);

  it("npm run backup and npm run restore: one file, secrets included, an empty folder only unless --force", async () => {
    const dir = await tempDir();
    const dataDir = join(dir, "data");
    // A data folder as the server leaves it: migrated database and its secrets file.
    const { loadServerSecrets } = await import("../auth/secrets.ts");
    const { migrate } = await import("../db/migrations.ts");
    const db = await openPgliteDb(join(dataDir, "pglite"));
    await migrate(db);
    const secrets = await loadServerSecrets(db, { file: join(dataDir, "secrets.json") });
    await populate(db, secrets);
    const before = await everyTable(db);
    await db.close();

    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        const child = spawn(process.execPath, ["scripts/backup.mjs", ...args], {
          cwd: ROOT,
          env: { ...process.env, TRELLIS_DATABASE_URL: "", INIT_CWD: dir, ...env },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        let err = "";
        child.stdout.on("data", (c) => {
          out += c;
        });
        child.stderr.on("data", (c) => {
          err += c;
        });
        child.on("exit", (code) => resolve({ code, out, err }));
      });

    const backedUp = await run(["backup", "one.jsonl.gz"], { TRELLIS_DATA_DIR: dataDir });
    expect(backedUp.err).toBe("");
    expect(backedUp.code).toBe(0);
    expect(backedUp.out).toContain(`to ${join(dir, "one.jsonl.gz")}`);
    expect(backedUp.out).toContain("2 accounts, 1 records, 4 entries, 1 attachments");

    const fresh = join(dir, "fresh");
    const restored = await run(["restore", "one.jsonl.gz"], { TRELLIS_DATA_DIR: fresh });
    expect(restored.err).toBe("");
    expect(restored.code).toBe(0);
    expect(await readFile(join(fresh, "secrets.json"), "utf8")).toBe(
      await readFile(join(dataDir, "secrets.json"), "utf8"),
    );
    expect((await stat(join(fresh, "secrets.json"))).mode & 0o777).toBe(0o600);
    const check = await openPgliteDb(join(fresh, "pglite"));
    expect(await everyTable(check)).toEqual(before);
    await check.close();

    const again = await run(["restore", "one.jsonl.gz"], { TRELLIS_DATA_DIR: fresh });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds a Trellis database.*--force/);
    const forced = await run(["restore", "one.jsonl.gz", "--force"], { TRELLIS_DATA_DIR: fresh });
    expect(forced.code).toBe(0);

    const missing = await run(["backup"], { TRELLIS_DATA_DIR: join(dir, "nothing-here") });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("There is no Trellis database in");
    expect(existsSync(join(dir, "nothing-here"))).toBe(false);
  }, 360_000);
});

describePostgres("backup and restore on PostgreSQL", (url) => {
  it("round trip: every table equal, sign-in and appends work after", async () => {
    const source = await openTestPostgres(url);
    cleanups.push(() => source.cleanup());
    await roundTrip(source, () => openTestPostgres(url));
  }, 300_000);

  it("a PGlite backup restores into PostgreSQL (one format for both)", async () => {
    const source = await openTestPglite();
    cleanups.push(() => source.cleanup());
    await roundTrip(source, () => openTestPostgres(url));
  }, 300_000);

  it("a backup taken while the server writes is one consistent snapshot", async () => {
    const source = await openTestPostgres(url);
    cleanups.push(() => source.cleanup());
    const secrets = await makeServerSecrets();
    const { maya, vault } = await populate(source.db, secrets);
    const { app: a, client } = app(source.db, secrets);
    const writer = openPostgresDb(source.url!);
    cleanups.push(() => writer.close());
    let writing = true;
    const writes = (async () => {
      while (writing) await client.append(maya, vault.vaultId, client.seal(vault, ["meanwhile"]));
    })();
    const dir = await tempDir();
    const file = join(dir, "live.jsonl.gz");
    const made = await backupDatabase(source.db, file);
    writing = false;
    await writes;
    await a.close();
    // Whatever moment it caught, the file is whole and restores to the same counts.
    const target = await openTestPostgres(url);
    cleanups.push(() => target.cleanup());
    await target.db.query("DROP SCHEMA public CASCADE");
    await target.db.query("CREATE SCHEMA public");
    const restored = await restoreDatabase(target.db, file);
    expect(restored.tables).toEqual(made.tables);
  }, 300_000);
});
