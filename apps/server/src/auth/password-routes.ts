/**
 * Changing the password while signed in: `POST /account/password/start` and
 * `…/finish`. A new OPAQUE record and export-key wrap; the root key, the
 * identity and every vault key stay the same. Finish needs a fresh proof of
 * the current password (`reauth.ts`): a session token alone is not enough.
 */
import { passwordFinishRequest, passwordStartRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { noContent, parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { requireIdentity } from "./identity.ts";
import { rootKeyWrapBytes } from "./key-checks.ts";
import { checkRegistrationRecord, registrationResponse } from "./opaque.ts";
import { requireFreshProof } from "./reauth.ts";

export function registerPasswordRoutes(api: FastifyInstance, ctx: AppContext): void {
  api.post("/account/password/start", async (request) => {
    const caller = await ctx.caller(request);
    const body = parseJsonRequest(request, passwordStartRequest);
    const secrets = await ctx.secrets();
    const identity = await requireIdentity(ctx.db, caller.accountId);
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
    const body = parseJsonRequest(request, passwordFinishRequest);
    const secrets = await ctx.secrets();
    const identity = await requireIdentity(ctx.db, caller.accountId);
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    checkRegistrationRecord(secrets.opaqueServerSetup, identity.username, body.registrationRecord);
    const wrap = rootKeyWrapBytes(body.rootKeyWrap, "rootKeyWrap", "export-key");
    await requireFreshProof(ctx, request, caller, "password-change", body.proof);
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
    if (body.signOutOthers)
      ctx.access.forgetAccount(caller.accountId, { except: caller.sessionId });
    return noContent(reply);
  });
}
