/**
 * Signing in: `POST /sessions/start` and `/sessions/finish`. OPAQUE login,
 * limited per username and per address; the state between the two steps is
 * kept briefly and used once, and a success does not count against the limits.
 */
import { randomUUID } from "node:crypto";
import { loginFinishRequest, loginStartRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { b64url, parseJsonRequest } from "../http/route-helpers.ts";
import { finishLogin, startLogin } from "./opaque.ts";
import { consume, type RateCounter, rateCounter, refund } from "./rate-limit.ts";
import { loginFailed } from "./refusals.ts";
import { createSession } from "./sessions.ts";

/** OPAQUE login state lives this long between start and finish. */
export const LOGIN_STATE_SECONDS = 120;

export function registerLoginRoutes(api: FastifyInstance, ctx: AppContext): void {
  const limits = ctx.rateLimits;

  api.post("/sessions/start", async (request) => {
    const body = parseJsonRequest(request, loginStartRequest);
    const secrets = await ctx.secrets();
    const counters: RateCounter[] = [
      rateCounter(secrets, "login-user", body.username, limits.loginPerUsername),
      rateCounter(secrets, "login-ip", request.ip, limits.loginPerAddress),
    ];
    await consume(
      ctx.db,
      counters,
      (minutes) => `Too many sign-in attempts. Please wait ${minutes} min and try again.`,
    );
    const { rows } = await ctx.db.query<{ id: string; opaque_record: Uint8Array }>(
      "SELECT id, opaque_record FROM accounts WHERE username = $1",
      [body.username],
    );
    const account = rows[0];
    // Unknown username: OPAQUE with no record gives a response that looks
    // like a real one; the login can never finish.
    const { loginResponse, serverLoginState } = startLogin(
      secrets.opaqueServerSetup,
      body.username,
      account ? b64url(account.opaque_record) : null,
      body.startLoginRequest,
    );
    const loginId = randomUUID();
    await ctx.db.query(
      `INSERT INTO pending_logins (id, account_id, server_login_state, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision))`,
      [
        loginId,
        account?.id ?? null,
        Buffer.from(serverLoginState, "base64url"),
        LOGIN_STATE_SECONDS,
      ],
    );
    return { loginId, loginResponse };
  });

  api.post("/sessions/finish", async (request) => {
    const body = parseJsonRequest(request, loginFinishRequest);
    // Single use: the state is deleted whatever happens next.
    const { rows } = await ctx.db.query<{
      account_id: string | null;
      server_login_state: Uint8Array;
      fresh: boolean;
    }>(
      `DELETE FROM pending_logins WHERE id = $1
       RETURNING account_id, server_login_state, expires_at > now() AS fresh`,
      [body.loginId],
    );
    const pending = rows[0];
    if (pending === undefined || !pending.fresh || pending.account_id === null) throw loginFailed();
    if (!finishLogin(b64url(pending.server_login_state), body.finishLoginRequest)) {
      throw loginFailed();
    }
    const accountId = pending.account_id;
    const { username, ...result } = await ctx.db.transaction(async (tx) => {
      const { rows: accounts } = await tx.query<{
        username: string;
        root_wrap_export: Uint8Array;
        signing_key: Uint8Array;
        box_key: Uint8Array;
      }>(
        "SELECT username, root_wrap_export, signing_key, box_key FROM accounts WHERE id = $1 FOR SHARE",
        [accountId],
      );
      const account = accounts[0];
      if (account === undefined) throw loginFailed(); // deleted meanwhile
      const session = await createSession(tx, accountId, body.deviceName);
      return {
        username: account.username,
        accountId,
        session,
        rootKeyWrap: b64url(account.root_wrap_export),
        publicIdentity: {
          signingKey: b64url(account.signing_key),
          boxKey: b64url(account.box_key),
        },
      };
    });
    // This attempt succeeded: it does not count against the limits. The keys
    // are worked out again (the login state keeps nothing from the address).
    const secrets = await ctx.secrets();
    await refund(ctx.db, [
      rateCounter(secrets, "login-user", username, limits.loginPerUsername),
      rateCounter(secrets, "login-ip", request.ip, limits.loginPerAddress),
    ]);
    return result;
  });
}
