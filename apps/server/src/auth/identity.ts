/** An account's public identity (signing and box keys) and username, as the account routes answer them. */
import type { Queryable } from "../db/types.ts";
import { b64url } from "../http/route-helpers.ts";
import { loginFailed } from "./refusals.ts";

export async function publicIdentityOf(
  q: Queryable,
  accountId: string,
): Promise<{ signingKey: string; boxKey: string; username: string } | undefined> {
  const { rows } = await q.query<{
    signing_key: Uint8Array;
    box_key: Uint8Array;
    username: string;
  }>("SELECT signing_key, box_key, username FROM accounts WHERE id = $1", [accountId]);
  const row = rows[0];
  return (
    row && {
      signingKey: b64url(row.signing_key),
      boxKey: b64url(row.box_key),
      username: row.username,
    }
  );
}

/** The signed-in account's identity; `login-failed` if the account has been deleted meanwhile. */
export async function requireIdentity(
  q: Queryable,
  accountId: string,
): Promise<{ signingKey: string; boxKey: string; username: string }> {
  const identity = await publicIdentityOf(q, accountId);
  if (identity === undefined) throw loginFailed();
  return identity;
}
