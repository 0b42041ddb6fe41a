import { z } from "zod";

/**
 * Issue 12 additions to the wire contract, kept apart from `wire.ts`:
 *
 * - **Fresh proof** for account actions (password change, account deletion):
 *   a session token alone is not enough. The device runs an OPAQUE login for
 *   the signed-in account (`POST /account/reauth/start`), finishes it
 *   locally, and sends the finish message with the action itself
 *   (`freshProof`). The server checks it once, for that session and action.
 * - **Registration ids**: registration finish completes only a start this
 *   server issued for that username.
 * - The refusal reasons these add, and the quota reasons (413 / 429).
 *
 * Nothing here imports `wire.ts` (which imports this file).
 */

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
    error: "must be a lowercase UUID",
  });
const opaqueMessage = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+$/, { error: "must be unpadded base64url" });

/** What a fresh proof is for: it is good for that action only. */
export const reauthActions = ["password-change", "account-delete"] as const;
export const reauthAction = z.enum(reauthActions);
export type ReauthAction = z.infer<typeof reauthAction>;

/** `POST /account/reauth/start` (session): OPAQUE login start for the signed-in account. */
export const reauthStartRequest = z.strictObject({
  action: reauthAction,
  startLoginRequest: opaqueMessage,
});
/** The login state lives 2 minutes on the server, single use, bound to this session and action. */
export const reauthStartResponse = z.strictObject({
  reauthId: uuid,
  loginResponse: opaqueMessage,
});

/** Sent with the action (password finish, account deletion): the OPAQUE login finish message. */
export const freshProof = z.strictObject({
  reauthId: uuid,
  finishLoginRequest: opaqueMessage,
});
export type FreshProof = z.infer<typeof freshProof>;

/** Issued by registration start, for one username, 10 minutes, single use. */
export const registrationId = uuid;

/** Refusals the issue-12 account checks add. */
export const accountProofErrorReasons = [
  /** 401: the action needs a fresh password proof, and this one is missing, wrong, used or expired. */
  "reauth-failed",
  /** 400: registration finish without a matching start for this username (or one that expired). */
  "registration-not-started",
  /** 409: the username looks like one already in use (lookalike letters). */
  "username-confusable",
] as const;

/** Quotas: 413 for storage, 429 for rates and counts (with `retryAfter` where waiting helps). */
export const quotaErrorReasons = [
  /** 413: the vault holds as many bytes as this server allows. */
  "vault-storage-full",
  /** 413: the vaults this account owns hold as many bytes as this server allows. */
  "account-storage-full",
  /** 429: as many entries today as this server takes per vault or account (`retryAfter`). */
  "daily-entry-limit",
  /** 429: this device has as many live streams open as this server allows. */
  "stream-limit",
  /** 429: the vault has as many invites waiting as this server allows. */
  "invite-limit",
] as const;
