/**
 * Registration: `POST /accounts/registration/start` and `…/finish`. OPAQUE
 * registration (the password never reaches the server), then the account row
 * with its wrapped root keys and public keys, and a first session.
 *
 * Finish completes only a start this server issued for the same username
 * (`registrationId`, 10 minutes, single use). Both steps are limited per
 * client address, so nobody can test which names exist at will. Names that
 * look like one in use are refused (`usernames.ts`).
 */
import { randomUUID } from "node:crypto";
import { registrationFinishRequest, registrationStartRequest } from "@trellis/sync";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { ApiError } from "../http/errors.ts";
import { parseJsonRequest } from "../http/route-helpers.ts";
import { decodeBase64Url } from "../http/schema.ts";
import { publicKeyBytes, rootKeyWrapBytes } from "./key-checks.ts";
import { checkRegistrationRecord, registrationResponse } from "./opaque.ts";
import { consume, rateCounter } from "./rate-limit.ts";
import { usernameTaken } from "./refusals.ts";
import { type ServerSecrets, serverHmac } from "./secrets.ts";
import { createSession } from "./sessions.ts";
import {
  fillMissingSkeletons,
  lockSkeleton,
  refuseTakenOrLookalike,
  usernameSkeleton,
} from "./usernames.ts";

/** A registration start can be finished this long. */
export const REGISTRATION_START_SECONDS = 10 * 60;

const notStarted = () =>
  new ApiError(
    400,
    "registration-not-started",
    "registrationId does not match a registration started for this username, or it took too long. Start again.",
  );

const usernameKey = (secrets: ServerSecrets, username: string) =>
  serverHmac(secrets, "registration", username);

export function registerRegistrationRoutes(api: FastifyInstance, ctx: AppContext): void {
  let skeletonsFilled: Promise<void> | undefined;
  const skeletonsReady = () => {
    skeletonsFilled ??= fillMissingSkeletons(ctx.db).catch((error: unknown) => {
      skeletonsFilled = undefined;
      throw error;
    });
    return skeletonsFilled;
  };

  api.post("/accounts/registration/start", async (request) => {
    const body = parseJsonRequest(request, registrationStartRequest);
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [rateCounter(secrets, "registration-ip", request.ip, ctx.rateLimits.registrationPerAddress)],
      (minutes) => `Too many new accounts from this network. Please try again in ${minutes} min.`,
    );
    await skeletonsReady();
    await refuseTakenOrLookalike(ctx.db, body.username);
    const response = registrationResponse(
      secrets.opaqueServerSetup,
      body.username,
      body.registrationRequest,
    );
    const registrationId = randomUUID();
    await ctx.db.query(
      `INSERT INTO pending_registrations (id, username_key, expires_at)
       VALUES ($1, $2, now() + make_interval(secs => $3::double precision))`,
      [registrationId, usernameKey(secrets, body.username), REGISTRATION_START_SECONDS],
    );
    return { registrationResponse: response, registrationId };
  });

  api.post("/accounts/registration/finish", async (request) => {
    const body = parseJsonRequest(request, registrationFinishRequest);
    const secrets = await ctx.secrets();
    await consume(
      ctx.db,
      [
        rateCounter(
          secrets,
          "registration-finish-ip",
          request.ip,
          ctx.rateLimits.registrationFinishPerAddress,
        ),
      ],
      (minutes) => `Too many new accounts from this network. Please try again in ${minutes} min.`,
    );
    const record = decodeBase64Url(body.registrationRecord, "registrationRecord");
    checkRegistrationRecord(secrets.opaqueServerSetup, body.username, body.registrationRecord);
    const exportWrap = rootKeyWrapBytes(
      body.rootKeyWraps.exportKey,
      "rootKeyWraps.exportKey",
      "export-key",
    );
    const recoveryWrap = rootKeyWrapBytes(
      body.rootKeyWraps.recoveryKey,
      "rootKeyWraps.recoveryKey",
      "recovery-key",
    );
    const signingKey = publicKeyBytes(body.publicIdentity.signingKey, "publicIdentity.signingKey");
    const boxKey = publicKeyBytes(body.publicIdentity.boxKey, "publicIdentity.boxKey");
    const recoveryAuthKey = publicKeyBytes(body.recoveryAuthKey, "recoveryAuthKey");
    await skeletonsReady();
    const accountId = randomUUID();
    return ctx.db.transaction(async (tx) => {
      // The start this finish completes: issued here, for this username, still fresh.
      const { rows } = await tx.query<{ fresh: boolean }>(
        `DELETE FROM pending_registrations WHERE id = $1 AND username_key = $2
         RETURNING expires_at > now() AS fresh`,
        [body.registrationId, usernameKey(secrets, body.username)],
      );
      if (rows[0]?.fresh !== true) throw notStarted();
      await lockSkeleton(tx, body.username);
      await refuseTakenOrLookalike(tx, body.username);
      const inserted = await tx.query(
        `INSERT INTO accounts (id, username, username_skeleton, opaque_record, root_wrap_export,
                               root_wrap_recovery, signing_key, box_key, recovery_auth_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (username) DO NOTHING
         RETURNING id`,
        [
          accountId,
          body.username,
          usernameSkeleton(body.username),
          record,
          exportWrap,
          recoveryWrap,
          signingKey,
          boxKey,
          recoveryAuthKey,
        ],
      );
      if (inserted.rowCount === 0) throw usernameTaken(); // taken by a finish that committed first
      const session = await createSession(tx, accountId, body.deviceName);
      return { accountId, session };
    });
  });
}
