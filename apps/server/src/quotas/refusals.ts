/** The quotas' refusals: 413 for storage, 429 for rates and counts. Calm words; the app shows its own. */
import { ApiError } from "../http/errors.ts";

export const vaultStorageFull = (limit: number) =>
  new ApiError(
    413,
    "vault-storage-full",
    `This vault holds as much as this server allows (${limit} bytes). Nothing was stored; what is on the device is safe.`,
  );

export const accountStorageFull = (limit: number) =>
  new ApiError(
    413,
    "account-storage-full",
    `The vaults this account owns hold as much as this server allows (${limit} bytes). Nothing was stored.`,
  );

export const dailyEntryLimit = (scope: "vault" | "account", limit: number, retryAfter: number) =>
  new ApiError(
    429,
    "daily-entry-limit",
    `This ${scope} has taken ${limit} entries today, as many as this server allows. The rest wait on the device and go up later.`,
    retryAfter,
  );

export const streamLimit = (limit: number) =>
  new ApiError(
    429,
    "stream-limit",
    `This device already has ${limit} live updates open, as many as this server allows. Close one first.`,
  );

export const inviteLimit = (scope: "vault" | "account", limit: number) =>
  new ApiError(
    429,
    "invite-limit",
    `This ${scope} has ${limit} invites waiting, as many as this server allows. Withdraw one, or wait until one is used or expires.`,
  );
