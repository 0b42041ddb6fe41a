import { chmod, mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { assertChannelName, type Db, type Queryable, type QueryResult } from "./types.ts";

/** Thrown when another live process (or another open Db in this one) holds the data directory. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another Trellis server (process ${pid}). ` +
        `Stop that server first. If no server is running, delete ${lockFile} and try again.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is a single-process database: two processes opening the same
 * directory would corrupt it. A lock file next to it, holding the owner's
 * pid, makes the second server fail with a clear message instead. A lock
 * left behind by a crashed process (pid no longer alive) is taken over.
 */
async function acquireLock(dataDir: string, lockFile: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(lockFile, "wx", 0o600);
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number.parseInt(await readFile(lockFile, "utf8").catch(() => ""), 10);
    if (Number.isSafeInteger(owner) && owner > 0 && isAlive(owner)) {
      throw new DataDirInUseError(dataDir, lockFile, owner);
    }
    await rm(lockFile, { force: true });
  }
  throw new Error(`Could not take the lock file ${lockFile}.`);
}

function wrap(target: Pick<PGlite, "query">): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      // PGlite reports affectedRows 0 for a SELECT: count the rows returned then.
      return {
        rows: result.rows,
        rowCount: Math.max(result.rows.length, result.affectedRows ?? 0),
      };
    },
  };
}

/**
 * Makes `dir` and everything under it readable by the owner only (files
 * 0600, directories 0700). PGlite creates its files with the process umask
 * (0644 by default); the server also sets umask 077 at start.
 */
export async function restrictTree(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await restrictTree(path);
    else if (entry.isFile()) await chmod(path, 0o600);
  }
}

/**
 * A `Db` backed by PGlite (PostgreSQL compiled to WASM) stored in `dataDir`,
 * or in memory when `dataDir` is undefined (tests only).
 * PGlite has one connection: queries and transactions are queued.
 */
export async function openPgliteDb(dataDir: string | undefined): Promise<Db> {
  let lockFile: string | undefined;
  if (dataDir !== undefined) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chmod(dirname(dataDir), 0o700);
    lockFile = join(dirname(dataDir), `${basename(dataDir)}.lock`);
    await acquireLock(dataDir, lockFile);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    if (lockFile !== undefined) await rm(lockFile, { force: true });
    throw error;
  }
  if (dataDir !== undefined) await restrictTree(dataDir);
  const queryable = wrap(pglite);
  let closing: Promise<void> | undefined;

  return {
    kind: "pglite",
    query: queryable.query,
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pglite.transaction((tx) => fn(wrap(tx)));
    },
    async listen(channel, handlers) {
      // PGlite runs LISTEN/NOTIFY in-process: pg_notify in a transaction is
      // delivered to these callbacks after it commits, as with PostgreSQL.
      assertChannelName(channel);
      const unlisten = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
      let stopped = false;
      return async () => {
        if (stopped || closing !== undefined) return;
        stopped = true;
        await unlisten();
      };
    },
    close() {
      closing ??= (async () => {
        try {
          await pglite.close();
          if (dataDir !== undefined) await restrictTree(dataDir);
        } finally {
          if (lockFile !== undefined) await rm(lockFile, { force: true });
        }
      })();
      return closing;
    },
  };
}
