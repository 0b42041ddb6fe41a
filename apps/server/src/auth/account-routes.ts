/**
 * The signed-in account: `GET /account` (identity and devices),
 * `DELETE /sessions/:sessionId` (signing a device out), `POST /sessions/ended`
 * (a device asking, without its token, whether another device signed it out)
 * and `DELETE /account` (the account, and every vault it owns alone; needs a
 * fresh proof of the password, `reauth.ts`).
 */
import { accountDeleteRequest, sessionEndedRequest, signOutDeviceRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError, invalidRequest } from "../http/errors.ts";
import { b64url, iso, jsonBody, noContent, parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url, parseWith } from "../http/schema.ts";
import { parseUuidParam, requireNoQuery } from "../http/validation.ts";
import { requireIdentity } from "./identity.ts";
import { consume, rateCounter } from "./rate-limit.ts";
import { requireFreshProof } from "./reauth.ts";
import { verifyEd25519 } from "./recovery-proof.ts";
import { ENDED_BY_AGE, endedElsewhere } from "./sessions.ts";
import { signOutMessage } from "./sign-out-message.ts";

export function registerAccountManagementRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.delete<{ Params: { sessionId: string } }>("/sessions/:sessionId", async (request, reply) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const sessionId =
      request.params.sessionId === "current"
        ? caller.sessionId
        : parseUuidParam(request.params.sessionId, "sessionId");
    // "Sign out and erase": the account's signature on erasing exactly that
    // session. Checked here so a device that sends a wrong one hears so now,
    // not when the lost phone quietly declines to erase itself.
    const signature =
      request.body === undefined || request.body === null
        ? null
        : decodeBase64Url(
            parseWith(signOutDeviceRequest, jsonBody(request)).signature,
            "signature",
            64,
          );
    if (signature !== null && sessionId !== caller.sessionId) {
      const { signingKey } = await requireIdentity(ctx.db, caller.accountId);
      const message = signOutMessage({ accountId: caller.accountId, sessionId });
      if (!verifyEd25519(Buffer.from(signingKey, "base64url"), message, signature)) {
        throw invalidRequest(
          "signature is not this account's signature on signing out that session.",
        );
      }
    }
    await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ token_hash: Uint8Array }>(
        "DELETE FROM sessions WHERE id = $1 AND account_id = $2 RETURNING token_hash",
        [sessionId, caller.accountId],
      );
      const ended = rows[0];
      if (ended === undefined) {
        // Also for another account's session: the same answer as for none.
        throw new ApiError(404, "not-found", "This account has no session with this id.");
      }
      if (sessionId !== caller.sessionId && signature !== null) {
        // Signed out and erased from another device: that device is told so,
        // with the signature it checks before it forgets what it holds.
        // Without a signature it is only asked to sign in again.
        await tx.query(
          `INSERT INTO sessions_ended_elsewhere (token_hash, signature) VALUES ($1, $2)
           ON CONFLICT (token_hash) DO NOTHING`,
          [Buffer.from(ended.token_hash), Buffer.from(signature)],
        );
      }
    });
    // Refused at once on this instance; elsewhere the hot statements check again.
    ctx.access.forgetSession(sessionId);
    return noContent(reply);
  });

  // No token: the device may not be able to read its own yet (with the app
  // lock on it is sealed at rest), only the hash it keeps beside it. Limited
  // per address like the other routes that need no sign-in.
  api.post("/sessions/ended", async (request) => {
    const body = parseJsonRequest(request, sessionEndedRequest);
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [rateCounter(secrets, "session-ended-ip", request.ip, ctx.rateLimits.sessionEndedPerAddress)],
      (minutes) =>
        `Too many questions from this address. Please wait ${minutes} min and try again.`,
    );
    const tokenHash = decodeBase64Url(body.tokenHash, "tokenHash", 32);
    const ended = await endedElsewhere(ctx.db, tokenHash);
    if (ended === false) return { endedElsewhere: false };
    return {
      endedElsewhere: true,
      ...(ended.signature !== null && { signature: b64url(ended.signature) }),
    };
  });

  // --- The account --------------------------------------------------------

  api.get("/account", async (request) => {
    const caller = await ctx.caller(request);
    requireNoQuery(request.query);
    const identity = await requireIdentity(ctx.db, caller.accountId);
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

  api.delete("/account", async (request, reply) => {
    const caller = await ctx.caller(request);
    const body = parseJsonRequest(request, accountDeleteRequest);
    const identity = await requireIdentity(ctx.db, caller.accountId);
    if (identity.username !== body.confirmUsername) {
      throw invalidRequest("confirmUsername does not match this account's username.");
    }
    await requireFreshProof(ctx, request, caller, "account-delete", body.proof);
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
    ctx.access.forgetAccount(caller.accountId);
    return noContent(reply);
  });
}
