import pg from "pg";
import {
  assertChannelName,
  type Db,
  type NotificationHandlers,
  type Queryable,
  type QueryResult,
} from "./types.ts";

export interface PostgresDbOptions {
  /** Pool size. */
  max?: number;
  /** Called when an idle pooled connection (or the listening connection) fails. */
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

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * One dedicated connection (outside the pool) that holds every LISTEN of this
 * Db. Pooled connections can't listen: a notification only reaches the
 * session that listened. If the connection drops, it reconnects with backoff,
 * listens again and tells every handler to catch up (`onReconnect`).
 */
function createListener(connectionString: string, onError: (error: Error) => void) {
  const channels = new Map<string, Set<NotificationHandlers>>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let backoff = RECONNECT_MIN_MS;

  const lost = (lostClient: pg.Client) => {
    if (client !== lostClient) return;
    client = undefined;
    connecting = undefined;
    lostClient.end().catch(() => {});
    if (!closed && channels.size > 0) scheduleReconnect();
  };

  const connect = async (): Promise<pg.Client> => {
    const next = new pg.Client({ connectionString, application_name: "trellis-server-listen" });
    next.on("notification", (message) => {
      for (const handlers of channels.get(message.channel) ?? []) {
        handlers.onNotify(message.payload ?? "");
      }
    });
    next.on("error", (error) => {
      onError(error);
      lost(next);
    });
    next.on("end", () => lost(next));
    try {
      await next.connect();
      for (const channel of channels.keys()) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    return next;
  };

  const ensure = (): Promise<pg.Client> => {
    if (client !== undefined) return Promise.resolve(client);
    connecting ??= connect().then(
      async (connected) => {
        if (closed) {
          await connected.end().catch(() => {});
          throw new Error("The database is closed.");
        }
        client = connected;
        return connected;
      },
      (error: unknown) => {
        connecting = undefined;
        throw error;
      },
    );
    return connecting;
  };

  const scheduleReconnect = () => {
    if (retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      ensure().then(
        () => {
          backoff = RECONNECT_MIN_MS;
          for (const set of channels.values()) for (const handlers of set) handlers.onReconnect?.();
        },
        (error: unknown) => {
          onError(error instanceof Error ? error : new Error(String(error)));
          backoff = Math.min(backoff * 2, RECONNECT_MAX_MS);
          if (!closed) scheduleReconnect();
        },
      );
    }, backoff);
    retryTimer.unref();
  };

  return {
    async listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>> {
      assertChannelName(channel);
      if (closed) throw new Error("The database is closed.");
      let set = channels.get(channel);
      const isNew = set === undefined;
      if (set === undefined) {
        set = new Set();
        channels.set(channel, set);
      }
      const mine = set;
      mine.add(handlers);
      try {
        const connected = await ensure();
        // Harmless if connect() already listened to it.
        if (isNew) await connected.query(`LISTEN ${channel}`);
      } catch (error) {
        mine.delete(handlers);
        if (mine.size === 0 && channels.get(channel) === mine) channels.delete(channel);
        throw error;
      }
      let stopped = false;
      return async () => {
        if (stopped) return;
        stopped = true;
        mine.delete(handlers);
        if (mine.size === 0 && channels.get(channel) === mine) {
          channels.delete(channel);
          await client?.query(`UNLISTEN ${channel}`).catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const current = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      channels.clear();
      await current?.end().catch(() => {});
    },
  };
}

/** A `Db` backed by a `pg` connection pool (plus one listening connection, opened on first `listen`). */
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
  const listener = createListener(connectionString, (error) => options.onIdleError?.(error));
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
    listen: (channel, handlers) => listener.listen(channel, handlers),
    async close() {
      if (closed) return;
      closed = true;
      await listener.close();
      await pool.end();
    },
  };
}
