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

/**
 * Wraps a real Db so that, inside transactions, the `failOn`-th INSERT into
 * vault_events (1-based, counted per transaction) writes its rows and then
 * throws `error`: the transaction must roll every row back.
 */
export function failingInsertDb(inner: Db, failOn: number, error: Error): Db {
  return {
    kind: inner.kind,
    query: (sql, params) => inner.query(sql, params),
    transaction: (fn) =>
      inner.transaction((tx) => {
        let inserts = 0;
        return fn({
          query: async <Row>(sql: string, params?: readonly unknown[]) => {
            const result = await tx.query<Row>(sql, params);
            if (/^\s*INSERT INTO vault_events/i.test(sql)) {
              inserts += 1;
              if (inserts === failOn) throw error;
            }
            return result;
          },
        });
      }),
    listen: (channel, handlers) => inner.listen(channel, handlers),
    close: () => inner.close(),
  };
}

/**
 * Wraps a real Db so that a transaction pauses right after its first INSERT
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
  const db: Db = {
    kind: inner.kind,
    query: (sql, params) => inner.query(sql, params),
    transaction: (fn) =>
      inner.transaction((tx) =>
        fn({
          query: async <Row>(sql: string, params?: readonly unknown[]) => {
            const result = await tx.query<Row>(sql, params);
            if (/^\s*INSERT INTO vault_events/i.test(sql)) {
              markInserted();
              await gate;
            }
            return result as never;
          },
        }),
      ),
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
