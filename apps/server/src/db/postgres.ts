import pg from "pg";
import type { Db, Queryable, QueryResult } from "./types.ts";

export interface PostgresDbOptions {
  /** Pool size. */
  max?: number;
  /** Called when an idle pooled connection fails (it is then discarded by the pool). */
  onIdleError?: (error: Error) => void;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

/** A `Db` backed by a `pg` connection pool. */
export function openPostgresDb(connectionString: string, options: PostgresDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: "trellis-server",
  });
  // Without a listener an idle-connection error (e.g. the database restarted)
  // would crash the process. The pool drops the broken connection by itself.
  pool.on("error", (error) => options.onIdleError?.(error));
  const queryable = wrap(pool);
  let closed = false;

  return {
    kind: "postgres",
    query: queryable.query,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A connection whose BEGIN or ROLLBACK failed is in an unknown state:
      // destroy it instead of returning it to the pool.
      let broken = true;
      try {
        await client.query("BEGIN");
        broken = false;
        try {
          const result = await fn(wrap(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          try {
            await client.query("ROLLBACK");
          } catch {
            broken = true;
          }
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
