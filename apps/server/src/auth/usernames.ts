/**
 * Usernames that look alike. A username is NFKC-normalised and lowercased by
 * the wire contract (full-width letters become plain ones); here its
 * *skeleton* folds lookalike letters from other scripts (Cyrillic "а",
 * Greek "ο", ...) into the Latin ones they imitate, with the Unicode
 * confusables table (UTS #39, via `unhomoglyph`). A new name whose skeleton
 * is already taken is refused: nobody makes "mаya" next to "maya".
 */
import unhomoglyph from "unhomoglyph";
import type { Db, Queryable } from "../db/types.ts";
import { ApiError } from "../http/errors.ts";
import { usernameTaken } from "./refusals.ts";

export function usernameSkeleton(username: string): string {
  return unhomoglyph(username.normalize("NFKC").toLowerCase()).toLowerCase();
}

export const usernameConfusable = () =>
  new ApiError(
    409,
    "username-confusable",
    "This username looks like one already in use (letters from another alphabet that look the same). Please choose another one.",
  );

/** 409 `username-taken` or `username-confusable` when the name, or one that looks like it, is in use. */
export async function refuseTakenOrLookalike(q: Queryable, username: string): Promise<void> {
  const { rows } = await q.query<{ username: string }>(
    "SELECT username FROM accounts WHERE username = $1 OR username_skeleton = $2 LIMIT 5",
    [username, usernameSkeleton(username)],
  );
  if (rows.some((row) => row.username === username)) throw usernameTaken();
  if (rows.length > 0) throw usernameConfusable();
}

/** Serialises registrations of names with one skeleton (until the transaction ends). */
export async function lockSkeleton(tx: Queryable, username: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext($1::text))", [
    `username|${usernameSkeleton(username)}`,
  ]);
}

/** Gives accounts from before skeletons existed theirs (once, at the first registration). */
export async function fillMissingSkeletons(db: Db): Promise<void> {
  const { rows } = await db.query<{ id: string; username: string }>(
    "SELECT id, username FROM accounts WHERE username_skeleton IS NULL",
  );
  for (const row of rows) {
    await db.query("UPDATE accounts SET username_skeleton = $2 WHERE id = $1", [
      row.id,
      usernameSkeleton(row.username),
    ]);
  }
}
