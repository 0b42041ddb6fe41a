import { join } from "node:path";
import type { Config } from "../config.ts";
import { openPgliteDb } from "./pglite.ts";
import { openPostgresDb, type PostgresDbOptions } from "./postgres.ts";
import type { Db } from "./types.ts";

/** Where PGlite keeps its files for a given config. */
export function pgliteDir(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "pglite");
}

/**
 * Opens the database the config asks for: PostgreSQL when
 * `TRELLIS_DATABASE_URL` is set, otherwise PGlite in `<dataDir>/pglite`.
 * Checks the connection before returning. Run `migrate(db)` next.
 */
export async function openDb(
  config: Pick<Config, "dataDir" | "databaseUrl">,
  options: PostgresDbOptions = {},
): Promise<Db> {
  if (config.databaseUrl === undefined) {
    return openPgliteDb(pgliteDir(config));
  }
  const db = openPostgresDb(config.databaseUrl, options);
  try {
    await db.query("SELECT 1");
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}
