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

export interface Db extends Queryable {
  readonly kind: StorageKind;
  /**
   * Runs `fn` inside one transaction (READ COMMITTED): commits when it
   * resolves, rolls back when it rejects. Use only `tx` inside `fn`.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Closes connections; for PGlite, flushes and releases the data directory. */
  close(): Promise<void>;
}
