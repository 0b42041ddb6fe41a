import type { Db, Queryable, QueryResult } from "../db/types.ts";

/**
 * A Db for tests that don't need storage: answers `SELECT 1`, fails anything else.
 */
export function createSelectOneDb(kind: Db["kind"] = "pglite"): Db {
  const query = async <Row>(sql: string): Promise<QueryResult<Row>> => {
    if (sql.trim() === "SELECT 1") return { rows: [{ "?column?": 1 } as Row], rowCount: 1 };
    throw new Error(`createSelectOneDb: unexpected query ${sql}`);
  };
  return {
    kind,
    query,
    transaction: (fn: (tx: Queryable) => Promise<never>) => fn({ query }),
    listen: async () => async () => {},
    async close() {},
  } as Db;
}

/** The append's one call (db/append-function.ts): it inserts, all in one statement. */
const APPEND = /trellis_append\(/;

/**
 * Wraps a real Db so that the `failOn`-th append (1-based) writes its rows
 * and then throws `error` before they commit: nothing may remain. The call
 * runs in a transaction of its own here, so the failure comes after the
 * insert, as a storage failure at commit would.
 */
export function failingInsertDb(inner: Db, failOn: number, error: Error): Db {
  let appends = 0;
  return {
    kind: inner.kind,
    query: <Row>(sql: string, params?: readonly unknown[]) => {
      if (!APPEND.test(sql)) return inner.query<Row>(sql, params);
      appends += 1;
      if (appends !== failOn) return inner.query<Row>(sql, params);
      return inner.transaction(async (tx) => {
        await tx.query(sql, params);
        throw error;
      });
    },
    transaction: (fn) => inner.transaction(fn),
    listen: (channel, handlers) => inner.listen(channel, handlers),
    close: () => inner.close(),
  };
}

/**
 * Wraps a real Db so that the first append pauses right after its insert
 * (seq drawn, not yet committed) until `release` is called.
 */
export function pausingDb(inner: Db): { db: Db; inserted: Promise<void>; release: () => void } {
  let markInserted!: () => void;
  let release!: () => void;
  const inserted = new Promise<void>((resolve) => {
    markInserted = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let paused = false;
  const db: Db = {
    kind: inner.kind,
    query: <Row>(sql: string, params?: readonly unknown[]) => {
      if (paused || !APPEND.test(sql)) return inner.query<Row>(sql, params);
      paused = true;
      return inner.transaction(async (tx) => {
        const result = await tx.query<Row>(sql, params);
        markInserted();
        await gate;
        return result;
      });
    },
    transaction: (fn) => inner.transaction(fn),
    listen: (channel, handlers) => inner.listen(channel, handlers),
    close: () => inner.close(),
  };
  return { db, inserted, release };
}

/**
 * Wraps a real Db so that any query (in or out of transactions) whose SQL
 * matches `pattern` throws `error` instead of running.
 */
export function failingQueryDb(inner: Db, pattern: RegExp, error: Error): Db {
  const wrap =
    (target: Queryable): Queryable["query"] =>
    (sql, params) => {
      if (pattern.test(sql)) return Promise.reject(error);
      return target.query(sql, params);
    };
  return {
    kind: inner.kind,
    query: wrap(inner),
    transaction: (fn) => inner.transaction((tx) => fn({ query: wrap(tx) })),
    listen: (channel, handlers) => inner.listen(channel, handlers),
    close: () => inner.close(),
  };
}

/**
 * Wraps a real Db so that, inside a transaction, a statement matching
 * `pattern` runs and then throws `error`: the transaction rolls back, as a
 * storage failure at that point would (attachments are written this way).
 */
export function failingStatementDb(inner: Db, pattern: RegExp, error: Error): Db {
  return {
    kind: inner.kind,
    query: (sql, params) => inner.query(sql, params),
    transaction: (fn) =>
      inner.transaction((tx) =>
        fn({
          query: async <Row>(sql: string, params?: readonly unknown[]) => {
            const result = await tx.query<Row>(sql, params);
            if (pattern.test(sql)) throw error;
            return result;
          },
        }),
      ),
    listen: (channel, handlers) => inner.listen(channel, handlers),
    close: () => inner.close(),
  };
}
