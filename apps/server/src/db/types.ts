/**
 * The storage abstraction: just enough of a SQL client for the server, with
 * two implementations (embedded PGlite, PostgreSQL via `pg`).
 *
 * Rules for callers: parameterised SQL only (`$1`, `$2`, ...), never values
 * pasted into SQL text. Row value types differ slightly between drivers
 * (`bigint` is a number in PGlite and a string in `pg`; `bytea` is a
 * Uint8Array or a Buffer): normalise them where rows are read.
 */

export type StorageKind = "pglite" | "postgres";

export interface QueryResult<Row> {
  readonly rows: Row[];
  /** Rows returned or affected. */
  readonly rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<Row>>;
}

/** What `Db.listen` calls. */
export interface NotificationHandlers {
  /** A notification on the channel (the payload as sent by `pg_notify`). */
  onNotify(payload: string): void;
  /**
   * The listening connection was lost and has been re-established: any
   * notification sent in between may have been missed, so catch up.
   * (PostgreSQL only; PGlite runs in-process and never loses one.)
   */
  onReconnect?(): void;
}

export interface Db extends Queryable {
  readonly kind: StorageKind;
  /**
   * Starts listening on a PostgreSQL notification channel (`LISTEN`), so
   * `pg_notify(channel, payload)` from any connection, in this process or
   * another, reaches `handlers` once its transaction commits. Resolves once
   * the server is listening. Returns a function that stops listening.
   * `channel` must be a lowercase identifier (`[a-z_][a-z0-9_]*`).
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  /**
   * Runs `fn` inside one transaction (READ COMMITTED): commits when it
   * resolves, rolls back when it rejects. Use only `tx` inside `fn`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections; for PGlite, flushes and releases the data directory. */
  close(): Promise<void>;
}

/** Channel names go into `LISTEN <name>`, which takes no parameters: only simple names. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new TypeError("A notification channel must be a lowercase identifier.");
  }
}
