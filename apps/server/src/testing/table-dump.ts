/**
 * Every row of every table of the current schema, for tests that look for
 * what must never be stored: each value as text (JSON for objects), and
 * bytes as base64, base64url, hex and latin1. Also returns the table names
 * so a test can check the tables it cares about were read.
 */
import type { Queryable } from "../db/types.ts";

export async function dumpAllTables(q: Queryable): Promise<{ tables: string[]; text: string }> {
  const { rows: tables } = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    // Names from the catalogue, quoted: not input.
    const { rows } = await q.query<Record<string, unknown>>(
      `SELECT * FROM "${table_name.replaceAll('"', '""')}"`,
    );
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (value instanceof Uint8Array) {
          const b = Buffer.from(value);
          parts.push(
            b.toString("base64url"),
            b.toString("base64"),
            b.toString("hex"),
            b.toString("latin1"),
          );
        } else {
          parts.push(typeof value === "object" ? JSON.stringify(value) : String(value));
        }
      }
    }
  }
  return { tables: tables.map((t) => t.table_name), text: parts.join("\n") };
}
