/**
 * The opening checks of a vault route, in a fixed order so that a request
 * wrong in several ways always gets the same answer: who asks (401), the vault
 * id in the path (400), a second id in the path where the route has one (400),
 * no query string where the route takes none (400), and then, for routes that
 * check it outside a transaction, the caller's access to the vault (404 or
 * 403). The event routes read their query after the access check.
 */
import type { FastifyRequest } from "fastify";
import type { Caller } from "../auth/sessions.ts";
import type { AppContext } from "../context.ts";
import { parseUuidParam, parseVaultId, requireNoQuery } from "../http/validation.ts";
import { type Membership, type Need, requireAccess } from "./access.ts";

/** A request whose path names a vault, and maybe more (`P`). */
type VaultPath<P extends string = never> = FastifyRequest & {
  params: Record<"vaultId" | P, string>;
};

/** Who asks, and the vault the path names. */
export async function vaultCaller(
  ctx: AppContext,
  request: VaultPath,
): Promise<{ caller: Caller; vaultId: string }> {
  const caller = await ctx.caller(request);
  const vaultId = parseVaultId(request.params.vaultId);
  return { caller, vaultId };
}

/** Who asks, the vault, and one thing in it named by the path parameter `param`; no query. */
export async function vaultItemCaller<P extends string>(
  ctx: AppContext,
  request: VaultPath<P>,
  param: P,
): Promise<{ caller: Caller; vaultId: string; itemId: string }> {
  const { caller, vaultId } = await vaultCaller(ctx, request);
  const itemId = parseUuidParam(request.params[param], param);
  requireNoQuery(request.query);
  return { caller, vaultId, itemId };
}

/** Who asks and the vault, no query, and the caller's access to it (`need`). */
export async function vaultAccess(
  ctx: AppContext,
  request: VaultPath,
  need: Need,
): Promise<{ caller: Caller; vaultId: string; membership: Membership }> {
  const { caller, vaultId } = await vaultCaller(ctx, request);
  requireNoQuery(request.query);
  const membership = await requireAccess(ctx.db, vaultId, caller.accountId, need);
  return { caller, vaultId, membership };
}
