/**
 * The account routes, one module per job: registration, sign-in, the account
 * and its devices (and deleting it), fresh password proofs, password change, recovery by recovery key.
 *
 * Bodies are validated with the wire contract's schemas. OPAQUE messages,
 * tokens and wrapped keys are never logged or echoed in errors.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.ts";
import { registerAccountManagementRoutes } from "./account-routes.ts";
import { registerLoginRoutes } from "./login-routes.ts";
import { registerPasswordRoutes } from "./password-routes.ts";
import { registerReauthRoutes } from "./reauth.ts";
import { registerRecoveryRoutes } from "./recovery-routes.ts";
import { registerRegistrationRoutes } from "./registration-routes.ts";

export function registerAccountRoutes(api: FastifyInstance, ctx: AppContext): void {
  registerRegistrationRoutes(api, ctx);
  registerLoginRoutes(api, ctx);
  registerAccountManagementRoutes(api, ctx);
  registerReauthRoutes(api, ctx);
  registerPasswordRoutes(api, ctx);
  registerRecoveryRoutes(api, ctx);
}
