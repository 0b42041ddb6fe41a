/**
 * Account routes: registration, sign-in, the account and its devices,
 * password change, recovery by recovery key, account deletion.
 *
 * Bodies are validated with the wire contract's schemas. OPAQUE messages,
 * tokens and wrapped keys are never logged or echoed in errors.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  accountDeleteRequest,
  loginFinishRequest,
  loginStartRequest,
  passwordFinishRequest,
  passwordStartRequest,
  recoveryCompleteRequest,
  recoveryFinishRequest,
  recoveryStartRequest,
  registrationFinishRequest,
  registrationStartRequest,
} from "@trellis/sync";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import type { Queryable } from "../db/types.ts";
import { ApiError, invalidRequest } from "../http/errors.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import { parseUuidParam, requireJsonContentType, requireNoQuery } from "../http/validation.ts";
import {
  checkRegistrationRecord,
  finishLogin,
  registrationResponse,
  startLogin,
} from "./opaque.ts";
import { consume, type RateCounter, rateCounter, refund } from "./rate-limit.ts";
import { CHALLENGE_BYTES, fakeRecoveryWrap, verifyEd25519 } from "./recovery-proof.ts";
import { createSession, ENDED_BY_AGE } from "./sessions.ts";

/** OPAQUE login state lives this long between start and finish. */
export const LOGIN_STATE_SECONDS = 120;
/** A recovery must finish this soon after it starts (the person types a new password in between). */
export const RECOVERY_SECONDS = 600;

const PUBLIC_KEY_BYTES = 32;

const b64url = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
const iso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

const usernameTaken = () =>
  new ApiError(409, "username-taken", "This username is taken. Please choose another one.");

const loginFailed = () =>
  new ApiError(
    401,
    "login-failed",
    "The username and password don't match, or signing in took too long. Please try again.",
  );

const recoveryFailed = () =>
  new ApiError(
    401,
    "login-failed",
    "This recovery key doesn't match the account, or recovery took too long. Please start again.",
  );

function jsonBody(request: FastifyRequest): unknown {
  requireJsonContentType(request.headers["content-type"]);
  return request.body;
}

function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

async function publicIdentityOf(
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

export function registerAccountRoutes(api: FastifyInstance, ctx: AppContext): void {
  const limits = ctx.rateLimits;

  // --- Registration -------------------------------------------------------

  api.post("/accounts/registration/start", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(registrationStartRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [rateCounter(secrets, "registration-ip", request.ip, limits.registrationPerAddress)],
      (minutes) => `Too many new accounts from this network. Please try again in ${minutes} min.`,
    );
    const { rows } = await ctx.db.query("SELECT 1 FROM accounts WHERE username = $1", [
      body.username,
    ]);
    if (rows.length > 0) throw usernameTaken();
    return {
      registrationResponse: registrationResponse(
        secrets.opaqueServerSetup,
        body.username,
        body.registrationRequest,
      ),
    };
  });

  api.post("/accounts/registration/finish", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(registrationFinishRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    checkRegistrationRecord(secrets.opaqueServerSetup, body.username, body.registrationRecord);
    const exportWrap = decodeBase64Url(body.rootKeyWraps.exportKey, "rootKeyWraps.exportKey");
    const recoveryWrap = decodeBase64Url(body.rootKeyWraps.recoveryKey, "rootKeyWraps.recoveryKey");
    const signingKey = decodeBase64Url(
      body.publicIdentity.signingKey,
      "publicIdentity.signingKey",
      PUBLIC_KEY_BYTES,
    );
    const boxKey = decodeBase64Url(
      body.publicIdentity.boxKey,
      "publicIdentity.boxKey",
      PUBLIC_KEY_BYTES,
    );
    const recoveryAuthKey = decodeBase64Url(
      body.recoveryAuthKey,
      "recoveryAuthKey",
      PUBLIC_KEY_BYTES,
    );
    const accountId = randomUUID();
    return ctx.db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO accounts (id, username, opaque_record, root_wrap_export, root_wrap_recovery,
                               signing_key, box_key, recovery_auth_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (username) DO NOTHING
         RETURNING id`,
        [
          accountId,
          body.username,
          record,
          exportWrap,
          recoveryWrap,
          signingKey,
          boxKey,
          recoveryAuthKey,
        ],
      );
      if (inserted.rowCount === 0) throw usernameTaken();
      const session = await createSession(tx, accountId, body.deviceName);
      return { accountId, session };
    });
  });

  // --- Sign in ------------------------------------------------------------

  api.post("/sessions/start", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(loginStartRequest, jsonBody(request));
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
      `INSERT INTO pending_logins (id, account_id, server_login_state, user_rate_key, ip_rate_key, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6::double precision))`,
      [
        loginId,
        account?.id ?? null,
        Buffer.from(serverLoginState, "base64url"),
        counters[0]!.key,
        counters[1]!.key,
        LOGIN_STATE_SECONDS,
      ],
    );
    return { loginId, loginResponse };
  });

  api.post("/sessions/finish", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(loginFinishRequest, jsonBody(request));
    // Single use: the state is deleted whatever happens next.
    const { rows } = await ctx.db.query<{
      account_id: string | null;
      server_login_state: Uint8Array;
      user_rate_key: Uint8Array;
      ip_rate_key: Uint8Array;
      fresh: boolean;
    }>(
      `DELETE FROM pending_logins WHERE id = $1
       RETURNING account_id, server_login_state, user_rate_key, ip_rate_key, expires_at > now() AS fresh`,
      [body.loginId],
    );
    const pending = rows[0];
    if (pending === undefined || !pending.fresh || pending.account_id === null) throw loginFailed();
    if (!finishLogin(b64url(pending.server_login_state), body.finishLoginRequest)) {
      throw loginFailed();
    }
    const accountId = pending.account_id;
    const result = await ctx.db.transaction(async (tx) => {
      const { rows: accounts } = await tx.query<{
        root_wrap_export: Uint8Array;
        signing_key: Uint8Array;
        box_key: Uint8Array;
      }>("SELECT root_wrap_export, signing_key, box_key FROM accounts WHERE id = $1 FOR SHARE", [
        accountId,
      ]);
      const account = accounts[0];
      if (account === undefined) throw loginFailed(); // deleted meanwhile
      const session = await createSession(tx, accountId, body.deviceName);
      return {
        accountId,
        session,
        rootKeyWrap: b64url(account.root_wrap_export),
        publicIdentity: {
          signingKey: b64url(account.signing_key),
          boxKey: b64url(account.box_key),
        },
      };
    });
    // This attempt succeeded: it does not count against the limits.
    await refund(ctx.db, [
      { key: Buffer.from(pending.user_rate_key), rule: limits.loginPerUsername },
      { key: Buffer.from(pending.ip_rate_key), rule: limits.loginPerAddress },
    ]);
    return result;
  });

  api.delete<{ Params: { sessionId: string } }>("/sessions/:sessionId", async (request, reply) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const sessionId =
      request.params.sessionId === "current"
        ? caller.sessionId
        : parseUuidParam(request.params.sessionId, "sessionId");
    const deleted = await ctx.db.query("DELETE FROM sessions WHERE id = $1 AND account_id = $2", [
      sessionId,
      caller.accountId,
    ]);
    if (deleted.rowCount === 0) {
      // Also for another account's session: the same answer as for none.
      throw new ApiError(404, "not-found", "This account has no session with this id.");
    }
    return noContent(reply);
  });

  // --- The account --------------------------------------------------------

  api.get("/account", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const identity = await publicIdentityOf(ctx.db, caller.accountId);
    if (identity === undefined) throw loginFailed();
    const { rows } = await ctx.db.query<{
      id: string;
      device_name: string;
      created_at: unknown;
      last_seen_at: unknown;
    }>(
      // Sessions past their age are gone for the person even before the sweep removes them.
      `SELECT s.id, s.device_name, s.created_at, s.last_seen_at FROM sessions s
        WHERE s.account_id = $1 AND NOT ${ENDED_BY_AGE}
        ORDER BY s.created_at, s.id`,
      [caller.accountId, ctx.sessionLifetime.idleSeconds, ctx.sessionLifetime.maxAgeSeconds],
    );
    return {
      accountId: caller.accountId,
      username: identity.username,
      publicIdentity: { signingKey: identity.signingKey, boxKey: identity.boxKey },
      devices: rows.map((row) => ({
        sessionId: row.id,
        deviceName: row.device_name,
        createdAt: iso(row.created_at),
        lastSeenAt: iso(row.last_seen_at),
        current: row.id === caller.sessionId,
      })),
    };
  });

  api.post("/account/password/start", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const body = parseWith(passwordStartRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    const identity = await publicIdentityOf(ctx.db, caller.accountId);
    if (identity === undefined) throw loginFailed();
    return {
      registrationResponse: registrationResponse(
        secrets.opaqueServerSetup,
        identity.username,
        body.registrationRequest,
      ),
    };
  });

  api.post("/account/password/finish", async (request, reply) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const body = parseWith(passwordFinishRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    const identity = await publicIdentityOf(ctx.db, caller.accountId);
    if (identity === undefined) throw loginFailed();
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    checkRegistrationRecord(secrets.opaqueServerSetup, identity.username, body.registrationRecord);
    const wrap = decodeBase64Url(body.rootKeyWrap, "rootKeyWrap");
    await ctx.db.transaction(async (tx) => {
      // Only the OPAQUE record and the export-key wrap change: the root key,
      // the identity and every vault key stay the same.
      await tx.query(
        "UPDATE accounts SET opaque_record = $2, root_wrap_export = $3 WHERE id = $1",
        [caller.accountId, record, wrap],
      );
      if (body.signOutOthers) {
        await tx.query("DELETE FROM sessions WHERE account_id = $1 AND id <> $2", [
          caller.accountId,
          caller.sessionId,
        ]);
      }
    });
    return noContent(reply);
  });

  api.delete("/account", async (request, reply) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const body = parseWith(accountDeleteRequest, jsonBody(request));
    await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ username: string }>(
        "SELECT username FROM accounts WHERE id = $1 FOR UPDATE",
        [caller.accountId],
      );
      if (rows[0]?.username !== body.confirmUsername) {
        throw invalidRequest("confirmUsername does not match this account's username.");
      }
      // Vaults this account owns alone go, with every event, membership,
      // grant and invite in them (ON DELETE CASCADE).
      await tx.query(
        `DELETE FROM vaults WHERE id IN (
           SELECT m.vault_id FROM memberships m
            WHERE m.account_id = $1 AND m.role = 'owner'
              AND NOT EXISTS (SELECT 1 FROM memberships o
                               WHERE o.vault_id = m.vault_id AND o.role = 'owner'
                                 AND o.account_id <> $1))`,
        [caller.accountId],
      );
      // Then the account: its sessions, memberships elsewhere, grants to it
      // and by it, invites it made, logins and recoveries in progress.
      await tx.query("DELETE FROM accounts WHERE id = $1", [caller.accountId]);
    });
    return noContent(reply);
  });

  // --- Recovery -----------------------------------------------------------

  api.post("/recovery/start", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(recoveryStartRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [
        rateCounter(secrets, "recovery-user", body.username, limits.recoveryPerUsername),
        rateCounter(secrets, "recovery-ip", request.ip, limits.recoveryPerAddress),
      ],
      (minutes) => `Too many recovery attempts. Please wait ${minutes} min and try again.`,
    );
    const { rows } = await ctx.db.query<{ id: string; root_wrap_recovery: Uint8Array }>(
      "SELECT id, root_wrap_recovery FROM accounts WHERE username = $1",
      [body.username],
    );
    const account = rows[0];
    const recoveryId = randomUUID();
    const challenge = randomBytes(CHALLENGE_BYTES);
    await ctx.db.query(
      `INSERT INTO recoveries (id, account_id, challenge, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4::double precision))`,
      [recoveryId, account?.id ?? null, challenge, RECOVERY_SECONDS],
    );
    return {
      recoveryId,
      challenge: b64url(challenge),
      // Unknown username: a fake, the same every time for this username.
      recoveryWrap: b64url(account?.root_wrap_recovery ?? fakeRecoveryWrap(secrets, body.username)),
    };
  });

  api.post("/recovery/finish", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(recoveryFinishRequest, jsonBody(request));
    const signature = decodeBase64Url(body.signature, "signature", 64);
    const secrets = await ctx.secrets();
    const { rows } = await ctx.db.query<{
      challenge: Uint8Array;
      recovery_auth_key: Uint8Array | null;
      username: string | null;
    }>(
      `SELECT r.challenge, a.recovery_auth_key, a.username
         FROM recoveries r LEFT JOIN accounts a ON a.id = r.account_id
        WHERE r.id = $1 AND r.expires_at > now() AND NOT r.verified`,
      [body.recoveryId],
    );
    const row = rows[0];
    if (row === undefined) throw recoveryFailed();
    if (
      row.recovery_auth_key === null ||
      row.username === null ||
      !verifyEd25519(row.recovery_auth_key, row.challenge, signature)
    ) {
      // One try per challenge.
      await ctx.db.query("DELETE FROM recoveries WHERE id = $1", [body.recoveryId]);
      throw recoveryFailed();
    }
    const response = registrationResponse(
      secrets.opaqueServerSetup,
      row.username,
      body.registrationRequest,
    );
    const marked = await ctx.db.query(
      "UPDATE recoveries SET verified = true WHERE id = $1 AND NOT verified AND expires_at > now()",
      [body.recoveryId],
    );
    if (marked.rowCount === 0) throw recoveryFailed();
    return { registrationResponse: response };
  });

  api.post("/recovery/complete", async (request) => {
    requireNoQuery(request.query);
    const body = parseWith(recoveryCompleteRequest, jsonBody(request));
    const secrets = await ctx.secrets();
    const wrap = decodeBase64Url(body.rootKeyWrap, "rootKeyWrap");
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    const { rows } = await ctx.db.query<{ account_id: string; username: string }>(
      `SELECT r.account_id, a.username FROM recoveries r JOIN accounts a ON a.id = r.account_id
        WHERE r.id = $1 AND r.verified AND r.expires_at > now()`,
      [body.recoveryId],
    );
    const found = rows[0];
    if (found === undefined) throw recoveryFailed();
    checkRegistrationRecord(secrets.opaqueServerSetup, found.username, body.registrationRecord);
    return ctx.db.transaction(async (tx) => {
      const used = await tx.query(
        "DELETE FROM recoveries WHERE id = $1 AND verified AND expires_at > now() RETURNING account_id",
        [body.recoveryId],
      );
      if (used.rowCount === 0) throw recoveryFailed();
      const accountId = found.account_id;
      await tx.query(
        "UPDATE accounts SET opaque_record = $2, root_wrap_export = $3 WHERE id = $1",
        [accountId, record, wrap],
      );
      // Someone who lost the password may also have lost a device: sign out everywhere.
      await tx.query("DELETE FROM sessions WHERE account_id = $1", [accountId]);
      const session = await createSession(tx, accountId, body.deviceName);
      const identity = await publicIdentityOf(tx, accountId);
      if (identity === undefined) throw recoveryFailed();
      return {
        accountId,
        session,
        publicIdentity: { signingKey: identity.signingKey, boxKey: identity.boxKey },
      };
    });
  });
}
