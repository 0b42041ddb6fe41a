/**
 * Test databases: a PGlite in a temp directory, or a uniquely named
 * database on the PostgreSQL server at TRELLIS_TEST_DATABASE_URL (created for
 * one test file and dropped after it, so runs never collide).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, it } from "vitest";
import { migrate } from "../db/migrations.ts";
import { openPgliteDb } from "../db/pglite.ts";
import { openPostgresDb } from "../db/postgres.ts";
import type { Db } from "../db/types.ts";

export interface TestDatabase {
  readonly db: Db;
  /** The connection URL (PostgreSQL only), e.g. for startServer. */
  readonly url?: string;
  /** Opens a second, independent connection (pool) to the same database, if the backend has one. */
  readonly openAnother?: () => Promise<Db>;
  /** Creates another empty database on the same backend (for migration tests). */
  readonly openEmpty?: () => Promise<{ dbs: [Db, Db]; cleanup: () => Promise<void> }>;
  cleanup(): Promise<void>;
}

export async function makeTempDir(prefix = "trellis-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** A migrated PGlite in a fresh temp directory. */
export async function openTestPglite(): Promise<TestDatabase> {
  const dir = await makeTempDir();
  const db = await openPgliteDb(join(dir, "pglite"));
  await migrate(db);
  return {
    db,
    async cleanup() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function uniqueDatabaseName(): string {
  return `trellis_test_${Date.now().toString(36)}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

/** Identifiers can't be query parameters; we only ever quote names we generated. */
function quoteGeneratedIdentifier(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to quote identifier ${name}`);
  return `"${name}"`;
}

function urlForDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteGeneratedIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlForDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(
          `DROP DATABASE IF EXISTS ${quoteGeneratedIdentifier(name)} WITH (FORCE)`,
        );
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated, freshly created database on the PostgreSQL server at `adminUrl`. */
export async function openTestPostgres(adminUrl: string): Promise<TestDatabase> {
  const created = await createDatabase(adminUrl);
  const db = openPostgresDb(created.url);
  const others: Db[] = [];
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await created.drop();
    throw error;
  }
  return {
    db,
    url: created.url,
    async openAnother() {
      const other = openPostgresDb(created.url);
      others.push(other);
      return other;
    },
    async openEmpty() {
      const empty = await createDatabase(adminUrl);
      const dbs: [Db, Db] = [openPostgresDb(empty.url), openPostgresDb(empty.url)];
      return {
        dbs,
        async cleanup() {
          await Promise.all(dbs.map((d) => d.close()));
          await empty.drop();
        },
      };
    },
    async cleanup() {
      await Promise.all([db, ...others].map((d) => d.close()));
      await created.drop();
    },
  };
}

function flagSet(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/**
 * Registers a PostgreSQL-backed suite.
 * - TRELLIS_TEST_DATABASE_URL set: the suite runs against it.
 * - Not set, but CI or TRELLIS_REQUIRE_POSTGRES=1: a test that fails, saying why.
 * - Not set otherwise (local development): nothing is registered (not even a
 *   skipped test) and one console line says the suite was not run.
 */
export function describePostgres(name: string, define: (url: string) => void): void {
  const url = process.env.TRELLIS_TEST_DATABASE_URL?.trim();
  if (url) {
    describe(name, () => define(url));
    return;
  }
  if (flagSet(process.env.CI) || process.env.TRELLIS_REQUIRE_POSTGRES === "1") {
    describe(name, () => {
      it("requires TRELLIS_TEST_DATABASE_URL", () => {
        throw new Error(
          "The PostgreSQL suite must run here (CI or TRELLIS_REQUIRE_POSTGRES=1 is set) but TRELLIS_TEST_DATABASE_URL is not set. " +
            "Point it at a throwaway PostgreSQL server, e.g. postgres://postgres@127.0.0.1:55432/postgres.",
        );
      });
    });
    return;
  }
  console.log(
    `[${name}] NOT RUN: TRELLIS_TEST_DATABASE_URL is not set (only the PGlite suite ran).`,
  );
}
