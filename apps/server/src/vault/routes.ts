/**
 * The vault routes, one module per job: vaults (create, list, delete),
 * members, key grants, the owner's invites, accepting an invite, and
 * attachments. The
 * server stores what these carry (ids, roles, sealed grants, token hashes) and
 * can read none of the keys. The event log is in `event-routes.ts`.
 *
 * Every route on a vault asks `requireAccess` first: a vault the caller is not
 * a member of answers 404, exactly as a vault that does not exist. Sealed
 * attachments (raw bytes, not JSON) are in `attachment-routes.ts`.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { registerAttachmentRoutes } from "./attachment-routes.ts";
import { registerGrantRoutes } from "./grant-routes.ts";
import { registerInviteAcceptRoutes } from "./invite-accept-routes.ts";
import { registerInviteRoutes } from "./invite-routes.ts";
import { registerLogRoutes } from "./log-routes.ts";
import { registerMemberRoutes } from "./member-routes.ts";
import { registerVaultLifecycleRoutes } from "./vault-routes.ts";

export function registerVaultRoutes(api: FastifyInstance, ctx: AppContext): void {
  registerVaultLifecycleRoutes(api, ctx);
  registerMemberRoutes(api, ctx);
  registerLogRoutes(api, ctx);
  registerGrantRoutes(api, ctx);
  registerInviteRoutes(api, ctx);
  registerInviteAcceptRoutes(api, ctx);
  registerAttachmentRoutes(api, ctx);
}
