/**
 * Registration: `POST /accounts/registration/start` and `…/finish`. OPAQUE
 * registration (the password never reaches the server), then the account row
 * with its wrapped root keys and public keys, and a first session.
 */
import { randomUUID } from "node:crypto";
import { registrationFinishRequest, registrationStartRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { checkRegistrationRecord, registrationResponse } from "./opaque.ts";
import { consume, rateCounter } from "./rate-limit.ts";
import { usernameTaken } from "./refusals.ts";
import { createSession } from "./sessions.ts";

const PUBLIC_KEY_BYTES = 32;

export function registerRegistrationRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post("/accounts/registration/start", async (request) => {
    const body = parseJsonRequest(request, registrationStartRequest);
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [rateCounter(secrets, "registration-ip", request.ip, ctx.rateLimits.registrationPerAddress)],
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
    const body = parseJsonRequest(request, registrationFinishRequest);
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
}
