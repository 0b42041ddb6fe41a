/**
 * The opening checks of the hot routes (append, pull, live stream) through
 * the access cache (access-cache.ts): who asks, and may they read or write
 * this vault. A hit saves two round trips; the statement that then does the
 * work checks both again itself, and when it refuses, `refuseEnded` asks
 * the database the slow way for the exact refusal.
 */
import type { FastifyRequest } from "fastify";
import {
  authenticate,
  authenticateSession,
  bearerTokenHash,
  type Caller,
} from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { unauthenticated } from "../http/errors.ts";
import { parseVaultId } from "../http/validation.ts";
import { checkAccess, findMembership, type Membership, type Need } from "./access.ts";

/** The caller, from the cache or the database. Throws 401 as `authenticate` does. */
export async function hotCaller(ctx: AppContext, request: FastifyRequest): Promise<Caller> {
  const key = bearerTokenHash(request.headers.authorization).toString("base64");
  const hit = ctx.access.caller(key);
  if (hit !== undefined) return hit;
  const found = await authenticateSession(
    ctx.db,
    request.headers.authorization,
    ctx.sessionLifetime,
  );
  ctx.access.rememberCaller(key, found.caller, found.remainingMs);
  return found.caller;
}

/** Who asks, the vault in the path, and their access to it (`need`): 401, 400, 404 or 403 in that order. */
export async function hotVaultAccess(
  ctx: AppContext,
  request: FastifyRequest & { params: { vaultId: string } },
  need: Need,
): Promise<{ caller: Caller; vaultId: string; membership: Membership }> {
  const caller = await hotCaller(ctx, request);
  const vaultId = parseVaultId(request.params.vaultId);
  const hit = ctx.access.membership(vaultId, caller.accountId);
  const membership = checkAccess(
    hit ?? (await findMembership(ctx.db, vaultId, caller.accountId)),
    need,
  );
  if (hit === undefined) ctx.access.rememberMembership(vaultId, caller.accountId, membership);
  return { caller, vaultId, membership };
}

/**
 * The work statement found the session ended or the access gone although
 * the cache said otherwise: forget both and throw the refusal the database
 * gives now (401 expired / signed out / signed out elsewhere, 404, 403).
 */
export async function refuseEnded(
  ctx: AppContext,
  request: FastifyRequest,
  caller: Caller,
  vaultId: string,
  need: Need,
): Promise<never> {
  ctx.access.forgetSession(caller.sessionId);
  ctx.access.forgetMember(vaultId, caller.accountId);
  const now = await authenticate(ctx.db, request.headers.authorization, ctx.sessionLifetime);
  checkAccess(await findMembership(ctx.db, vaultId, now.accountId), need);
  // Both fine a moment later: the session or the grant changed in between.
  throw unauthenticated("This session has ended; sign in again.");
}
