/**
 * Fresh proof for account actions. Changing the password and deleting the
 * account need the current password, proven in the same flow: a stolen
 * session token alone gets `401 reauth-failed`.
 *
 * `POST /account/reauth/start` (session; `action`, OPAQUE `startLoginRequest`)
 * runs an OPAQUE login for the signed-in account and keeps the server's
 * login state 2 minutes, bound to this session and this action. The device
 * finishes the login locally (a wrong password shows there) and sends the
 * finish message with the action (`proof`); `requireFreshProof` checks it
 * once. Starts count against the sign-in limits (per username and per
 * address), since OPAQUE tells the client from the start's answer alone
 * whether a guess was right; a good proof gives the attempt back.
 */
import { randomUUID } from "node:crypto";
import { type FreshProof, type ReauthAction, reauthStartRequest } from "@trellis/sync";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { b64url, parseJsonRequest } from "../http/route-helpers.ts";
import { requireIdentity } from "./identity.ts";
import { LOGIN_STATE_SECONDS } from "./login-routes.ts";
import { finishLogin, startLogin } from "./opaque.ts";
import { consume, type RateCounter, rateCounter, refund } from "./rate-limit.ts";
import type { Caller } from "./sessions.ts";

export const reauthFailed = () =>
  new ApiError(
    401,
    "reauth-failed",
    "This needs the account's current password, proven just now (POST /account/reauth/start, then send proof). It was missing, wrong, used already or too old.",
  );

async function loginCounters(
  ctx: AppContext,
  request: FastifyRequest,
  username: string,
): Promise<RateCounter[]> {
  const secrets = await ctx.secrets();
  return [
    rateCounter(secrets, "login-user", username, ctx.rateLimits.loginPerUsername),
    rateCounter(secrets, "login-ip", request.ip, ctx.rateLimits.loginPerAddress),
  ];
}

export function registerReauthRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post("/account/reauth/start", async (request) => {
    const caller = await ctx.caller(request);
    const body = parseJsonRequest(request, reauthStartRequest);
    const secrets = await ctx.secrets();
    const identity = await requireIdentity(ctx.db, caller.accountId);
    await consume(
      ctx.db,
      await loginCounters(ctx, request, identity.username),
      (minutes) => `Too many password attempts. Please wait ${minutes} min and try again.`,
    );
    const { rows } = await ctx.db.query<{ opaque_record: Uint8Array }>(
      "SELECT opaque_record FROM accounts WHERE id = $1",
      [caller.accountId],
    );
    const record = rows[0];
    if (record === undefined) throw reauthFailed(); // deleted meanwhile
    const { loginResponse, serverLoginState } = startLogin(
      secrets.opaqueServerSetup,
      identity.username,
      b64url(record.opaque_record),
      body.startLoginRequest,
    );
    const reauthId = randomUUID();
    await ctx.db.query(
      `INSERT INTO reauths (id, session_id, action, server_login_state, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5::double precision))`,
      [
        reauthId,
        caller.sessionId,
        body.action,
        Buffer.from(serverLoginState, "base64url"),
        LOGIN_STATE_SECONDS,
      ],
    );
    return { reauthId, loginResponse };
  });
}

/**
 * Checks (and uses up) a fresh proof for `action` by this caller's session;
 * 401 `reauth-failed` when it is missing, wrong, used, expired, or was made
 * for another session or action. Call it after the rest of the request is
 * validated, so a bad request does not burn the proof.
 */
export async function requireFreshProof(
  ctx: AppContext,
  request: FastifyRequest,
  caller: Caller,
  action: ReauthAction,
  proof: FreshProof | undefined,
): Promise<void> {
  if (proof === undefined) throw reauthFailed();
  const { rows } = await ctx.db.query<{ server_login_state: Uint8Array; fresh: boolean }>(
    `DELETE FROM reauths WHERE id = $1
     RETURNING server_login_state, session_id = $2 AND action = $3 AND expires_at > now() AS fresh`,
    [proof.reauthId, caller.sessionId, action],
  );
  const pending = rows[0];
  if (pending === undefined || !pending.fresh) throw reauthFailed();
  if (!finishLogin(b64url(pending.server_login_state), proof.finishLoginRequest)) {
    throw reauthFailed();
  }
  const identity = await requireIdentity(ctx.db, caller.accountId);
  await refund(ctx.db, await loginCounters(ctx, request, identity.username));
}
