/**
 * Checks the suites share: an API refusal as a person's device meets it,
 * and a count from the database.
 */
import { expect } from "vitest";
import type { Queryable } from "../db/types.ts";
import type { ApiResponse } from "./client.ts";

/**
 * A refusal with `status` and `reason`, sent as JSON with words that say
 * what and where; returns the words.
 */
export function expectError(response: ApiResponse, status: number, reason: string): string {
  expect(response.status, response.text).toBe(status);
  expect(response.headers["content-type"]).toMatch(/^application\/json/);
  const body = response.body as { error: { reason: string; message: string } };
  expect(body.error.reason).toBe(reason);
  expect(body.error.message.length).toBeGreaterThan(5);
  return body.error.message;
}

/** The number in the first row's `n` column of `sql`. */
export async function count(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>(sql, params);
  return Number(rows[0]!.n);
}
