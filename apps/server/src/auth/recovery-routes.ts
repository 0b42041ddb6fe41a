/**
 * Recovery by recovery key: `POST /recovery/start`, `…/finish` and
 * `…/complete`. The device proves it holds the recovery key by signing a
 * challenge, sets a new password, and every other session ends. Unknown
 * usernames get answers that look like real ones.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  recoveryCompleteRequest,
  recoveryFinishRequest,
  recoveryStartRequest,
} from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { b64url, parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { publicIdentityOf } from "./identity.ts";
import { rootKeyWrapBytes } from "./key-checks.ts";
import { checkRegistrationRecord, registrationResponse } from "./opaque.ts";
import { consume, rateCounter } from "./rate-limit.ts";
import { CHALLENGE_BYTES, fakeRecoveryWrap, verifyEd25519 } from "./recovery-proof.ts";
import { recoveryFailed } from "./refusals.ts";
import { createSession } from "./sessions.ts";

/** A recovery must finish this soon after it starts (the person types a new password in between). */
export const RECOVERY_SECONDS = 600;

export function registerRecoveryRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post("/recovery/start", async (request) => {
    const body = parseJsonRequest(request, recoveryStartRequest);
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [
        rateCounter(secrets, "recovery-user", body.username, ctx.rateLimits.recoveryPerUsername),
        rateCounter(secrets, "recovery-ip", request.ip, ctx.rateLimits.recoveryPerAddress),
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
    const body = parseJsonRequest(request, recoveryFinishRequest);
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
    const body = parseJsonRequest(request, recoveryCompleteRequest);
    const secrets = await ctx.secrets();
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    const { rows } = await ctx.db.query<{ account_id: string; username: string }>(
      `SELECT r.account_id, a.username FROM recoveries r JOIN accounts a ON a.id = r.account_id
        WHERE r.id = $1 AND r.verified AND r.expires_at > now()`,
      [body.recoveryId],
    );
    const found = rows[0];
    if (found === undefined) throw recoveryFailed();
    checkRegistrationRecord(secrets.opaqueServerSetup, found.username, body.registrationRecord);
    const wrap = rootKeyWrapBytes(body.rootKeyWrap, "rootKeyWrap", "export-key");
    const recovered = await ctx.db.transaction(async (tx) => {
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
    ctx.access.forgetAccount(recovered.accountId, { except: recovered.session.sessionId });
    return recovered;
  });
}
